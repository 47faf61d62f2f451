import { z } from "zod";
import { signedCookie } from "~/lib/cookies.server";

/**
 * A personal invitation link lets whoever holds it answer in the invitee's place until the response is sent. Its
 * address reaches the server once (the e-mailed link); the token then travels in this cookie, so that no later
 * address carries it (access logs, proxies, browser history). A session cookie, with no lifetime: practice PCs are
 * shared, and the e-mailed link sets it again. Scoped to the surveys' pages and bound to one survey.
 */
// `/enquetes`, not the survey's own address: the pages' data requests (`/enquetes/<slug>.data`) need it too.
const invitationCookie = () => signedCookie("sentinelle_enquete", { path: "/enquetes" });

const heldInvitation = z.object({ slug: z.string(), token: z.string().min(1).max(200) });

/** The invitation token the browser holds for this survey, if any. */
export async function readInvitationToken(request: Request, slug: string): Promise<string | null> {
  const held = heldInvitation.safeParse(await invitationCookie().parse(request.headers.get("Cookie")));
  return held.success && held.data.slug === slug ? held.data.token : null;
}

export function invitationCookieHeader(slug: string, token: string) {
  return invitationCookie().serialize({ slug, token });
}

export function clearInvitationCookieHeader() {
  return invitationCookie().serialize("", { maxAge: 0 });
}
