import { createHash, randomBytes } from "node:crypto";
import { signedCookie } from "~/lib/cookies.server";

/**
 * Workshop participants have no account: their browser holds a random token in a signed, HTTP-only cookie,
 * and the database keeps only its hash, per workshop. It is what the dot allowance and the card rate limit
 * are counted against; it says nothing about who the person is.
 */
// A seminar day, and the days after it when the board is read again.
const participantCookie = () => signedCookie("sentinelle_atelier", { maxAge: 7 * 86_400 });

export async function readParticipantToken(request: Request): Promise<string | null> {
  const value = await participantCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{32,64}$/.test(value) ? value : null;
}

export function newParticipantToken() {
  return randomBytes(24).toString("base64url");
}

export function participantCookieHeader(token: string) {
  return participantCookie().serialize(token);
}

export function hashParticipantToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
