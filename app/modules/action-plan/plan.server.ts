import { and, asc, desc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, preparedQueries, preparedQuery, type Tx } from "#db/client";
import {
  actionIrritants,
  actionNotes,
  actionOrganisations,
  actionStatusChanges,
  actionStepChanges,
  actionSteps,
  actionThemes,
  actions,
  challenges,
  deadlineChanges,
  irritants,
  organisations,
  themes,
  users,
  workstreams,
} from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { actionAsOf, stepProgress, stepsAsOf } from "./as-of";
import { formatDeadlineChange, parseFuzzyDeadline } from "./deadlines";
import { LEAD_LABELS, STEP_STATUS_LABELS, type ActionStatus, type LeadKind, type StepStatus } from "./vocabulary";

type ActionRow = typeof actions.$inferSelect;
const today = () => new Date().toISOString().slice(0, 10);

function leadOf(a: Pick<ActionRow, "leadKind">) {
  return { kind: a.leadKind, label: LEAD_LABELS[a.leadKind] };
}

export function overdueOf(a: Pick<ActionRow, "deadlineDue" | "status">) {
  return a.deadlineDue !== null && !["fait", "abandonne"].includes(a.status) && a.deadlineDue < today();
}

/**
 * `asOf`: the day ("YYYY-MM-DD") whose statuses, deadlines and lateness are shown; today when absent.
 * `withResponsible`: the name of each action's responsible person is selected only for pages that show it.
 */
export type PlanFilters = { theme?: string; lead?: LeadKind; status?: ActionStatus; overdue?: boolean; wave?: number; asOf?: string; withResponsible?: boolean };

/** Which filters the plan's SQL applies: one prepared statement for each combination met. Status and lateness are
 * filtered after the as-of computation, since they depend on the day. */
type PlanShape = { lead: boolean; wave: boolean; theme: boolean; responsible: boolean };

const planQuery = preparedQueries((db, shape: PlanShape) =>
  db
    .select({
      action: actions,
      // Not joined at all for pages that do not show it: the name never leaves the database for them.
      responsibleName: shape.responsible ? sql<string | null>`(select u.display_name from users u where u.id = ${actions.responsibleId})` : sql<null>`null`,
      challengeTitle: challenges.title,
      challengeDescription: challenges.description,
      challengePosition: challenges.position,
      workstreamId: workstreams.id,
      workstreamTitle: workstreams.title,
      workstreamPosition: workstreams.position,
    })
    .from(actions)
    .innerJoin(challenges, eq(challenges.id, actions.challengeId))
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .where(
      and(
        shape.lead ? eq(actions.leadKind, sql.placeholder("lead")) : undefined,
        shape.wave ? eq(actions.segurWave, sql.placeholder("wave")) : undefined,
        shape.theme ? sql`exists (select 1 from action_themes at where at.action_id = ${actions.id} and at.theme_id = ${sql.placeholder("themeId")})` : undefined,
      ),
    )
    .orderBy(asc(workstreams.position), asc(workstreams.id), asc(challenges.position), asc(challenges.id), asc(actions.position), asc(actions.id))
    .prepare(),
);

const planThemeIdBySlug = preparedQuery((db) => db.select({ id: themes.id }).from(themes).where(eq(themes.slug, sql.placeholder("slug"))).prepare());

// The ids travel as one JSON array, so that a plan of any length uses the same statements.
const inIds = (column: AnySQLiteColumn) => sql`${column} in (select value from json_each(${sql.placeholder("ids")}))`;

const planActionThemes = preparedQuery((db) =>
  db
    .select({ actionId: actionThemes.actionId, slug: themes.slug, label: themes.label })
    .from(actionThemes)
    .innerJoin(themes, eq(themes.id, actionThemes.themeId))
    .where(inIds(actionThemes.actionId))
    .orderBy(asc(actionThemes.actionId), asc(actionThemes.themeId))
    .prepare(),
);

