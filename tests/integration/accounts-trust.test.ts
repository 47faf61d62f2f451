import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTokens, apiTokens, events, outboxEmails, sessions, users } from "#db/schema";
import { createUser } from "~/modules/accounts/index.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { resetMailerForTests, sendPendingEmails } from "~/lib/outbox.server";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { startSmtpServer } from "../support/smtp";

const PASSWORD = "une phrase de passe solide";
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://sentinelle.example.test" } });
  resetMailerForTests();
  await sendPendingEmails(1000);
  smtp.received.length = 0;
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", headers, body: new URLSearchParams(fields), redirect: "manual" });
const cookieHeader = (cookie: string) => ({ Cookie: cookie });
/** The page's HTML without React's text separators and the per-response nonces. */
const pageText = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "").replace(/nonce="[^"]*"/g, "");
/** A team account (so a live token reads GET /api/v1/tickets with 200, a dead one gets 401). */
let counter = 0;
async function teamAccount() {
  const email = `equipe-${++counter}@jetons.test`;
  await createUser({ email, password: PASSWORD, displayName: `Équipe ${counter}`, role: "team" });
  return email;
}
const apiStatus = async (token: string) => (await fetch(`${server.url}/api/v1/tickets`, { headers: bearer(token) })).status;
const userId = (email: string) => server.database.db.select().from(users).where(eq(users.email, email)).get()!.id;

