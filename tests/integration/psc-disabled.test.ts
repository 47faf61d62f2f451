import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Without PSC_ISSUER, PSC_CLIENT_ID and PSC_CLIENT_SECRET, nothing about Pro Santé Connect exists.
let server: TestServer;
beforeAll(async () => {
  for (const name of ["PSC_ISSUER", "PSC_CLIENT_ID", "PSC_CLIENT_SECRET", "PSC_DISCOVERY_URL"]) delete process.env[name];
  // An issuer alone is not enough: the client id and secret are missing.
  server = await startTestServer({ env: { PSC_ISSUER: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet" } });
});
afterAll(() => server?.close());

describe("Pro Santé Connect not configured", () => {
  it("shows no PSC button on the sign-in and sign-up pages", async () => {
    for (const path of ["/connexion", "/inscription"]) {
      const response = await fetch(server.url + path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toMatch(/<h1[^>]*>(Se connecter|Créer un compte)<\/h1>/);
      expect(html).not.toContain("Pro Santé Connect");
      expect(html).not.toContain("/auth/psc");
    }
  });

  it("answers 404 on every /auth/psc route", async () => {
    for (const path of ["/auth/psc", "/auth/psc?redirectTo=%2Fcompte", "/auth/psc/callback?code=abc&state=def", "/auth/psc/callback?error=access_denied", "/auth/psc/finaliser"]) {
      const response = await fetch(server.url + path, { redirect: "manual" });
      expect(response.status, path).toBe(404);
    }
    const post = await fetch(server.url + "/auth/psc/finaliser", {
      method: "POST",
      body: new URLSearchParams({ intent: "create", email: "quelquun@exemple.test" }),
      redirect: "manual",
    });
    expect(post.status).toBe(404);
  });

  it("keeps the sign-out form on this site (CSP form-action 'self' only)", async () => {
    const csp = (await fetch(server.url + "/connexion")).headers.get("content-security-policy")!;
    expect(csp).toMatch(/form-action 'self';/);
  });

  it("signs out of the app as before, back to the home page", async () => {
    const cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    const response = await fetch(server.url + "/deconnexion", { method: "POST", headers: { Cookie: cookie }, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const after = await fetch(server.url + "/compte", { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/connexion/);
  });
});
