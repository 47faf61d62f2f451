import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, runMigrations } from "#db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { actions, notifications, organisations } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import { getAction, getPlan, remindStaleActions, saveAction, setStepStatuses } from "~/modules/action-plan/index.server";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { updateSettings } from "~/modules/settings/index.server";
import { sendPendingEmails } from "~/lib/outbox.server";
import { startDeliveryLoop } from "~/worker.server";
import { createTestDatabase } from "../support/database";
import { startSmtpForModules } from "../support/smtp";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpForModules>>;
let team: SessionUser;
let practitioner: SessionUser;

beforeAll(async () => {
  smtp = await startSmtpForModules({ MAIL_FROM: "Sentinelle <ne-pas-repondre@sentinelle.example.test>" });
  await loadDemoData();  team = demoUser("equipe@demo.sentinelle.fr");
  practitioner = demoUser("medecin@demo.sentinelle.fr");
  // The demo's own events are delivered and sent before the tests start.
  while (deliverPendingEvents().events > 0);
  await sendPendingEmails(1000);
  smtp.received.length = 0;
});
afterAll(async () => {
  await smtp.close();
  database.close();
});

const actionByTitle = (title: string) => database.db.select().from(actions).where(eq(actions.title, title)).get()!;
const planActions = (plan: ReturnType<typeof getPlan>) => plan.flatMap((w) => w.challenges.flatMap((c) => c.actions));
const late = (plan: ReturnType<typeof getPlan>) => planActions(plan).filter((a) => a.overdue).map((a) => a.title);

describe("the plan as of a day", () => {
  it("shows the deck's lateness as of 11 January 2024, not today's", () => {
    const today = getPlan();
    expect(planActions(today)).toHaveLength(32);
    // Today (2026 and later) most of the deck's deadlines are past.
    // (The biology tests' « Décembre 23 Février - Mars 24 » is kept as written, never read as a date: never late.)
    expect(late(today).length).toBe(24);
    const deck = getPlan({ asOf: "2024-01-11" });
    expect(planActions(deck)).toHaveLength(32);
    // On the deck's day only the three December 2023 deadlines had passed.
    expect(late(deck).sort()).toEqual(
      [
        "Publication de la concertation VSM de la HAS -> participez",
        "Publication du décret en Conseil d'État sur l'ordonnance numérique",
        "Promotion des implémentations facilitantes auprès des éditeurs lors du webinaire Sentinelle SONS / hors SONS (ex : pas de datamatrix, DM, mention manuscrite, etc.)",
      ].sort(),
    );
    // The deck's ambiguous cell is not read as a move from December 2023: the day before, it read the same.
    const tests = planActions(deck).find((a) => a.title.startsWith("Tests en vie réelle"))!;
    expect(tests).toMatchObject({ deadline: { label: "Décembre 23 Février - Mars 24", due: null }, overdue: false });
    const dayBefore = planActions(getPlan({ asOf: "2024-01-10" })).find((a) => a.title.startsWith("Tests en vie réelle"))!;
    expect(dayBefore).toMatchObject({ deadline: { label: "Décembre 23 Février - Mars 24", due: null }, overdue: false });
    // Before the seminar, the plan did not exist.
    expect(planActions(getPlan({ asOf: "2023-11-19" }))).toHaveLength(0);
  });

  it("reads the status of the day: an action done since was still under way, and late, then", () => {
    const id = actionByTitle("Publication du décret en Conseil d'État sur l'ordonnance numérique").id;
    const current = getAction(team, id);
    saveAction(team, id, { ...current, steps: current.steps, themes: current.themes.map((t) => t.slug), irritantIds: current.irritants.map((i) => i.id), status: "fait" });
    const todayItem = planActions(getPlan({ withResponsible: true })).find((a) => a.id === id)!;
    expect(todayItem).toMatchObject({ status: "fait", overdue: false });
    const deckItem = planActions(getPlan({ asOf: "2024-01-11" })).find((a) => a.id === id)!;
    expect(deckItem).toMatchObject({ status: "en-cours", overdue: true });
    // Filters apply to the day's statuses.
    expect(planActions(getPlan({ asOf: "2024-01-11", status: "fait" })).map((a) => a.id)).not.toContain(id);
    expect(planActions(getPlan({ status: "fait" })).map((a) => a.id)).toContain(id);
  });
});

