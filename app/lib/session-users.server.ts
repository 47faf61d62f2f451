import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { preparedQuery } from "#db/client";
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

// Every signed-in request runs one of these look-ups: prepared once per connection.
const userBySession = preparedQuery((db) =>
  db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder("idHash")), gt(sessions.expiresAt, sql.placeholder("now")), isNull(users.disabledAt)))
    .prepare(),
);

const userByToken = preparedQuery((db) =>
  db
    .select({ ...sessionUserColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .prepare(),
);

const markTokenUsed = preparedQuery((db) =>
  db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder("now")}` })
    .where(eq(apiTokens.id, sql.placeholder("tokenId")))
    .prepare(),
);

export function getUserBySessionId(sessionId: string): SessionUser | null {
  return userBySession().get({ idHash: sha256(sessionId), now: now() }) ?? null;
}

// A token's last use is shown to the minute (`/compte/jetons`). Written at most once a minute: a write per API request made
// read-only look-ups write, and a busy client's writes filled the write-ahead log until a checkpoint stalled every
// request in flight (issue 21, the look-up's tail under load).
const TOKEN_USE_PRECISION_MS = 60_000;

export function getUserByApiToken(token: string): SessionUser | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = userByToken().get({ tokenHash: sha256(token) });
  if (!row) return null;
  const at = now();
  if (!row.lastUsedAt || Date.parse(at) - Date.parse(row.lastUsedAt) >= TOKEN_USE_PRECISION_MS) markTokenUsed().run({ now: at, tokenId: row.tokenId });
  const { tokenId: _t, lastUsedAt: _l, ...user } = row;
  return user;
}
