import { and, eq, isNotNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { accountTokens, eventCursors, invitations, notifications, outboxEmails, sessions, themes } from "#db/schema";
import {
  type SessionUser,
  confirmEmail,
  createSession,
  createUser,
  requestPasswordReset,
  resetPassword,
  verifyCredentials,
} from "~/modules/accounts/index.server";
import { listChallenges, saveAction, setActionStatus } from "~/modules/action-plan/index.server";
import { fileIrritant, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import {
  UNSUBSCRIBE_LINK_DAYS,
  applyUnsubscribe,
  checkUnsubscribeToken,
  composeDigests,
  deliverPendingEvents,
  followPublicSubject,
  getPreferences,
  isFollowing,
  savePreferences,
  unsubscribeToken,
} from "~/modules/notifications/index.server";
import { failInterruptedSends, sendPendingEmails } from "~/lib/outbox.server";
import { saveUpdate, setUpdatePublished } from "~/modules/progress/index.server";
import { inviteAudienceByEmail, openParticipation, remindInvitees } from "~/modules/surveys/index.server";
import { createTestDatabase } from "../support/database";
import { startSmtpForModules } from "../support/smtp";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpForModules>>;let medecin: SessionUser, patient: SessionUser, team: SessionUser, vendorA: SessionUser;

const deliverAndSend = async () => {
  while (deliverPendingEvents().events > 0);
  await sendPendingEmails(1000);
};
const textsFor = (u: SessionUser) => database.db.select({ text: notifications.text }).from(notifications).where(eq(notifications.userId, u.id)).all().map((n) => n.text);
/** Links to Sentinelle in a received message. */
const linksIn = (body: string) => [...body.matchAll(/https:\/\/sentinelle\.example\.test[^\s"<>]*/g)].map((m) => m[0].replace(/&amp;/g, "&"));

beforeAll(async () => {
  smtp = await startSmtpForModules({ DIGEST_HOUR: "7" });
  await loadDemoData();
  [medecin, patient, team, vendorA] = ["medecin", "patient", "equipe", "editeur-a"].map((n) => demoUser(`${n}@demo.sentinelle.fr`));
  await deliverAndSend();
  smtp.received.length = 0;
});
afterAll(async () => {
  await smtp.close();
  database.close();
});

/** A published irritant filed by the practitioner and supported by the patient. */
function publishedIrritant(title: string) {
  const { id } = fileIrritant(medecin, { title, body: "Description du problème rencontré au cabinet.", themes: ["mssante"] });
  updateIrritant(team, id, { published: true, status: "triaged" });
  supportIrritant(patient, id);
  return id;
}

function newAction(title: string, irritantIds: number[]) {
  const challengeId = listChallenges()[0].id;
  const input = { challengeId, title, description: "", leadKind: "pouvoirs-publics" as const, deadlineLabel: "Juin 2027", status: "en-cours" as const, steps: [], themes: ["mssante"], irritantIds };
  return { id: saveAction(team, null, input), input };
}

describe("who is told", () => {
  it("tells followers of an action and of its linked irritants when it is done or its deadline moves, and no one else", async () => {
    const irritantId = publishedIrritant("Accusés de lecture MSSanté absents");
    const { id: actionId, input } = newAction("Généraliser les accusés de lecture", [irritantId]);
    followPublicSubject(vendorA.id, "action", actionId, true);
    await deliverAndSend();
    smtp.received.length = 0;

    saveAction(team, actionId, { ...input, deadlineLabel: "Septembre 2027", deadlineReason: "Décalage annoncé en comité." }, "Décalage annoncé en comité.");
    setActionStatus(team, actionId, "fait", "Déployé chez tous les opérateurs.");
    await deliverAndSend();

    const moved = "Échéance déplacée pour « Généraliser les accusés de lecture » : Juin 2027 → Septembre 2027";
    const done = "Action du plan réalisée : Généraliser les accusés de lecture";
    for (const person of [medecin, patient, vendorA]) expect(textsFor(person)).toEqual(expect.arrayContaining([moved, done]));
    // Told once per event, though the practitioner both filed the irritant and could follow the action.
    expect(textsFor(medecin).filter((t) => t === done)).toHaveLength(1);
    expect(textsFor(team)).not.toContain(done); // the team made the change
    expect(textsFor(demoUser("editeur-b@demo.sentinelle.fr"))).not.toContain(done);

    const toMedecin = smtp.to("medecin@demo.sentinelle.fr").filter((m) => m.body.includes("Généraliser les accusés de lecture"));
    expect(toMedecin).toHaveLength(2);
    expect(linksIn(toMedecin[0].body)).toContain(`https://sentinelle.example.test/plan-action/${actionId}`);
    expect(smtp.to("editeur-a@demo.sentinelle.fr").filter((m) => m.body.includes("Généraliser les accusés de lecture"))).toHaveLength(2);
    // The patient's and the supporters' accounts made without confirmation get no e-mail, only the in-app notice.
    expect(smtp.to("patient@demo.sentinelle.fr").length).toBeGreaterThan(0);
  });

  it("tells the followers of a theme when a point d'étape about it is published, once", async () => {
    const mssante = database.db.select().from(themes).where(eq(themes.slug, "mssante")).get()!;
    followPublicSubject(patient.id, "theme", mssante.id, true);
    const id = saveUpdate(team, null, { slug: "point-mssante-test", title: "Point MSSanté de novembre", summary: "Où en est la messagerie.", body: "## Avancées\n\nLes accusés de lecture sont là.", themes: ["mssante"] });
    const other = saveUpdate(team, null, { slug: "point-ins-test", title: "Point INS de novembre", summary: "Où en est l'INS.", body: "## Avancées\n\nLa qualification progresse.", themes: ["ins"] });
    setUpdatePublished(team, id, true);
    setUpdatePublished(team, other, true);
    setUpdatePublished(team, id, false);
    setUpdatePublished(team, id, true); // published again after a correction: not news
    await deliverAndSend();
    expect(textsFor(patient).filter((t) => t === "Nouveau point d'étape : Point MSSanté de novembre")).toHaveLength(1);
    expect(textsFor(patient)).not.toContain("Nouveau point d'étape : Point INS de novembre");
    expect(textsFor(medecin)).not.toContain("Nouveau point d'étape : Point MSSanté de novembre");
    const email = smtp.to("patient@demo.sentinelle.fr").find((m) => m.body.includes("Point MSSanté de novembre"))!;
    expect(linksIn(email.body)).toContain("https://sentinelle.example.test/points-etape/point-mssante-test");
    expect(email.body).toContain("Ne plus suivre ce sujet");
  });

  it("asks reporters and supporters whether a fix works for them", async () => {
    const { id } = fileIrritant(medecin, { title: "QR code illisible sur l'ordonnance", body: "Le QR code est tronqué à l'impression.", themes: ["ordonnance-numerique"], productId: 1 });
    updateIrritant(team, id, { published: true, status: "forwarded" });
    supportIrritant(patient, id);
    await deliverAndSend();
    const { listTickets } = await import("~/modules/tickets/index.server");
    const { resolveTicket } = await import("~/modules/tickets/index.server");
    resolveTicket(vendorA, listTickets(team, { irritantId: id }).items[0].id, { resolution: "fixed", version: "5.2" });
    await deliverAndSend();
    const question = "L'éditeur indique avoir corrigé « QR code illisible sur l'ordonnance » : est-ce corrigé pour vous ? Répondez sur la page du signalement";
    expect(textsFor(medecin)).toContain(question);
    expect(textsFor(patient)).toContain(question);
  });
});

describe("one e-mail per person per change", () => {
  it("a vendor's resolution sends the reporter exactly one e-mail, listing what changed", async () => {
    const title = "Ordonnance numérique refusée par la pharmacie";
    const { id } = fileIrritant(medecin, { title, body: "Le code de l'ordonnance n'est pas lu au comptoir.", themes: ["ordonnance-numerique"], productId: 1 });
    updateIrritant(team, id, { published: true, status: "forwarded" });
    await deliverAndSend();
    const before = smtp.to("medecin@demo.sentinelle.fr").length;
    const { listTickets, resolveTicket } = await import("~/modules/tickets/index.server");
    resolveTicket(vendorA, listTickets(team, { irritantId: id }).items[0].id, { resolution: "fixed", version: "6.1", note: "Corrigé dans la version 6.1." });
    await deliverAndSend();
    const emails = smtp.to("medecin@demo.sentinelle.fr").slice(before);
    expect(emails).toHaveLength(1);
    // The one e-mail lists each change: the fix question and the new status.
    expect(emails[0].body).toContain("est-ce corrigé pour vous ?");
    expect(emails[0].body).toContain("Résolu");
    // In the app, each change stays its own notification.
    expect(textsFor(medecin).filter((t) => t.includes(title)).length).toBeGreaterThan(1);
  });
});

describe("preferences and digests", () => {
  it("sends nothing by e-mail for a kind turned off, but keeps the in-app notice", async () => {
    savePreferences(medecin.id, "practitioner", { irritant_status: "none" });
    const id = publishedIrritant("Sans e-mail");
    updateIrritant(team, id, { status: "forwarded" });
    await deliverAndSend();
    expect(textsFor(medecin)).toContain("Sans e-mail : Transmis à l'éditeur");
    expect(smtp.to("medecin@demo.sentinelle.fr").some((m) => m.body.includes("Sans e-mail"))).toBe(false);
    savePreferences(medecin.id, "practitioner", { irritant_status: "immediate" });
  });

  it("gathers digest news into one e-mail a day, after the digest hour", async () => {
    savePreferences(patient.id, "patient", { irritant_status: "digest", action: "digest" });
    const first = publishedIrritant("Premier sujet du résumé");
    const second = publishedIrritant("Second sujet du résumé");
    updateIrritant(team, first, { status: "forwarded" });
    updateIrritant(team, second, { status: "forwarded" });
    await deliverAndSend();
    const before = smtp.to("patient@demo.sentinelle.fr").length;
    expect(smtp.to("patient@demo.sentinelle.fr").some((m) => m.body.includes("Premier sujet du résumé"))).toBe(false);

    // 05:00 in Paris is before the digest hour: nothing yet.
    expect(composeDigests(new Date("2026-11-26T04:00:00Z")).digests).toBe(0);
    // 08:00 in Paris: one digest with both items, each with its link.
    expect(composeDigests(new Date("2026-11-26T07:00:00Z")).digests).toBeGreaterThanOrEqual(1);
    await sendPendingEmails(1000);
    const digests = smtp.to("patient@demo.sentinelle.fr").slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0].body).toContain("Premier sujet du résumé : Transmis à l'éditeur");
    expect(digests[0].body).toContain("Second sujet du résumé : Transmis à l'éditeur");
    expect(linksIn(digests[0].body)).toEqual(expect.arrayContaining([`https://sentinelle.example.test/signalements/${first}`, `https://sentinelle.example.test/signalements/${second}`]));
    expect(digests[0].body).toMatch(/Ne plus recevoir d'e-mail pour/);

    // Later the same day: news waits for tomorrow's digest.
    const third = publishedIrritant("Troisième sujet du résumé");
    updateIrritant(team, third, { status: "forwarded" });
    await deliverAndSend();
    expect(composeDigests(new Date("2026-11-26T15:00:00Z")).digests).toBe(0);
    expect(composeDigests(new Date("2026-11-27T07:00:00Z")).digests).toBeGreaterThanOrEqual(1);
    await sendPendingEmails(1000);
    const next = smtp.to("patient@demo.sentinelle.fr").slice(before + 1);
    expect(next).toHaveLength(1);
    expect(next[0].body).toContain("Troisième sujet du résumé");
    expect(next[0].body).not.toContain("Premier sujet du résumé");
    savePreferences(patient.id, "patient", { irritant_status: "immediate", action: "immediate" });
  });
});

describe("unsubscribe links", () => {
  it("stop following from the link in an e-mail, without signing in", async () => {
    const id = publishedIrritant("Lien de désabonnement");
    updateIrritant(team, id, { status: "forwarded" });
    await deliverAndSend();
    const email = smtp.to("patient@demo.sentinelle.fr").find((m) => m.body.includes("Lien de désabonnement"))!;
    const unfollow = linksIn(email.body).find((l) => l.includes("/desabonnement?jeton="))!;
    const token = decodeURIComponent(new URL(unfollow).searchParams.get("jeton")!);
    const check = checkUnsubscribeToken(token);
    expect(check).toMatchObject({ ok: true, description: "le signalement « Lien de désabonnement »" });
    expect(isFollowing(patient.id, "irritant", id)).toBe(true);
    if (check.ok) applyUnsubscribe(check.target);
    expect(isFollowing(patient.id, "irritant", id)).toBe(false);
    updateIrritant(team, id, { status: "in_progress" });
    await deliverAndSend();
    expect(textsFor(patient)).not.toContain("Lien de désabonnement : En cours de traitement");
    expect(textsFor(medecin)).toContain("Lien de désabonnement : En cours de traitement");
  });

  it("refuse forged links and expired ones", () => {
    const token = unsubscribeToken({ u: patient.id, s: "irritant", i: 1 });
    const [body, sig] = token.split(".");
    // Someone else's id in a copied signature.
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), u: medecin.id })).toString("base64url");
    expect(checkUnsubscribeToken(`${forgedBody}.${sig}`)).toMatchObject({ ok: false, status: 400 });
    expect(checkUnsubscribeToken(`${body}.${sig.slice(0, -2)}xx`)).toMatchObject({ ok: false, status: 400 });
    expect(checkUnsubscribeToken("n'importe quoi")).toMatchObject({ ok: false, status: 400 });
    const later = new Date(Date.now() + (UNSUBSCRIBE_LINK_DAYS + 1) * 86_400_000);
    expect(checkUnsubscribeToken(token, later)).toMatchObject({ ok: false, status: 410 });
  });

  it("turn a kind of e-mail off from the kind link", () => {
    const check = checkUnsubscribeToken(unsubscribeToken({ u: medecin.id, k: "progress" }));
    expect(check.ok).toBe(true);
    if (check.ok) applyUnsubscribe(check.target);
    expect(getPreferences(medecin.id, "practitioner").find((p) => p.kind === "progress")?.mode).toBe("none");
  });
});

