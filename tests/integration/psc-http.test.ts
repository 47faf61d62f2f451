import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PscError } from "~/modules/accounts";
import { type PscSettings, pscConfiguration } from "~/modules/accounts/index.server";
import { listenPscTestProvider, PSC_REALM_PATH, PSC_TEST_CLIENT, type PscTestProvider } from "../support/psc-provider";
import { startTestServer, type TestServer } from "../support/server";

// The protocol edges of Pro Santé Connect sign-in over HTTP, against a real oidc-provider on loopback.
// The complete flows, through the provider's pages, are driven in Chromium in tests/e2e/psc.test.ts.

let server: TestServer;
let provider: PscTestProvider;
beforeAll(async () => {
  provider = await listenPscTestProvider();
  server = await startTestServer({ env: provider.env });
  provider.start(server.url);
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

const get = (path: string, cookie?: string) => fetch(server.url + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

/** `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function startFlow() {
  const response = await get("/auth/psc?redirectTo=%2Fsignalements%2Fnouveau");
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  return { response, location, state: location.searchParams.get("state")!, cookie: cookiesOf(response) };
}

const tokenRequests = () => provider.requests.filter((r) => r.method === "POST" && r.path.endsWith("/token"));

describe("starting a Pro Santé Connect sign-in", () => {
  it("redirects to the provider's authorization endpoint with PSC's scope, acr, state, nonce and PKCE", async () => {
    const { location } = await startFlow();
    expect(location.origin + location.pathname).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: PSC_TEST_CLIENT.id,
      redirect_uri: `${server.url}/auth/psc/callback`,
      scope: "openid scope_all",
      acr_values: "eidas1",
      code_challenge_method: "S256",
    });
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    // The verifier never leaves the server in the URL.
    expect(location.href).not.toContain("code_verifier");
  });

  it("keeps state, nonce and verifier in a short-lived, signed, HttpOnly cookie scoped to /auth/psc", async () => {
    const { response } = await startFlow();
    const flow = response.headers.getSetCookie().find((c) => c.startsWith("sentinelle_psc_flow="));
    expect(flow).toBeDefined();
    expect(flow).toMatch(/HttpOnly/i);
    expect(flow).toMatch(/SameSite=Lax/i);
    expect(flow).toMatch(/Path=\/auth\/psc/);
    expect(flow).toMatch(/Max-Age=600/);
  });

  it("keeps only a same-site return address in the flow cookie", async () => {
    const flowOf = async (redirectTo: string) => {
      const response = await get(`/auth/psc?redirectTo=${encodeURIComponent(redirectTo)}`);
      const value = decodeURIComponent(response.headers.getSetCookie().find((c) => c.startsWith("sentinelle_psc_flow="))!.split(";")[0].split("=").slice(1).join("="));
      // Remix cookies: base64 of the JSON value, then the signature.
      const json = Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8");
      return JSON.parse(decodeURIComponent(escape(json))) as { redirectTo: string };
    };
    expect((await flowOf("/\t/evil.example")).redirectTo).toBe("/");
    expect((await flowOf("/.//evil.example")).redirectTo).toBe("/");
    expect((await flowOf("/signalements/nouveau")).redirectTo).toBe("/signalements/nouveau");
  });

  it("reads the provider's metadata from the wallet discovery path", () => {
    const discovery = provider.requests.filter((r) => r.path.includes("/.well-known/"));
    expect(discovery.map((r) => r.path)).toEqual([`${PSC_REALM_PATH}/.well-known/wallet-openid-configuration`]);
  });

  it("lets the sign-out form redirect to the provider (CSP form-action)", async () => {
    const csp = (await get("/connexion")).headers.get("content-security-policy")!;
    expect(csp).toContain(`form-action 'self' ${new URL(provider.issuer).origin}`);
  });
});

describe("the callback refuses what this browser did not ask for", () => {
  it("refuses an answer when no sign-in was started in this browser (400, French page, no token request)", async () => {
    const before = tokenRequests().length;
    const response = await get("/auth/psc/callback?code=abc&state=0123456789abcdefghijklmnop");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("ne correspond à aucune connexion en cours");
    expect(html).toContain('href="/connexion"');
    expect(tokenRequests().length).toBe(before);
  });

  it("refuses a forged state, even with a genuine flow cookie, and forgets the flow", async () => {
    const { cookie } = await startFlow();
    const before = tokenRequests().length;
    const response = await get("/auth/psc/callback?code=abc&state=forged-state-forged-state-forged", cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ne correspond pas à votre demande de connexion");
    expect(tokenRequests().length).toBe(before);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("sentinelle_psc_flow=;") && /Max-Age=0/.test(c))).toBe(true);
  });

  it("refuses a flow cookie whose signature was altered", async () => {
    const { cookie, state } = await startFlow();
    const tampered = cookie.replace(/sentinelle_psc_flow=([^.;]+)\.([^;]+)/, (_m, value: string, signature: string) => `sentinelle_psc_flow=${value}.${signature.slice(1)}x`);
    expect(tampered).not.toBe(cookie);
    const response = await get(`/auth/psc/callback?code=abc&state=${state}`, tampered);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ne correspond à aucune connexion en cours");
  });

  it("says the person cancelled when the provider answers access_denied", async () => {
    const { cookie, state } = await startFlow();
    const response = await get(`/auth/psc/callback?error=access_denied&state=${state}`, cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Connexion annulée");
    expect(html).toContain("Aucun compte n&#x27;a été créé");
  });

  it("explains an invalid or expired code, refused by the provider's token endpoint with the client's basic credentials", async () => {
    const { cookie, state } = await startFlow();
    const before = tokenRequests().length;
    const response = await get(`/auth/psc/callback?code=not-a-code-the-provider-issued&state=${state}&iss=${encodeURIComponent(provider.issuer)}`, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("a expiré ou a déjà été utilisé");
    const sent = tokenRequests().slice(before);
    expect(sent).toHaveLength(1);
    // client_secret_basic: id and secret form-urlencoded (RFC 6749 §2.3.1), then base64.
    const [scheme, encoded] = sent[0]!.authorization!.split(" ");
    expect(scheme).toBe("Basic");
    const [id, secret] = Buffer.from(encoded!, "base64").toString().split(":").map(decodeURIComponent);
    expect({ id, secret }).toEqual({ id: PSC_TEST_CLIENT.id, secret: PSC_TEST_CLIENT.secret });
  });

  it("refuses a malformed callback query with a 400, not a 500", async () => {
    const response = await get(`/auth/psc/callback?code=${"x".repeat(3000)}&state=a`);
    expect(response.status).toBe(400);
  });

  it("has no completion form to show or submit without a verified identity waiting", async () => {
    const page = await get("/auth/psc/finaliser");
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Aucune connexion Pro Santé Connect en cours");
    const post = await fetch(server.url + "/auth/psc/finaliser", {
      method: "POST",
      body: new URLSearchParams({ intent: "create", email: "intrus@exemple.test" }),
      redirect: "manual",
    });
    expect(post.status).toBe(400);
    const created = server.database.db.$client.prepare("select count(*) as n from users where email = ?").get("intrus@exemple.test") as { n: number };
    expect(created.n).toBe(0);
  });
});

describe("discovery", () => {
  const settingsFor = (issuer: string, discoveryUrl?: string): PscSettings => ({
    issuer,
    clientId: PSC_TEST_CLIENT.id,
    clientSecret: PSC_TEST_CLIENT.secret,
    discoveryUrl,
    scope: "openid scope_all",
    acr: "eidas1",
    tokenAuthMethod: "client_secret_basic",
  });

  it("falls back to the standard path when the wallet document is not published", async () => {
    const standardOnly = await listenPscTestProvider({ wallet: false });
    standardOnly.start(server.url);
    try {
      const config = await pscConfiguration(settingsFor(standardOnly.issuer));
      expect(config.serverMetadata().issuer).toBe(standardOnly.issuer);
      expect(standardOnly.requests.map((r) => r.path)).toEqual([
        `${PSC_REALM_PATH}/.well-known/wallet-openid-configuration`,
        `${PSC_REALM_PATH}/.well-known/openid-configuration`,
      ]);
    } finally {
      await standardOnly.close();
    }
  });

  it("refuses a discovery document that names another issuer", async () => {
    const other = await listenPscTestProvider();
    other.start(server.url);
    try {
      const attempt = pscConfiguration(settingsFor(provider.issuer, `${other.issuer}/.well-known/wallet-openid-configuration`));
      await expect(attempt).rejects.toBeInstanceOf(PscError);
      await expect(attempt).rejects.toMatchObject({ status: 502 });
    } finally {
      await other.close();
    }
  });

  it("answers 502 when the provider cannot be reached", async () => {
    const gone = await listenPscTestProvider();
    const issuer = gone.issuer;
    await gone.close();
    await expect(pscConfiguration(settingsFor(issuer))).rejects.toMatchObject({ status: 502, code: "provider_unreachable" });
  });
});

describe("provider down", () => {
  // Last: it stops the provider.
  it("shows a French 502 page when the provider stops answering during the code exchange", async () => {
    const { cookie, state } = await startFlow();
    await provider.close();
    const response = await get(`/auth/psc/callback?code=some-code&state=${state}&iss=${encodeURIComponent(provider.issuer)}`, cookie);
    expect(response.status).toBe(502);
    const html = await response.text();
    expect(html).toContain("Pro Santé Connect ne répond pas");
    expect(html).toContain('href="/connexion"');
  });
});
