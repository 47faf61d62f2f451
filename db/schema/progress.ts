import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { themes } from "./irritants";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Points d'étape: written in Markdown by the team, published when ready. */
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
  },
  (t) => [index("progress_updates_published_idx").on(t.status, t.publishedAt)],
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
    url: text("url").notNull(),
    kind: text("kind", { enum: ["guide", "faq", "fiche", "video", "autre"] }).notNull().default("guide"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("theme_resources_theme_idx").on(t.themeId, t.position)],
);
