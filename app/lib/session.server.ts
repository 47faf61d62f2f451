import { signedCookie } from "./cookies.server";

/** The session cookie holds only the session id; everything else stays in the database. */
const sessionCookie = () => signedCookie("sentinelle_session", { maxAge: 30 * 86_400 });

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length < 200 ? value : null;
}

export function commitSessionId(id: string) {
  return sessionCookie().serialize(id);
}

export function clearSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0 });
}
