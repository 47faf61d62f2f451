import { DEMO_PASSWORD } from "~/seed/demo.server";

/** Signs in through the real form (as a browser without JavaScript would) and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/connexion`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed for ${email}: ${response.status}`);
  return cookie.split(";")[0];
}

/** A personal API token for a demo account, through the public endpoint. */
export async function apiToken(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`Token request failed for ${email}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
