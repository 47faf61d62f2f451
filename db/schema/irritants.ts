import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { COLLECTION_CHANNELS, CONSULTATION_STEPS, FREQUENCIES, IRRITANT_ORIGINS, IRRITANT_STATUSES, PATIENT_SUBJECT_KEYS, SEVERITIES } from "../vocabularies/irritants";
import { users } from "./accounts";
import { products } from "./vendors";

export { IRRITANT_STATUSES, type IrritantStatus } from "../vocabularies/irritants";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const themes = sqliteTable("themes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  label: text("label").notNull(),
  position: integer("position").notNull().default(0),
  // Team-editable keyword rules for theme suggestion.
  keywords: text("keywords", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
  retiredAt: text("retired_at"),
  // Counters kept in the same transaction as each change (not recomputed on read).
  irritantCount: integer("irritant_count").notNull().default(0),
  publishedCount: integer("published_count").notNull().default(0),
});

export const irritants = sqliteTable(
  "irritants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: IRRITANT_STATUSES }).notNull().default("new"),
    // Patients' reports are counted apart from professionals'.
    lane: text("lane", { enum: ["practitioner", "patient"] }).notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    productId: integer("product_id").references(() => products.id),
    productVersion: text("product_version"),
    severity: text("severity", { enum: SEVERITIES }),
    frequency: text("frequency", { enum: FREQUENCIES }),
    timeLostMinutes: integer("time_lost_minutes"),
    patientSafety: integer("patient_safety", { mode: "boolean" }).notNull().default(false),
    consultationStep: text("consultation_step", { enum: CONSULTATION_STEPS }),
    // The service a patient reports about (Mon espace santé, a national service); its themes stay the team's taxonomy.
    subject: text("subject", { enum: PATIENT_SUBJECT_KEYS }),
    // What the redaction masked, by kind (never the masked values themselves).
    redactions: text("redactions", { mode: "json" }).notNull().$type<Record<string, number>>().default(sql`'{}'`),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    hiddenAt: text("hidden_at"),
    hiddenReason: text("hidden_reason"),
    mergedIntoId: integer("merged_into_id"),
    // When a vendor's fix resolved it: shown as "Correctif annoncé" until its people confirm the fix or the team's
    // delay (setting fixConfirmationDays) passes; cleared by a confirmation or any later status change.
    fixAnnouncedAt: text("fix_announced_at"),
    supportCount: integer("support_count").notNull().default(0),
    // Issue 20: how it reached the platform, and for reports collected by the team, who collected them and how.
    // The collector's name is the team's only; pages show "l'équipe du programme".
    origin: text("origin", { enum: IRRITANT_ORIGINS }).notNull().default("reporter"),
    collectedById: integer("collected_by_id").references(() => users.id),
    collectedVia: text("collected_via", { enum: COLLECTION_CHANNELS }),
    // The practitioner named when they have no account (with one, they are the author): the team's only.
    behalfName: text("behalf_name"),
    behalfProfession: text("behalf_profession"),
    patientSupportCount: integer("patient_support_count").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("irritants_status_idx").on(t.status, t.id),
    index("irritants_published_idx").on(t.published, t.id),
    index("irritants_published_support_idx").on(t.published, t.supportCount, t.id),
    index("irritants_author_idx").on(t.authorId),
    index("irritants_product_idx").on(t.productId, t.id),
    index("irritants_subject_idx").on(t.subject, t.id),
    index("irritants_merged_idx").on(t.mergedIntoId),
    index("irritants_created_idx").on(t.createdAt),
    // Public progress figures: published irritants filed in the last 30 days, and the latest resolved ones.
    index("irritants_published_created_idx").on(t.published, t.createdAt),
    index("irritants_published_status_updated_idx").on(t.published, t.status, t.updatedAt),
    // The worker's sweeps (files of hidden irritants, retention) read only the few rows they are about: partial
    // indexes, so that a sweep never reads the million irritants (it runs inside the server, between requests).
    index("irritants_hidden_idx").on(t.hiddenAt).where(sql`${t.hiddenAt} is not null`),
    index("irritants_behalf_idx").on(t.id).where(sql`${t.behalfName} is not null`),
  ],
);

export const irritantThemes = sqliteTable(
  "irritant_themes",
  {
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id),
    // Who set it: the author, the suggestion, or the team (team-confirmed tags train the classifier).
    source: text("source", { enum: ["author", "suggested", "team"] }).notNull().default("author"),
  },
  (t) => [primaryKey({ columns: [t.irritantId, t.themeId] }), index("irritant_themes_theme_idx").on(t.themeId, t.irritantId)],
);

/** "Moi aussi": one row per person and irritant, with what the statistics need about the supporter. */
export const supports = sqliteTable(
  "supports",
  {
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    lane: text("lane", { enum: ["practitioner", "patient"] }).notNull(),
    profession: text("profession"),
    productId: integer("product_id").references(() => products.id),
    productVersion: text("product_version"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.irritantId, t.userId] }), index("supports_user_idx").on(t.userId)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    hiddenAt: text("hidden_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("comments_irritant_idx").on(t.irritantId, t.id)],
);

/** Global counters kept in the same transaction as each change, so headline figures never scan. */
export const counters = sqliteTable("counters", {
  key: text("key").primaryKey(),
  value: integer("value").notNull().default(0),
});

/**
 * The field's vocabulary (issue 19), edited by the team: each group's terms (words, phrases, abbreviations) fold to
 * one concept token when indexing and searching. `concept` names the token and never changes once created.
 */
export const synonymGroups = sqliteTable("synonym_groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  concept: text("concept").notNull().unique(),
  terms: text("terms", { mode: "json" }).notNull().$type<string[]>(),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * One row (id 1): the vocabulary's version (raised by every change), the version the full-text index was last
 * rebuilt with, and the progress of the running or last reindex.
 */
export const searchIndexState = sqliteTable("search_index_state", {
  id: integer("id").primaryKey(),
  vocabularyVersion: integer("vocabulary_version").notNull().default(1),
  indexedVersion: integer("indexed_version").notNull().default(1),
  reindexStatus: text("reindex_status", { enum: ["idle", "running", "done", "failed"] }).notNull().default("idle"),
  reindexDone: integer("reindex_done").notNull().default(0),
  reindexTotal: integer("reindex_total").notNull().default(0),
  reindexStartedAt: text("reindex_started_at"),
  // Written with each batch: a run whose heartbeat is old was interrupted (the process stopped) and may be restarted.
  reindexHeartbeatAt: text("reindex_heartbeat_at"),
  reindexFinishedAt: text("reindex_finished_at"),
});
