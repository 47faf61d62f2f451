import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails, users } from "#db/schema";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await startTestServer({ env: { MAX_BODY_BYTES: "20000" } });
  url = server.url;
});
afterAll(() => server.close());

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "Content-Type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("edge", () => {
  it("answers /healthz when the database answers", async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("sends a CSP with a fresh nonce on every rendered page, and the hardening headers", async () => {
    // Anonymous public pages come from the render cache, under the hashes of their scripts (render-cache.test.ts).
    const [a, b] = await Promise.all([fetch(`${url}/connexion`), fetch(`${url}/connexion`)]);
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(a.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-powered-by")).toBeNull();
    const html = await a.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonceOf(a)}"`);
  });

  it("compresses pages", async () => {
    const response = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("refuses a state-changing request from another site", async () => {
    const response = await fetch(`${url}/connexion`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: new URLSearchParams({ email: "medecin@demo.sentinelle.fr", password: "sentinelle-demo" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    const crossSite = await fetch(`${url}/api/v1/tokens`, {
      method: "POST",
      ...json({ email: "medecin@demo.sentinelle.fr", password: "sentinelle-demo" }, { "Sec-Fetch-Site": "cross-site" }),
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("accepts a request from its own origin", async () => {
    const response = await fetch(`${url}/connexion`, {
      method: "POST",
      headers: { Origin: url },
      body: new URLSearchParams({ email: "medecin@demo.sentinelle.fr", password: "sentinelle-demo" }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
  });

  it("refuses oversized bodies with 413", async () => {
    const response = await fetch(`${url}/api/v1/tokens`, { method: "POST", ...json({ email: "a@b.fr", password: "x".repeat(30_000) }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("answers unknown pages with a French 404 page, without a stack trace", async () => {
    const response = await fetch(`${url}/nulle-part`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page introuvable");
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });

  it("answers unknown API addresses with the JSON error shape", async () => {
    const response = await fetch(`${url}/api/v1/nulle-part`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Ressource introuvable." } });
  });
});

describe("sign-in without JavaScript", () => {
  it("signs in with a form post and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await fetch(`${url}/connexion`, {
      method: "POST",
      body: new URLSearchParams({ email: "equipe@demo.sentinelle.fr", password: "sentinelle-demo" }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/equipe");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("answers a wrong password with 401 and the same message as an unknown e-mail", async () => {
    const post = (email: string) =>
      fetch(`${url}/connexion`, { method: "POST", body: new URLSearchParams({ email, password: "mauvais mot de passe" }), redirect: "manual" });
    const [wrongPassword, unknownEmail] = await Promise.all([post("medecin@demo.sentinelle.fr"), post("personne@demo.sentinelle.fr")]);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const message = "Adresse e-mail ou mot de passe incorrect.";
    expect(await wrongPassword.text()).toContain(message);
    expect(await unknownEmail.text()).toContain(message);
  });

  it("answers missing fields with 422 and French messages", async () => {
    const response = await fetch(`${url}/connexion`, { method: "POST", body: new URLSearchParams({ email: "pas-une-adresse" }) });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Cette adresse e-mail n&#x27;est pas valide.");
    expect(html).toContain("Indiquez votre mot de passe.");
  });

  it("answers a body that is not a form with 400", async () => {
    const response = await fetch(`${url}/connexion`, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
    expect(response.status).toBe(400);
  });

  it("signs out with a POST and the session stops working", async () => {
    const cookie = await signInCookie(url, "medecin@demo.sentinelle.fr");
    expect((await fetch(`${url}/compte`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
    const out = await fetch(`${url}/deconnexion`, { method: "POST", headers: { Cookie: cookie }, redirect: "manual" });
    expect(out.status).toBe(302);
    const after = await fetch(`${url}/compte`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/connexion?redirectTo=%2Fcompte");
  });
});

describe("sign-up", () => {
  const database = () => server.database.db;
  const form = (fields: Record<string, string>) =>
    fetch(`${url}/inscription`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  const valid = {
    role: "practitioner",
    displayName: "Nouveau compte",
    email: "nouveau@test.fr",
    password: "une phrase de passe",
    passwordConfirmation: "une phrase de passe",
    profession: "infirmier",
  };

  it("creates a practitioner account from the e-mailed link, then signs it in", async () => {
    const response = await form(valid);
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toBeNull();
    const mail = database().select().from(outboxEmails).where(eq(outboxEmails.to, "nouveau@test.fr")).get()!;
    const jeton = mail.text.match(/inscription\/confirmer\?jeton=([\w-]+)/)![1];
    const done = await fetch(`${url}/inscription/confirmer`, { method: "POST", body: new URLSearchParams({ jeton }), redirect: "manual" });
    expect(done.status).toBe(303);
    const cookie = done.headers.get("set-cookie")!.split(";")[0];
    const account = await fetch(`${url}/compte`, { headers: { Cookie: cookie } });
    expect(await account.text()).toContain("nouveau@test.fr");
    expect(database().select().from(users).where(eq(users.email, "nouveau@test.fr")).get()).toMatchObject({ role: "practitioner", profession: "infirmier" });
  });

  it("answers a taken e-mail as a new one, without saying it is taken", async () => {
    const response = await form({ ...valid, email: "medecin@demo.sentinelle.fr" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/inscription?envoye=1");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a self-assigned admin role with 422", async () => {
    const response = await form({ ...valid, email: "pirate@test.fr", role: "admin" });
    expect(response.status).toBe(422);
    expect((await fetch(`${url}/connexion`, { method: "POST", body: new URLSearchParams({ email: "pirate@test.fr", password: valid.password }), redirect: "manual" })).status).toBe(401);
  });
});

describe("API", () => {
  it("issues a token for good credentials and refuses bad ones with 401", async () => {
    const ok = await fetch(`${url}/api/v1/tokens`, { method: "POST", ...json({ email: "medecin@demo.sentinelle.fr", password: "sentinelle-demo" }) });
    expect(ok.status).toBe(201);
    expect((await ok.json()).token).toMatch(/^snt_/);
    const bad = await fetch(`${url}/api/v1/tokens`, { method: "POST", ...json({ email: "medecin@demo.sentinelle.fr", password: "non" }) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: "unauthenticated", message: "Adresse e-mail ou mot de passe incorrect." } });
  });

  it("answers malformed JSON with 400 and wrong types with 422 and field messages", async () => {
    const malformed = await fetch(`${url}/api/v1/tokens`, { method: "POST", ...json("{not json") });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");
    const wrongTypes = await fetch(`${url}/api/v1/tokens`, { method: "POST", ...json({ email: 42, password: ["x"] }) });
    expect(wrongTypes.status).toBe(422);
    const body = await wrongTypes.json();
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("lists themes", async () => {
    const body = await (await fetch(`${url}/api/v1/themes`)).json();
    expect(body.items[0]).toEqual({ slug: "ins", label: "INS (identité nationale de santé)" });
    expect(body.items).toHaveLength(10);
  });

  it("shows the public published irritants only", async () => {
    const body = await (await fetch(`${url}/api/v1/irritants`)).json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { published: boolean }) => i.published)).toBe(true);
    const team = await apiToken(url, "equipe@demo.sentinelle.fr");
    const all = await (await fetch(`${url}/api/v1/irritants`, { headers: bearer(team) })).json();
    expect(all.items.length).toBeGreaterThan(body.items.length);
    const unpublished = all.items.find((i: { published: boolean }) => !i.published);
    expect((await fetch(`${url}/api/v1/irritants/${unpublished.id}`)).status).toBe(404);
  });

  it("files an irritant with a token, and only the team may change its status", async () => {
    const practitioner = await apiToken(url, "medecin@demo.sentinelle.fr");
    const created = await fetch(`${url}/api/v1/irritants`, {
      method: "POST",
      ...json({ title: "Envoi au DMP bloquant", body: "L'envoi bloque l'écran pendant trente secondes.", themes: ["mes-dmp"] }, bearer(practitioner)),
    });
    expect(created.status).toBe(201);
    const { id, themes, redacted, similar } = await created.json();
    expect(themes).toEqual(["mes-dmp"]);
    expect(redacted).toBe(0);
    expect(Array.isArray(similar)).toBe(true);

    const denied = await fetch(`${url}/api/v1/irritants/${id}`, { method: "PATCH", ...json({ status: "resolved" }, bearer(practitioner)) });
    expect(denied.status).toBe(403);
    const team = await apiToken(url, "equipe@demo.sentinelle.fr");
    const patched = await fetch(`${url}/api/v1/irritants/${id}`, { method: "PATCH", ...json({ status: "triaged", published: true }, bearer(team)) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({ id, status: "triaged", published: true, hidden: false, mergedInto: null });
    expect((await (await fetch(`${url}/api/v1/irritants/${id}`)).json()).status).toBe("triaged");
  });

  it("refuses filing to anonymous callers (401), and a vendor's report that names no other vendor's software (422)", async () => {
    const irritant = { title: "Titre correct", body: "Description correcte.", themes: ["ins"] };
    expect((await fetch(`${url}/api/v1/irritants`, { method: "POST", ...json(irritant) })).status).toBe(401);
    const vendor = await apiToken(url, "editeur-a@demo.sentinelle.fr");
    const refused = await fetch(`${url}/api/v1/irritants`, { method: "POST", ...json(irritant, bearer(vendor)) });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields.productId).toEqual(["Choisissez le logiciel de l'autre éditeur concerné."]);
  });

  it("answers invalid irritants with 422 and French field messages, writing nothing", async () => {
    const practitioner = await apiToken(url, "medecin@demo.sentinelle.fr");
    const before = (await (await fetch(`${url}/api/v1/irritants`, { headers: bearer(practitioner) })).json()).items.length;
    const response = await fetch(`${url}/api/v1/irritants`, { method: "POST", ...json({ title: "x", themes: 42 }, bearer(practitioner)) });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.fields.title).toEqual(["Le titre doit contenir au moins 5 caractères."]);
    expect(error.fields.body).toEqual(["Décrivez le problème rencontré."]);
    expect(error.fields.themes).toEqual(["Les thèmes doivent être une liste."]);
    const unknownTheme = await fetch(`${url}/api/v1/irritants`, {
      method: "POST",
      ...json({ title: "Titre correct", body: "Description correcte.", themes: ["inconnu"] }, bearer(practitioner)),
    });
    expect(unknownTheme.status).toBe(422);
    const after = (await (await fetch(`${url}/api/v1/irritants`, { headers: bearer(practitioner) })).json()).items.length;
    expect(after).toBe(before);
  });

  it("treats non-numeric ids and bad query values as client errors", async () => {
    expect((await fetch(`${url}/api/v1/irritants/abc`)).status).toBe(404);
    expect((await fetch(`${url}/api/v1/irritants/..%2F..%2Fetc`)).status).toBe(404);
    expect((await fetch(`${url}/api/v1/irritants?status=inconnu`)).status).toBe(422);
    expect((await fetch(`${url}/api/v1/irritants?cursor=-3`)).status).toBe(422);
  });

  it("refuses a revoked or unknown token with 401", async () => {
    const response = await fetch(`${url}/api/v1/irritants`, { method: "POST", ...json({}, bearer("snt_unknown")) });
    expect(response.status).toBe(401);
  });

  it("keeps serving after all of the above", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