describe("questionnaire invitations", () => {
  it("invite the audience with personal links, and remind only those who have not answered, once", async () => {
    const { invited } = inviteAudienceByEmail(team, "segur-en-cours");
    expect(invited).toBeGreaterThan(1);
    expect(inviteAudienceByEmail(team, "segur-en-cours").invited).toBe(0); // nobody twice
    await deliverAndSend();
    const email = smtp.to("medecin@demo.sentinelle.fr").find((m) => m.body.includes("Vous êtes invité à répondre"))!;
    expect(email).toBeDefined();
    const link = linksIn(email.body).find((l) => l.includes("/enquetes/segur-en-cours?jeton="))!;
    const token = new URL(link).searchParams.get("jeton")!;
    expect(openParticipation("segur-en-cours", { kind: "invitation", token }).campaign.slug).toBe("segur-en-cours");
    // Patients and vendors are not in this practitioners' campaign.
    expect(textsFor(patient).join(" ")).not.toContain("Vous êtes invité à répondre");
    expect(textsFor(vendorA).join(" ")).not.toContain("Vous êtes invité à répondre");

    // The practitioner answers (the invitation is used); everyone else is reminded.
    database.db.update(invitations).set({ usedOn: "2026-11-25" }).where(and(eq(invitations.inviteeId, medecin.id))).run();
    const { reminded } = remindInvitees(team, "segur-en-cours");
    expect(reminded).toBe(invited - 1);
    await deliverAndSend();
    expect(textsFor(medecin).join(" ")).not.toContain("Rappel : votre avis compte");
    const supporter = database.db.select({ id: invitations.inviteeId }).from(invitations).where(isNotNull(invitations.inviteeId)).all().find((r) => r.id !== medecin.id)!;
    expect(database.db.select().from(notifications).where(eq(notifications.userId, supporter.id!)).all().some((n) => n.text.startsWith("Rappel : votre avis compte"))).toBe(true);
    expect(() => remindInvitees(team, "segur-en-cours")).toThrow(/une seule relance/);
  });
});

