import { and, asc, count, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, preparedQuery, type Tx } from "#db/client";
import { actionIrritants, actions, campaigns, eventCursors, events, invitations, irritants, notifications, progressUpdates, progressUpdateThemes, tickets, users } from "#db/schema";
import { formatDate } from "~/lib/dates";
import { readEvent, type CatalogueEvent, type EventType } from "~/lib/event-catalogue";
import { STATUS_LABELS, type IrritantStatus } from "~/modules/irritants";
import { emailedInvitationToken } from "~/modules/surveys/index.server";
import { announcementText, announcementUrl, getAnnouncementForDelivery, vendorGroupMembers } from "~/modules/vendors/index.server";
import { followersOf, type FollowSubjectType } from "./follows.server";
import type { NotificationKind } from "./kinds";
import { queueNotificationEmails, type NotificationEmail } from "./emails.server";
import { plural } from "~/lib/text/plural";

type EventRow = typeof events.$inferSelect;
type Delivery = { userIds: number[]; kind: NotificationKind; text: string; url: string; followed?: { type: FollowSubjectType; id: number } };

const CURSOR = "in-app";

/**
 * Followers of an irritant (its reporter and supporters follow it from the start) who may still see it: everyone
 * while it is published, only its author otherwise. Unlike "publicly visible", a merged duplicate keeps its
 * audience: they are told of the merge, and its page leads to the irritant it joined.
 */
function irritantAudience(tx: Tx, irritantId: number): number[] {
  const irritant = tx.select({ authorId: irritants.authorId, published: irritants.published, hiddenAt: irritants.hiddenAt }).from(irritants).where(eq(irritants.id, irritantId)).get();
  if (!irritant) return [];
  const followers = followersOf(tx, "irritant", irritantId);
  return !irritant.published || irritant.hiddenAt ? followers.filter((id) => id === irritant.authorId) : followers;
}

function irritantTitle(tx: Tx, irritantId: number) {
  return tx.select({ title: irritants.title }).from(irritants).where(eq(irritants.id, irritantId)).get()?.title ?? `n°${irritantId}`;
}

function vendorMembers(tx: Tx, vendorId: number) {
  return tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, vendorId), eq(users.role, "vendor"))).all().map((m) => m.id);
}

/** Followers of an action, then the audiences of the irritants it answers (each told once, by the first). */
function actionDeliveries(tx: Tx, actionId: number, text: string): Delivery[] {
  const url = `/plan-action/${actionId}`;
  const linked = tx.select({ irritantId: actionIrritants.irritantId }).from(actionIrritants).where(eq(actionIrritants.actionId, actionId)).all();
  return [
    { userIds: followersOf(tx, "action", actionId), kind: "action", text, url, followed: { type: "action", id: actionId } },
    ...linked.map((l) => ({ userIds: irritantAudience(tx, l.irritantId), kind: "action" as const, text, url, followed: { type: "irritant" as const, id: l.irritantId } })),
  ];
}

