import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Team settings (SLA targets, reopen threshold, automatic forwarding), as typed key-value rows. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull().$type<unknown>(),
});
