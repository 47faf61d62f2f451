import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { getDb, preparedQueries, preparedQuery, type Tx } from "#db/client";
import {
  actionIrritants,
  actionNotes,
  actionSteps,
  actionThemes,
  actions,
  challenges,
  deadlineChanges,
  irritants,
  organisations,
  themes,
  workstreams,
} from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { formatDeadlineChange, parseFuzzyDeadline } from "./deadlines";
import { LEAD_LABELS, type ActionStatus, type LeadKind } from "./vocabulary";

type ActionRow = typeof actions.$inferSelect;
const today = () => new Date().toISOString().slice(0, 10);

function leadOf(a: Pick<ActionRow, "leadKind">, organisationName: string | null) {
  return { kind: a.leadKind, label: a.leadKind === "organisation" ? (organisationName ?? "Organisation") : LEAD_LABELS[a.leadKind] };
}

export function overdueOf(a: Pick<ActionRow, "deadlineDue" | "status">) {
  return a.deadlineDue !== null && !["fait", "abandonne"].includes(a.status) && a.deadlineDue < today();
}

export type PlanFilters = { theme?: string; lead?: LeadKind; status?: ActionStatus; overdue?: boolean; wave?: number };

/** The whole plan as the deck shows it — workstreams, challenges, actions — filtered. Three queries, no N+1. */
/** Which filters a plan query has: one prepared statement for each combination met. */
type PlanShape = { lead: boolean; status: boolean; wave: boolean; theme: boolean; overdue: boolean };

const planQuery = preparedQueries((db, shape: PlanShape) =>
  db
    .select({ action: actions, organisationName: organisations.name, challengeTitle: challenges.title, challengeDescription: challenges.description, challengePosition: challenges.position, workstreamId: workstreams.id, workstreamTitle: workstreams.title, workstreamPosition: workstreams.position })
    .from(actions)
    .innerJoin(challenges, eq(challenges.id, actions.challengeId))
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
    .where(
      and(
        shape.lead ? eq(actions.leadKind, sql.placeholder("lead")) : undefined,
        shape.status ? eq(actions.status, sql.placeholder("status")) : undefined,
        shape.wave ? eq(actions.segurWave, sql.placeholder("wave")) : undefined,
        shape.theme ? sql`exists (select 1 from action_themes at where at.action_id = ${actions.id} and at.theme_id = ${sql.placeholder("themeId")})` : undefined,
        shape.overdue ? and(sql`${actions.deadlineDue} < ${sql.placeholder("today")}`, sql`${actions.status} not in ('fait', 'abandonne')`) : undefined,
      ),
    )
    .orderBy(asc(workstreams.position), asc(workstreams.id), asc(challenges.position), asc(challenges.id), asc(actions.position), asc(actions.id))
    .prepare(),
);

const planThemeIdBySlug = preparedQuery((db) => db.select({ id: themes.id }).from(themes).where(eq(themes.slug, sql.placeholder("slug"))).prepare());

