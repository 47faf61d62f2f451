import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIENCES, EFFECTIVE_KINDS, LINK_TARGETS, OBLIGATION_KINDS, OBLIGATION_STATUSES } from "../vocabularies/regulation";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The regulatory register ("Point d'actualité"): laws, decrees, arrêtés and requirements, each with its source and its
 * effective date as written (parsed like the action plan's deadlines: `effectiveDue` is the last day of the period).
 */
export const obligations = sqliteTable(
  "obligations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    kind: text("kind", { enum: OBLIGATION_KINDS }).notNull(),
    status: text("status", { enum: OBLIGATION_STATUSES }).notNull().default("en-vigueur"),
    sourceReference: text("source_reference").notNull(),
    sourceUrl: text("source_url"),
    effectiveLabel: text("effective_label").notNull().default(""),
    effectiveDue: text("effective_due"),
    effectiveKind: text("effective_kind", { enum: EFFECTIVE_KINDS }).notNull().default("unparsed"),
    audiences: text("audiences", { mode: "json" }).notNull().$type<(typeof AUDIENCES)[number][]>().default(sql`'[]'`),
    // Where the source is ambiguous: what was kept as written, and why.
    note: text("note").notNull().default(""),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("obligations_due_idx").on(t.effectiveDue)],
);

/** The document types × channels (DMP, MSSanté to professionals, MSSanté to the patient) × dates table of an entry. */
export const obligationDocuments = sqliteTable(
  "obligation_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    documentType: text("document_type").notNull(),
    dmp: integer("dmp", { mode: "boolean" }).notNull(),
    mssProfessionals: integer("mss_professionals", { mode: "boolean" }).notNull(),
    mssPatient: integer("mss_patient", { mode: "boolean" }).notNull(),
    effectiveLabel: text("effective_label").notNull(),
    effectiveDue: text("effective_due"),
  },
  (t) => [index("obligation_documents_obligation_idx").on(t.obligationId, t.position)],
);

/** What links to an entry: irritants, actions and indicators (one table; ids of the target's own table). */
export const obligationLinks = sqliteTable(
  "obligation_links",
  {
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    targetKind: text("target_kind", { enum: LINK_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.obligationId, t.targetKind, t.targetId] }), index("obligation_links_target_idx").on(t.targetKind, t.targetId)],
);
