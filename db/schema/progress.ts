import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { themes } from "./irritants";
import { BLOCK_KINDS } from "../vocabularies/progress";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Points d'étape: an introduction in Markdown and ordered blocks that read live data as of the point's date (`as_of`),
 * published when ready. Publishing stores what every block showed (`snapshot`), so later changes do not alter it.
 */
export const progressUpdates = sqliteTable(
  "progress_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    publishedAt: text("published_at"),
    authorId: integer("author_id").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    // The day ("YYYY-MM-DD") whose data the blocks read; null for the points typed before blocks (their creation day).
    asOf: text("as_of"),
    // The blocks as rendered at publication (JSON); null for a draft, or a point published before blocks.
    snapshot: text("snapshot", { mode: "json" }).$type<unknown>(),
  },
  (t) => [index("progress_updates_published_idx").on(t.status, t.publishedAt)],
);

/** The blocks of a point d'étape, in order: each kind reads its data as of the point's date; `config` says which data. */
export const progressBlocks = sqliteTable(
  "progress_blocks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id")
      .notNull()
      .references(() => progressUpdates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: BLOCK_KINDS }).notNull(),
    // The section's heading (each block is one slide of the print view); blank: the kind's default heading.
    title: text("title").notNull().default(""),
    config: text("config", { mode: "json" }).notNull().$type<Record<string, unknown>>().default(sql`'{}'`),
  },
  (t) => [index("progress_blocks_update_idx").on(t.updateId, t.position)],
);

/** The themes a point d'étape is about: their followers are told when it is published. */
export const progressUpdateThemes = sqliteTable(
  "progress_update_themes",
  {
    updateId: integer("update_id")
      .notNull()
      .references(() => progressUpdates.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.themeId] }), index("progress_update_themes_theme_idx").on(t.themeId)],
);

/** Guides, FAQs and fact sheets the team curates for each theme. */
export const themeResources = sqliteTable(
  "theme_resources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id),
    title: text("title").notNull(),
    // Empty when the source that lists the resource does not give its address (shown as such, never guessed).
    url: text("url").notNull(),
    kind: text("kind", { enum: ["guide", "faq", "fiche", "video", "autre"] }).notNull().default("guide"),
    position: integer("position").notNull().default(0),
    // The resource's date ("YYYY-MM-DD") and what it is: its publication, its last update, or the day a source cited it.
    date: text("date"),
    dateKind: text("date_kind", { enum: ["publication", "mise-a-jour", "citation"] }).notNull().default("publication"),
    // Where the team found it (e.g. "Point d'étape du 11 janvier 2024").
    source: text("source").notNull().default(""),
  },
  (t) => [index("theme_resources_theme_idx").on(t.themeId, t.position)],
);

/** The programme's next steps, as a point d'étape announced them and the team keeps them since (added, edited, reordered, done, removed). */
export const nextSteps = sqliteTable(
  "next_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The heading the steps are grouped under ("Sur les chantiers Sentinelle").
    heading: text("heading").notNull(),
    text: text("text").notNull(),
    // When, as written ("printemps-été 2024", "T1 24"); empty when the source gives no date.
    horizon: text("horizon").notNull().default(""),
    source: text("source").notNull(),
    sourceDate: text("source_date").notNull(),
    position: integer("position").notNull().default(0),
    // The day ("YYYY-MM-DD") the team marked the step done; null while it is still ahead.
    doneOn: text("done_on"),
  },
  (t) => [index("next_steps_position_idx").on(t.sourceDate, t.position)],
);
