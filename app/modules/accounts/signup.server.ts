import { and, eq, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { events, users, type Role } from "#db/schema";
import { can } from "~/lib/permissions";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { openSealedPayload, sealPayload, sha256 } from "~/lib/tokens.server";
import { publicBaseUrl } from "~/lib/outbox.server";
import { queueSignUpAttemptNotice, queueSignUpLink } from "./account-emails.server";
import { hashPassword } from "./passwords.server";
import type { SessionUser } from "./accounts.server";
import type { z } from "zod";
import type { signUpSchema } from "./schemas";

/**
 * Self-service sign-up in two steps, so the form never tells whether an address has an account:
 *
 * 1. The form (`requestSignUp`) creates nothing. For a new address it e-mails a link that carries the sign-up,
 *    sealed (encrypted and authenticated) with the server secret; for an address that has an account it e-mails the
 *    owner instead. Both branches hash the password and queue one e-mail, and the page answers the same.
 * 2. The link (`completeSignUp`) creates the account, its address confirmed, and the route signs the person in.
 *
 * Until the link is used no account exists, so signing in with the chosen password fails as for any unknown address:
 * that cannot tell an existing address either. No table holds pending sign-ups; a link is used once (the
 * `user.created` event keeps its fingerprint) and expires after LINK_HOURS.
 */
export const SIGN_UP_LINK_HOURS = 72;
const LINK_HOURS = SIGN_UP_LINK_HOURS;
const PURPOSE = "signup";

type SignUpInput = z.infer<typeof signUpSchema>;

export async function requestSignUp(input: SignUpInput) {
  const email = input.email.trim().toLowerCase();
  // Hashed in both branches: the answer takes the same time whether the address has an account or not.
  const passwordHash = await hashPassword(input.password);
  const practitioner = can(input, "profile:professional");
  const pending = {
    email,
    passwordHash,
    displayName: input.displayName,
    role: input.role,
    profession: practitioner ? (input.profession ?? null) : null,
    specialty: practitioner ? (input.specialty ?? null) : null,
    practiceMode: practitioner ? (input.practiceMode ?? null) : null,
    rpps: practitioner ? (input.rpps ?? null) : null,
    region: input.region ?? null,
    // The usual product is chosen later, on the account page (the sign-up form does not offer it).
  };
  const token = sealPayload(PURPOSE, pending, new Date(Date.now() + LINK_HOURS * 3_600_000));
  getDb().transaction((tx) => {
    const existing = tx.select({ id: users.id, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email)).get();
    if (!existing) {
      queueSignUpLink(tx, email, `${publicBaseUrl()}/inscription/confirmer?jeton=${token}`, LINK_HOURS);
      return;
    }
    recordEvent(tx, { type: "user.signup_attempted", actorId: null, subject: { type: "user", id: existing.id } });
    // A disabled account's owner is not written to: the team closed it.
    if (!existing.disabledAt) queueSignUpAttemptNotice(tx, existing);
  });
}

const pendingSchemaKeys = ["email", "passwordHash", "displayName", "role"] as const;

/** Reads a sign-up link without using it, to show the page or the reason up front. */
export function checkSignUpLink(token: string): { ok: true; email: string } | { ok: false; status: 400 | 410; message: string } {
  const opened = openSealedPayload(PURPOSE, token);
  if (!opened.ok) {
    return opened.reason === "expired"
      ? { ok: false, status: 410, message: "Ce lien a expiré : recommencez l'inscription." }
      : { ok: false, status: 400, message: "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail." };
  }
  if (usedAlready(token)) return { ok: false, status: 410, message: "Ce lien a déjà servi : connectez-vous avec votre adresse et votre mot de passe." };
  return { ok: true, email: String(opened.payload.email) };
}

const fingerprint = (token: string) => sha256(`signup:${token}`);
const usedAlready = (token: string) =>
  !!getDb()
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.type, "user.created"), sql`json_extract(${events.payload}, '$.signupLink') = ${fingerprint(token)}`))
    .get();

/** Creates the account a sign-up link carries, its address confirmed by the link itself. */
export function completeSignUp(token: string): SessionUser {
  const opened = openSealedPayload(PURPOSE, token);
  if (!opened.ok) {
    throw opened.reason === "expired" ? new HttpError(410, "Ce lien a expiré : recommencez l'inscription.") : new HttpError(400, "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.");
  }
  const p = opened.payload;
  if (!pendingSchemaKeys.every((k) => typeof p[k] === "string") || !can({ role: p.role as Role }, "irritant:file") /* self-service accounts are the reporters' */) {
    throw new HttpError(400, "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.");
  }
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return getDb().transaction((tx) => {
    // Used once, even if the account it created has since been deleted (its address is then free again).
    if (usedAlready(token)) throw new HttpError(410, "Ce lien a déjà servi : connectez-vous avec votre adresse et votre mot de passe.");
    const email = String(p.email);
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new HttpError(410, "Un compte existe déjà avec cette adresse : connectez-vous, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».");
    }
    const user = tx
      .insert(users)
      .values({
        email,
        passwordHash: String(p.passwordHash),
        displayName: String(p.displayName),
        role: p.role as "practitioner" | "patient",
        profession: text(p.profession),
        specialty: text(p.specialty),
        practiceMode: text(p.practiceMode),
        rpps: text(p.rpps),
        region: text(p.region),
        emailConfirmedAt: new Date().toISOString(),
      })
      .returning({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, organisationId: users.organisationId })
      .get();
    recordEvent(tx, { type: "user.created", actorId: user.id, subject: { type: "user", id: user.id }, payload: { role: user.role, signupLink: fingerprint(token) } });
    return user;
  });
}