describe("owners", () => {
  it("seeds the institutions beside the vendors, and the organisations the deck's wording names", () => {
    const institutions = database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, "institution")).all().map((o) => o.name);
    expect(institutions).toEqual(
      expect.arrayContaining(["Délégation au numérique en santé (DNS)", "Agence du numérique en santé (ANS)", "Assurance Maladie", "Haute Autorité de santé (HAS)", "Opérateurs de messagerie MSSanté"]),
    );
    const lps = getAction(null, actionByTitle("Mise en production de l'API LPS par les opérateurs MSS").id);
    expect(lps.lead.label).toBe("Éditeurs & Pouvoirs publics");
    expect(lps.organisations.lead.map((o) => o.name)).toEqual(["Opérateurs de messagerie MSSanté"]);
  });

  it("saves a lead label, lead and co-lead organisations and a responsible team member; refuses what is not", () => {
    const id = actionByTitle("Collecte des retours terrain").id;
    const current = getAction(team, id);
    const orgId = (slug: string) => database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get()!.id;
    const input = {
      ...current,
      steps: current.steps.map((s) => s.title),
      themes: current.themes.map((t) => t.slug),
      irritantIds: current.irritants.map((i) => i.id),
      leadKind: "editeurs-et-pouvoirs-publics" as const,
      leadOrganisationIds: [orgId("ans")],
      coLeadOrganisationIds: [orgId("assurance-maladie"), orgId("azur-logiciels")],
      responsibleId: team.id,
    };
    saveAction(team, id, input);
    const after = getAction(null, id);
    expect(after.lead).toEqual({ kind: "editeurs-et-pouvoirs-publics", label: "Éditeurs & Pouvoirs publics" });
    expect(after.organisations.lead.map((o) => o.name)).toEqual(["Agence du numérique en santé (ANS)"]);
    expect(after.organisations.coLead.map((o) => [o.name, o.kind])).toEqual([
      ["Assurance Maladie", "institution"],
      ["Azur Logiciels Santé (démo)", "vendor"],
    ]);
    expect(after.responsible).toEqual({ id: team.id, name: "Équipe programme (démo)" });
    const planItem = planActions(getPlan({ withResponsible: true })).find((a) => a.id === id)!;
    expect(planItem.responsible).toBe("Équipe programme (démo)");
    // Without the option, the plan does not select the name at all (pages that do not show it).
    expect(planActions(getPlan()).find((a) => a.id === id)!.responsible).toBeNull();
    expect(planItem.organisations.coLead).toHaveLength(2);
    // A practitioner is no team member; an unknown organisation, or one both lead and co-lead, is refused.
    expect(() => saveAction(team, id, { ...input, responsibleId: practitioner.id })).toThrowError(expect.objectContaining({ status: 422, fields: { responsibleId: ["Choisissez un membre de l'équipe dans la liste."] } }));
    expect(() => saveAction(team, id, { ...input, leadOrganisationIds: [999999] })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => saveAction(team, id, { ...input, coLeadOrganisationIds: [orgId("ans")] })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(getAction(null, id).organisations.coLead).toHaveLength(2);
  });
});

