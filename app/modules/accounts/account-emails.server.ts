import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { accountTokens, users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { randomToken, sha256 } from "~/lib/tokens.server";
import { publicBaseUrl, queueAccountEmail } from "~/lib/outbox.server";
import { hashPassword } from "./passwords.server";
import { revokeCredentials } from "./credentials.server";

const CONFIRMATION_HOURS = 72;
const RESET_MINUTES = 60;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Creates a single-use token (only its hash is kept) and queues the e-mail carrying it, in the caller's transaction. */
function issueToken(tx: Tx, user: { id: number; email: string }, purpose: "confirm_email" | "reset_password") {
  const token = randomToken();
  // A new link replaces the unused ones of the same purpose.
  tx.update(accountTokens).set({ usedAt: new Date().toISOString() }).where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt))).run();
  const expiresAt = isoIn(purpose === "confirm_email" ? CONFIRMATION_HOURS * 3_600_000 : RESET_MINUTES * 60_000);
  const row = tx.insert(accountTokens).values({ userId: user.id, purpose, tokenHash: sha256(token), expiresAt }).returning({ id: accountTokens.id }).get();
  if (purpose === "confirm_email") {
    queueAccountEmail(tx, {
      userId: user.id,
      to: user.email,
      dedupeKey: `token:${row.id}`,
      subject: "confirmez votre adresse e-mail",
      paragraphs: [
        "Votre compte Sentinelle est créé. Pour recevoir les nouvelles de vos signalements par e-mail, confirmez votre adresse en ouvrant le lien ci-dessous.",
        `Le lien est valable ${CONFIRMATION_HOURS} heures.`,
      ],
      link: { href: `${publicBaseUrl()}/confirmer-email?jeton=${token}`, label: "Confirmer mon adresse e-mail" },
      reason: "Vous recevez ce message parce qu'un compte Sentinelle vient d'être créé avec cette adresse. Si ce n'est pas vous, ignorez-le : rien ne vous sera envoyé.",
    });
  } else {
    queueAccountEmail(tx, {
      userId: user.id,
      to: user.email,
      dedupeKey: `token:${row.id}`,
      subject: "choisir un nouveau mot de passe",
      paragraphs: [
        "Vous avez demandé à choisir un nouveau mot de passe pour votre compte Sentinelle.",
        `Le lien ci-dessous est valable ${RESET_MINUTES} minutes et ne sert qu'une fois.`,
      ],
      link: { href: `${publicBaseUrl()}/mot-de-passe/nouveau?jeton=${token}`, label: "Choisir un nouveau mot de passe" },
      reason: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.",
    });
  }
}

/** The link that creates a self-service account, to the address being signed up (no account exists yet). */
export function queueSignUpLink(tx: Tx, email: string, link: string, hours: number) {
  queueAccountEmail(tx, {
    userId: null,
    to: email,
    dedupeKey: `signup:${sha256(link)}`,
    subject: "terminez votre inscription",
    paragraphs: [
      "Pour terminer votre inscription sur Sentinelle et confirmer votre adresse e-mail, ouvrez le lien ci-dessous : votre compte sera créé et vous serez connecté.",
      `Le lien est valable ${hours} heures et ne sert qu'une fois.`,
    ],
    link: { href: link, label: "Créer mon compte" },
    reason: "Vous recevez ce message parce que quelqu'un a demandé à créer un compte Sentinelle avec cette adresse. Si ce n'est pas vous, ignorez-le : aucun compte ne sera créé.",
  });
}

/**
 * Someone tried to sign up with the address of an existing account: its owner is told (at most once an hour), and
 * the sign-up page answers as for a new address, so it does not tell who has an account.
 */
export function queueSignUpAttemptNotice(tx: Tx, user: { id: number; email: string }) {
  queueAccountEmail(tx, {
    userId: user.id,
    to: user.email,
    dedupeKey: `signup-attempt:${user.id}:${new Date().toISOString().slice(0, 13)}`,
    subject: "tentative de création de compte avec votre adresse",
    paragraphs: [
      "Quelqu'un a tenté de créer un compte Sentinelle avec votre adresse e-mail, alors que vous en avez déjà un. Aucun compte n'a été créé et le vôtre n'a pas changé.",
      "Si c'était vous, connectez-vous avec votre mot de passe habituel, ou choisissez-en un nouveau avec le lien ci-dessous.",
    ],
    link: { href: `${publicBaseUrl()}/mot-de-passe-oublie`, label: "Choisir un nouveau mot de passe" },
    reason: "Si ce n'était pas vous, vous n'avez rien à faire : personne ne peut utiliser votre compte sans votre mot de passe.",
  });
}

/** At sign-up, in the transaction that creates the account. */
export function sendEmailConfirmation(tx: Tx, user: { id: number; email: string }) {
  issueToken(tx, user, "confirm_email");
}

export function resendEmailConfirmation(userId: number) {
  getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email, confirmed: users.emailConfirmedAt }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new HttpError(404, "Compte introuvable.");
    if (user.confirmed) throw new HttpError(409, "Votre adresse e-mail est déjà confirmée.");
    issueToken(tx, user, "confirm_email");
  });
}

/** Uses a valid unused token of the purpose, or explains why it cannot be used. */
function consumeToken(tx: Tx, token: string, purpose: "confirm_email" | "reset_password") {
  const row = tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, purpose)))
    .get();
  if (!row) throw new HttpError(400, "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.");
  if (row.usedAt) throw new HttpError(410, "Ce lien a déjà servi ou a été remplacé par un plus récent.");
  if (row.expiresAt <= new Date().toISOString()) throw new HttpError(410, "Ce lien a expiré. Demandez-en un nouveau.");
  tx.update(accountTokens).set({ usedAt: new Date().toISOString() }).where(eq(accountTokens.id, row.id)).run();
  return row;
}

export function confirmEmail(token: string) {
  return getDb().transaction((tx) => {
    const row = consumeToken(tx, token, "confirm_email");
    tx.update(users).set({ emailConfirmedAt: new Date().toISOString() }).where(eq(users.id, row.userId)).run();
    recordEvent(tx, { type: "user.email_confirmed", actorId: row.userId, subject: { type: "user", id: row.userId } });
    return { userId: row.userId };
  });
}

/**
 * Sends a reset link when an active account has this address. The caller answers the same way either way, so the
 * form does not tell which addresses have an account.
 */
export function requestPasswordReset(email: string) {
  getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
    if (!user || user.disabledAt) return;
    issueToken(tx, user, "reset_password");
    recordEvent(tx, { type: "user.password_reset_requested", actorId: null, subject: { type: "user", id: user.id } });
  });
}

/** Whether a reset link can still be used, to show the form or the reason up front. */
export function checkResetToken(token: string) {
  const row = getDb()
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date().toISOString())))
    .get();
  return !!row;
}

/** Sets the new password, uses the link up, closes every session and revokes every API token: whoever had the old password is out. */
export async function resetPassword(token: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction((tx) => {
    const row = consumeToken(tx, token, "reset_password");
    tx.update(users).set({ passwordHash, emailConfirmedAt: new Date().toISOString() }).where(and(eq(users.id, row.userId), isNull(users.emailConfirmedAt))).run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    const { tokensRevoked } = revokeCredentials(tx, row.userId);
    recordEvent(tx, { type: "user.password_reset", actorId: row.userId, subject: { type: "user", id: row.userId }, payload: { tokensRevoked } });
    return { userId: row.userId };
  });
}
