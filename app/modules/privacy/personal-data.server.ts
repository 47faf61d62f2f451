import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import { checkpointAfterErasure, getDb, type Tx } from "#db/client";
import {
  accountTokens,
  apiTokens,
  campaigns,
  eventCursors,
  invitations,
  comments,
  events,
  follows,
  irritants,
  notificationPreferences,
  notifications,
  outboxEmails,
  outboxMentions,
  participations,
  seminarRegistrations,
  sessions,
  supports,
  tickets,
  users,
} from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/lib/session-users.server";
import { getProfile, SIGN_UP_LINK_HOURS, verifyPassword } from "~/modules/accounts/index.server";
import { attachmentsUploadedBy, releaseHeldUploadsOf, removeAttachmentsOfHiddenIrritants, removeAttachmentsUploadedBy } from "~/modules/attachments/index.server";
import { unindexIrritant } from "~/modules/irritants/index.server";
import { scrubPassageCopies } from "~/modules/notifications/index.server";

/*
 * Privacy: a person's data export, account erasure and retention. It sits above accounts, irritants, notifications,
 * surveys and seminars because it reads and erases what each of them keeps about a person.
 */

const PURGED_TITLE = "Signalement masqué puis effacé";

/** Everything the platform keeps about a person, as they may download it (GDPR art. 15 and 20). */
export function exportPersonalData(user: SessionUser) {
  const db = getDb();
  // The profile as the account page reads it, without what only the page needs.
  const { id: _, hasPassword: __, organisationName, ...profile } = getProfile(user.id);
  const data = {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, organisation: organisationName },
    irritants: db.select({ id: irritants.id, title: irritants.title, body: irritants.body, status: irritants.status, published: irritants.published, createdAt: irritants.createdAt }).from(irritants).where(eq(irritants.authorId, user.id)).all(),
    comments: db.select({ irritantId: comments.irritantId, body: comments.body, createdAt: comments.createdAt }).from(comments).where(eq(comments.authorId, user.id)).all(),
    // The files themselves: the masked images, on each irritant's page (the unmasked originals are never kept).
    attachments: attachmentsUploadedBy(user.id),
    supports: db.select({ irritantId: supports.irritantId, createdAt: supports.createdAt }).from(supports).where(eq(supports.userId, user.id)).all(),
    follows: db.select({ subjectType: follows.subjectType, subjectId: follows.subjectId, createdAt: follows.createdAt }).from(follows).where(eq(follows.userId, user.id)).all(),
    notificationPreferences: db.select({ kind: notificationPreferences.kind, mode: notificationPreferences.mode }).from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).all(),
    notifications: db.select({ text: notifications.text, url: notifications.url, createdAt: notifications.createdAt, readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, user.id)).orderBy(desc(notifications.id)).all(),
    apiTokens: db.select({ label: apiTokens.label, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, user.id)).all(),
    seminarRegistrations: db
      .select({ seminarId: seminarRegistrations.seminarId, name: seminarRegistrations.name, email: seminarRegistrations.email, side: seminarRegistrations.side, organisation: seminarRegistrations.organisation, createdAt: seminarRegistrations.createdAt, confirmedAt: seminarRegistrations.confirmedAt })
      .from(seminarRegistrations)
      .where(eq(seminarRegistrations.userId, user.id))
      .all(),
    activity: db.select({ type: events.type, at: events.createdAt }).from(events).where(eq(events.actorId, user.id)).orderBy(desc(events.id)).limit(5000).all(),
  };
  recordEvent(db, { type: "user.data_exported", actorId: user.id, subject: { type: "user", id: user.id } });
  return data;
}

/**
 * Deletes an account: the person's identity, sessions, tokens, follows and notifications go; what they reported
 * stays, attributed to "Compte supprimé", because others support and follow it. Confirmed with the password
 * (or, for accounts without one, by typing SUPPRIMER).
 */
