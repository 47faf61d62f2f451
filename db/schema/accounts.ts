import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const ROLES = ["practitioner", "patient", "vendor", "team", "admin"] as const;
export type Role = (typeof ROLES)[number];

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["vendor", "institution"] }).notNull().default("vendor"),
  // SONS: software vendors referenced under the Ségur programme.
  isSons: integer("is_sons", { mode: "boolean" }).notNull().default(false),
  contactEmail: text("contact_email"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    profession: text("profession"),
    specialty: text("specialty"),
    practiceMode: text("practice_mode"),
    region: text("region"),
    rpps: text("rpps"),
    rppsVerified: integer("rpps_verified", { mode: "boolean" }).notNull().default(false),
    organisationId: integer("organisation_id").references(() => organisations.id),
    // The software they use day to day: the default of their reports. No FK here to avoid an import cycle;
    // the products table references organisations, and the accounts module checks the id.
    usualProductId: integer("usual_product_id"),
    usualProductVersion: text("usual_product_version"),
    createdAt: createdAt(),
    disabledAt: text("disabled_at"),
    // Set when the person opened the confirmation link sent at sign-up.
    emailConfirmedAt: text("email_confirmed_at"),
  },
  (t) => [index("users_organisation_idx").on(t.organisationId), index("users_rpps_idx").on(t.rpps)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the random id held by the cookie: a copy of the table opens no session.
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
  },
  // Expired sessions are deleted every hour by retention: by this index, not by reading every session.
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    // First characters of the token, shown so people can tell their tokens apart.
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Single-use links sent by e-mail (address confirmation, password reset): only the hash is kept. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["confirm_email", "reset_password"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);
