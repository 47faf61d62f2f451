import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { themes } from "./irritants";

/** A series the team defines and feeds (by CSV or by hand), shown as a chart with its data table. */
export const indicators = sqliteTable(
  "indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    unit: text("unit").notNull(),
    source: text("source").notNull(),
    // Date of the source the figures come from ("YYYY-MM-DD"), e.g. the point d'étape that gives them.
    sourceDate: text("source_date"),
    method: text("method").notNull().default(""),
    // What the source leaves unsaid or ambiguous ("plus de…", no month given…), shown beside the figures.
    notes: text("notes").notNull().default(""),
    // "figure": key figures shown as numbers (a value without a period or a series of one), not a chart.
    chart: text("chart", { enum: ["line", "bar", "stacked", "figure"] }).notNull().default("line"),
    // Allowed dimension values (e.g. the "couloirs"); empty means a single series.
    dimensions: text("dimensions", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    themeId: integer("theme_id").references(() => themes.id),
    // Demonstration series are labelled as such wherever they are shown.
    demonstration: integer("demonstration", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("indicators_theme_idx").on(t.themeId)],
);

export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    // "YYYY-MM", "YYYY", or "" for a series without time (e.g. a ranking).
    period: text("period").notNull(),
    dimension: text("dimension").notNull().default(""),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.dimension] })],
);