const planActionIrritants = preparedQuery((db) =>
  db.select().from(actionIrritants).where(inIds(actionIrritants.actionId)).orderBy(asc(actionIrritants.actionId), asc(actionIrritants.irritantId)).prepare(),
);

const planActionOrganisations = preparedQuery((db) =>
  db
    .select({ actionId: actionOrganisations.actionId, part: actionOrganisations.role, id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(actionOrganisations)
    .innerJoin(organisations, eq(organisations.id, actionOrganisations.organisationId))
    .where(inIds(actionOrganisations.actionId))
    .orderBy(asc(actionOrganisations.actionId), asc(organisations.name))
    .prepare(),
);

const planActionSteps = preparedQuery((db) =>
  db
    .select({ actionId: actionSteps.actionId, id: actionSteps.id, title: actionSteps.title, status: actionSteps.status, createdAt: actionSteps.createdAt })
    .from(actionSteps)
    .where(inIds(actionSteps.actionId))
    .orderBy(asc(actionSteps.actionId), asc(actionSteps.position))
    .prepare(),
);

const planStepChanges = preparedQuery((db) =>
  db
    .select({ actionId: actionStepChanges.actionId, stepId: actionStepChanges.stepId, changedAt: actionStepChanges.changedAt, fromStatus: actionStepChanges.fromStatus })
    .from(actionStepChanges)
    .where(inIds(actionStepChanges.actionId))
    .orderBy(asc(actionStepChanges.actionId), asc(actionStepChanges.id))
    .prepare(),
);

const planStatusChanges = preparedQuery((db) =>
  db
    .select({ actionId: actionStatusChanges.actionId, changedAt: actionStatusChanges.changedAt, fromStatus: actionStatusChanges.fromStatus, toStatus: actionStatusChanges.toStatus })
    .from(actionStatusChanges)
    .where(inIds(actionStatusChanges.actionId))
    .orderBy(asc(actionStatusChanges.actionId), asc(actionStatusChanges.id))
    .prepare(),
);

const planDeadlineChanges = preparedQuery((db) =>
  db
    .select({ actionId: deadlineChanges.actionId, changedAt: deadlineChanges.changedAt, fromLabel: deadlineChanges.fromLabel, toLabel: deadlineChanges.toLabel })
    .from(deadlineChanges)
    .where(inIds(deadlineChanges.actionId))
    .orderBy(asc(deadlineChanges.actionId), asc(deadlineChanges.id))
    .prepare(),
);

/** Groups rows by action id. */
function byAction<R extends { actionId: number }>(rows: R[]) {
  const map = new Map<number, R[]>();
  for (const r of rows) map.set(r.actionId, [...(map.get(r.actionId) ?? []), r]);
  return (id: number) => map.get(id) ?? [];
}

type OrganisationRef = { id: number; name: string; kind: "vendor" | "institution" };
// `part` (lead or co-lead) is the organisation's part in the action, not a person's role.
const organisationsOf = (rows: (OrganisationRef & { part: "lead" | "co-lead" })[]) => ({
  lead: rows.filter((o) => o.part === "lead").map(({ id, name, kind }) => ({ id, name, kind })),
  coLead: rows.filter((o) => o.part === "co-lead").map(({ id, name, kind }) => ({ id, name, kind })),
});

/**
 * The whole plan as the deck shows it — workstreams, challenges, actions — as of a day (today by default): each
 * action's status, deadline and lateness are those of that day, and actions created after it are left out. Eight
 * queries, no N+1. Steps and progress are today's (their history is on the action's page).
 */
export function getPlan(filters: PlanFilters = {}) {
  const day = filters.asOf ?? today();
  const themeId = filters.theme ? (planThemeIdBySlug().get({ slug: filters.theme })?.id ?? -1) : undefined;
  const rows = planQuery({ lead: !!filters.lead, wave: !!filters.wave, theme: themeId !== undefined, responsible: !!filters.withResponsible }).all({ lead: filters.lead, wave: filters.wave, themeId });
  const ids = JSON.stringify(rows.map((r) => r.action.id));
  const load = <R extends { actionId: number }>(query: () => { all(params: { ids: string }): R[] }) => byAction(rows.length ? query().all({ ids }) : []);
  const themesOf = load(planActionThemes);
  const irritantsOf = load(planActionIrritants);
  const organisationRowsOf = load(planActionOrganisations);
  const stepsOf = load(planActionSteps);
  const statusChangesOf = load(planStatusChanges);
  // Steps and their progress as of the day (issue 20): a step added later is left out, a status changed since is read back.
  const stepChangesOf = filters.asOf ? load(planStepChanges) : () => [];
  const deadlineChangesOf = load(planDeadlineChanges);

  function toAction(r: (typeof rows)[number]) {
    const a = r.action;
    const asOf = actionAsOf({ createdAt: a.createdAt, status: a.status, deadlineLabel: a.deadlineLabel, statusChanges: statusChangesOf(a.id), deadlineChanges: deadlineChangesOf(a.id) }, day);
    const steps = (filters.asOf ? stepsAsOf(stepsOf(a.id), stepChangesOf(a.id), day) : stepsOf(a.id)).map(({ id, title, status }) => ({ id, title, status }));
    return {
      asOf,
      item: {
        id: a.id,
        title: a.title,
        description: a.description,
        lead: leadOf(a),
        organisations: organisationsOf(organisationRowsOf(a.id)),
        responsible: r.responsibleName,
        deadline: { label: asOf.deadline.label, due: asOf.deadline.due, kind: asOf.deadline.kind },
        status: asOf.status,
        wave: a.segurWave,
        overdue: asOf.overdue,
        themes: themesOf(a.id).map(({ slug, label }) => ({ slug, label })),
        irritantIds: irritantsOf(a.id).map((i) => i.irritantId),
        steps,
        progress: stepProgress(steps),
      },
    };
  }

  type PlanAction = ReturnType<typeof toAction>["item"];
  type PlanChallenge = { id: number; title: string; description: string; progress: ReturnType<typeof stepProgress>; actions: PlanAction[] };
  const plan: { id: number; title: string; challenges: PlanChallenge[] }[] = [];
  for (const r of rows) {
    const { asOf, item } = toAction(r);
    if (!asOf.existed) continue;
    if (filters.status && asOf.status !== filters.status) continue;
    if (filters.overdue && !asOf.overdue) continue;
    let ws = plan.at(-1);
    if (!ws || ws.id !== r.workstreamId) plan.push((ws = { id: r.workstreamId, title: r.workstreamTitle, challenges: [] }));
    let ch = ws.challenges.at(-1);
    if (!ch || ch.id !== r.action.challengeId) ws.challenges.push((ch = { id: r.action.challengeId, title: r.challengeTitle, description: r.challengeDescription, progress: stepProgress([]), actions: [] }));
    ch.actions.push(item);
  }
  for (const ch of plan.flatMap((ws) => ws.challenges)) ch.progress = stepProgress(ch.actions.flatMap((a) => a.steps));
  return plan;
}

/** One action with everything about it; linked irritants are filtered by what the viewer may see. */
export function getAction(viewer: SessionUser | null, id: number) {
  const db = getDb();
  const row = db
    .select({ action: actions, responsibleName: users.displayName, challengeTitle: challenges.title, workstreamTitle: workstreams.title })
    .from(actions)
    .innerJoin(challenges, eq(challenges.id, actions.challengeId))
    .innerJoin(workstreams, eq(workstreams.id, challenges.workstreamId))
    .leftJoin(users, eq(users.id, actions.responsibleId))
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
  const steps = db.select({ id: actionSteps.id, title: actionSteps.title, status: actionSteps.status }).from(actionSteps).where(eq(actionSteps.actionId, id)).orderBy(asc(actionSteps.position)).all();
  const organisationRows = db
    .select({ part: actionOrganisations.role, id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(actionOrganisations)
    .innerJoin(organisations, eq(organisations.id, actionOrganisations.organisationId))
    .where(eq(actionOrganisations.actionId, id))
    .orderBy(asc(organisations.name))
    .all();
  return {
    ...row.action,
    lead: leadOf(row.action),
    organisations: organisationsOf(organisationRows),
    responsible: row.action.responsibleId && row.responsibleName ? { id: row.action.responsibleId, name: row.responsibleName } : null,
    overdue: overdueOf(row.action),
    challengeTitle: row.challengeTitle,
    workstreamTitle: row.workstreamTitle,
    steps,
    progress: stepProgress(steps),
    themes: db.select({ slug: themes.slug, label: themes.label }).from(actionThemes).innerJoin(themes, eq(themes.id, actionThemes.themeId)).where(eq(actionThemes.actionId, id)).all(),
    irritants: linked,
    notes: db
      .select({ id: actionNotes.id, body: actionNotes.body, createdAt: actionNotes.createdAt })
      .from(actionNotes)
      .where(eq(actionNotes.actionId, id))
      .orderBy(desc(actionNotes.id))
      .all(),
    stepHistory: stepHistoryOf(id),
    deadlineHistory: db
      .select({ id: deadlineChanges.id, fromLabel: deadlineChanges.fromLabel, toLabel: deadlineChanges.toLabel, reason: deadlineChanges.reason, changedAt: deadlineChanges.changedAt })
      .from(deadlineChanges)
      .where(eq(deadlineChanges.actionId, id))
      .orderBy(desc(deadlineChanges.id))
      .all()
      .map((c) => ({ ...c, text: formatDeadlineChange(c.fromLabel, c.toLabel) })),
  };
}

/**
 * The history of an action's step statuses, newest first: which step, from and to what, when and by whom. The public
 * page drops `actorName` (it names nobody); the team's page shows it.
 */
function stepHistoryOf(actionId: number) {
  return getDb()
    .select({ id: actionStepChanges.id, stepTitle: actionStepChanges.stepTitle, fromStatus: actionStepChanges.fromStatus, toStatus: actionStepChanges.toStatus, changedAt: actionStepChanges.changedAt, actorName: users.displayName })
    .from(actionStepChanges)
    .leftJoin(users, eq(users.id, actionStepChanges.actorId))
    .where(eq(actionStepChanges.actionId, actionId))
    .orderBy(desc(actionStepChanges.id))
    .all()
    .map((c) => ({ ...c, text: `« ${c.stepTitle} » : ${STEP_STATUS_LABELS[c.fromStatus]} → ${STEP_STATUS_LABELS[c.toStatus]}` }));
}

/** Records one step's change of status, in the caller's transaction. */
function recordStepChange(tx: Tx, change: { actionId: number; stepId: number; stepTitle: string; fromStatus: StepStatus; toStatus: StepStatus; actorId: number | null; at: string }) {
  tx.insert(actionStepChanges)
    .values({ actionId: change.actionId, stepId: change.stepId, stepTitle: change.stepTitle, fromStatus: change.fromStatus, toStatus: change.toStatus, actorId: change.actorId, changedAt: change.at })
    .run();
}

/** What the editor offers: organisations (institutions, then vendors) and the team members who may be responsible. */
export function listOwnerChoices() {
  const db = getDb();
  return {
    organisations: db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).orderBy(desc(organisations.kind), asc(organisations.name)).all(),
    teamMembers: db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(or(eq(users.role, "team"), eq(users.role, "admin")), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName))
      .all(),
  };
}

// --- Team editing ------------------------------------------------------------------------------

function requireEditor(actor: SessionUser) {
  if (!can(actor, "action-plan:edit")) throw new HttpError(403, "Le plan d'action est modifié par l'équipe programme.");
}

/** A step as written: a title (a new step is "à faire", a kept one keeps its status), or a title with its status. */
type StepInput = string | { title: string; status: StepStatus };

export type ActionInput = {
  challengeId: number;
  title: string;
  description: string;
  leadKind: LeadKind;
  /** Lead and co-lead organisations; absent keeps those the action has. */
  leadOrganisationIds?: number[];
  coLeadOrganisationIds?: number[];
  /** The responsible team member; absent keeps the current one, null clears it. */
  responsibleId?: number | null;
  deadlineLabel: string;
  /** Why the deadline changes: required whenever it does. */
  deadlineReason?: string;
  status: ActionStatus;
  segurWave?: number | null;
  steps: StepInput[];
  themes: string[];
  irritantIds: number[];
};

function resolveLinks(tx: Tx, input: ActionInput) {
  if (!tx.select({ id: challenges.id }).from(challenges).where(eq(challenges.id, input.challengeId)).get()) {
    throw new HttpError(422, "Défi inconnu.", { challengeId: ["Choisissez un défi de la liste."] });
  }
  const lead = [...new Set(input.leadOrganisationIds ?? [])];
  const coLead = [...new Set(input.coLeadOrganisationIds ?? [])];
  const both = lead.filter((id) => coLead.includes(id));
  if (both.length) throw new HttpError(422, "Organisation en double.", { coLeadOrganisationIds: ["Une organisation est pilote ou copilote, pas les deux."] });
  const wanted = [...lead, ...coLead];
  const knownOrganisations = wanted.length ? tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, wanted)).all() : [];
  if (knownOrganisations.length !== wanted.length) {
    throw new HttpError(422, "Organisation inconnue.", { [lead.some((id) => !knownOrganisations.some((o) => o.id === id)) ? "leadOrganisationIds" : "coLeadOrganisationIds"]: ["Choisissez les organisations dans la liste."] });
  }
  if (input.responsibleId) {
    const member = tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.responsibleId)).get();
    if (!member || !["team", "admin"].includes(member.role) || member.disabledAt) {
      throw new HttpError(422, "Responsable inconnu.", { responsibleId: ["Choisissez un membre de l'équipe dans la liste."] });
    }
  }
  const themeRows = input.themes.length ? tx.select({ id: themes.id, slug: themes.slug }).from(themes).where(inArray(themes.slug, input.themes)).all() : [];
  const unknownThemes = input.themes.filter((s) => !themeRows.some((t) => t.slug === s));
  if (unknownThemes.length) throw new HttpError(422, "Thème inconnu.", { themes: [`Thème inconnu : ${unknownThemes.join(", ")}.`] });
  const found = input.irritantIds.length ? tx.select({ id: irritants.id }).from(irritants).where(inArray(irritants.id, input.irritantIds)).all() : [];
  const missing = input.irritantIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new HttpError(422, "Signalement inconnu.", { irritantIds: [`Signalement inconnu : n°${missing.join(", n°")}.`] });
  return { themeIds: themeRows.map((t) => t.id), lead, coLead };
}