export async function deleteAccount(user: SessionUser, confirmation: string) {
  const row = getDb().select({ passwordHash: users.passwordHash, role: users.role }).from(users).where(eq(users.id, user.id)).get();
  if (!row) throw new HttpError(404, "Compte introuvable.");
  const confirmed = row.passwordHash ? await verifyPassword(row.passwordHash, confirmation) : confirmation.trim() === "SUPPRIMER";
  if (!confirmed) throw new HttpError(422, "Confirmation incorrecte.", { confirmation: [row.passwordHash ? "Le mot de passe est incorrect." : "Tapez SUPPRIMER pour confirmer."] });
  if (can(row, "admin:accounts") && getDb().select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, user.id))).all().length === 0) {
    throw new HttpError(409, "Vous êtes le dernier administrateur : nommez-en un autre avant de supprimer votre compte.");
  }
  const files = getDb().transaction((tx) => {
    const now = new Date().toISOString();
    tx.update(users)
      .set({
        email: `compte-supprime-${user.id}@sentinelle.invalid`,
        displayName: "Compte supprimé",
        passwordHash: null,
        rpps: null,
        rppsVerified: false,
        specialty: null,
        region: null,
        usualProductId: null,
        usualProductVersion: null,
        emailConfirmedAt: null,
        disabledAt: now,
      })
      .where(eq(users.id, user.id))
      .run();
    for (const table of [sessions, apiTokens, follows, notificationPreferences, notifications, accountTokens]) tx.delete(table).where(eq(table.userId, user.id)).run();
    tx.delete(outboxEmails).where(and(eq(outboxEmails.userId, user.id), or(eq(outboxEmails.status, "pending"), eq(outboxEmails.status, "held")))).run();
    tx.update(outboxEmails).set({ to: "supprime@sentinelle.invalid", text: "", html: "" }).where(eq(outboxEmails.userId, user.id)).run();
    // Seminar registrations carry the name and address copied from the account: the registration still counts
    // (seminar balance by side), the person is no longer named. The address stays unique per seminar.
    tx.update(seminarRegistrations)
      .set({ name: "Compte supprimé", email: sql`'compte-supprime-' || ${user.id} || '-' || ${seminarRegistrations.id} || '@sentinelle.invalid'`, organisation: "", confirmTokenHash: null })
      .where(eq(seminarRegistrations.userId, user.id))
      .run();
    // Unsent survey answers are the person's, and go with the account.
    tx.update(participations).set({ draft: null }).where(eq(participations.userId, user.id)).run();
    tx.update(invitations).set({ draft: null, inviteeId: null }).where(eq(invitations.inviteeId, user.id)).run();
    // The files the person attached go with the account, images included.
    const removal = removeAttachmentsUploadedBy(tx, user.id, "account_deleted");
    recordEvent(tx, { type: "user.deleted", actorId: user.id, subject: { type: "user", id: user.id } });
    return removal;
  });
  // The files go once the rows' deletion is committed (a rollback keeps both).
  files.deleteFiles();
  releaseHeldUploadsOf(user.id);
  // secure_delete zeroed the old rows in the pages; the WAL still holds the pages as they were.
  checkpointAfterErasure(getDb());
}

/**
 * Retention: the text of irritants hidden for longer than `hiddenDays` is erased (the row stays, so counts and
 * links hold), and so is the name of a practitioner without an account on a report closed for as long; expired
 * sessions and used or expired e-mail links are deleted.
 */