/** One delivery per e-mailed invitee, each with their own invitation link, while the campaign is open. */
function invitationDeliveries(tx: Tx, campaignId: number, invitationIds: number[], reminder: boolean): Delivery[] {
  const campaign = tx.select({ slug: campaigns.slug, title: campaigns.title, closesOn: campaigns.closesOn, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign || campaign.status !== "open" || !invitationIds.length) return [];
  const rows = tx.select({ id: invitations.id, inviteeId: invitations.inviteeId, usedOn: invitations.usedOn }).from(invitations).where(inArray(invitations.id, invitationIds)).all();
  return rows
    .filter((r) => r.inviteeId !== null && !r.usedOn)
    .map((r) => ({
      userIds: [r.inviteeId!],
      kind: "survey" as const,
      text: reminder
        ? `Rappel : votre avis compte pour l'enquête « ${campaign.title} », ouverte jusqu'au ${formatDate(campaign.closesOn)}`
        : `Vous êtes invité à répondre à l'enquête « ${campaign.title} » (jusqu'au ${formatDate(campaign.closesOn)}) ; vos réponses sont anonymes`,
      url: `/enquetes/${campaign.slug}?jeton=${emailedInvitationToken(r.id)}`,
    }));
}

/** What the irritant's audience is told when the vendor answers on its ticket. */
function vendorAnswerDeliveries(tx: Tx, irritantId: number, what: string): Delivery[] {
  return [{ userIds: irritantAudience(tx, irritantId), kind: "reply", text: `${what} : ${irritantTitle(tx, irritantId)}`, url: `/signalements/${irritantId}`, followed: { type: "irritant", id: irritantId } }];
}

function irritantStatusDeliveries(tx: Tx, irritantId: number, to: string): Delivery[] {
  const label = STATUS_LABELS[to as IrritantStatus] ?? to;
  return [{ userIds: irritantAudience(tx, irritantId), kind: "irritant_status", text: `${irritantTitle(tx, irritantId)} : ${label}`, url: `/signalements/${irritantId}`, followed: { type: "irritant", id: irritantId } }];
}

function actionTitle(tx: Tx, actionId: number) {
  return tx.select({ title: actions.title }).from(actions).where(eq(actions.id, actionId)).get()?.title ?? "";
}

type EventOf<T extends EventType> = Extract<CatalogueEvent, { type: T }>;
type Rule<T extends EventType> = (tx: Tx, event: EventOf<T>) => Delivery[];

/**
 * Who is told about each event type, and what; null when nobody is. Permissions are decided here: internal notes
 * reach nobody outside the vendor and the team, a ticket reaches only its vendor's members, and an unpublished
 * irritant only its author. Every catalogue type is listed, so a new event type fails tsc until it is decided here.
 */
export const NOTIFICATION_RULES: { [T in EventType]: Rule<T> | null } = {
  "irritant.filed": null,
  // The practitioner a report was collected from, when it is filed in their name (their account), is told.
  "irritant.collected": (tx, e) =>
    e.payload.account
      ? [{ userIds: irritantAudience(tx, e.subjectId), kind: "irritant_status", text: `L'équipe du programme a déposé un signalement en votre nom : ${irritantTitle(tx, e.subjectId)}`, url: `/signalements/${e.subjectId}`, followed: { type: "irritant", id: e.subjectId } }]
      : [],
  "irritant_import.done": null,
  "irritant.supported": null,
  "irritant.support_withdrawn": null, // a person's own choice: nobody else is told
  "irritant.commented": null,
  "irritant.status_changed": (tx, e) => irritantStatusDeliveries(tx, e.subjectId, e.payload.to),
  "irritant.reopened": (tx, e) => irritantStatusDeliveries(tx, e.subjectId, e.payload.to),
  "irritant.published": null,
  "irritant.unpublished": null,
  "irritant.hidden": null,
  "irritant.unhidden": null,
  "irritant.merged": (tx, e) => [
    {
      userIds: irritantAudience(tx, e.subjectId),
      kind: "irritant_status",
      text: `Votre signalement a été regroupé avec le n°${e.payload.into}, qui décrit le même problème`,
      url: `/signalements/${e.payload.into}`,
      followed: { type: "irritant", id: e.payload.into },
    },
  ],
  "irritant.duplicate_absorbed": null,
  "irritant.themes_confirmed": null,
  "irritant.action_done": null, // its followers are told by the action's own event (action.done)
  "irritant.purged": null,
  "irritant.passage_masked": null,
  "attachment.uploaded": null,
  "attachment.approved": null,
  "attachment.covered": null,
  "attachment.removed": null,
  "ticket.opened": (tx, e) => [{ userIds: vendorMembers(tx, e.payload.vendorId), kind: "ticket", text: `Nouveau ticket : ${irritantTitle(tx, e.payload.irritantId)}`, url: `/editeur/tickets/${e.subjectId}` }],
  "ticket.acknowledged": null,
  "ticket.replied": (tx, e) => vendorAnswerDeliveries(tx, e.payload.irritantId, "L'éditeur a répondu"),
  "ticket.internal_note": null, // for the vendor and the team only
  "ticket.resolution_set": (tx, e) => {
    const irritantId = e.payload.irritantId;
    if (e.payload.resolution !== "fixed") return vendorAnswerDeliveries(tx, irritantId, "L'éditeur a indiqué une résolution");
    const text = `L'éditeur indique avoir corrigé « ${irritantTitle(tx, irritantId)} » : est-ce corrigé pour vous ? Répondez sur la page du signalement`;
    return [{ userIds: irritantAudience(tx, irritantId), kind: "fix_check", text, url: `/signalements/${irritantId}`, followed: { type: "irritant", id: irritantId } }];
  },
  "ticket.fix_answered": null,
  "ticket.reopened": (tx, e) => {
    const ticket = tx.select({ vendorId: tickets.vendorId }).from(tickets).where(eq(tickets.id, e.subjectId)).get();
    return [
      {
        userIds: ticket ? vendorMembers(tx, ticket.vendorId) : [],
        kind: "ticket",
        text: `Ticket rouvert : la correction ne règle pas le problème pour plusieurs personnes (${irritantTitle(tx, e.payload.irritantId)})`,
        url: `/editeur/tickets/${e.subjectId}`,
      },
    ];
  },
  "ticket.reassigned": null,
  "ticket.closed": null,
  "ticket.passage_masked": null,
  "action.created": null,
  "action.updated": null,
  "action.deadline_changed": (tx, e) =>
    actionDeliveries(tx, e.subjectId, `Échéance déplacée pour « ${actionTitle(tx, e.subjectId)} » : ${e.payload.from || "non fixée"} → ${e.payload.to || "non fixée"}`),
  "action.status_changed": null,
  "action.done": (tx, e) => actionDeliveries(tx, e.subjectId, `Action du plan réalisée : ${actionTitle(tx, e.subjectId)}`),
  "action.note_added": null,
  "action.moved": null,
  "action.steps_updated": null,
  // Only the responsible person, on the team's editor page: a reminder to give news of the status.
  "action.status_stale": (tx, e) => [
    {
      userIds: [e.payload.responsibleId],
      kind: "action",
      text: `Statut à mettre à jour : « ${actionTitle(tx, e.subjectId)} » n'a pas eu de nouvelles depuis ${e.payload.weeks} ${plural(e.payload.weeks, "semaine", "semaines")} ou plus`,
      url: `/equipe/plan-action/${e.subjectId}`,
    },
  ],
  "action_plan.imported": null,
  "workstream.created": null,
  "challenge.created": null,
  "obligation.created": null,
  "obligation.updated": null,
  "obligation.linked": null,
  "obligation.unlinked": null,
  "campaign.created": null,
  "campaign.open": null,
  "campaign.closed": null,
  "campaign.published": null,
  "campaign.invitations_created": null,
  "campaign.invitations_emailed": (tx, e) => invitationDeliveries(tx, e.subjectId, e.payload.invitationIds, false),
  // A reminder event names no invitation (the journal must not say who is pending): its recipients are the
  // invitations marked with its time.
  "campaign.text_tagged": null,
  // The members of the groups' vendors when it is delivered (right after sending), each told once.
  "announcement.sent": (tx, e) => {
    const announcement = getAnnouncementForDelivery(tx, e.subjectId);
    if (!announcement) return [];
    return [{ userIds: vendorGroupMembers(tx, announcement.groups).map((m) => m.id), kind: "announcement", text: announcementText(announcement.title), url: announcementUrl(announcement.id) }];
  },
  "campaign.reminder_sent": (tx, e) => {
    const reminded = tx.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.campaignId, e.subjectId), eq(invitations.remindedAt, e.payload.remindedAt))).all();
    return invitationDeliveries(tx, e.subjectId, reminded.map((r) => r.id), true);
  },
  "questionnaire.version_created": null,
  "progress_update.created": null,
  "progress_update.edited": null,
  "progress_update.published": (tx, e) => {
    // Told once, at the first publication: unpublishing to mend a typo and publishing again is not news.
    const earlier = tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.type, "progress_update.published"), eq(events.subjectType, "progress_update"), eq(events.subjectId, e.subjectId), lt(events.id, e.id)))
      .get();
    if (earlier) return [];
    const update = tx.select({ title: progressUpdates.title, slug: progressUpdates.slug, status: progressUpdates.status }).from(progressUpdates).where(eq(progressUpdates.id, e.subjectId)).get();
    if (!update || update.status !== "published") return [];
    const themeIds = tx.select({ id: progressUpdateThemes.themeId }).from(progressUpdateThemes).where(eq(progressUpdateThemes.updateId, e.subjectId)).all();
    return themeIds.map((t) => ({ userIds: followersOf(tx, "theme", t.id), kind: "progress" as const, text: `Nouveau point d'étape : ${update.title}`, url: `/points-etape/${update.slug}`, followed: { type: "theme" as const, id: t.id } }));
  },
  "progress_update.unpublished": null,
  "progress_update.blocks_edited": null,
  "indicator.created": null,
  "indicator.values_imported": null,
  "theme.created": null,
  "theme.updated": null,
  "vocabulary.group_created": null,
  "vocabulary.group_updated": null,
  "vocabulary.group_deleted": null,
  "vocabulary.reindex_started": null,
  "theme_resource.added": null,
  "theme_resource.removed": null,
  "theme_resource.updated": null,
  "product.created": null,
  "product.updated": null,
  "vendor.created": null,
  "settings.updated": null,
  "user.created": null,
  "user.psc_linked": null,
  "user.signed_in": null,
  "user.signin_failed": null,
  "user.signin_locked": null,
  "user.signup_attempted": null,
  "user.profile_updated": null,
  "user.password_changed": null,
  "user.password_reset_requested": null,
  "user.password_reset": null,
  "user.email_confirmed": null,
  "user.notification_preferences_changed": null,
  "user.unsubscribed": null,
  "user.disabled": null,
  "user.enabled": null,
  "user.sessions_revoked": null,
  "user.deleted": null,
  "user.data_exported": null,
  "api_token.created": null,
  "api_token.revoked": null,
  "seminar.created": null,
  "seminar.updated": null,
  "seminar.slot_added": null,
  "seminar.slot_moved": null,
  "seminar.slot_removed": null,
  "seminar.registration_requested": null,
  "seminar.registered": null,
  "seminar.registration_removed": null,
  "seminar.verbatim_added": null,
  "seminar.verbatim_published": null,
  "seminar.verbatim_unpublished": null,
  "seminar.verbatim_removed": null,
  "seminar.feedback_saved": null,
  "seminar.outcome_created": null,
  "workshop.created": null,
  "workshop.updated": null,
  "workshop.code_renewed": null,
  "workshop.status_changed": null,
  "workshop.card_posted": null,
  "workshop.card_moved": null,
  "workshop.card_hidden": null,
  "workshop.card_shown": null,
  "workshop.cluster_created": null,
  "workshop.cluster_renamed": null,
  "workshop.vote_opened": null,
  "workshop.vote_closed": null,
  "workshop.vote_cast": null,
  "workshop.vote_removed": null,
  "workshop.passage_masked": null,
};

