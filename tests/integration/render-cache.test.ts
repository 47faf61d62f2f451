import { createHash } from "node:crypto";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants } from "#db/schema";
import { DEMO_ACCOUNTS } from "~/seed/demo.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let team: string;
const cookies = new Map<string, string>();
beforeAll(async () => {
  server = await startTestServer();
  for (const account of DEMO_ACCOUNTS) cookies.set(account.role + ":" + account.email, await signInCookie(server.url, account.email));
  team = cookies.get("team:equipe@demo.sentinelle.fr")!;
});
afterAll(() => server.close());

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request whose headers are exactly these (fetch adds its own Accept-Encoding and decompresses). */
function raw(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(server.url + path, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const text = (response: Raw) => response.body.toString("utf8");
const post = (cookie: string, path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });

/** Two anonymous requests: the second must come from the cache. Returns the second. */
async function warm(path: string) {
  await raw(path);
  const second = await raw(path);
  expect(second.headers["x-cache"], path).toBe("hit");
  return second;
}

const PUBLIC_PAGES = ["/", "/signalements", "/signalements?theme=mssante", "/plan-action", "/avancement", "/avancement/donnees", "/points-etape", "/resultats", "/seminaires", "/mentions-legales", "/accessibilite", "/reglementation", "/flux.atom"];

describe("render cache of anonymous public pages", () => {
  it("serves a second anonymous request of each public page from the cache, with the same bytes", async () => {
    for (const path of PUBLIC_PAGES) {
      const first = await raw(path);
      expect(first.status, path).toBe(200);
      expect(first.headers["x-cache"], path).toBe("miss");
      const second = await raw(path);
      expect(second.headers["x-cache"], path).toBe("hit");
      expect(second.body.equals(first.body), path).toBe(true);
      expect(second.headers["content-type"], path).toBe(first.headers["content-type"]);
    }
  });

  it("keeps no error page: a 404 is rendered on every request", async () => {
    const first = await raw("/signalements/99999999");
    const second = await raw("/signalements/99999999");
    expect([first.status, second.status]).toEqual([404, 404]);
    expect(second.headers["x-cache"]).toBe("miss");
  });

  it("answers HEAD from the cache without a body", async () => {
    await warm("/plan-action");
    const head = await raw("/plan-action", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["x-cache"]).toBe("hit");
    expect(head.body.length).toBe(0);
  });

  it("serves brotli and gzip compressed once, identity otherwise, varying on Accept-Encoding and cookies", async () => {
    const identity = await warm("/signalements");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    const br = await raw("/signalements", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["x-cache"]).toBe("hit");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    const gzip = await raw("/signalements", { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    expect(br.body.length).toBeLessThan(identity.body.length / 3);
    for (const response of [identity, br, gzip]) expect(response.headers.vary).toMatch(/Accept-Encoding, Cookie, Authorization/);
  });

  it("answers 304 to If-None-Match with the page's ETag, for each encoding", async () => {
    const page = await warm("/avancement");
    const tag = page.headers.etag!;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const notModified = await raw("/avancement", { "If-None-Match": tag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const br = await raw("/avancement", { "Accept-Encoding": "br" });
    expect(br.headers.etag).not.toBe(tag);
    expect((await raw("/avancement", { "Accept-Encoding": "br", "If-None-Match": br.headers.etag! })).status).toBe(304);
    expect((await raw("/avancement", { "If-None-Match": '"autre-chose"' })).status).toBe(200);
  });

  it("serves cached HTML under a strict CSP: the hashes of its inline scripts, no nonce, the rest of the policy unchanged", async () => {
    const first = await warm("/");
    const second = await raw("/");
    for (const response of [first, second]) {
      const html = text(response);
      const policy = String(response.headers["content-security-policy"]);
      expect(html).not.toMatch(/nonce=/);
      expect(policy).not.toContain("'nonce-");
      expect(policy).not.toContain("unsafe-inline");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/src=/.test(attributes));
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
      for (const [, , content] of scripts) expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(content).digest("base64")}'`);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
    // A response that is rendered (signed in) still gets its own fresh nonce each time.
    const signedIn = [await raw("/", { Cookie: team }), await raw("/", { Cookie: team })];
    const nonces = signedIn.map((r) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    signedIn.forEach((r, i) => expect(text(r)).toContain(`nonce="${nonces[i]}"`));
  });

  it("never serves nor fills the cache for a signed-in request, whatever the role; no cached byte differs by role", async () => {
    const reference = new Map<string, Buffer>();
    for (const path of PUBLIC_PAGES) reference.set(path, (await warm(path)).body);
    for (const [key, cookie] of cookies) {
      const email = key.split(":")[1];
      const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
      for (const path of PUBLIC_PAGES) {
        const signedIn = await raw(path, { Cookie: cookie });
        expect(signedIn.headers["x-cache"], `${path} as ${email}`).toBeUndefined();
        const anonymous = await raw(path);
        expect(anonymous.headers["x-cache"], `${path} after ${email}`).toBe("hit");
        expect(anonymous.body.equals(reference.get(path)!), `${path} after ${email}`).toBe(true);
        expect(text(anonymous)).not.toContain(account.displayName);
      }
      // Signed in first, on an address never asked for: the next anonymous request is still a miss (nothing was filled).
      const fresh = `/mentions-legales?depuis=${account.role}-${encodeURIComponent(email)}`;
      expect((await raw(fresh, { Cookie: cookie })).headers["x-cache"]).toBeUndefined();
      expect((await raw(fresh)).headers["x-cache"]).toBe("miss");
    }
    // Any cookie or an Authorization header bypasses the cache too.
    expect((await raw("/", { Cookie: "autre=1" })).headers["x-cache"]).toBeUndefined();
    expect((await raw("/", { Authorization: "Bearer abc" })).headers["x-cache"]).toBeUndefined();
    // Pages that are not public are never cached.
    expect((await raw("/connexion")).headers["x-cache"]).toBeUndefined();
    expect((await raw("/signalements/nouveau")).headers["x-cache"]).toBeUndefined();
  });

  it("shows a published irritant, and a change to a published one, on the first request after the commit", async () => {
    const db = server.database.db;
    const unpublished = db
      .select({ id: irritants.id, title: irritants.title })
      .from(irritants)
      .where(and(eq(irritants.published, false), isNull(irritants.hiddenAt), isNull(irritants.mergedIntoId)))
      .get()!;
    await warm("/signalements");
    await warm("/");
    expect((await raw(`/signalements/${unpublished.id}`)).status).toBe(404);
    expect((await post(team, `/equipe/signalements/${unpublished.id}`, { intent: "publish", confirm: "1" })).status).toBeLessThan(400);
    const page = await raw(`/signalements/${unpublished.id}`);
    expect(page.status).toBe(200);
    expect(text(page)).toContain(escapeHtml(unpublished.title));
    const list = await raw("/signalements");
    expect(list.headers["x-cache"]).toBe("miss");
    expect(text(list)).toContain(escapeHtml(unpublished.title));

    // A change to it: unpublished again, the cached page and the list follow at once.
    await warm(`/signalements/${unpublished.id}`);
    expect((await post(team, `/equipe/signalements/${unpublished.id}`, { intent: "unpublish" })).status).toBeLessThan(400);
    expect((await raw(`/signalements/${unpublished.id}`)).status).toBe(404);
    expect(text(await raw("/signalements"))).not.toContain(escapeHtml(unpublished.title));
  });

  it("never shows a stale list of points d'étape once one is published", async () => {
    const before = await warm("/points-etape");
    expect(text(before)).not.toContain("printemps 2024");
    await warm("/flux.atom");
    expect((await post(team, "/equipe/avancement/2", { intent: "publish" })).status).toBe(200);
    const after = await raw("/points-etape");
    expect(after.headers["x-cache"]).toBe("miss");
    expect(text(after)).toContain("printemps 2024");
    expect(text(await raw("/flux.atom"))).toContain("printemps 2024");
    expect((await raw("/points-etape/point-etape-printemps-2024")).status).toBe(200);
  });

  it("sees a change committed by another connection (as the worker's process writes) through the events log", async () => {
    const published = server.database.db.select({ id: irritants.id }).from(irritants).where(and(eq(irritants.published, true), isNull(irritants.hiddenAt), isNull(irritants.mergedIntoId))).get()!;
    const path = `/signalements/${published.id}`;
    expect(text(await warm(path))).not.toContain("Titre changé par un autre processus");
    const other = (await import("#db/client")).openDatabase(server.database.file);
    try {
      const { recordEvent } = await import("~/lib/events.server");
      other.transaction((tx) => {
        tx.update(irritants).set({ title: "Titre changé par un autre processus" }).where(eq(irritants.id, published.id)).run();
        recordEvent(tx, { type: "irritant.themes_confirmed", actorId: null, subject: { type: "irritant", id: published.id }, payload: { themes: [] } });
      });
    } finally {
      other.$client.close();
    }
    const after = await raw(path);
    expect(after.headers["x-cache"]).toBe("miss");
    expect(text(after)).toContain("Titre changé par un autre processus");
  });
});

const escapeHtml = (value: string) => value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