describe("account e-mails", () => {
  it("confirm an unconfirmed address; notification e-mails wait for the confirmation", async () => {
    const before = smtp.received.length;
    const created = await createUser({ email: "nouvelle@exemple.fr", password: "une phrase assez longue", displayName: "Nouvelle", role: "patient" }, { confirmEmail: true });
    await sendPendingEmails(1000);
    const mails = smtp.received.slice(before).filter((m) => m.to.includes("nouvelle@exemple.fr"));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain("confirmez votre adresse");
    const link = linksIn(mails[0].body).find((l) => l.includes("/confirmer-email?jeton="))!;

    // Not confirmed yet: in-app only.
    const id = publishedIrritant("Avant confirmation");
    supportIrritant(created, id);
    updateIrritant(team, id, { status: "forwarded" });
    await deliverAndSend();
    expect(textsFor(created)).toContain("Avant confirmation : Transmis à l'éditeur");
    expect(smtp.to("nouvelle@exemple.fr")).toHaveLength(1);

    confirmEmail(new URL(link).searchParams.get("jeton")!);
    expect(() => confirmEmail(new URL(link).searchParams.get("jeton")!)).toThrow(/déjà servi/);
    updateIrritant(team, id, { status: "in_progress" });
    await deliverAndSend();
    expect(smtp.to("nouvelle@exemple.fr").some((m) => m.body.includes("Avant confirmation : En cours de traitement"))).toBe(true);
  });

  it("reset a forgotten password with a single-use link that closes every session", async () => {
    const session = createSession(medecin.id);
    const before = smtp.received.length;
    requestPasswordReset("inconnu@exemple.fr"); // no account: nothing sent, nothing said
    requestPasswordReset("MEDECIN@demo.sentinelle.fr");
    await sendPendingEmails(1000);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to[0])).toEqual(["medecin@demo.sentinelle.fr"]);
    const link = linksIn(mails[0].body).find((l) => l.includes("/mot-de-passe/nouveau?jeton="))!;
    const token = new URL(link).searchParams.get("jeton")!;
    expect(database.db.select().from(accountTokens).all().some((t) => t.tokenHash === token)).toBe(false); // only the hash is kept
    await resetPassword(token, "un tout nouveau mot de passe");
    expect(await verifyCredentials("medecin@demo.sentinelle.fr", "un tout nouveau mot de passe")).toMatchObject({ id: medecin.id });
    expect(database.db.select().from(sessions).where(eq(sessions.userId, medecin.id)).all()).toHaveLength(0);
    void session;
    await expect(resetPassword(token, "encore un autre mot de passe")).rejects.toThrow(/déjà servi/);
    // An expired link is refused.
    requestPasswordReset("medecin@demo.sentinelle.fr");
    await sendPendingEmails(1000);
    const second = new URL(linksIn(smtp.to("medecin@demo.sentinelle.fr").at(-1)!.body).find((l) => l.includes("/mot-de-passe/nouveau"))!).searchParams.get("jeton")!;
    database.db.update(accountTokens).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).where(eq(accountTokens.purpose, "reset_password")).run();
    await expect(resetPassword(second, "encore un autre mot de passe")).rejects.toThrow(/expiré/);
  });
});

