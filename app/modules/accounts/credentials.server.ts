import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "#db/client";
import { accountTokens, apiTokens, sessions } from "#db/schema";
import { sha256 } from "~/lib/tokens.server";

/**
 * Closes what proves to be the person, in the caller's transaction: sessions (but `keepSessionId`), API tokens
 * (unless `keepApiTokens`) and unused password-reset links. Whoever held the old password, a copied cookie or token,
 * or a reset e-mail is out. Returns how many tokens were revoked.
 */
export function revokeCredentials(tx: Tx, userId: number, options: { keepSessionId?: string; keepApiTokens?: boolean } = {}) {
  const keep = options.keepSessionId ? ne(sessions.idHash, sha256(options.keepSessionId)) : undefined;
  tx.delete(sessions).where(and(eq(sessions.userId, userId), keep)).run();
  const at = new Date().toISOString();
  const tokensRevoked = options.keepApiTokens ? 0 : tx.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).run().changes;
  tx.update(accountTokens).set({ usedAt: at }).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt))).run();
  return { tokensRevoked };
}
