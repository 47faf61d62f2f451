import { and, desc, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { events, users } from "#db/schema";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { verifyAgainstDummy, verifyPassword } from "./passwords.server";
import { plural } from "~/lib/text/plural";

/** Failed attempts allowed before each further one locks the account for a growing time (2, 4, 8… up to 60 minutes). */
export const FREE_FAILURES = 5;
const WINDOW_MS = 60 * 60_000;

/** Milliseconds the account stays locked after repeated failures since the last success or password reset. */
function lockRemainingMs(userId: number, now = new Date()) {
  const db = getDb();
  const lastReset = db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.subjectType, "user"), eq(events.subjectId, userId), inArray(events.type, ["user.signed_in", "user.password_reset"])))
    .orderBy(desc(events.id))
    .get()?.id ?? 0;
  const failures = db
    .select({ createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.subjectType, "user"), eq(events.subjectId, userId), eq(events.type, "user.signin_failed"), gt(events.id, lastReset), gt(events.createdAt, new Date(now.getTime() - WINDOW_MS).toISOString())))
    .orderBy(desc(events.id))
    .all();
  return lockFromFailures(failures.map((f) => new Date(f.createdAt).getTime()), now);
}

/** The lock left after these failures (newest first, all within the window). */
function lockFromFailures(newestFirst: number[], now: Date) {
  if (newestFirst.length < FREE_FAILURES) return 0;
  const lockMs = Math.min(60, 2 ** (newestFirst.length - FREE_FAILURES + 1)) * 60_000;
  return Math.max(0, newestFirst[0] + lockMs - now.getTime());
}

// Failures on addresses without a usable account, kept in memory so that they lock exactly like an account's:
// otherwise "locked" after six wrong passwords would tell that an account exists. Bounded: oldest addresses go first.
const UNKNOWN_ADDRESSES_KEPT = 10_000;
const unknownFailures = new Map<string, number[]>();

function unknownLockRemainingMs(email: string, now: Date) {
  const recent = (unknownFailures.get(email) ?? []).filter((t) => t > now.getTime() - WINDOW_MS);
  return lockFromFailures(recent, now);
}

function recordUnknownFailure(email: string, now: Date) {
  const recent = (unknownFailures.get(email) ?? []).filter((t) => t > now.getTime() - WINDOW_MS);
  unknownFailures.delete(email);
  unknownFailures.set(email, [now.getTime(), ...recent]);
  if (unknownFailures.size > UNKNOWN_ADDRESSES_KEPT) unknownFailures.delete(unknownFailures.keys().next().value!);
}

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password with a growing lock after repeated failures. Every failure and success is in the
 * events log (the audit log shows them); answers take the same time whether the account exists or not.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const address = email.trim().toLowerCase();
  const row = getDb()
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, organisationId: users.organisationId, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, address))
    .get();
  if (!row || !row.passwordHash || row.disabledAt) {
    await verifyAgainstDummy(password);
    const now = new Date();
    const locked = unknownLockRemainingMs(address, now);
    if (locked > 0) return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil(locked / 1000) };
    recordUnknownFailure(address, now);
    return { ok: false, reason: "invalid" };
  }
  const locked = lockRemainingMs(row.id);
  if (locked > 0) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil(locked / 1000) };
  }
  const { passwordHash, disabledAt: _d, ...user } = row;
  const ok = await verifyPassword(passwordHash, password);
  recordEvent(getDb(), { type: ok ? "user.signed_in" : "user.signin_failed", actorId: ok ? user.id : null, subject: { type: "user", id: user.id } });
  return ok ? { ok: true, user } : { ok: false, reason: "invalid" };
}

export function lockedMessage(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Trop de tentatives de connexion pour ce compte : réessayez dans ${minutes} ${plural(minutes, "minute", "minutes")}, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».`;
}

