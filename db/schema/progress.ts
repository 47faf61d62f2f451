import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

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
