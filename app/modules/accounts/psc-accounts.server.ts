import { can } from "~/lib/permissions";
/**
 * Accounts of practitioners who sign in with Pro Santé Connect: find the account a PSC-verified RPPS
 * belongs to, create one on first sign-in, or link an existing account once its owner gave its password.
 */
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { sendEmailConfirmation } from "./account-emails.server";
import { recordEvent } from "~/lib/events.server";
import { HttpError } from "~/lib/errors";
import { verifyCredentials, type SessionUser } from "./accounts.server";
import { PscError, type PscIdentity } from "./psc-claims";

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
};

export type PscResolution =
  | { kind: "signed-in"; user: SessionUser; created: boolean }
  /** No account can be chosen without the person: they give an e-mail, or link an account with its password. */
  | { kind: "needs-completion"; emailTaken: boolean; rppsDeclaredElsewhere: boolean };

/** The account whose RPPS was verified through PSC before: the only one reached without further question. */
function findVerifiedAccount(rpps: string) {
  return getDb()
    .select({ ...sessionUserColumns, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.rpps, rpps), eq(users.rppsVerified, true)))
    .get();
}

const disabledAccount = () =>
  new PscError(403, "Compte désactivé", "Le compte Sentinelle relié à votre identité Pro Santé Connect est désactivé. Contactez l'équipe Sentinelle.", "account_disabled");

/**
 * Decides what a verified PSC identity signs in to:
 * - the account holding this RPPS as verified (a later sign-in);
 * - else a new practitioner account when PSC gave an e-mail nobody uses (a first sign-in);
 * - else the person completes: gives an e-mail, or links the existing account with its password.
 * An account that merely declares the same RPPS (unverified) or uses the same e-mail is never taken over silently.
 */
export function resolvePscSignIn(identity: PscIdentity): PscResolution {
  const verified = findVerifiedAccount(identity.rpps);
  if (verified) {
    if (verified.disabledAt) throw disabledAccount();
    const { disabledAt: _d, ...user } = verified;
    return { kind: "signed-in", user, created: false };
  }
  const rppsDeclaredElsewhere = !!getDb().select({ id: users.id }).from(users).where(eq(users.rpps, identity.rpps)).get();
  if (identity.email) {
    const taken = !!getDb().select({ id: users.id }).from(users).where(eq(users.email, identity.email)).get();
    if (!taken && !rppsDeclaredElsewhere) {
      try {
        return { kind: "signed-in", user: createPscAccount(identity, identity.email, { emailFromProvider: true }), created: true };
      } catch (error) {
        // Taken in between: the person chooses on the completion form.
        if (!(error instanceof HttpError)) throw error;
        return { kind: "needs-completion", emailTaken: true, rppsDeclaredElsewhere };
      }
    }
    return { kind: "needs-completion", emailTaken: taken, rppsDeclaredElsewhere };
  }
  return { kind: "needs-completion", emailTaken: false, rppsDeclaredElsewhere };
}

const rppsAlreadyLinked = () =>
  new HttpError(409, "Ce numéro RPPS est déjà relié à un autre compte Sentinelle. Reconnectez-vous avec Pro Santé Connect pour y accéder.");

/**
 * A practitioner account without password, its RPPS verified by PSC. An e-mail given by PSC counts as confirmed;
 * one typed on the completion form is confirmed by a link, like at sign-up.
 */
export function createPscAccount(identity: PscIdentity, email: string, { emailFromProvider }: { emailFromProvider: boolean }): SessionUser {
  return getDb().transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(and(eq(users.rpps, identity.rpps), eq(users.rppsVerified, true))).get()) {
      throw rppsAlreadyLinked();
    }
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new HttpError(409, "Un compte existe déjà avec cette adresse e-mail.", {
        email: ["Un compte existe déjà avec cette adresse e-mail. S'il est à vous, reliez-le avec son mot de passe ci-dessous."],
      });
    }
    const user = tx
      .insert(users)
      .values({
        email,
        passwordHash: null,
        displayName: identity.displayName,
        role: "practitioner",
        profession: identity.profession,
        specialty: identity.specialty,
        practiceMode: identity.practiceMode,
        region: identity.region,
        rpps: identity.rpps,
        rppsVerified: true,
        emailConfirmedAt: emailFromProvider ? new Date().toISOString() : null,
      })
      .returning(sessionUserColumns)
      .get();
    if (!emailFromProvider) sendEmailConfirmation(tx, user);
    recordEvent(tx, { type: "user.created", actorId: user.id, subject: { type: "user", id: user.id }, payload: { role: user.role, via: "pro-sante-connect" } });
    return user;
  });
}

/**
 * Links the PSC identity to an existing practitioner account, once its e-mail and password are confirmed.
 * PSC's RPPS and profession replace the declared ones; the other profile fields are filled only when empty.
 */
export async function linkPscAccount(identity: PscIdentity, email: string, password: string): Promise<SessionUser> {
  const user = await verifyCredentials(email, password);
  if (!user) {
    throw new HttpError(422, "Adresse e-mail ou mot de passe incorrect.", { password: ["Adresse e-mail ou mot de passe incorrect."] });
  }
  if (!can(user, "profile:professional")) {
    throw new HttpError(422, "Seul un compte de professionnel de santé peut être relié à Pro Santé Connect.");
  }
  return getDb().transaction((tx) => {
    const other = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.rpps, identity.rpps), eq(users.rppsVerified, true), ne(users.id, user.id)))
      .get();
    if (other) throw rppsAlreadyLinked();
    const current = tx
      .select({ rpps: users.rpps, rppsVerified: users.rppsVerified, specialty: users.specialty, practiceMode: users.practiceMode, region: users.region })
      .from(users)
      .where(eq(users.id, user.id))
      .get();
    if (current?.rppsVerified && current.rpps !== identity.rpps) {
      throw new HttpError(409, "Ce compte est déjà relié à Pro Santé Connect avec un autre numéro RPPS.");
    }
    tx.update(users)
      .set({
        rpps: identity.rpps,
        rppsVerified: true,
        profession: identity.profession,
        specialty: current?.specialty ?? identity.specialty,
        practiceMode: current?.practiceMode ?? identity.practiceMode,
        region: current?.region ?? identity.region,
      })
      .where(eq(users.id, user.id))
      .run();
    recordEvent(tx, { type: "user.psc_linked", actorId: user.id, subject: { type: "user", id: user.id } });
    return user;
  });
}