describe("API tokens die with the credentials", () => {
  it("a password change revokes every token unless the person explicitly keeps them", async () => {
    const email = await teamAccount();
    const token = await apiToken(server.url, email, PASSWORD);
    const cookie = await signInCookie(server.url, email, PASSWORD);
    const other = await signInCookie(server.url, email, PASSWORD);
    expect(await apiStatus(token)).toBe(200);
    const changed = await post("/compte/mot-de-passe", { intent: "password", currentPassword: PASSWORD, newPassword: "une autre phrase solide", newPasswordConfirmation: "une autre phrase solide" }, cookieHeader(cookie));
    expect(changed.status).toBe(200);
    expect(await pageText(changed)).toContain("Vos jetons d'API ont été révoqués");
    expect(await apiStatus(token)).toBe(401);
    // This session stays, the other one is closed.
    expect((await fetch(`${server.url}/compte`, { headers: cookieHeader(cookie), redirect: "manual" })).status).toBe(200);
    expect((await fetch(`${server.url}/compte`, { headers: cookieHeader(other), redirect: "manual" })).status).toBe(302);

    const kept = await apiToken(server.url, email, "une autre phrase solide");
    const keep = await post("/compte/mot-de-passe", { intent: "password", currentPassword: "une autre phrase solide", newPassword: "encore une phrase solide", newPasswordConfirmation: "encore une phrase solide", keepApiTokens: "on" }, cookieHeader(cookie));
    expect(keep.status).toBe(200);
    expect(await pageText(keep)).toContain("Vos jetons d'API restent valables");
    expect(await apiStatus(kept)).toBe(200);
    // The password page offers the choice, unticked.
    const page = await pageText(await fetch(`${server.url}/compte/mot-de-passe`, { headers: cookieHeader(cookie) }));
    expect(page).toMatch(/<input[^>]*name="keepApiTokens"[^>]*>/);
    expect(page.match(/<input[^>]*name="keepApiTokens"[^>]*>/)![0]).not.toContain("checked");
    expect(page).toContain("Garder mes jetons d&#x27;API");
  });

  it("a password reset revokes every token and the other reset links", async () => {
    const email = await teamAccount();
    const token = await apiToken(server.url, email, PASSWORD);
    expect((await post("/mot-de-passe-oublie", { email })).status).toBe(200);
    const mail = server.database.db.select().from(outboxEmails).where(and(eq(outboxEmails.to, email), like(outboxEmails.subject, "%nouveau mot de passe%"))).get()!;
    const link = mail.text.match(/jeton=([\w-]+)/)![1];
    const done = await post("/mot-de-passe/nouveau", { jeton: link, newPassword: "une autre phrase solide", newPasswordConfirmation: "une autre phrase solide" });
    expect(done.status).toBe(303);
    expect(await apiStatus(token)).toBe(401);
  });

  it("signing out everywhere revokes every token and pending reset links", async () => {
    const email = await teamAccount();
    const token = await apiToken(server.url, email, PASSWORD);
    expect((await post("/mot-de-passe-oublie", { email })).status).toBe(200);
    const cookie = await signInCookie(server.url, email, PASSWORD);
    expect((await post("/compte/securite", { intent: "signout-everywhere" }, cookieHeader(cookie))).status).toBe(302);
    expect(await apiStatus(token)).toBe(401);
    const pending = server.database.db.select().from(accountTokens).where(eq(accountTokens.userId, userId(email))).all();
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((t) => t.usedAt !== null)).toBe(true);
  });

  it("disabling an account revokes its tokens for good: enabling it again does not bring them back", async () => {
    const email = await teamAccount();
    const token = await apiToken(server.url, email, PASSWORD);
    const admin = await signInCookie(server.url, "admin@demo.sentinelle.fr");
    expect((await post("/equipe/comptes", { intent: "disable", userId: String(userId(email)) }, cookieHeader(admin))).status).toBe(200);
    expect(await apiStatus(token)).toBe(401);
    expect((await post("/equipe/comptes", { intent: "enable", userId: String(userId(email)) }, cookieHeader(admin))).status).toBe(200);
    expect(await apiStatus(token)).toBe(401);
    expect(server.database.db.select().from(apiTokens).where(eq(apiTokens.userId, userId(email))).all().every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("deleting an account revokes its tokens", async () => {
    const email = await teamAccount();
    const id = userId(email);
    const token = await apiToken(server.url, email, PASSWORD);
    const cookie = await signInCookie(server.url, email, PASSWORD);
    expect((await post("/compte/securite", { intent: "delete-account", confirmation: PASSWORD }, cookieHeader(cookie))).status).toBe(302);
    expect(await apiStatus(token)).toBe(401);
    expect(server.database.db.select().from(sessions).where(eq(sessions.userId, id)).all()).toHaveLength(0);
  });
});

describe("bearer tokens are for the API only", () => {
  it("a page ignores a bearer token: the request is anonymous", async () => {
    const email = await teamAccount();
    const token = await apiToken(server.url, email, PASSWORD);
    const page = await fetch(`${server.url}/compte`, { headers: bearer(token), redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toMatch(/^\/connexion\?redirectTo=/);
    const data = await fetch(`${server.url}/compte.data`, { headers: bearer(token), redirect: "manual" });
    expect([200, 202, 204, 302]).toContain(data.status);
    expect(await data.text()).not.toContain(email);
    // A token cannot mint more tokens through the account page.
    const before = server.database.db.select().from(apiTokens).where(eq(apiTokens.userId, userId(email))).all().length;
    const minted = await post("/compte/jetons", { intent: "create-token", label: "rejeton" }, bearer(token));
    expect(minted.status).toBe(302);
    expect(minted.headers.get("location")).toMatch(/^\/connexion/);
    expect(server.database.db.select().from(apiTokens).where(eq(apiTokens.userId, userId(email))).all()).toHaveLength(before);
    expect((await fetch(`${server.url}/compte/export`, { headers: bearer(token), redirect: "manual" })).status).toBe(302);
    // The API still takes it.
    expect(await apiStatus(token)).toBe(200);
  });
});

describe("redirects after sign-in stay on the site", () => {
  it("refuses /\\t/evil.example and other ways out, keeps a same-site path", async () => {
    const email = await teamAccount();
    for (const redirectTo of ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "/.//evil.example", "https://evil.example/"]) {
      const response = await post("/connexion", { email, password: PASSWORD, redirectTo });
      expect(response.status).toBe(302);
      const location = response.headers.get("location")!;
      // Resolved as the browser does, against the page that answered.
      expect(new URL(location, `${server.url}/connexion`).origin, JSON.stringify(redirectTo)).toBe(server.url);
      expect(location).toBe("/equipe");
    }
    const kept = await post("/connexion", { email, password: PASSWORD, redirectTo: "/signalements?tri=recent" });
    expect(kept.headers.get("location")).toBe("/signalements?tri=recent");
  });
});

describe("sign-up does not tell whether an address has an account", () => {
  const form = (email: string) => ({ role: "patient", displayName: "Quelqu'un", email, password: PASSWORD, passwordConfirmation: PASSWORD });
  /** The parts of an answer a visitor can see: status, where it goes, what it sets, and the page it leads to. */
  async function observe(response: Response) {
    const location = response.headers.get("location");
    const landing = location ? await pageText(await fetch(server.url + location, { redirect: "manual" })) : await pageText(response);
    return { status: response.status, location, cookie: response.headers.get("set-cookie"), landing };
  }

  it("answers an existing address exactly like a new one, and e-mails the owner instead", async () => {
    const owner = "medecin@demo.sentinelle.fr";
    const ownerRows = () => server.database.db.select().from(users).where(eq(users.email, owner)).all();
    const before = ownerRows();
    const taken = await observe(await post("/inscription", form(owner)));
    const fresh = await observe(await post("/inscription", form("jamais-vu@exemple.test")));
    expect(taken).toEqual(fresh);
    expect(taken.status).toBe(303);
    expect(taken.cookie).toBeNull();
    expect(taken.landing).toContain("Vérifiez votre messagerie");
    // Nothing changed for the existing account.
    expect(ownerRows()).toEqual(before);

    await sendPendingEmails(1000);
    const toOwner = smtp.to(owner);
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0].body).toContain("Quelqu'un a tenté de créer un compte Sentinelle avec votre adresse");
    expect(toOwner[0].body).toContain("https://sentinelle.example.test/mot-de-passe-oublie");
    expect(toOwner[0].body).not.toContain(PASSWORD);
    // The new address gets the link that creates the account.
    expect(smtp.to("jamais-vu@exemple.test")).toHaveLength(1);
    expect(server.database.db.select().from(users).where(eq(users.email, "jamais-vu@exemple.test")).get()).toBeUndefined();
  });

  it("creates the account only from the e-mailed link, confirmed and signed in, once", async () => {
    const email = "nouvelle-personne@exemple.test";
    expect((await post("/inscription", form(email))).status).toBe(303);
    // Until the link is used, the account does not exist: signing in fails like for any unknown address.
    expect((await post("/connexion", { email, password: PASSWORD })).status).toBe(401);
    await sendPendingEmails(1000);
    const mail = smtp.to(email).at(-1)!;
    expect(mail.body).toContain("terminer votre inscription");
    const link = mail.body.match(/https:\/\/sentinelle\.example\.test(\/inscription\/confirmer\?jeton=[\w.-]+)/)![1];
    // Opening the link (as a mail scanner would) creates nothing.
    expect((await fetch(server.url + link)).status).toBe(200);
    expect(server.database.db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    const jeton = new URL(link, server.url).searchParams.get("jeton")!;
    const done = await post("/inscription/confirmer", { jeton });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/compte?bienvenue=1");
    const cookie = done.headers.get("set-cookie")!.split(";")[0];
    expect(await pageText(await fetch(`${server.url}/compte`, { headers: cookieHeader(cookie) }))).toContain(email);
    const row = server.database.db.select().from(users).where(eq(users.email, email)).get()!;
    expect(row).toMatchObject({ role: "patient", displayName: "Quelqu'un" });
    expect(row.emailConfirmedAt).not.toBeNull();
    expect(await signInCookie(server.url, email, PASSWORD)).toMatch(/=/);
    // Used once: a second time (even after the account is deleted) it creates nothing.
    expect((await post("/inscription/confirmer", { jeton })).status).toBe(410);
    expect((await post("/compte/securite", { intent: "delete-account", confirmation: PASSWORD }, cookieHeader(cookie))).status).toBe(302);
    expect((await post("/inscription/confirmer", { jeton })).status).toBe(410);
    expect(server.database.db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    // A forged or altered link is refused.
    expect((await post("/inscription/confirmer", { jeton: jeton.slice(0, -2) + (jeton.endsWith("AA") ? "BB" : "AA") })).status).toBe(400);
    expect(server.database.db.select().from(events).where(eq(events.type, "user.created")).all().filter((e) => e.subjectId === row.id)).toHaveLength(1);
  });

  it("forgets a sign-up e-mail once its link has expired", async () => {
    expect((await post("/inscription", form("jamais-confirme@exemple.test"))).status).toBe(303);
    const stored = () => server.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "jamais-confirme@exemple.test")).all();
    expect(stored()).toHaveLength(1);
    expect(applyRetention(365).signUpEmailsDeleted).toBe(0);
    expect(stored()).toHaveLength(1);
    expect(applyRetention(365, new Date(Date.now() + 73 * 3_600_000)).signUpEmailsDeleted).toBeGreaterThanOrEqual(1);
    expect(stored()).toHaveLength(0);
    // Account e-mails of existing accounts are not touched by this rule.
    expect(server.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "medecin@demo.sentinelle.fr")).all().length).toBeGreaterThan(0);
  });

  it("e-mails the owner of an existing address at most once an hour", async () => {
    const owner = "patient@demo.sentinelle.fr";
    const before = smtp.to(owner).length;
    for (let i = 0; i < 3; i++) expect((await post("/inscription", form(owner))).status).toBe(303);
    await sendPendingEmails(1000);
    expect(smtp.to(owner).length - before).toBe(1);
  });
});
