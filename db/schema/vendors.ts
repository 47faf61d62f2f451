import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PRODUCT_CATEGORIES, type VendorGroup } from "../vocabularies/vendors";
import { organisations, users } from "./accounts";

export { PRODUCT_CATEGORIES, VENDOR_GROUPS, type ProductCategory, type VendorGroup } from "../vocabularies/vendors";

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


/**
 * Announcements the team sends to vendor groups (SONS, non-SONS), for instance a webinar invitation. The recipients
 * are the members of the groups' vendors when it is sent; each is told through the notification e-mail path.
 */
export const announcements = sqliteTable("announcements", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  body: text("body").notNull(),
  groups: text("groups", { mode: "json" }).notNull().$type<VendorGroup[]>(),
  recipientCount: integer("recipient_count").notNull(),
  senderId: integer("sender_id").references(() => users.id, { onDelete: "set null" }),
  sentAt: text("sent_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