// The ids travel as one JSON array, so that a plan of any length uses the same statements; ordered as the primary
// key's index returned them to `inArray`.
const planActionThemes = preparedQuery((db) =>
  db
    .select({ actionId: actionThemes.actionId, slug: themes.slug, label: themes.label })
    .from(actionThemes)
    .innerJoin(themes, eq(themes.id, actionThemes.themeId))
    .where(sql`${actionThemes.actionId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .orderBy(asc(actionThemes.actionId), asc(actionThemes.themeId))
    .prepare(),
);

const planActionIrritants = preparedQuery((db) =>
  db
    .select()
    .from(actionIrritants)
    .where(sql`${actionIrritants.actionId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .orderBy(asc(actionIrritants.actionId), asc(actionIrritants.irritantId))
    .prepare(),
);

export function getPlan(filters: PlanFilters = {}) {
  const themeId = filters.theme ? (planThemeIdBySlug().get({ slug: filters.theme })?.id ?? -1) : undefined;
  const rows = planQuery({ lead: !!filters.lead, status: !!filters.status, wave: !!filters.wave, theme: themeId !== undefined, overdue: !!filters.overdue }).all({
    lead: filters.lead,
    status: filters.status,
    wave: filters.wave,
    themeId,
    today: today(),
  });
  const ids = JSON.stringify(rows.map((r) => r.action.id));
  const themeRows = rows.length ? planActionThemes().all({ ids }) : [];
  const irritantRows = rows.length ? planActionIrritants().all({ ids }) : [];

  const plan: { id: number; title: string; challenges: { id: number; title: string; description: string; actions: ReturnType<typeof toAction>[] }[] }[] = [];
  function toAction(r: (typeof rows)[number]) {
    const a = r.action;
    return {
      id: a.id,
      title: a.title,
      description: a.description,
      lead: leadOf(a, r.organisationName),
      deadline: { label: a.deadlineLabel, due: a.deadlineDue, kind: a.deadlineKind },
      status: a.status,
      wave: a.segurWave,
      overdue: overdueOf(a),
      themes: themeRows.filter((t) => t.actionId === a.id).map(({ slug, label }) => ({ slug, label })),
      irritantIds: irritantRows.filter((i) => i.actionId === a.id).map((i) => i.irritantId),
    };
  }
  for (const r of rows) {
    let ws = plan.at(-1);
    if (!ws || ws.id !== r.workstreamId) plan.push((ws = { id: r.workstreamId, title: r.workstreamTitle, challenges: [] }));
    let ch = ws.challenges.at(-1);
    if (!ch || ch.id !== r.action.challengeId) ws.challenges.push((ch = { id: r.action.challengeId, title: r.challengeTitle, description: r.challengeDescription, actions: [] }));
    ch.actions.push(toAction(r));
  }
  return plan;
}

/** One action with everything about it; linked irritants are filtered by what the viewer may see. */
export function getAction(viewer: SessionUser | null, id: number) {
  const db = getDb();
  const row = db
    .select({ action: actions, organisationName: organisations.name, challengeTitle: challenges.title, workstreamTitle: workstreams.title })
    .from(actions)
    .innerJoin(challenges, eq(challenges.id, actions.challengeId))
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
    .where(eq(actions.id, id))
    .get();
  if (!row) throw new HttpError(404, "Cette action n'existe pas.");
  const seesAll = can(viewer, "irritant:read-unpublished");
  // Not irritants' publiclyVisible(): a merged duplicate stays listed (merging does not move an action's links) and
  // its page leads to the irritant it joined. Hidden and unpublished ones are never shown.
  const linked = db
    .select({ id: irritants.id, title: irritants.title, status: irritants.status, fixAnnouncedAt: irritants.fixAnnouncedAt, supportCount: irritants.supportCount })
    .from(actionIrritants)
    .innerJoin(irritants, eq(irritants.id, actionIrritants.irritantId))
    .where(and(eq(actionIrritants.actionId, id), seesAll ? undefined : and(eq(irritants.published, true), isNull(irritants.hiddenAt))))
    .all();
  return {
    ...row.action,
    lead: leadOf(row.action, row.organisationName),
    overdue: overdueOf(row.action),
    challengeTitle: row.challengeTitle,
    workstreamTitle: row.workstreamTitle,
    steps: db.select({ id: actionSteps.id, title: actionSteps.title }).from(actionSteps).where(eq(actionSteps.actionId, id)).orderBy(asc(actionSteps.position)).all(),
    themes: db.select({ slug: themes.slug, label: themes.label }).from(actionThemes).innerJoin(themes, eq(themes.id, actionThemes.themeId)).where(eq(actionThemes.actionId, id)).all(),
    irritants: linked,
    notes: db
      .select({ id: actionNotes.id, body: actionNotes.body, createdAt: actionNotes.createdAt })
      .from(actionNotes)
      .where(eq(actionNotes.actionId, id))
      .orderBy(desc(actionNotes.id))
      .all(),
    deadlineHistory: db
      .select({ id: deadlineChanges.id, fromLabel: deadlineChanges.fromLabel, toLabel: deadlineChanges.toLabel, changedAt: deadlineChanges.changedAt })
      .from(deadlineChanges)
      .where(eq(deadlineChanges.actionId, id))
      .orderBy(desc(deadlineChanges.id))
      .all()
      .map((c) => ({ ...c, text: formatDeadlineChange(c.fromLabel, c.toLabel) })),
  };
}

// --- Team editing ------------------------------------------------------------------------------

function requireEditor(actor: SessionUser) {
  if (!can(actor, "action-plan:edit")) throw new HttpError(403, "Le plan d'action est modifié par l'équipe programme.");
}

export type ActionInput = {
  challengeId: number;
  title: string;
  description: string;
  leadKind: LeadKind;
  leadOrganisationId?: number | null;
  deadlineLabel: string;
  status: ActionStatus;
  segurWave?: number | null;
  steps: string[];
  themes: string[];
  irritantIds: number[];
};

function resolveLinks(tx: Tx, input: Pick<ActionInput, "themes" | "irritantIds" | "leadKind" | "leadOrganisationId" | "challengeId">) {
  if (!tx.select({ id: challenges.id }).from(challenges).where(eq(challenges.id, input.challengeId)).get()) {
    throw new HttpError(422, "Défi inconnu.", { challengeId: ["Choisissez un défi de la liste."] });
  }
  if (input.leadKind === "organisation") {
    const org = input.leadOrganisationId ? tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.leadOrganisationId)).get() : undefined;
    if (!org) throw new HttpError(422, "Organisation inconnue.", { leadOrganisationId: ["Choisissez l'organisation pilote."] });
  }
  const themeRows = input.themes.length ? tx.select({ id: themes.id, slug: themes.slug }).from(themes).where(inArray(themes.slug, input.themes)).all() : [];
  const unknownThemes = input.themes.filter((s) => !themeRows.some((t) => t.slug === s));
  if (unknownThemes.length) throw new HttpError(422, "Thème inconnu.", { themes: [`Thème inconnu : ${unknownThemes.join(", ")}.`] });
  const found = input.irritantIds.length ? tx.select({ id: irritants.id }).from(irritants).where(inArray(irritants.id, input.irritantIds)).all() : [];
  const missing = input.irritantIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new HttpError(422, "Signalement inconnu.", { irritantIds: [`Signalement inconnu : n°${missing.join(", n°")}.`] });
  return themeRows.map((t) => t.id);
}

