import { createCookie, type Cookie } from "@remix-run/node";
import { getEnv, type Env } from "./env.server";

// One set of cookies per configuration: tests change the configuration (resetEnvForTests), a server never does.
const made = new WeakMap<Env, Map<string, Cookie>>();

/**
 * The one way the platform makes a cookie: signed with the server secret, HttpOnly, SameSite=Lax (a provider or an
 * e-mail sends the browser back with a top-level GET from elsewhere), Secure whenever the public address is https
 * (deployments; plain http stays usable on localhost). Without `maxAge`, a session cookie, gone when the browser
 * closes. The privacy page lists every name (`/donnees-personnelles`).
 */
export function signedCookie(name: string, { path = "/", maxAge }: { path?: string; maxAge?: number } = {}): Cookie {
  const env = getEnv();
  const cookies = made.get(env) ?? new Map<string, Cookie>();
  made.set(env, cookies);
  let cookie = cookies.get(name);
  if (!cookie) {
    cookie = createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      path,
      secure: env.PUBLIC_URL?.startsWith("https:") ?? false,
      secrets: [env.SESSION_SECRET],
      ...(maxAge === undefined ? {} : { maxAge }),
    });
    cookies.set(name, cookie);
  }
  return cookie;
}