describe("steps and progress", () => {
  it("gives the action and its challenge a share of done steps, « 3 étapes sur 5 », and keeps statuses when steps are edited", () => {
    const id = actionByTitle("Atelier de consolidation des problèmes et de travail sur les solutions").id;
    const current = getAction(team, id);
    const base = { ...current, themes: current.themes.map((t) => t.slug), irritantIds: current.irritants.map((i) => i.id) };
    saveAction(team, id, { ...base, steps: ["Inviter", "Préparer", "Animer", "Restituer", "Publier"] });
    const steps = getAction(team, id).steps;
    expect(steps.map((s) => s.status)).toEqual(["a-faire", "a-faire", "a-faire", "a-faire", "a-faire"]);
    const statuses = ["fait", "fait", "fait", "en-cours"] as const;
    expect(setStepStatuses(team, id, statuses.map((status, i) => ({ id: steps[i].id, status })))).toBe(4);
    expect(getAction(null, id).progress).toMatchObject({ done: 3, total: 5, text: "3 étapes sur 5" });
    const challenge = getPlan().flatMap((w) => w.challenges).find((c) => c.actions.some((a) => a.id === id))!;
    expect(challenge.progress).toMatchObject({ done: 3, total: 5, text: "3 étapes sur 5" });
    // Reordering and adding steps in the editor keeps each kept step's row and status; a removed one goes.
    saveAction(team, id, { ...base, steps: ["Préparer", "Inviter", "Animer", "Relire", "Restituer"] });
    const edited = getAction(null, id).steps;
    expect(edited.map((s) => [s.title, s.status])).toEqual([
      ["Préparer", "fait"],
      ["Inviter", "fait"],
      ["Animer", "fait"],
      ["Relire", "a-faire"],
      ["Restituer", "en-cours"],
    ]);
    expect(edited[0].id).toBe(steps[1].id);
    // Another action's step, or a non-member, is refused.
    const other = getAction(team, actionByTitle("Réunion haut niveau opérateurs MSS / SGL / LGC pour qualifier point par point les causes racines et construire un plan d'action collectif pour chaque étape").id);
    expect(() => setStepStatuses(team, id, [{ id: other.steps[0].id, status: "a-faire" }])).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => setStepStatuses(practitioner, id, [{ id: edited[0].id, status: "a-faire" }])).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("stale status reminder", () => {
  const WEEK = 7 * 24 * 3600 * 1000;

  it("tells the responsible person by e-mail, through the worker's periodic pass, once per staleness period", async () => {
    const id = actionByTitle("Construire le plan d'action collectif pour chacune des étapes").id;
    const other = actionByTitle("Publication de la concertation VSM de la HAS -> participez").id;
    // Only this test's actions have a responsible person and old news.
    database.db.update(actions).set({ responsibleId: null }).run();
    database.db.update(actions).set({ responsibleId: team.id, statusUpdatedAt: new Date(Date.now() - 5 * WEEK).toISOString(), staleRemindedAt: null }).where(eq(actions.id, id)).run();
    database.db.update(actions).set({ responsibleId: team.id, statusUpdatedAt: new Date(Date.now() - 3 * WEEK).toISOString(), staleRemindedAt: null }).where(eq(actions.id, other)).run();
    updateSettings(team, { staleStatusWeeks: 4 });

    // The worker's loop: its first pass reminds, delivers the notification and sends the e-mail.
    const stop = startDeliveryLoop(60_000);
    try {
      for (let i = 0; i < 100 && smtp.to("equipe@demo.sentinelle.fr").length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop();
    }
    const mails = smtp.to("equipe@demo.sentinelle.fr");
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain("Construire le plan d'action collectif pour chacune des étapes");
    expect(mails[0].body).toContain(`https://sentinelle.example.test/equipe/plan-action/${id}`);
    expect(mails[0].body).not.toContain("concertation VSM");
    const inApp = database.db.select().from(notifications).where(eq(notifications.userId, team.id)).all().filter((n) => n.url === `/equipe/plan-action/${id}`);
    expect(inApp).toHaveLength(1);

    // Once per period: again today, nothing; three weeks on, nothing; four weeks on without news, once more.
    expect(remindStaleActions(4)).toBe(0);
    expect(remindStaleActions(4, new Date(Date.now() + 3 * WEEK))).toBe(1); // the other action's turn (3 + 3 weeks)
    expect(remindStaleActions(4, new Date(Date.now() + 3 * WEEK))).toBe(0);
    expect(remindStaleActions(4, new Date(Date.now() + 4 * WEEK + 60_000))).toBe(1);
    // News of the status (a dated note here) restarts the clock.
    database.db.update(actions).set({ staleRemindedAt: null }).run();
    const current = getAction(team, other);
    saveAction(team, other, { ...current, themes: current.themes.map((t) => t.slug), irritantIds: current.irritants.map((i) => i.id) }, "Concertation publiée, relances en cours.");
    expect(remindStaleActions(4, new Date(Date.now() + 3 * WEEK))).toBe(1); // only `id`, which still has no news
  });

  it("reminds nobody about a done action or one without a responsible person", () => {
    database.db.update(actions).set({ statusUpdatedAt: "2020-01-01T00:00:00.000Z", staleRemindedAt: null }).run();
    const withResponsible = database.db.select({ id: actions.id, status: actions.status }).from(actions).all().filter((a) => a.status !== "fait" && a.status !== "abandonne");
    database.db.update(actions).set({ responsibleId: null }).run();
    expect(remindStaleActions(6)).toBe(0);
    database.db.update(actions).set({ responsibleId: team.id }).where(eq(actions.status, "fait")).run();
    expect(remindStaleActions(6)).toBe(0);
    expect(withResponsible.length).toBeGreaterThan(0);
  });
});

describe("migration 0024", () => {
  it("moves an organisation lead to the action's lead organisations, with the label of its kind, and backfills status history", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-0024-"));
    try {
      // The migrations before 0024, then rows as they were written then, then 0024.
      const before = path.join(dir, "before");
      fs.cpSync(path.resolve("db/migrations"), before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.idx < 24);
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const db = openDatabase(path.join(dir, "old.db"));
      try {
        runMigrations(db, before);
        const sqlite = db.$client;
        sqlite.exec(`
          insert into organisations (id, slug, name, kind) values (1, 'editeur', 'Un éditeur', 'vendor'), (2, 'agence', 'Une agence', 'institution');
          insert into workstreams (id, title) values (1, 'Chantier');
          insert into challenges (id, workstream_id, title) values (1, 1, 'Défi');
          insert into actions (id, challenge_id, title, lead_kind, lead_organisation_id, deadline_kind, status, updated_at)
            values (1, 1, 'Par un éditeur', 'organisation', 1, 'unparsed', 'en-cours', '2024-02-01T10:00:00.000Z'),
                   (2, 1, 'Par une agence', 'organisation', 2, 'unparsed', 'a-lancer', '2024-02-02T10:00:00.000Z'),
                   (3, 1, 'Par les pouvoirs publics', 'pouvoirs-publics', null, 'unparsed', 'a-lancer', '2024-02-03T10:00:00.000Z');
          insert into events (type, subject_type, subject_id, payload, created_at)
            values ('action.status_changed', 'action', 1, '{"from":"a-lancer","to":"en-cours"}', '2024-01-15T10:00:00.000Z');
        `);
        runMigrations(db);
        expect(sqlite.prepare("select id, lead_kind, lead_organisation_id, status_updated_at from actions order by id").all()).toEqual([
          { id: 1, lead_kind: "editeurs", lead_organisation_id: null, status_updated_at: "2024-02-01T10:00:00.000Z" },
          { id: 2, lead_kind: "pouvoirs-publics", lead_organisation_id: null, status_updated_at: "2024-02-02T10:00:00.000Z" },
          { id: 3, lead_kind: "pouvoirs-publics", lead_organisation_id: null, status_updated_at: "2024-02-03T10:00:00.000Z" },
        ]);
        expect(sqlite.prepare("select action_id, organisation_id, role from action_organisations order by action_id").all()).toEqual([
          { action_id: 1, organisation_id: 1, role: "lead" },
          { action_id: 2, organisation_id: 2, role: "lead" },
        ]);
        expect(sqlite.prepare("select action_id, from_status, to_status, changed_at from action_status_changes").all()).toEqual([
          { action_id: 1, from_status: "a-lancer", to_status: "en-cours", changed_at: "2024-01-15T10:00:00.000Z" },
        ]);
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
