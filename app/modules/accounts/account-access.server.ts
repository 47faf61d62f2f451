import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { revokeCredentials } from "./credentials.server";

/** Closes every session of the person, this one included, and revokes their API tokens ("se déconnecter partout"). */
export function revokeAllSessions(userId: number, actorId: number) {
  getDb().transaction((tx) => {
    const { tokensRevoked } = revokeCredentials(tx, userId);
    recordEvent(tx, { type: "user.sessions_revoked", actorId, subject: { type: "user", id: userId }, payload: { tokensRevoked } });
  });
}

/** Admins disable an account (its sessions close, its tokens are revoked for good) or enable it again. */
export function setAccountDisabled(admin: SessionUser, userId: number, disabled: boolean) {
  assertCan(admin, "admin:accounts", "Les comptes sont gérés par les administrateurs.");
  if (admin.id === userId) throw new HttpError(409, "Vous ne pouvez pas désactiver votre propre compte.");
  getDb().transaction((tx) => {
    const target = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!target || target.email.endsWith("@sentinelle.invalid")) throw new HttpError(404, "Compte introuvable.");
    tx.update(users).set({ disabledAt: disabled ? new Date().toISOString() : null }).where(eq(users.id, userId)).run();
    // Enabling the account again must not bring back what was issued before: the person signs in and makes new tokens.
    const revoked = disabled ? revokeCredentials(tx, userId) : null;
    recordEvent(tx, { type: disabled ? "user.disabled" : "user.enabled", actorId: admin.id, subject: { type: "user", id: userId }, ...(revoked ? { payload: revoked } : {}) });
  });
}

/** Accounts for the admin page, searched by e-mail or name. */
export function listAccounts(query: string | undefined, limit = 100) {
  const q = query?.trim().toLowerCase();
  const rows = getDb()
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(desc(users.id))
    .all();
  return rows.filter((r) => !r.email.endsWith("@sentinelle.invalid") && (!q || r.email.includes(q) || r.displayName.toLowerCase().includes(q))).slice(0, limit);
}