/**
 * Rewrites an action's links. Steps are matched by title: a kept step keeps its row (its id and status) and takes its
 * new place, a new one is added "à faire" unless a status is given, a removed one is deleted. Returns whether a kept
 * step's status changed.
 */
function writeLinks(tx: Tx, actionId: number, links: ReturnType<typeof resolveLinks>, input: ActionInput, change: { actorId: number | null; at: string }) {
  tx.delete(actionThemes).where(eq(actionThemes.actionId, actionId)).run();
  tx.delete(actionIrritants).where(eq(actionIrritants.actionId, actionId)).run();
  if (links.themeIds.length) tx.insert(actionThemes).values(links.themeIds.map((themeId) => ({ actionId, themeId }))).run();
  const irritantIds = [...new Set(input.irritantIds)];
  if (irritantIds.length) tx.insert(actionIrritants).values(irritantIds.map((irritantId) => ({ actionId, irritantId }))).run();

  const unused = tx.select({ id: actionSteps.id, title: actionSteps.title, status: actionSteps.status }).from(actionSteps).where(eq(actionSteps.actionId, actionId)).orderBy(asc(actionSteps.position)).all();
  let statusChanged = false;
  input.steps.forEach((step, position) => {
    const title = typeof step === "string" ? step : step.title;
    const index = unused.findIndex((u) => u.title === title);
    if (index === -1) {
      tx.insert(actionSteps).values({ actionId, title, position, status: typeof step === "string" ? "a-faire" : step.status, createdAt: change.at }).run();
      return;
    }
    const [kept] = unused.splice(index, 1);
    const status = typeof step === "string" ? kept.status : step.status;
    if (status !== kept.status) {
      statusChanged = true;
      recordStepChange(tx, { actionId, stepId: kept.id, stepTitle: title, fromStatus: kept.status, toStatus: status, ...change });
    }
    tx.update(actionSteps).set({ position, status }).where(eq(actionSteps.id, kept.id)).run();
  });
  if (unused.length) tx.delete(actionSteps).where(inArray(actionSteps.id, unused.map((u) => u.id))).run();

  if (input.leadOrganisationIds !== undefined || input.coLeadOrganisationIds !== undefined) {
    tx.delete(actionOrganisations).where(eq(actionOrganisations.actionId, actionId)).run();
    const rows = [...links.lead.map((organisationId) => ({ actionId, organisationId, role: "lead" as const })), ...links.coLead.map((organisationId) => ({ actionId, organisationId, role: "co-lead" as const }))];
    if (rows.length) tx.insert(actionOrganisations).values(rows).run();
  }
  return statusChanged;
}

