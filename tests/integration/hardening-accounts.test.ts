import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, campaigns, comments, eventCursors, events, follows, invitations, irritants, seminarRegistrations, sessions, users } from "#db/schema";
import { FREE_FAILURES, createUser } from "~/modules/accounts/index.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { demoUser } from "../support/demo";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  fetch(server.url + path, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body: new URLSearchParams(fields), redirect: "manual" });

describe("sign-in lock", () => {
  it("locks an account after repeated failures, says when to retry, and a correct password waits too", async () => {
    const attempt = (password: string) => post("/connexion", { email: "editeur-b@demo.sentinelle.fr", password });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await attempt("mauvais mot de passe")).status).toBe(401);
    const locked = await attempt("sentinelle-demo");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await locked.text()).replace(/<!-- -->/g, "")).toContain("Trop de tentatives de connexion pour ce compte");
    const api = await fetch(`${server.url}/api/v1/tokens`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "editeur-b@demo.sentinelle.fr", password: "sentinelle-demo" }) });
    expect(api.status).toBe(429);
    expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await api.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Failures are in the audit trail, with no actor.
    const failures = server.database.db.select().from(events).where(eq(events.type, "user.signin_failed")).all();
    expect(failures.length).toBe(FREE_FAILURES);
    expect(failures.every((f) => f.actorId === null)).toBe(true);
    // Another account is not affected.
    expect(await signInCookie(server.url, "editeur-a@demo.sentinelle.fr")).toMatch(/=/);
  });

  it("locks an address without an account exactly like an account, so the lock tells nothing", async () => {
    const attempt = (email: string) => post("/connexion", { email, password: "mauvais mot de passe" });
    const answers = async (email: string) => {
      const statuses: number[] = [];
      let last = "";
      for (let i = 0; i <= FREE_FAILURES; i++) {
        const response = await attempt(email);
        statuses.push(response.status);
        last = (await response.text()).replace(/<!-- -->/g, "").replace(/nonce="[^"]*"/g, "");
        if (i === FREE_FAILURES) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      }
      return { statuses, last: last.replaceAll(email, "ADDRESS") };
    };
    await createUser({ email: "verrou@exemple.fr", password: "un mot de passe solide", displayName: "Compte verrou", role: "patient" });
    const known = await answers("verrou@exemple.fr");
    const unknown = await answers("personne-inconnue@exemple.fr");
    expect(known.statuses).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
    expect(unknown.statuses).toEqual(known.statuses);
    expect(unknown.last).toContain("Trop de tentatives de connexion");
    const api = await fetch(`${server.url}/api/v1/tokens`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "personne-inconnue@exemple.fr", password: "x".repeat(12) }) });
    expect(api.status).toBe(429);
  });
});

