import { can } from "~/lib/permissions";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { apiTokens, organisations, sessions, users, type Role } from "#db/schema";
import { recordEvent } from "~/lib/events.server";
import { randomToken, sha256 } from "~/lib/tokens.server";
import { HttpError } from "~/lib/errors";
import { sendEmailConfirmation } from "./account-emails.server";
import { revokeCredentials } from "./credentials.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { signInWithPassword } from "./signin-guard.server";
import type { z } from "zod";
import type { profileSchema } from "./schemas";
import { sessionUserColumns, TOKEN_PREFIX, type SessionUser } from "~/lib/session-users.server";

export { getUserByApiToken, getUserBySessionId, type SessionUser } from "~/lib/session-users.server";

const SESSION_DAYS = 30;
const now = () => new Date().toISOString();

export async function createUser(input: {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  profession?: string | null;
  specialty?: string | null;
  practiceMode?: string | null;
  region?: string | null;
  rpps?: string | null;
  organisationId?: number | null;
}, options: { confirmEmail?: boolean } = {}) {
  // Accounts made by the team or the demo data are trusted; `confirmEmail` sends a confirmation link instead
  // (self-service sign-up confirms the address before the account exists: see signup.server.ts).
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (existing) {
      throw new HttpError(409, "Un compte existe déjà avec cette adresse e-mail.", {
        email: ["Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou utilisez une autre adresse."],
      });
    }
    const { password: _password, ...profile } = input;
    const user = tx
      .insert(users)
      .values({ ...profile, passwordHash, emailConfirmedAt: options.confirmEmail ? null : now() })
      .returning(sessionUserColumns)
      .get();
    if (options.confirmEmail) sendEmailConfirmation(tx, user);
    recordEvent(tx, { type: "user.created", actorId: user.id, subject: { type: "user", id: user.id }, payload: { role: user.role } });
    return user;
  });
}

/** The user for a correct e-mail and password, null otherwise (including while the account is locked). */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const result = await signInWithPassword(email, password);
  return result.ok ? result.user : null;
}

export function createSession(userId: number) {
  const id = randomToken(32);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  getDb().insert(sessions).values({ idHash: sha256(id), userId, expiresAt }).run();
  return { id, expiresAt };
}

export function destroySession(sessionId: string) {
  getDb().delete(sessions).where(eq(sessions.idHash, sha256(sessionId))).run();
}


export function createApiToken(userId: number, label: string) {
  const token = TOKEN_PREFIX + randomToken(32);
  return getDb().transaction((tx) => {
    const row = tx
      .insert(apiTokens)
      .values({ userId, label, tokenHash: sha256(token), prefix: token.slice(0, 10) })
      .returning({ id: apiTokens.id })
      .get();
    recordEvent(tx, { type: "api_token.created", actorId: userId, subject: { type: "api_token", id: row.id }, payload: { label } });
    return { id: row.id, token };
  });
}

export function listApiTokens(userId: number) {
  return getDb()
    .select({ id: apiTokens.id, label: apiTokens.label, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.id))
    .all();
}

export function revokeApiToken(userId: number, tokenId: number) {
  return getDb().transaction((tx) => {
    const result = tx
      .update(apiTokens)
      .set({ revokedAt: now() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .run();
    if (result.changes === 0) throw new HttpError(404, "Ce jeton n'existe pas ou a déjà été révoqué.");
    recordEvent(tx, { type: "api_token.revoked", actorId: userId, subject: { type: "api_token", id: tokenId } });
  });
}

export function getProfile(userId: number) {
  const row = getDb()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      profession: users.profession,
      specialty: users.specialty,
      practiceMode: users.practiceMode,
      region: users.region,
      rpps: users.rpps,
      rppsVerified: users.rppsVerified,
      emailConfirmedAt: users.emailConfirmedAt,
      usualProductId: users.usualProductId,
      usualProductVersion: users.usualProductVersion,
      organisationName: organisations.name,
      createdAt: users.createdAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();
  if (!row) throw new HttpError(404, "Compte introuvable.");
  // Accounts created through Pro Santé Connect have no password.
  const { passwordHash, ...profile } = row;
  return { ...profile, hasPassword: passwordHash !== null };
}

/** The caller checks `usualProductId` against the catalogue (vendors sit above accounts). */
export function updateProfile(user: SessionUser, input: z.infer<typeof profileSchema>) {
  const practitionerFields =
    can(user, "profile:professional")
      ? { profession: input.profession ?? null, specialty: input.specialty ?? null, practiceMode: input.practiceMode ?? null, rpps: input.rpps ?? null }
      : {};
  const usualProduct =
    can(user, "irritant:file")
      ? { usualProductId: input.usualProductId ?? null, usualProductVersion: input.usualProductId ? (input.usualProductVersion ?? null) : null }
      : {};
  getDb().transaction((tx) => {
    const current = tx.select({ rpps: users.rpps }).from(users).where(eq(users.id, user.id)).get();
    // An RPPS verified by Pro Santé Connect stays verified only while it is unchanged.
    const rppsChanged = "rpps" in practitionerFields && practitionerFields.rpps !== current?.rpps;
    tx.update(users)
      .set({ displayName: input.displayName, region: input.region ?? null, ...practitionerFields, ...usualProduct, ...(rppsChanged ? { rppsVerified: false } : {}) })
      .where(eq(users.id, user.id))
      .run();
    recordEvent(tx, { type: "user.profile_updated", actorId: user.id, subject: { type: "user", id: user.id } });
  });
}

export async function changePassword(user: SessionUser, currentPassword: string, newPassword: string, options: { keepSessionId?: string; keepApiTokens?: boolean } = {}) {
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new HttpError(422, "Le mot de passe actuel est incorrect.", { currentPassword: ["Le mot de passe actuel est incorrect."] });
  }
  const passwordHash = await hashPassword(newPassword);
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    // Other sessions close and tokens are revoked (unless the person keeps them): a changed password must lock out
    // whoever knew the old one, and a token created with it is as good as the password on the API.
    const { tokensRevoked } = revokeCredentials(tx, user.id, options);
    recordEvent(tx, { type: "user.password_changed", actorId: user.id, subject: { type: "user", id: user.id }, payload: { tokensRevoked, tokensKept: !!options.keepApiTokens } });
  });
}

/**
 * The active practitioner account with this address, for the team's reports filed on someone's behalf (issue 20):
 * what the filing needs (the id that makes them the author, their profession), or null.
 */
export function findPractitionerByEmail(email: string) {
  const row = getDb()
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, organisationId: users.organisationId, profession: users.profession })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.disabledAt)))
    .get();
  return row && can(row, "profile:professional") ? row : null;
}
