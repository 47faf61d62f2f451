import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACTION_ORGANISATION_ROLES, ACTION_STATUSES, LEAD_KINDS, STEP_STATUSES } from "../vocabularies/action-plan";
import { organisations, users } from "./accounts";
import { irritants, themes } from "./irritants";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Chantiers: the plan's top level. */
export const workstreams = sqliteTable("workstreams", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull().unique(),
  position: integer("position").notNull().default(0),
});

/** Défis, within a workstream. */
export const challenges = sqliteTable(
  "challenges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("challenges_workstream_idx").on(t.workstreamId, t.position)],
);

/** Actions (solutions), with a lead, a deadline as written and its parsed due date, and a status. */
export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    challengeId: integer("challenge_id")
      .notNull()
      .references(() => challenges.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    // The deck's lead label; the lead and co-lead organisations are in action_organisations.
    leadKind: text("lead_kind", { enum: LEAD_KINDS }).notNull(),
    // Unused since migration 0024 moved it to action_organisations (kept: SQLite cannot drop a referencing column in place).
    leadOrganisationId: integer("lead_organisation_id").references(() => organisations.id),
    // The team member answerable for the action's status (told when it goes stale).
    responsibleId: integer("responsible_id").references(() => users.id),
    deadlineLabel: text("deadline_label").notNull().default(""),
    // Last day of the period the label names; null when ongoing or not understood.
    deadlineDue: text("deadline_due"),
    deadlineKind: text("deadline_kind", { enum: ["date", "ongoing", "unparsed"] }).notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("a-lancer"),
    segurWave: integer("segur_wave"),
    position: integer("position").notNull().default(0),
    doneAt: text("done_at"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    // Last time someone gave news of the status: a status change, a step's status, a progress note. Always written
    // by the module (nullable only because SQLite cannot add a column with a computed default).
    statusUpdatedAt: text("status_updated_at"),
    // Last stale-status reminder sent to the responsible person (one per staleness period).
    staleRemindedAt: text("stale_reminded_at"),
  },
  (t) => [index("actions_challenge_idx").on(t.challengeId, t.position), index("actions_due_idx").on(t.deadlineDue), index("actions_status_idx").on(t.status)],
);

export const actionSteps = sqliteTable(
  "action_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: STEP_STATUSES }).notNull().default("a-faire"),
    // When the step was added (a point d'étape dated earlier does not show it); null for steps added before 0032.
    createdAt: text("created_at"),
  },
  (t) => [index("action_steps_action_idx").on(t.actionId, t.position)],
);

/** The history of each step's status: who changed it, when, from what to what. The title is kept as it was then. */
export const actionStepChanges = sqliteTable(
  "action_step_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    stepId: integer("step_id").references(() => actionSteps.id, { onDelete: "set null" }),
    stepTitle: text("step_title").notNull(),
    fromStatus: text("from_status", { enum: STEP_STATUSES }).notNull(),
    toStatus: text("to_status", { enum: STEP_STATUSES }).notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    changedAt: text("changed_at").notNull().default(now),
  },
  (t) => [index("action_step_changes_action_idx").on(t.actionId, t.id)],
);

export const actionThemes = sqliteTable(
  "action_themes",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.themeId] }), index("action_themes_theme_idx").on(t.themeId)],
);

export const actionIrritants = sqliteTable(
  "action_irritants",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.irritantId] }), index("action_irritants_irritant_idx").on(t.irritantId)],
);

/** Dated progress notes. */
export const actionNotes = sqliteTable(
  "action_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("action_notes_action_idx").on(t.actionId, t.id)],
);

/** Every change of deadline, kept and shown ("échéance reportée de T1 2024 à S1 2024"). */
export const deadlineChanges = sqliteTable(
  "deadline_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    fromLabel: text("from_label").notNull(),
    toLabel: text("to_label").notNull(),
    fromDue: text("from_due"),
    toDue: text("to_due"),
    // Why it moved: asked for by the editor whenever the deadline changes (empty for changes made before it was).
    reason: text("reason").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id),
    changedAt: text("changed_at").notNull().default(now),
  },
  (t) => [index("deadline_changes_action_idx").on(t.actionId, t.id)],
);

/** Every change of status, so that a status can be read as of a past date (points d'étape, `?au=`). */
export const actionStatusChanges = sqliteTable(
  "action_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: ACTION_STATUSES }).notNull(),
    toStatus: text("to_status", { enum: ACTION_STATUSES }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    changedAt: text("changed_at").notNull().default(now),
  },
  (t) => [index("action_status_changes_action_idx").on(t.actionId, t.id)],
);

/** Organisations (institutions or vendors) leading or co-leading an action. */
export const actionOrganisations = sqliteTable(
  "action_organisations",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role", { enum: ACTION_ORGANISATION_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.organisationId] }), index("action_organisations_organisation_idx").on(t.organisationId)],
);