describe("sessions and accounts", () => {
  it("signs out everywhere", async () => {
    const first = await signInCookie(server.url, "patient@demo.sentinelle.fr");
    const second = await signInCookie(server.url, "patient@demo.sentinelle.fr");
    const out = await post("/compte/securite", { intent: "signout-everywhere" }, first);
    expect(out.status).toBe(302);
    for (const cookie of [first, second]) expect((await fetch(`${server.url}/compte`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(302);
  });

  it("lets admins, and only them, disable an account: its sessions and tokens stop working", async () => {
    const target = demoUser("medecin@demo.sentinelle.fr");
    const cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    const token = await apiToken(server.url, "medecin@demo.sentinelle.fr");
    const team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    expect((await post("/equipe/comptes", { intent: "disable", userId: String(target.id) }, team)).status).toBe(403);
    const admin = await signInCookie(server.url, "admin@demo.sentinelle.fr");
    expect((await post("/equipe/comptes", { intent: "disable", userId: "abc" }, admin)).status).toBe(422);
    expect((await post("/equipe/comptes", { intent: "disable", userId: String(demoUser("admin@demo.sentinelle.fr").id) }, admin)).status).toBe(409);
    expect((await post("/equipe/comptes", { intent: "disable", userId: String(target.id) }, admin)).status).toBe(200);
    expect((await fetch(`${server.url}/compte`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(302);
    expect((await fetch(`${server.url}/api/v1/tickets`, { headers: bearer(token) })).status).toBe(401);
    expect((await post("/connexion", { email: "medecin@demo.sentinelle.fr", password: "sentinelle-demo" })).status).toBe(401);
    expect((await post("/equipe/comptes", { intent: "enable", userId: String(target.id) }, admin)).status).toBe(200);
    expect(await signInCookie(server.url, "medecin@demo.sentinelle.fr")).toMatch(/=/);
  });
});

describe("personal data", () => {
  it("exports a person's data as JSON, for them only", async () => {
    expect((await fetch(`${server.url}/compte/export`, { redirect: "manual" })).status).toBe(302);
    const cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    const response = await fetch(`${server.url}/compte/export`, { headers: { Cookie: cookie } });
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const data = await response.json();
    expect(data.profile.email).toBe("medecin@demo.sentinelle.fr");
    const mine = server.database.db.select().from(irritants).where(eq(irritants.authorId, demoUser("medecin@demo.sentinelle.fr").id)).all();
    expect(data.irritants.map((i: { id: number }) => i.id).sort()).toEqual(mine.map((i) => i.id).sort());
    expect(JSON.stringify(data)).not.toContain("patient@demo.sentinelle.fr");
    expect(JSON.stringify(data)).not.toContain("password");
  });

  it("deletes an account after confirmation, keeping its irritants under an anonymous name", async () => {
    const before = demoUser("patient@demo.sentinelle.fr");
    const filed = server.database.db.select().from(irritants).where(eq(irritants.authorId, before.id)).all().length;
    const cookie = await signInCookie(server.url, "patient@demo.sentinelle.fr");
    expect((await post("/seminaires/seminaire-tripartite-demonstration/inscription", { sideChoice: "patient" }, cookie)).status).toBe(200);
    const exported = await (await fetch(`${server.url}/compte/export`, { headers: { Cookie: cookie } })).json();
    expect(exported.seminarRegistrations.map((r: { email: string }) => r.email)).toEqual(["patient@demo.sentinelle.fr"]);
    expect((await post("/compte/securite", { intent: "delete-account", confirmation: "pas le bon" }, cookie)).status).toBe(422);
    expect(demoUser("patient@demo.sentinelle.fr")).toBeDefined();
    const deleted = await post("/compte/securite", { intent: "delete-account", confirmation: "sentinelle-demo" }, cookie);
    expect(deleted.status).toBe(302);
    expect(server.database.db.select().from(users).where(eq(users.email, "patient@demo.sentinelle.fr")).get()).toBeUndefined();
    const row = server.database.db.select().from(users).where(eq(users.id, before.id)).get()!;
    expect(row).toMatchObject({ displayName: "Compte supprimé", passwordHash: null });
    expect(row.disabledAt).not.toBeNull();
    expect(server.database.db.select().from(irritants).where(eq(irritants.authorId, before.id)).all()).toHaveLength(filed);
    for (const table of [sessions, apiTokens, follows]) expect(server.database.db.select().from(table).where(eq(table.userId, before.id)).all()).toHaveLength(0);
    // The seminar registration keeps its place in the counts, not the person's name or address.
    const registrations = server.database.db.select().from(seminarRegistrations).where(eq(seminarRegistrations.userId, before.id)).all();
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ name: "Compte supprimé", organisation: "" });
    expect(registrations[0].email).toMatch(/@sentinelle\.invalid$/);
    expect((await post("/connexion", { email: "patient@demo.sentinelle.fr", password: "sentinelle-demo" })).status).toBe(401);
  });

  it("erases the text of irritants hidden longer than the retention delay", () => {
    const db = server.database.db;
    const target = db.select().from(irritants).get()!;
    db.update(irritants).set({ hiddenAt: "2020-01-01T00:00:00.000Z" }).where(eq(irritants.id, target.id)).run();
    const recent = db.select().from(irritants).all()[1];
    db.update(irritants).set({ hiddenAt: new Date().toISOString() }).where(eq(irritants.id, recent.id)).run();
    const result = applyRetention(365);
    expect(result.irritantsErased).toBe(1);
    expect(db.select().from(irritants).where(eq(irritants.id, target.id)).get()).toMatchObject({ body: "", title: "Signalement masqué puis effacé" });
    expect(db.select().from(irritants).where(eq(irritants.id, recent.id)).get()!.body).toBe(recent.body);
    expect(db.select().from(comments).where(eq(comments.irritantId, target.id)).all()).toHaveLength(0);
    expect(db.$client.prepare("select count(*) from irritants_fts where rowid = ?").pluck().get(target.id)).toBe(0);
    expect(applyRetention(365).irritantsErased).toBe(0);
  });

  it("keeps account events one year and clears closed campaigns' invitation drafts and invitees", () => {
    const db = server.database.db;
    const user = demoUser("editeur-a@demo.sentinelle.fr");
    const old = db.insert(events).values({ type: "user.signed_in", actorId: user.id, subjectType: "user", subjectId: user.id, payload: {}, createdAt: "2020-01-01T00:00:00.000Z" }).returning({ id: events.id }).get();
    const recent = db.insert(events).values({ type: "user.signed_in", actorId: user.id, subjectType: "user", subjectId: user.id, payload: {} }).returning({ id: events.id }).get();
    db.insert(eventCursors).values({ name: "in-app", lastEventId: recent.id }).onConflictDoUpdate({ target: eventCursors.name, set: { lastEventId: recent.id } }).run();
    const closed = db.select().from(campaigns).where(eq(campaigns.status, "closed")).get() ?? db.select().from(campaigns).where(eq(campaigns.status, "published")).get()!;
    const invitation = db.insert(invitations).values({ campaignId: closed.id, tokenHash: "retention-test", draft: { q1: 3 }, inviteeId: user.id }).returning({ id: invitations.id }).get();
    expect(applyRetention(365).eventsDeleted).toBeGreaterThanOrEqual(1);
    expect(db.select().from(events).where(eq(events.id, old.id)).get()).toBeUndefined();
    expect(db.select().from(events).where(eq(events.id, recent.id)).get()).toBeDefined();
    expect(db.select().from(invitations).where(eq(invitations.id, invitation.id)).get()).toMatchObject({ draft: null, inviteeId: null });
  });
});

describe("audit log", () => {
  it("shows who did what to the team, filters, exports CSV, and is closed to others", async () => {
    const team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    const page = (await (await fetch(`${server.url}/equipe/journal?categorie=Comptes`, { headers: { Cookie: team } })).text()).replace(/<!-- -->/g, "");
    expect(page).toContain("Compte supprimé");
    expect(page).toContain("Connexion");
    expect(page).not.toContain("Signalement déposé");
    // No internal code: no event type, raw field name or English subject type.
    expect(page).not.toMatch(/user\.signed_in|user n°|tokensRevoked:/);
    expect(page).toContain("Compte n° ");
    const csv = await fetch(`${server.url}/equipe/journal.csv?categorie=Comptes`, { headers: { Cookie: team } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("id;date;auteur;categorie;action;sujet;details");
    expect(lines.slice(1).join("\n")).not.toMatch(/user\.[a-z_]+|tokensRevoked:/);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(1).every((l) => l.includes(";Comptes;"))).toBe(true);
    expect((await fetch(`${server.url}/equipe/journal?du=pas-une-date`, { headers: { Cookie: team } })).status).toBe(422);
    const vendor = await signInCookie(server.url, "editeur-a@demo.sentinelle.fr");
    expect((await fetch(`${server.url}/equipe/journal`, { headers: { Cookie: vendor } })).status).toBe(403);
    expect((await fetch(`${server.url}/equipe/journal.csv`, { headers: { Cookie: vendor } })).status).toBe(403);
    // Read-only: no action is accepted.
    expect((await post("/equipe/journal", { id: "1" }, team)).status).toBe(405);
  });
});

describe("profile", () => {
  it("refuses a usual product that is not in the catalogue, and keeps the profile unchanged (the route checks it)", async () => {
    const cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    const before = demoUser("medecin@demo.sentinelle.fr");
    const response = await post("/compte?index", { intent: "profile", displayName: "Autre nom", profession: before.profession ?? "", usualProductId: "999999" }, cookie);
    expect(response.status).toBe(422);
    expect((await response.text()).replace(/<!-- -->/g, "")).toContain("Ce logiciel ne figure pas dans le catalogue.");
    const after = demoUser("medecin@demo.sentinelle.fr");
    expect(after.displayName).toBe(before.displayName);
    expect(after.usualProductId).toBe(before.usualProductId);
  });
});
