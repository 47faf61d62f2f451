import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { apiTokens, sessions, users, type Role } from "#db/schema";
import { sha256 } from "./tokens.server";

/**
 * Who a request is: the user behind a session cookie or an API token. It sits in lib, below the capabilities, so that
 * the permission guards can find the user without importing the accounts module (which itself uses the guards).
 */
export type SessionUser = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  organisationId: number | null;
};

const now = () => new Date().toISOString();

export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
};

export const TOKEN_PREFIX = "snt_";

export function getUserBySessionId(sessionId: string): SessionUser | null {
  const row = getDb()
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, now()), isNull(users.disabledAt)))
    .get();
  return row ?? null;
}

export function getUserByApiToken(token: string): SessionUser | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const row = db
    .select({ ...sessionUserColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .get();
  if (!row) return null;
  db.update(apiTokens).set({ lastUsedAt: now() }).where(eq(apiTokens.id, row.tokenId)).run();
  const { tokenId: _t, ...user } = row;
  return user;
}