/** The deliveries of one stored event; none for a type or payload the catalogue no longer knows (old rows). */
function deliveriesFor(tx: Tx, row: EventRow): Delivery[] {
  const event = readEvent(row);
  if (!event) return [];
  // Each rule takes its own type's event: the lookup by the event's own type keeps them matched.
  const rule = NOTIFICATION_RULES[event.type] as Rule<EventType> | null;
  return rule ? rule(tx, event) : [];
}

/**
 * The events of one change: a transaction's events have consecutive ids (SQLite writes one transaction at a time),
 * one actor and the same moment to the millisecond (recordEvent stamps each transaction apart). Its notifications
 * reach each person in one e-mail.
 */
function groupChanges(batch: EventRow[]): EventRow[][] {
  const groups: EventRow[][] = [];
  for (const event of batch) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && last.id === event.id - 1 && last.actorId === event.actorId && last.createdAt === event.createdAt) group.push(event);
    else groups.push([event]);
  }
  return groups;
}

/**
 * Reads the events after the cursor, writes the in-app notifications (one per event) and the e-mails (one per
 * change and person) and moves the cursor, all in one transaction: after a crash the batch is either fully done or
 * done again, and the unique indexes prevent doubles.
 */
export function deliverPendingEvents(batchSize = 200) {
  return getDb().transaction((tx) => {
    const cursor = tx.select().from(eventCursors).where(eq(eventCursors.name, CURSOR)).get()?.lastEventId ?? 0;
    const read = tx.select().from(events).where(gt(events.id, cursor)).orderBy(asc(events.id)).limit(batchSize).all();
    let groups = groupChanges(read);
    // A full batch may have cut its last change in two: that change waits for the next batch, whole.
    if (read.length === batchSize && groups.length > 1) groups = groups.slice(0, -1);
    const batch = groups.flat();
    let written = 0;
    for (const group of groups) {
      const emails = new Map<number, NotificationEmail[]>();
      for (const event of group) {
        for (const delivery of deliveriesFor(tx, event)) {
          for (const userId of new Set(delivery.userIds)) {
            if (userId === event.actorId) continue; // nobody is told about their own action
            const inserted = tx.insert(notifications).values({ userId, eventId: event.id, text: delivery.text, url: delivery.url }).onConflictDoNothing().run().changes;
            if (inserted) emails.set(userId, [...(emails.get(userId) ?? []), { userId, eventId: event.id, kind: delivery.kind, text: delivery.text, url: delivery.url, followed: delivery.followed }]);
            written += inserted;
          }
        }
      }
      for (const [userId, items] of emails) queueNotificationEmails(tx, userId, items);
    }
    if (batch.length) {
      const last = batch[batch.length - 1].id;
      tx.insert(eventCursors).values({ name: CURSOR, lastEventId: last }).onConflictDoUpdate({ target: eventCursors.name, set: { lastEventId: last } }).run();
    }
    return { events: batch.length, written };
  });
}

// Shown in the header of every page a signed-in person opens.
const unreadQuery = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare(),
);

export function unreadCount(userId: number) {
  return unreadQuery().get({ userId })!.n;
}

/** The person's latest notifications; those shown are marked read. */
export function takeNotifications(userId: number, limit = 50) {
  const db = getDb();
  const rows = db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
  const unread = rows.filter((r) => !r.readAt).map((r) => r.id);
  if (unread.length) db.update(notifications).set({ readAt: new Date().toISOString() }).where(inArray(notifications.id, unread)).run();
  return rows.map((r) => ({ id: r.id, text: r.text, url: r.url, createdAt: r.createdAt, unread: !r.readAt }));
}