function deadlineColumns(label: string) {
  const parsed = parseFuzzyDeadline(label);
  return { deadlineLabel: label.trim(), deadlineDue: parsed.due, deadlineKind: parsed.kind };
}

/** Writes an action in the caller's transaction (used by the editor, the CSV import and the demo data). */
export function writeAction(tx: Tx, actor: SessionUser | null, id: number | null, input: ActionInput, options: { note?: string; at?: string } = {}) {
  const links = resolveLinks(tx, input);
  const at = options.at ?? new Date().toISOString();
  const columns = {
    challengeId: input.challengeId,
    title: input.title,
    description: input.description,
    leadKind: input.leadKind,
    ...(input.responsibleId !== undefined ? { responsibleId: input.responsibleId } : {}),
    ...deadlineColumns(input.deadlineLabel),
    status: input.status,
    segurWave: input.segurWave ?? null,
    updatedAt: at,
  };
  const actorId = actor?.id ?? null;
  if (id === null) {
    const position = (tx.select({ p: max(actions.position) }).from(actions).where(eq(actions.challengeId, input.challengeId)).get()?.p ?? -1) + 1;
    const row = tx
      .insert(actions)
      .values({ ...columns, position, doneAt: input.status === "fait" ? at : null, createdAt: at, statusUpdatedAt: at })
      .returning({ id: actions.id })
      .get();
    writeLinks(tx, row.id, links, input, { actorId, at });
    recordEvent(tx, { type: "action.created", actorId, subject: { type: "action", id: row.id }, payload: { title: input.title } });
    if (input.status === "fait") announceDone(tx, row.id, actorId);
    return row.id;
  }
  const before = tx.select().from(actions).where(eq(actions.id, id)).get();
  if (!before) throw new HttpError(404, "Cette action n'existe pas.");
  const deadlineMoved = before.deadlineLabel !== columns.deadlineLabel;
  const reason = input.deadlineReason?.trim() ?? "";
  if (deadlineMoved && !reason) throw new HttpError(422, "Indiquez la raison du changement d'échéance.", { deadlineReason: ["Indiquez la raison du changement d'échéance."] });
  const statusChanged = before.status !== input.status;
  const stepsChanged = writeLinks(tx, id, links, input, { actorId, at });
  // News of the status (its change, a step's, a dated note) restarts the staleness clock.
  const news = statusChanged || stepsChanged || !!options.note;
  tx.update(actions)
    .set({ ...columns, doneAt: input.status === "fait" ? (before.doneAt ?? at) : null, ...(news ? { statusUpdatedAt: at, staleRemindedAt: null } : {}) })
    .where(eq(actions.id, id))
    .run();
  const subject = { type: "action" as const, id };
  if (deadlineMoved) {
    tx.insert(deadlineChanges)
      .values({ actionId: id, fromLabel: before.deadlineLabel, toLabel: columns.deadlineLabel, fromDue: before.deadlineDue, toDue: columns.deadlineDue, reason, actorId, changedAt: at })
      .run();
    recordEvent(tx, { type: "action.deadline_changed", actorId, subject, payload: { from: before.deadlineLabel, to: columns.deadlineLabel, reason } });
  }
  if (statusChanged) {
    tx.insert(actionStatusChanges).values({ actionId: id, fromStatus: before.status, toStatus: input.status, actorId, changedAt: at }).run();
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
    steps: tx.select({ title: actionSteps.title, status: actionSteps.status }).from(actionSteps).where(eq(actionSteps.actionId, id)).orderBy(asc(actionSteps.position)).all(),
    themes: tx.select({ slug: themes.slug }).from(actionThemes).innerJoin(themes, eq(themes.id, actionThemes.themeId)).where(eq(actionThemes.actionId, id)).all().map((t) => t.slug),
    irritantIds: tx.select({ id: actionIrritants.irritantId }).from(actionIrritants).where(eq(actionIrritants.actionId, id)).all().map((i) => i.id),
  };
}

