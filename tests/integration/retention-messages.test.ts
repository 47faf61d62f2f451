import { eq, sql } from "drizzle-orm";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, notifications, outboxEmails, outboxMentions } from "#db/schema";
import { runDataMigrations } from "~/data-migrations.server";
import { insertOutboxEmail, sendPendingEmails } from "~/lib/outbox.server";
import type { SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, maskIrritantPassage, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { composeDigests, deliverPendingEvents, savePreferences } from "~/modules/notifications/index.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";
import { capturePlans, scansOfGrowingTables } from "../support/queries";
import { startSmtpForModules } from "../support/smtp";

/**
 * Retention erases the text of an irritant hidden for a year, and with it the notifications and e-mails that quote its
 * title and link to its page (the personal-data page says so). They are found through indexes — the notifications by
 * their address, the e-mails by the pages they link to — since at national scale the outbox holds every e-mail ever
 * sent (tests/integration/worker-scans.test.ts reads the plans).
 */

const database = createTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpForModules>>;
let medecin: SessionUser, patient: SessionUser, team: SessionUser;

beforeAll(async () => {
  smtp = await startSmtpForModules({ DIGEST_HOUR: "7" });
  await loadDemoData();
  [medecin, patient, team] = ["medecin", "patient", "equipe"].map((n) => demoUser(`${n}@demo.sentinelle.fr`));
  while (deliverPendingEvents().events > 0);
  await sendPendingEmails(1000);
});
afterAll(async () => {
  await smtp.close();
  database.close();
});

const db = () => database.db;
const emailsOf = (user: SessionUser) => db().select().from(outboxEmails).where(eq(outboxEmails.userId, user.id)).orderBy(outboxEmails.id).all();
const mentionsOf = (outboxId: number) => db().select().from(outboxMentions).where(eq(outboxMentions.outboxId, outboxId)).all();

describe("retention erases the messages about an erased irritant", () => {
  it("finds every notification and e-mail citing it — sent, digested or pending — and no other", async () => {
    savePreferences(patient.id, "patient", { irritant_status: "digest" });
    const title = "Écran figé à l'ouverture du dossier patient";
    const { id } = fileIrritant(medecin, { title, body: "Le logiciel se fige à chaque ouverture du dossier.", themes: ["mssante"] });
    updateIrritant(team, id, { published: true, status: "triaged" });
    supportIrritant(patient, id);
    while (deliverPendingEvents().events > 0);
    await sendPendingEmails(1000);
    const before = { medecin: emailsOf(medecin).length, patient: emailsOf(patient).length };

    // The practitioner gets an e-mail at once; the patient's waits for the daily digest.
    updateIrritant(team, id, { status: "forwarded" });
    while (deliverPendingEvents().events > 0);
    expect(composeDigests(new Date("2026-11-26T07:00:00Z")).digests).toBeGreaterThanOrEqual(1);
    await sendPendingEmails(1000);
    // A later change: its e-mail is still waiting when the irritant is erased.
    updateIrritant(team, id, { status: "in_progress" });
    while (deliverPendingEvents().events > 0);

    const sentToMedecin = emailsOf(medecin).slice(before.medecin);
    const toPatient = emailsOf(patient).slice(before.patient);
    expect(sentToMedecin.map((e) => `${e.status} ${e.subject}`)).toEqual([`sent Sentinelle — ${title} : Transmis à l'éditeur`, `pending Sentinelle — ${title} : En cours de traitement`]);
    const digest = toPatient.find((e) => e.kind === "digest")!;
    expect(digest.status).toBe("sent");
    expect(digest.text).toContain(title);
    // Each e-mail records the page it links to as it is queued.
    for (const email of [...sentToMedecin, digest]) expect(mentionsOf(email.id).map((m) => m.irritantId)).toEqual([id]);

    // Messages about another irritant whose number starts with this one's (n°12 and n°123) stay as they are.
    const other = id * 10 + 7;
    const event = db().$client.prepare("select id from events order by id desc limit 1").pluck().get() as number;
    db().insert(notifications).values({ userId: team.id, eventId: event, text: "Un autre sujet : Transmis à l'éditeur", url: `/signalements/${other}` }).run();
    db().transaction((tx) => insertOutboxEmail(tx, { userId: medecin.id, kind: "irritant_status", dedupeKey: `other:${other}`, to: "medecin@demo.sentinelle.fr", subject: "Un autre sujet", text: `https://sentinelle.example.test/signalements/${other}`, html: `<a href="https://sentinelle.example.test/signalements/${other}">Un autre sujet</a>`, status: "sent" }));

    updateIrritant(team, id, { hidden: { reason: "Données de patient" } });
    db().update(irritants).set({ hiddenAt: "2020-01-01T00:00:00.000Z" }).where(eq(irritants.id, id)).run();
    expect(applyRetention(365).irritantsErased).toBe(1);

    const notices = db().select().from(notifications).where(sql`${notifications.url} like ${`/signalements/${id}%`}`).all();
    expect(notices.filter((n) => n.url === `/signalements/${id}`).length).toBeGreaterThanOrEqual(3);
    for (const n of notices) {
      if (n.url === `/signalements/${other}`) expect(n.text).toBe("Un autre sujet : Transmis à l'éditeur");
      else expect(n.text).toBe("Un signalement que vous suiviez a été masqué puis effacé.");
    }
    const after = new Map(db().select().from(outboxEmails).all().map((e) => [e.id, e]));
    expect(after.get(sentToMedecin[0].id)).toMatchObject({ subject: "Message effacé", text: "", html: "" });
    expect(after.get(digest.id)).toMatchObject({ subject: "Message effacé", text: "", html: "" });
    // Not sent yet: it goes, and its mention with it.
    expect(after.has(sentToMedecin[1].id)).toBe(false);
    expect(mentionsOf(sentToMedecin[1].id)).toEqual([]);
    expect([...after.values()].find((e) => e.dedupeKey === `other:${other}`)).toMatchObject({ subject: "Un autre sujet" });
    expect(JSON.stringify([...after.values()])).not.toContain(title);
  });

  it("records the pages of the e-mails queued before the mentions existed, once", () => {
    const { id } = fileIrritant(medecin, { title: "Ordonnance numérique refusée", body: "Le téléservice refuse l'ordonnance.", themes: ["mssante"] });
    // An e-mail written as before migration 0042: the row alone.
    const row = db()
      .insert(outboxEmails)
      .values({ userId: medecin.id, kind: "irritant_status", dedupeKey: `before-0042:${id}`, to: "medecin@demo.sentinelle.fr", subject: "Ancien", text: `Voir https://sentinelle.example.test/signalements/${id}#commentaires`, html: "", status: "sent" })
      .returning({ id: outboxEmails.id })
      .get();
    expect(mentionsOf(row.id)).toEqual([]);
    db().run(sql`delete from data_migrations where name = '0007-outbox-mentions'`);
    runDataMigrations(db());
    expect(mentionsOf(row.id).map((m) => m.irritantId)).toEqual([id]);
    const total = db().$client.prepare("select count(*) from outbox_mentions").pluck().get();
    db().run(sql`delete from data_migrations where name = '0007-outbox-mentions'`);
    runDataMigrations(db());
    expect(db().$client.prepare("select count(*) from outbox_mentions").pluck().get()).toBe(total);
  });
});

describe("masking a passage reaches the daily digests that quoted it", () => {
  it("finds the digest through the e-mail it gathered, scrubs the passage there, and reads no digest otherwise", async () => {
    savePreferences(patient.id, "patient", { irritant_status: "digest" });
    const passage = "chez le Dr Qwertzmann";
    const publishedBy = (title: string) => {
      const { id } = fileIrritant(medecin, { title, body: "Le logiciel se fige à l'ouverture du dossier.", themes: ["mssante"] });
      updateIrritant(team, id, { published: true, status: "triaged" });
      supportIrritant(patient, id);
      return id;
    };
    const masked = publishedBy(`Blocage ${passage} à l'ouverture`);
    const other = publishedBy("Messagerie sécurisée indisponible le matin");
    while (deliverPendingEvents().events > 0);
    await sendPendingEmails(1000);
    updateIrritant(team, masked, { status: "forwarded" });
    updateIrritant(team, other, { status: "forwarded" });
    while (deliverPendingEvents().events > 0);
    expect(composeDigests(new Date("2026-11-28T07:00:00Z")).digests).toBeGreaterThanOrEqual(1);
    await sendPendingEmails(1000);
    const digest = emailsOf(patient).filter((e) => e.kind === "digest").at(-1)!;
    expect(digest.text).toContain(passage);
    expect(digest.text).toContain("Messagerie sécurisée indisponible le matin");

    const plans = await capturePlans(database.db, () => maskIrritantPassage(team, masked, { field: "title" }, passage));
    const after = db().select().from(outboxEmails).where(eq(outboxEmails.id, digest.id)).get()!;
    expect(`${after.subject} ${after.text} ${after.html}`).not.toContain("Qwertzmann");
    expect(after.text).toContain("Messagerie sécurisée indisponible le matin");
    expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
  });
});

describe("migration 0043", () => {
  it("links the e-mails digested before it to their digest: the first one of the same person composed after them", () => {
    const digested = db().select().from(outboxEmails).where(eq(outboxEmails.status, "digested")).all();
    expect(digested.length).toBeGreaterThanOrEqual(2);
    const linked = new Map(digested.map((e) => [e.id, e.digestId]));
    expect([...linked.values()].every((id) => id !== null)).toBe(true);
    db().update(outboxEmails).set({ digestId: null }).where(eq(outboxEmails.status, "digested")).run();
    const backfill = fs.readFileSync("db/migrations/0043_digest_links.sql", "utf8").split("--> statement-breakpoint").find((s) => /^\s*(--.*\n)*\s*UPDATE/i.test(s))!;
    db().$client.exec(backfill);
    expect(new Map(db().select().from(outboxEmails).where(eq(outboxEmails.status, "digested")).all().map((e) => [e.id, e.digestId]))).toEqual(linked);
  });
});
