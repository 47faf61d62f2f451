import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

import { IRRITANT_STATUSES } from "../../app/modules/irritants/statuses";

export { IRRITANT_STATUSES, type IrritantStatus } from "../../app/modules/irritants/statuses";

export const themes = sqliteTable("themes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  label: text("label").notNull(),
  position: integer("position").notNull().default(0),
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
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("irritants_status_idx").on(t.status, t.id),
    index("irritants_published_idx").on(t.published, t.id),
    index("irritants_author_idx").on(t.authorId),
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
  },
  (t) => [primaryKey({ columns: [t.irritantId, t.themeId] }), index("irritant_themes_theme_idx").on(t.themeId, t.irritantId)],
);