function writeLinks(tx: Tx, actionId: number, themeIds: number[], input: Pick<ActionInput, "irritantIds" | "steps">) {
  tx.delete(actionThemes).where(eq(actionThemes.actionId, actionId)).run();
  tx.delete(actionIrritants).where(eq(actionIrritants.actionId, actionId)).run();
  tx.delete(actionSteps).where(eq(actionSteps.actionId, actionId)).run();
  if (themeIds.length) tx.insert(actionThemes).values(themeIds.map((themeId) => ({ actionId, themeId }))).run();
  const irritantIds = [...new Set(input.irritantIds)];
  if (irritantIds.length) tx.insert(actionIrritants).values(irritantIds.map((irritantId) => ({ actionId, irritantId }))).run();
  if (input.steps.length) tx.insert(actionSteps).values(input.steps.map((title, position) => ({ actionId, title, position }))).run();
}

function deadlineColumns(label: string) {
  const parsed = parseFuzzyDeadline(label);
  return { deadlineLabel: label.trim(), deadlineDue: parsed.due, deadlineKind: parsed.kind };
}

/** Writes an action in the caller's transaction (used by the editor, the CSV import and the demo data). */
export function writeAction(tx: Tx, actor: SessionUser | null, id: number | null, input: ActionInput, options: { note?: string; at?: string } = {}) {
  const themeIds = resolveLinks(tx, input);
  const at = options.at ?? new Date().toISOString();
  const columns = {
    challengeId: input.challengeId,
    title: input.title,
    description: input.description,
    leadKind: input.leadKind,
    leadOrganisationId: input.leadKind === "organisation" ? (input.leadOrganisationId ?? null) : null,
    ...deadlineColumns(input.deadlineLabel),
    status: input.status,
    segurWave: input.segurWave ?? null,
    updatedAt: at,
  };
  const actorId = actor?.id ?? null;
  if (id === null) {
    const position = (tx.select({ p: max(actions.position) }).from(actions).where(eq(actions.challengeId, input.challengeId)).get()?.p ?? -1) + 1;
    const row = tx.insert(actions).values({ ...columns, position, doneAt: input.status === "fait" ? at : null, createdAt: at }).returning({ id: actions.id }).get();
    writeLinks(tx, row.id, themeIds, input);
    recordEvent(tx, { type: "action.created", actorId, subject: { type: "action", id: row.id }, payload: { title: input.title } });
    if (input.status === "fait") announceDone(tx, row.id, actorId);
    return row.id;
  }
  const before = tx.select().from(actions).where(eq(actions.id, id)).get();
  if (!before) throw new HttpError(404, "Cette action n'existe pas.");
  tx.update(actions)
    .set({ ...columns, doneAt: input.status === "fait" ? (before.doneAt ?? at) : null })
    .where(eq(actions.id, id))
    .run();
  writeLinks(tx, id, themeIds, input);
  const subject = { type: "action" as const, id };
  if (before.deadlineLabel !== columns.deadlineLabel) {
    tx.insert(deadlineChanges)
      .values({ actionId: id, fromLabel: before.deadlineLabel, toLabel: columns.deadlineLabel, fromDue: before.deadlineDue, toDue: columns.deadlineDue, actorId, changedAt: at })
      .run();
    recordEvent(tx, { type: "action.deadline_changed", actorId, subject, payload: { from: before.deadlineLabel, to: columns.deadlineLabel } });
  }
  if (before.status !== input.status) {
    recordEvent(tx, { type: "action.status_changed", actorId, subject, payload: { from: before.status, to: input.status } });
    if (input.status === "fait") announceDone(tx, id, actorId);
  }
  if (options.note) tx.insert(actionNotes).values({ actionId: id, authorId: actorId, body: options.note, createdAt: at }).run();
  recordEvent(tx, { type: "action.updated", actorId, subject, payload: { title: input.title } });
  return id;
}