describe("crash safety", () => {
  it("never queues an e-mail twice when the worker replays events after a crash", async () => {
    const emails = database.db.select().from(outboxEmails).all().length;
    const notices = database.db.select().from(notifications).all().length;
    database.db.update(eventCursors).set({ lastEventId: 0 }).run();
    await deliverAndSend();
    expect(database.db.select().from(outboxEmails).all().length).toBe(emails);
    expect(database.db.select().from(notifications).all().length).toBe(notices);
  });

  it("never resends an e-mail whose sending was interrupted; it is marked failed, visibly", async () => {
    const id = publishedIrritant("Envoi interrompu");
    updateIrritant(team, id, { status: "forwarded" });
    while (deliverPendingEvents().events > 0);
    const row = database.db.select().from(outboxEmails).where(and(eq(outboxEmails.status, "pending"), like(outboxEmails.subject, "%Envoi interrompu : Transmis%"))).get()!;
    // The process died after claiming it, during the SMTP exchange.
    database.db.update(outboxEmails).set({ status: "sending", nextAttemptAt: new Date(Date.now() - 11 * 60_000).toISOString() }).where(eq(outboxEmails.id, row.id)).run();
    const before = smtp.received.length;
    expect(failInterruptedSends()).toBe(1);
    await sendPendingEmails(1000);
    const forRow = (m: { to: string[]; body: string }) => m.to.includes(row.to) && m.body.includes("Envoi interrompu : Transmis");
    expect(smtp.received.slice(before).some(forRow)).toBe(false);
    // The other recipient of the same event, not interrupted, got theirs.
    expect(smtp.received.slice(before).some((m) => !m.to.includes(row.to) && m.body.includes("Envoi interrompu : Transmis"))).toBe(true);
    expect(database.db.select().from(outboxEmails).where(eq(outboxEmails.id, row.id)).get()).toMatchObject({ status: "failed" });
  });
});
