import { eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "#db/backup";
import { campaigns, irritants, notifications, outboxEmails, participations, seminars, users } from "#db/schema";
import { loadDemoData } from "~/seed/demo.server";
import { resetEnvForTests } from "~/lib/env.server";
import { insertOutboxEmail } from "~/lib/outbox.server";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { applyRetention, deleteAccount } from "~/modules/privacy/index.server";
import { addComment, fileIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { register } from "~/modules/seminars/index.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";

// Erased data must be gone from the database file, its WAL and its backups, not only from query results:
// SQLite leaves deleted rows in free space, FTS5 keeps deleted terms in its segments, and the WAL keeps old pages.

let database: ReturnType<typeof createTestDatabase>;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-erasure-"));
beforeAll(async () => {
  database = createTestDatabase();
  resetEnvForTests();
  await loadDemoData();
});
afterAll(() => {
  database.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Which of `needles` occur in the bytes of the database file, its WAL, or a fresh backup of it. */
async function foundInFiles(needles: string[]) {
  const backup = path.join(scratch, `backup-${Date.now()}.db`);
  await backupDatabase(database.file, backup);
  const files = [database.file, `${database.file}-wal`, backup].filter((f) => fs.existsSync(f));
  const found: string[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, "utf8"))) found.push(`${needle} in ${path.basename(file)}`);
  }
  return found;
}

// Distinctive words. The search index stores words folded and stemmed, and prefix-compressed against the
// previous word of the index, so the needles leave out each word's first two letters and its ending.
const WORD_TITLE = "Zqxjvorpalements";
const WORD_BODY = "Kwyzbrindacious";
const WORD_COMMENT = "Fjqupdelmorfs";
const WORD_DRAFT = "Vqzhoplintrade";
const needlesOf = (...words: string[]) => words.map((w) => w.slice(2, -3).toLowerCase());

async function person(email: string, displayName: string): Promise<SessionUser> {
  return createUser({ email, password: "mot-de-passe-solide-2024", displayName, role: "practitioner", profession: "medecin" });
}

describe("erasure reaches the database file", () => {
  it("erases a hidden irritant's text, comments, notifications and e-mails from the file, the WAL and a backup", async () => {
    const db = database.db;
    const author = await person("auteur.effacement@exemple.fr", "Auteur Effacement");
    const reader = await person("lecteur.effacement@exemple.fr", "Lecteur Effacement");
    const filler = "Le logiciel se fige à chaque ouverture du dossier. ".repeat(120); // long enough for overflow pages
    const { id } = fileIrritant(author, {
      title: `Écran ${WORD_TITLE} figé à l'ouverture`,
      body: `Depuis la mise à jour, ${WORD_BODY} bloque le logiciel du cabinet. ${filler}`,
      themes: ["autre"],
    });
    const team = demoUser("equipe@demo.sentinelle.fr");
    updateIrritant(team, id, { published: true });
    addComment(reader, id, `Même problème chez nous, ${WORD_COMMENT} à chaque fois.`);
    // What the notification worker writes for followers: the irritant's title in the text, its page in the URL.
    const event = db.$client.prepare("select id from events order by id desc limit 1").pluck().get() as number;
    db.insert(notifications).values({ userId: reader.id, eventId: event, text: `Nouveau commentaire : Écran ${WORD_TITLE} figé`, url: `/signalements/${id}` }).run();
    // (E-mails enter the outbox through its one helper, which records the pages they link to.)
    db.transaction((tx) =>
      insertOutboxEmail(tx, { userId: reader.id, eventId: event, dedupeKey: `erasure-test-${id}`, to: "lecteur.effacement@exemple.fr", subject: `Écran ${WORD_TITLE} figé`, text: `Voir http://localhost/signalements/${id}`, html: `<a href="http://localhost/signalements/${id}">${WORD_TITLE}</a>`, status: "sent" }),
    );
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    // The needles are there before erasure (the test can fail).
    expect((await foundInFiles(needlesOf(WORD_TITLE, WORD_BODY, WORD_COMMENT))).length).toBeGreaterThan(0);

    updateIrritant(team, id, { hidden: { reason: "Données de patient" } });
    db.update(irritants).set({ hiddenAt: "2020-01-01T00:00:00.000Z" }).where(eq(irritants.id, id)).run(); // a year ago
    expect(applyRetention(365).irritantsErased).toBe(1);

    expect(await foundInFiles(needlesOf(WORD_TITLE, WORD_BODY, WORD_COMMENT))).toEqual([]);
    expect(db.select().from(notifications).where(eq(notifications.userId, reader.id)).all().map((n) => n.text).join()).not.toContain(WORD_TITLE);
    // Other irritants are still found by search.
    expect(db.$client.prepare("select count(*) from irritants_fts").pluck().get()).toBeGreaterThan(5);
  });

  it("erases survey drafts of closed campaigns from the file", async () => {
    const db = database.db;
    const respondent = await person("brouillon.effacement@exemple.fr", "Brouillon Effacement");
    const closed = db.select().from(campaigns).where(eq(campaigns.slug, "segur-2024")).get()!;
    expect(["closed", "published"]).toContain(closed.status);
    db.insert(participations).values({ campaignId: closed.id, userId: respondent.id, draft: { commentaire: `Brouillon ${WORD_DRAFT} jamais envoyé` } }).run();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect((await foundInFiles(needlesOf(WORD_DRAFT))).length).toBeGreaterThan(0);
    applyRetention(365);
    expect(db.select().from(participations).where(eq(participations.userId, respondent.id)).get()!.draft).toBeNull();
    expect(await foundInFiles(needlesOf(WORD_DRAFT))).toEqual([]);
  });

  it("erases a deleted account's name and address from the file, the WAL and a backup", async () => {
    const db = database.db;
    const name = "Zénobie Qwartzfeldt";
    const email = "zenobie.qwartzfeldt@exemple.fr";
    const gone = await person(email, name);
    const upcoming = db.select().from(seminars).where(eq(seminars.registrationOpen, true)).get()!;
    register(upcoming.id, { kind: "user", user: gone }, { side: "practitioner", detail: null, organisation: "Cabinet de la gare", workshopIds: [] });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const needles = ["Qwartzfeldt", "qwartzfeldt"];
    expect((await foundInFiles(needles)).length).toBeGreaterThan(0);

    await deleteAccount(gone, "mot-de-passe-solide-2024");

    expect(db.select().from(users).where(eq(users.id, gone.id)).get()).toMatchObject({ displayName: "Compte supprimé" });
    expect(await foundInFiles(needles)).toEqual([]);
  });
});
