import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTokens, campaigns, follows, invitations, notificationPreferences, outboxEmails, progressUpdateThemes, progressUpdates, users } from "#db/schema";
import { createUser } from "~/modules/accounts/index.server";
import { unsubscribeToken, UNSUBSCRIBE_LINK_DAYS } from "~/modules/notifications/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { demoUser } from "../support/demo";

let server: TestServer;
let practitioner: string;
let team: string;
const medecinId = () => demoUser("medecin@demo.sentinelle.fr").id;

beforeAll(async () => {
  server = await startTestServer({ env: { SMTP_URL: "" } });
  practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
});
afterAll(() => server.close());

/** The page's HTML without React's text separators, to search its sentences. */
const textOf = async (response: Response | Promise<Response>) => (await (await response).text()).replace(/<!-- -->/g, "");
const post = (path: string, fields: Record<string, string | string[]>, cookie?: string) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return fetch(server.url + path, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body, redirect: "manual" });
};

describe("following from pages, without JavaScript", () => {
  it("follows and unfollows an action and a theme; visitors are asked to sign in", async () => {
    expect(await textOf(fetch(`${server.url}/plan-action/9`))).toContain("Connectez-vous</a> pour suivre cette action");
    expect((await post("/plan-action/9", { intent: "follow" })).status).toBe(302); // to the sign-in page
    expect((await post("/plan-action/9", { intent: "follow" }, practitioner)).status).toBe(200);
    const followed = () => server.database.db.select().from(follows).where(eq(follows.userId, medecinId())).all().map((f) => `${f.subjectType}:${f.subjectId}`);
    expect(followed()).toContain("action:9");
    expect(await textOf(fetch(`${server.url}/plan-action/9`, { headers: { Cookie: practitioner } }))).toContain("Ne plus suivre");
    expect((await post("/avancement/themes/mssante", { intent: "follow" }, practitioner)).status).toBe(200);
    expect(followed().some((f) => f.startsWith("theme:"))).toBe(true);
    expect((await post("/plan-action/9", { intent: "unfollow" }, practitioner)).status).toBe(200);
    expect(followed()).not.toContain("action:9");
    // Bad input: a clear refusal, nothing written (an intent the page does not declare is a 400, as on every page).
    expect((await post("/plan-action/9", { intent: "pirater" }, practitioner)).status).toBe(400);
    expect((await post("/plan-action/999999", { intent: "follow" }, practitioner)).status).toBe(404);
    expect(followed()).not.toContain("action:999999");
  });

  it("lists what one follows on the account page, with a way to stop", async () => {
    const page = await textOf(fetch(`${server.url}/compte/notifications`, { headers: { Cookie: practitioner } }));
    expect(page).toContain("Ce que vous suivez");
    expect(page).toContain("Le thème « MSSanté");
    const theme = server.database.db.select().from(follows).where(and(eq(follows.userId, medecinId()), eq(follows.subjectType, "theme"))).get()!;
    expect((await post("/compte/notifications", { intent: "unfollow", subjectType: "theme", subjectId: String(theme.subjectId) }, practitioner)).status).toBe(200);
    expect(server.database.db.select().from(follows).where(and(eq(follows.userId, medecinId()), eq(follows.subjectType, "theme"))).all()).toHaveLength(0);
  });
});

describe("notification preferences on /compte/notifications", () => {
  it("saves a choice per kind, and refuses unknown modes", async () => {
    expect((await post("/compte/notifications", { intent: "notifications", "mode-reply": "digest", "mode-progress": "none" }, practitioner)).status).toBe(200);
    const modes = () => Object.fromEntries(server.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, medecinId())).all().map((p) => [p.kind, p.mode]));
    expect(modes()).toMatchObject({ reply: "digest", progress: "none" });
    const page = await textOf(fetch(`${server.url}/compte/notifications`, { headers: { Cookie: practitioner } }));
    expect(page).toMatch(/name="mode-reply"[^>]*checked=""[^>]*value="digest"/);
    expect((await post("/compte/notifications", { intent: "notifications", "mode-reply": "toujours" }, practitioner)).status).toBe(422);
    expect(modes().reply).toBe("digest");
  });
});

