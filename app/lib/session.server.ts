import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

let cookie: ReturnType<typeof createCookie> | undefined;

/** The session cookie holds only the session id; everything else stays in the database. */
function sessionCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie("sentinelle_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure whenever the public address is https (deployments); plain http stays usable on localhost.
    secure: env.PUBLIC_URL?.startsWith("https:") ?? false,
    secrets: [env.SESSION_SECRET],
    maxAge: 30 * 86_400,
  });
  return cookie;
}

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