/** An action done: an event for the action, and one on each linked irritant, whose followers are told. */
function announceDone(tx: Tx, actionId: number, actorId: number | null) {
  const linked = tx.select({ irritantId: actionIrritants.irritantId }).from(actionIrritants).where(eq(actionIrritants.actionId, actionId)).all();
  const title = tx.select({ title: actions.title }).from(actions).where(eq(actions.id, actionId)).get()?.title;
  recordEvent(tx, { type: "action.done", actorId, subject: { type: "action", id: actionId }, payload: { irritantIds: linked.map((l) => l.irritantId) } });
  for (const { irritantId } of linked) {
    recordEvent(tx, { type: "irritant.action_done", actorId, subject: { type: "irritant", id: irritantId }, payload: { actionId, title } });
  }
}

export function saveAction(actor: SessionUser, id: number | null, input: ActionInput, note?: string) {
  requireEditor(actor);
  return getDb().transaction((tx) => writeAction(tx, actor, id, input, { note }));
}

export function setActionStatus(actor: SessionUser, id: number, status: ActionStatus, note: string) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    const current = tx.select().from(actions).where(eq(actions.id, id)).get();
    if (!current) throw new HttpError(404, "Cette action n'existe pas.");
    const links = getLinks(tx, id);
    return writeAction(tx, actor, id, { ...current, ...links, status, segurWave: current.segurWave }, { note });
  });
}

function getLinks(tx: Tx, id: number) {
  return {
    steps: tx.select({ title: actionSteps.title }).from(actionSteps).where(eq(actionSteps.actionId, id)).orderBy(asc(actionSteps.position)).all().map((s) => s.title),
    themes: tx.select({ slug: themes.slug }).from(actionThemes).innerJoin(themes, eq(themes.id, actionThemes.themeId)).where(eq(actionThemes.actionId, id)).all().map((t) => t.slug),
    irritantIds: tx.select({ id: actionIrritants.irritantId }).from(actionIrritants).where(eq(actionIrritants.actionId, id)).all().map((i) => i.id),
  };
}

