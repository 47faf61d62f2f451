import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_OPERATIONS } from "~/modules/api/index.server";
import { loadBuild } from "../../server";
import { apiToken, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Property-based: whatever arrives, the answer is never a 5xx and the server stays healthy.
let server: TestServer;
let tokens: string[];
let cookies: string[];
beforeAll(async () => {
  server = await startTestServer();
  tokens = [await apiToken(server.url, "equipe@demo.sentinelle.fr"), await apiToken(server.url, "medecin@demo.sentinelle.fr")];
  cookies = [await signInCookie(server.url, "equipe@demo.sentinelle.fr"), await signInCookie(server.url, "medecin@demo.sentinelle.fr")];
}, 60_000);
afterAll(() => server.close());

const hostileStrings = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    "1; DROP TABLE irritants; --",
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "%00",
    "\u0000\u0001\u0007\u001b",
    "\uD800",
    "\uDFFF\uD800",
    "𝕊𝔼𝔾𝕌ℝ",
    "=cmd|' /C calc'!A0",
    "__proto__",
    "constructor",
    "9".repeat(400),
    "-1",
    "1e309",
  ),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.nat({ max: 5 }).map((n) => "x".repeat(20_000 * (n + 1))),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileStrings, { maxLength: 5 }),
  fc.dictionary(hostileStrings, hostileStrings, { maxKeys: 3 }),
);
/** Bodies: random JSON, objects with likely field names and wrong values, prototype-pollution keys. */
const hostileBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      title: hostileValue,
      body: hostileValue,
      themes: hostileValue,
      status: hostileValue,
      visibility: hostileValue,
      resolution: hostileValue,
      email: hostileValue,
      password: hostileValue,
      productId: hostileValue,
    }, { requiredKeys: [] })
    .map((o) => JSON.stringify(o)),
  fc.constantFrom('{"__proto__": {"isAdmin": true}}', '{"constructor": {"prototype": {"role": "admin"}}}', "{", "[1,2", "null", '"texte"', "\uD800", ""),
);
const hostileId = fc.constantFrom("0", "-1", "abc", "1.5", "99999999999999999999", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "1%00", "1;select", "%F0%9F%98%80", "1e3");

/**
 * fetch, tried again (twice at most) when the connection was reset: after refusing an oversized upload (413) the server closes
 * the connection, and a kept-alive socket can be reset under the next request. A real crash fails every time (and
 * /healthz at the end would fail).
 */
async function send(url: string, init: RequestInit) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const concrete = (path: string, id: string) => path.replace("{id}", id).replace("{slug}", id);

describe("hostile input", () => {
  it("never answers an API call with a 5xx, whatever the body, path or query", async () => {
    for (const op of API_OPERATIONS) {
      await fc.assert(
        fc.asyncProperty(hostileId, hostileBody, fc.dictionary(fc.constantFrom("q", "theme", "cursor", "limit", "status", "text", "vendor"), hostileStrings, { maxKeys: 3 }), fc.nat({ max: 2 }), async (id, body, query, who) => {
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(query)) qs.set(k, v.slice(0, 2000).replace(/[\uD800-\uDFFF]/g, "?"));
          const headers: Record<string, string> = { "Content-Type": "application/json" };
          if (who < tokens.length) headers.Authorization = `Bearer ${tokens[who]}`;
          const url = `${server.url}/api/v1${concrete(op.path, id)}?${qs}`;
          const response = await send(url, { method: op.method.toUpperCase(), headers, body: op.method === "get" ? undefined : body }).catch((error) => {
            throw new Error(`${op.method.toUpperCase()} ${url} with ${body.length} bytes: ${(error as Error).cause ?? error}`);
          });
          const text = await response.text();
          if (response.status >= 500) throw new Error(`${op.method.toUpperCase()} ${op.path} (${id}) → ${response.status}: ${text.slice(0, 300)}`);
        }),
        { numRuns: 12 },
      );
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 300_000);

  it("never answers a form action with a 5xx", async () => {
    const build = await loadBuild();
    const withActions = Object.values(build.routes).filter((r) => r.module.action && r.path && !r.id.startsWith("routes/api."));
    expect(withActions.length).toBeGreaterThan(20);
    for (const route of withActions) {
      await fc.assert(
        fc.asyncProperty(
          hostileId,
          fc.dictionary(fc.constantFrom("intent", "title", "body", "email", "password", "status", "themes", "jeton", "count", "userId", "subjectId", "mode-reply", "answer", "__proto__"), hostileStrings, { maxKeys: 5 }),
          fc.nat({ max: 2 }),
          async (id, fields, who) => {
            const path = "/" + route.path!.replace(/:[a-zA-Z]+/g, id).replace(/\/\*$/, "");
            const form = new URLSearchParams();
            for (const [k, v] of Object.entries(fields)) form.append(k, v.slice(0, 10_000).replace(/[\uD800-\uDFFF]/g, "?"));
            const response = await send(server.url + path, {
              method: "POST",
              headers: who < cookies.length ? { Cookie: cookies[who] } : {},
              body: form,
              redirect: "manual",
            });
            const text = await response.text();
            if (response.status >= 500) throw new Error(`POST ${path} → ${response.status}: ${text.slice(0, 300)}`);
          },
        ),
        { numRuns: 8 },
      );
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 300_000);

  it("never renders stored markup live", async () => {
    // Fresh sessions: the form fuzzing above may have posted to /deconnexion.
    cookies = [await signInCookie(server.url, "equipe@demo.sentinelle.fr"), await signInCookie(server.url, "medecin@demo.sentinelle.fr")];
    const payload = "<script>alert('stocké')</script><img src=x onerror=alert(2)>";
    const filed = await fetch(`${server.url}/api/v1/irritants`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens[1]}`, "Content-Type": "application/json" },
      body: JSON.stringify({ title: `Titre ${payload}`, body: `Description ${payload}`, themes: ["mssante"] }),
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: number };
    for (const [path, cookie] of [[`/signalements/${id}`, cookies[1]], [`/equipe/signalements/${id}`, cookies[0]], ["/equipe/signalements?status=tous", cookies[0]]] as const) {
      const html = await (await fetch(server.url + path, { headers: { Cookie: cookie } })).text();
      expect(html).toContain("&lt;script&gt;alert(");
      expect(html).not.toContain("<script>alert(");
      expect(html).not.toContain("<img src=x onerror");
    }
  });
});