describe("unsubscribe page", () => {
  it("shows what a valid link stops, and stops it on confirmation, without sign-in", async () => {
    server.database.db.insert(follows).values({ userId: medecinId(), subjectType: "action", subjectId: 7 }).onConflictDoNothing().run();
    const token = unsubscribeToken({ u: medecinId(), s: "action", i: 7 });
    const page = await fetch(`${server.url}/desabonnement?jeton=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(await textOf(page)).toContain("Ne plus suivre l&#x27;action « ");
    // Opening the link changes nothing (mail scanners open links).
    expect(server.database.db.select().from(follows).where(and(eq(follows.userId, medecinId()), eq(follows.subjectId, 7), eq(follows.subjectType, "action"))).all()).toHaveLength(1);
    const done = await post(`/desabonnement?jeton=${encodeURIComponent(token)}`, { jeton: token });
    expect(done.status).toBe(303);
    expect(await textOf(fetch(server.url + done.headers.get("location")))).toContain("vous ne suivez plus");
    expect(server.database.db.select().from(follows).where(and(eq(follows.userId, medecinId()), eq(follows.subjectId, 7), eq(follows.subjectType, "action"))).all()).toHaveLength(0);
  });

  it("refuses forged and expired links with a French explanation", async () => {
    const token = unsubscribeToken({ u: medecinId(), k: "reply" });
    const forged = await fetch(`${server.url}/desabonnement?jeton=${encodeURIComponent(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")))}`);
    expect(forged.status).toBe(400);
    expect(await textOf(forged)).toContain("Ce lien n&#x27;est pas valide");
    expect((await post("/desabonnement", { jeton: `${token.split(".")[0]}.signature-inventee` })).status).toBe(400);
    const old = unsubscribeToken({ u: medecinId(), k: "reply" }, new Date(Date.now() - (UNSUBSCRIBE_LINK_DAYS + 1) * 86_400_000));
    const expired = await fetch(`${server.url}/desabonnement?jeton=${encodeURIComponent(old)}`);
    expect(expired.status).toBe(410);
    expect(await textOf(expired)).toContain("Ce lien a expiré");
    expect((await fetch(`${server.url}/desabonnement`)).status).toBe(400);
  });
});

describe("password reset and address confirmation pages", () => {
  it("answer the same for known and unknown addresses, and keep the e-mail in the dev mailbox without SMTP", async () => {
    const known = await post("/mot-de-passe-oublie", { email: "patient@demo.sentinelle.fr" });
    const unknown = await post("/mot-de-passe-oublie", { email: "personne@exemple.fr" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const message = "Si un compte existe avec cette adresse";
    expect(await textOf(known)).toContain(message);
    expect(await textOf(unknown)).toContain(message);
    expect((await post("/mot-de-passe-oublie", { email: "pas une adresse" })).status).toBe(422);
    const queued = server.database.db.select().from(outboxEmails).where(eq(outboxEmails.kind, "account")).all();
    expect(queued.map((e) => e.to)).toEqual(["patient@demo.sentinelle.fr"]);
    const mailbox = await textOf(fetch(`${server.url}/equipe/courriels`, { headers: { Cookie: await signInCookie(server.url, "admin@demo.sentinelle.fr") } }));
    expect(mailbox).toContain("choisir un nouveau mot de passe");
  });

  it("refuse a wrong or used reset link, and a password too short", async () => {
    expect((await fetch(`${server.url}/mot-de-passe/nouveau?jeton=faux-jeton-de-test`)).status).toBe(410);
    const link = server.database.db.select().from(outboxEmails).where(like(outboxEmails.text, "%/mot-de-passe/nouveau?jeton=%")).get()!.text.match(/jeton=([\w-]+)/)![1];
    expect((await fetch(`${server.url}/mot-de-passe/nouveau?jeton=${link}`)).status).toBe(200);
    const page = `/mot-de-passe/nouveau?jeton=${link}`;
    expect((await post(page, { jeton: link, newPassword: "court", newPasswordConfirmation: "court" })).status).toBe(422);
    const changed = await post(page, { jeton: link, newPassword: "une phrase assez longue", newPasswordConfirmation: "une phrase assez longue" });
    expect(changed.status).toBe(303);
    expect(await textOf(fetch(server.url + changed.headers.get("location")))).toContain("Votre mot de passe est changé");
    expect((await post(page, { jeton: link, newPassword: "une autre phrase longue", newPasswordConfirmation: "une autre phrase longue" })).status).toBe(410);
    expect(await signInCookie(server.url, "patient@demo.sentinelle.fr", "une phrase assez longue")).toMatch(/=/);
    expect(server.database.db.select().from(accountTokens).all().every((t) => t.tokenHash !== link)).toBe(true);
  });

  it("confirm an address from the link after a click, not on opening", async () => {
    // An account whose address is not confirmed yet (made before sign-up confirmed addresses up front).
    await createUser({ email: "inscrit@exemple.fr", displayName: "Inscrit", role: "patient", password: "une phrase assez longue" }, { confirmEmail: true });
    const email = server.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "inscrit@exemple.fr")).get()!;
    const token = email.text.match(/jeton=([\w-]+)/)![1];
    const confirmed = () => server.database.db.select().from(users).where(eq(users.email, "inscrit@exemple.fr")).get()!.emailConfirmedAt;
    expect((await fetch(`${server.url}/confirmer-email?jeton=${token}`)).status).toBe(200);
    expect(confirmed()).toBeNull();
    const done = await post(`/confirmer-email?jeton=${token}`, { jeton: token });
    expect(done.status).toBe(303);
    expect(await textOf(fetch(server.url + done.headers.get("location")))).toContain("votre adresse e-mail est confirmée");
    expect(confirmed()).not.toBeNull();
    expect((await post(`/confirmer-email?jeton=${token}`, { jeton: token })).status).toBe(410);
    expect((await post("/confirmer-email?jeton=x", { jeton: "x" })).status).toBe(400);
  });
});

describe("team pages", () => {
  it("tag a point d'étape with themes, and invite a campaign's audience by e-mail once", async () => {
    const created = await post("/equipe/avancement", { title: "Point thématique", slug: "point-thematique", summary: "Résumé du point.", body: "## Titre\n\nContenu du point.", themes: ["mssante", "ins"] }, team);
    expect(created.status).toBe(302);
    const update = server.database.db.select().from(progressUpdates).where(eq(progressUpdates.slug, "point-thematique")).get()!;
    expect(server.database.db.select().from(progressUpdateThemes).where(eq(progressUpdateThemes.updateId, update.id)).all()).toHaveLength(2);
    expect((await post("/equipe/avancement", { title: "Point", slug: "point-theme-inconnu", summary: "Résumé.", body: "## Titre\n\nContenu du point.", themes: ["inconnu"] }, team)).status).toBe(422);
    expect(server.database.db.select().from(progressUpdates).where(eq(progressUpdates.slug, "point-theme-inconnu")).all()).toHaveLength(0);

    const campaign = server.database.db.select().from(campaigns).where(eq(campaigns.slug, "segur-en-cours")).get()!;
    expect((await post("/equipe/enquetes/segur-en-cours", { intent: "invite-audience" }, practitioner)).status).toBe(403);
    const invited = await post("/equipe/enquetes/segur-en-cours", { intent: "invite-audience" }, team);
    expect(invited.status).toBe(200);
    const count = server.database.db.select().from(invitations).where(eq(invitations.campaignId, campaign.id)).all().filter((i) => i.inviteeId).length;
    expect(count).toBeGreaterThan(0);
    expect(await textOf(post("/equipe/enquetes/segur-en-cours", { intent: "invite-audience" }, team))).toContain("Toute l&#x27;audience a déjà reçu son invitation");
    expect((await post("/equipe/enquetes/segur-en-cours", { intent: "remind" }, team)).status).toBe(200);
    expect((await post("/equipe/enquetes/segur-en-cours", { intent: "remind" }, team)).status).toBe(409);
  });
});