export function applyRetention(hiddenDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - hiddenDays * 86_400_000).toISOString();
  const { attachmentFiles, ...result } = getDb().transaction((tx) => {
    // The name of a practitioner without an account, kept for the team to follow a collected report up: erased when
    // the report has been hidden for the period (with its text, below), or closed (resolved, not fixed, duplicate) and
    // unchanged for as long. The report stays, "recueilli par l'équipe", with no one named.
    const namesErased = tx
      .update(irritants)
      .set({ behalfName: null })
      .where(and(isNotNull(irritants.behalfName), or(lt(irritants.hiddenAt, cutoff), and(inArray(irritants.status, ["resolved", "wont_fix", "duplicate"]), lt(irritants.updatedAt, cutoff)))))
      .returning({ id: irritants.id })
      .all();
    for (const { id } of namesErased) recordEvent(tx, { type: "irritant.behalf_name_erased", actorId: null, subject: { type: "irritant", id }, payload: { reason: "retention" } });
    const expired = tx
      .select({ id: irritants.id, title: irritants.title, body: irritants.body })
      .from(irritants)
      .where(and(isNotNull(irritants.hiddenAt), lt(irritants.hiddenAt, cutoff), ne(irritants.body, "")))
      .all();
    for (const { id, title, body } of expired) {
      tx.update(irritants).set({ title: PURGED_TITLE, body: "", productVersion: null, behalfName: null }).where(eq(irritants.id, id)).run();
      // Notifications and e-mails quote the title: they lose it with the irritant.
      const ticketIds = tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.irritantId, id)).all();
      scrubPassageCopies(tx, [{ type: "irritant", id }, ...ticketIds.map((t) => ({ type: "ticket", id: t.id }))], [title, body].filter(Boolean), PURGED_TITLE);
      tx.delete(comments).where(eq(comments.irritantId, id)).run();
      unindexIrritant(tx, id);
      eraseMessagesAbout(tx, id);
      recordEvent(tx, { type: "irritant.purged", actorId: null, subject: { type: "irritant", id }, payload: { reason: "retention" } });
    }
    // Invitations of closed campaigns keep only what counts them: no draft, no invitee.
    const closedCampaigns = tx.select({ id: campaigns.id }).from(campaigns).where(inArray(campaigns.status, ["closed", "published"]));
    tx.update(invitations)
      .set({ draft: null, inviteeId: null })
      .where(and(inArray(invitations.campaignId, closedCampaigns), or(isNotNull(invitations.draft), isNotNull(invitations.inviteeId))))
      .run();
    // Drafts of signed-in participants that were never sent: the campaign is over, they never will be.
    tx.update(participations).set({ draft: null }).where(and(inArray(participations.campaignId, closedCampaigns), isNotNull(participations.draft))).run();
    // Account events are kept one year; the notification worker has long passed them.
    const cursor = tx.select({ last: eventCursors.lastEventId }).from(eventCursors).all().reduce((min, c) => Math.min(min, c.last), Number.MAX_SAFE_INTEGER);
    const eventsDeleted = tx
      .delete(events)
      .where(and(eq(events.subjectType, "user"), lt(events.createdAt, new Date(now.getTime() - 365 * 86_400_000).toISOString()), lte(events.id, cursor === Number.MAX_SAFE_INTEGER ? 0 : cursor)))
      .run().changes;
    const sessionsDeleted = tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run().changes;
    const linksDeleted = tx.delete(accountTokens).where(or(isNotNull(accountTokens.usedAt), lt(accountTokens.expiresAt, now.toISOString()))).run().changes;
    // Seminar registrations never confirmed: a name and an address nobody vouched for, erased once the link expired.
    const unconfirmedRegistrationsDeleted = tx
      .delete(seminarRegistrations)
      .where(and(isNull(seminarRegistrations.confirmedAt), lt(seminarRegistrations.confirmExpiresAt, now.toISOString())))
      .run().changes;
    // A sign-up e-mail carries the pending account (sealed) for an address that may never have one: it goes once its
    // link has expired.
    const signUpEmailsDeleted = tx
      .delete(outboxEmails)
      // The prefix as a range of the unique key (LIKE cannot use its index): no read of the whole outbox.
      .where(and(gte(outboxEmails.dedupeKey, "account:signup:"), lt(outboxEmails.dedupeKey, "account:signup;"), lt(outboxEmails.createdAt, new Date(now.getTime() - SIGN_UP_LINK_HOURS * 3_600_000).toISOString()), ne(outboxEmails.status, "sending")))
      .run().changes;
    // Hidden irritants keep no files (normally removed when hidden; this catches any left).
    const attachmentFiles = removeAttachmentsOfHiddenIrritants(tx);
    return { attachmentFiles, attachmentsRemoved: attachmentFiles.removed, irritantsErased: expired.length, behalfNamesErased: namesErased.length, sessionsDeleted, linksDeleted, eventsDeleted, unconfirmedRegistrationsDeleted, signUpEmailsDeleted };
  });
  attachmentFiles.deleteFiles();
  // secure_delete zeroed the old rows in the pages; the WAL still holds the pages as they were.
  checkpointAfterErasure(getDb());
  return result;
}

/**
 * Notifications and e-mails quote an irritant's title and link to its page: when its text is erased, those about
 * it lose their text too (e-mails not yet sent are dropped). Both are found by index — the notifications by a range
 * of their addresses, the e-mails by the pages they link to (`outbox_mentions`) — never by reading every message.
 */
function eraseMessagesAbout(tx: Tx, irritantId: number) {
  const page = `/signalements/${irritantId}`;
  // Every address starting with the page's sorts between it and the page's with its last digit raised ("…/13" → "…/14").
  const pastPrefix = `${page.slice(0, -1)}${String.fromCharCode(page.charCodeAt(page.length - 1) + 1)}`;
  tx.update(notifications)
    .set({ text: "Un signalement que vous suiviez a été masqué puis effacé." })
    // The page's address, or followed by something else than a digit (n°12 is not n°123).
    .where(and(gte(notifications.url, page), lt(notifications.url, pastPrefix), or(eq(notifications.url, page), sql`${notifications.url} glob ${`${page}[^0-9]*`}`)))
    .run();
  const citing = tx.select({ id: outboxMentions.outboxId }).from(outboxMentions).where(eq(outboxMentions.irritantId, irritantId));
  tx.delete(outboxEmails).where(and(inArray(outboxEmails.id, citing), inArray(outboxEmails.status, ["pending", "held"]))).run();
  tx.update(outboxEmails)
    .set({ subject: "Message effacé", text: "", html: "" })
    .where(and(inArray(outboxEmails.id, citing), notInArray(outboxEmails.status, ["pending", "held"])))
    .run();
}