export function addNote(actor: SessionUser, id: number, body: string) {
  requireEditor(actor);
  getDb().transaction((tx) => {
    if (!tx.select({ id: actions.id }).from(actions).where(eq(actions.id, id)).get()) throw new HttpError(404, "Cette action n'existe pas.");
    tx.insert(actionNotes).values({ actionId: id, authorId: actor.id, body }).run();
    recordEvent(tx, { type: "action.note_added", actorId: actor.id, subject: { type: "action", id } });
  });
}

/** Moves an action one place up or down within its challenge. */
export function moveAction(actor: SessionUser, id: number, direction: "up" | "down") {
  requireEditor(actor);
  getDb().transaction((tx) => {
    const current = tx.select().from(actions).where(eq(actions.id, id)).get();
    if (!current) throw new HttpError(404, "Cette action n'existe pas.");
    const siblings = tx.select({ id: actions.id }).from(actions).where(eq(actions.challengeId, current.challengeId)).orderBy(asc(actions.position), asc(actions.id)).all();
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    [siblings[index], siblings[direction === "up" ? index - 1 : index + 1]] = [other, siblings[index]];
    siblings.forEach((s, position) => tx.update(actions).set({ position }).where(eq(actions.id, s.id)).run());
    recordEvent(tx, { type: "action.moved", actorId: actor.id, subject: { type: "action", id }, payload: { direction } });
  });
}

export function createWorkstream(actor: SessionUser, title: string) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    if (tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.title, title)).get()) {
      throw new HttpError(409, "Ce chantier existe déjà.", { title: ["Un chantier porte déjà ce titre."] });
    }
    const position = (tx.select({ p: max(workstreams.position) }).from(workstreams).get()?.p ?? -1) + 1;
    const row = tx.insert(workstreams).values({ title, position }).returning({ id: workstreams.id }).get();
    recordEvent(tx, { type: "workstream.created", actorId: actor.id, subject: { type: "workstream", id: row.id }, payload: { title } });
    return row.id;
  });
}

export function createChallenge(actor: SessionUser, input: { workstreamId: number; title: string; description: string }) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.id, input.workstreamId)).get()) {
      throw new HttpError(422, "Chantier inconnu.", { workstreamId: ["Choisissez un chantier de la liste."] });
    }
    const position = (tx.select({ p: max(challenges.position) }).from(challenges).where(eq(challenges.workstreamId, input.workstreamId)).get()?.p ?? -1) + 1;
    const row = tx.insert(challenges).values({ ...input, position }).returning({ id: challenges.id }).get();
    recordEvent(tx, { type: "challenge.created", actorId: actor.id, subject: { type: "challenge", id: row.id }, payload: { title: input.title } });
    return row.id;
  });
}

export function listChallenges() {
  return getDb()
    .select({ id: challenges.id, title: challenges.title, workstreamTitle: workstreams.title, workstreamId: workstreams.id })
    .from(challenges)
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .orderBy(asc(workstreams.position), asc(challenges.position), asc(challenges.id))
    .all();
}

export function listWorkstreams() {
  return getDb().select({ id: workstreams.id, title: workstreams.title }).from(workstreams).orderBy(asc(workstreams.position), asc(workstreams.id)).all();
}

/** Actions whose deadline label was not understood: the team is asked to rewrite them. */
export function unparsedDeadlines() {
  return getDb().select({ id: actions.id, title: actions.title, label: actions.deadlineLabel }).from(actions).where(eq(actions.deadlineKind, "unparsed")).all();
}

/** The irritants an action was linked to, for the irritant page ("actions du plan"). */
export function actionsForIrritant(irritantId: number) {
  return getDb()
    .select({ id: actions.id, title: actions.title, status: actions.status, deadlineLabel: actions.deadlineLabel })
    .from(actionIrritants)
    .innerJoin(actions, eq(actions.id, actionIrritants.actionId))
    .where(eq(actionIrritants.irritantId, irritantId))
    .all();
}

