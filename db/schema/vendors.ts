import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PRODUCT_CATEGORIES } from "../vocabularies/vendors";
import { organisations } from "./accounts";

export { PRODUCT_CATEGORIES, type ProductCategory } from "../vocabularies/vendors";

/** The software catalogue: each product belongs to one vendor organisation. */
export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    vendorId: integer("vendor_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    category: text("category", { enum: PRODUCT_CATEGORIES }).notNull(),
    // Ségur wave the product is referenced for (1, 2), or null.
    segurWave: integer("segur_wave"),
    versions: text("versions", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    installedBase: integer("installed_base"),
    retiredAt: text("retired_at"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("products_vendor_idx").on(t.vendorId)],
);

