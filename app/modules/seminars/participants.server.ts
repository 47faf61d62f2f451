import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";

/**
 * Workshop participants have no account: their browser holds a random token in a signed, HTTP-only cookie,
 * and the database keeps only its hash, per workshop. It is what the dot allowance and the card rate limit
 * are counted against; it says nothing about who the person is.
 */
let cookie: ReturnType<typeof createCookie> | undefined;

function participantCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie("sentinelle_atelier", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.PUBLIC_URL?.startsWith("https:") ?? false,
    secrets: [env.SESSION_SECRET],
    // A seminar day, and the days after it when the board is read again.
    maxAge: 7 * 86_400,
  });
  return cookie;
}

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