/** Sets the status of an action's steps (à faire, en cours, fait); a change is news of the action's status. */
export function setStepStatuses(actor: SessionUser, id: number, steps: { id: number; status: StepStatus }[]) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: actions.id }).from(actions).where(eq(actions.id, id)).get()) throw new HttpError(404, "Cette action n'existe pas.");
    const current = tx.select({ id: actionSteps.id, title: actionSteps.title, status: actionSteps.status }).from(actionSteps).where(eq(actionSteps.actionId, id)).all();
    const at = new Date().toISOString();
    let changed = 0;
    for (const step of steps) {
      const found = current.find((c) => c.id === step.id);
      if (!found) throw new HttpError(422, "Cette étape n'appartient pas à l'action.", { steps: ["Rechargez la page : les étapes ont changé."] });
      if (found.status === step.status) continue;
      tx.update(actionSteps).set({ status: step.status }).where(eq(actionSteps.id, step.id)).run();
      recordStepChange(tx, { actionId: id, stepId: found.id, stepTitle: found.title, fromStatus: found.status, toStatus: step.status, actorId: actor.id, at });
      changed++;
    }
    if (!changed) return 0;
    const after = tx.select({ status: actionSteps.status }).from(actionSteps).where(eq(actionSteps.actionId, id)).all();
    tx.update(actions).set({ statusUpdatedAt: at, staleRemindedAt: null, updatedAt: at }).where(eq(actions.id, id)).run();
    const progress = stepProgress(after);
    recordEvent(tx, { type: "action.steps_updated", actorId: actor.id, subject: { type: "action", id }, payload: { done: progress.done, total: progress.total } });
    return changed;
  });
}

export function addNote(actor: SessionUser, id: number, body: string) {
  requireEditor(actor);
  getDb().transaction((tx) => {
    if (!tx.select({ id: actions.id }).from(actions).where(eq(actions.id, id)).get()) throw new HttpError(404, "Cette action n'existe pas.");
    tx.insert(actionNotes).values({ actionId: id, authorId: actor.id, body }).run();
    const at = new Date().toISOString();
    tx.update(actions).set({ statusUpdatedAt: at, staleRemindedAt: null }).where(eq(actions.id, id)).run();
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

