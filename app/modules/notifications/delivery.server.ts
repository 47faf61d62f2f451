import { and, asc, count, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, preparedQuery, type Tx } from "#db/client";
import { actionIrritants, actions, campaigns, eventCursors, events, invitations, irritants, notifications, progressUpdates, progressUpdateThemes, tickets, users } from "#db/schema";
import { formatDate } from "~/lib/dates";
import { STATUS_LABELS, type IrritantStatus } from "~/modules/irritants/statuses";
import { emailedInvitationToken } from "~/modules/surveys/campaigns.server";
import { followersOf, type FollowSubjectType } from "./follows.server";
import type { NotificationKind } from "./kinds";
import { queueNotificationEmail } from "./mailer.server";

type EventRow = typeof events.$inferSelect;
type Delivery = { userIds: number[]; kind: NotificationKind; text: string; url: string; followed?: { type: FollowSubjectType; id: number } };

const CURSOR = "in-app";

/**
 * Followers of an irritant (its reporter and supporters follow it from the start) who may still see it: everyone
 * while it is published, only its author otherwise.
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

/** One delivery per e-mailed invitee, each with their own invitation link. */
function invitationDeliveries(tx: Tx, event: EventRow, reminder: boolean): Delivery[] {
  const payload = event.payload as { invitationIds?: number[]; remindedAt?: string };
  // A reminder event names no invitation (the journal must not say who is pending): its recipients are the invitations
  // marked with its time.
  const ids =
    reminder && typeof payload.remindedAt === "string"
      ? tx.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.campaignId, event.subjectId), eq(invitations.remindedAt, payload.remindedAt))).all().map((r) => r.id)
      : (payload.invitationIds ?? []).filter(Number.isInteger);
  const campaign = tx.select({ slug: campaigns.slug, title: campaigns.title, closesOn: campaigns.closesOn, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, event.subjectId)).get();
  if (!campaign || campaign.status !== "open" || !ids.length) return [];
  const rows = tx.select({ id: invitations.id, inviteeId: invitations.inviteeId, usedOn: invitations.usedOn }).from(invitations).where(inArray(invitations.id, ids)).all();
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

/**
 * Who is told about an event, and what. Permissions are decided here: internal notes reach nobody outside the
 * vendor and the team, a ticket reaches only its vendor's members, and an unpublished irritant only its author.
 */
function deliveriesFor(tx: Tx, event: EventRow): Delivery[] {
  const p = event.payload as Record<string, unknown>;
  switch (event.type) {
    case "ticket.opened":
      return [{ userIds: vendorMembers(tx, Number(p.vendorId)), kind: "ticket", text: `Nouveau ticket : ${irritantTitle(tx, Number(p.irritantId))}`, url: `/editeur/tickets/${event.subjectId}` }];
    case "ticket.reopened": {
      const ticket = tx.select({ vendorId: tickets.vendorId }).from(tickets).where(eq(tickets.id, event.subjectId)).get();
      return [
        {
          userIds: ticket ? vendorMembers(tx, ticket.vendorId) : [],
          kind: "ticket",
          text: `Ticket rouvert : la correction ne règle pas le problème pour plusieurs personnes (${irritantTitle(tx, Number(p.irritantId))})`,
          url: `/editeur/tickets/${event.subjectId}`,
        },
      ];
    }
    case "ticket.replied":
    case "ticket.resolution_set": {
      const irritantId = Number(p.irritantId);
      const title = irritantTitle(tx, irritantId);
      const followed = { type: "irritant" as const, id: irritantId };
      const userIds = irritantAudience(tx, irritantId);
      if (event.type === "ticket.resolution_set" && p.resolution === "fixed") {
        return [{ userIds, kind: "fix_check", text: `L'éditeur indique avoir corrigé « ${title} » : est-ce corrigé pour vous ? Répondez sur la page du signalement`, url: `/signalements/${irritantId}`, followed }];
      }
      const what = event.type === "ticket.replied" ? "L'éditeur a répondu" : "L'éditeur a indiqué une résolution";
      return [{ userIds, kind: "reply", text: `${what} : ${title}`, url: `/signalements/${irritantId}`, followed }];
    }
    case "irritant.status_changed":
    case "irritant.reopened": {
      const label = STATUS_LABELS[p.to as IrritantStatus] ?? String(p.to);
      return [{ userIds: irritantAudience(tx, event.subjectId), kind: "irritant_status", text: `${irritantTitle(tx, event.subjectId)} : ${label}`, url: `/signalements/${event.subjectId}`, followed: { type: "irritant", id: event.subjectId } }];
    }
    case "irritant.merged":
      return [
        {
          userIds: irritantAudience(tx, event.subjectId),
          kind: "irritant_status",
          text: `Votre signalement a été regroupé avec le n°${p.into}, qui décrit le même problème`,
          url: `/signalements/${p.into}`,
          followed: { type: "irritant", id: Number(p.into) },
        },
      ];
    case "action.done": {
      const title = tx.select({ title: actions.title }).from(actions).where(eq(actions.id, event.subjectId)).get()?.title ?? "";
      return actionDeliveries(tx, event.subjectId, `Action du plan réalisée : ${title}`);
    }
    case "action.deadline_changed": {
      const title = tx.select({ title: actions.title }).from(actions).where(eq(actions.id, event.subjectId)).get()?.title ?? "";
      return actionDeliveries(tx, event.subjectId, `Échéance déplacée pour « ${title} » : ${String(p.from || "non fixée")} → ${String(p.to || "non fixée")}`);
    }
    case "progress_update.published": {
      // Told once, at the first publication: unpublishing to mend a typo and publishing again is not news.
      const earlier = tx
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.type, "progress_update.published"), eq(events.subjectType, "progress_update"), eq(events.subjectId, event.subjectId), lt(events.id, event.id)))
        .get();
      if (earlier) return [];
      const update = tx.select({ title: progressUpdates.title, slug: progressUpdates.slug, status: progressUpdates.status }).from(progressUpdates).where(eq(progressUpdates.id, event.subjectId)).get();
      if (!update || update.status !== "published") return [];
      const themeIds = tx.select({ id: progressUpdateThemes.themeId }).from(progressUpdateThemes).where(eq(progressUpdateThemes.updateId, event.subjectId)).all();
      return themeIds.map((t) => ({ userIds: followersOf(tx, "theme", t.id), kind: "progress" as const, text: `Nouveau point d'étape : ${update.title}`, url: `/points-etape/${update.slug}`, followed: { type: "theme" as const, id: t.id } }));
    }
    case "campaign.invitations_emailed":
      return invitationDeliveries(tx, event, false);
    case "campaign.reminder_sent":
      return invitationDeliveries(tx, event, true);
    default:
      return [];
  }
}

/**
 * Reads the events after the cursor, writes the in-app notifications and moves the cursor, all in one
 * transaction: after a crash the batch is either fully done or done again, and the unique index prevents doubles.
 */
export function deliverPendingEvents(batchSize = 200) {
  return getDb().transaction((tx) => {
    const cursor = tx.select().from(eventCursors).where(eq(eventCursors.name, CURSOR)).get()?.lastEventId ?? 0;
    const batch = tx.select().from(events).where(gt(events.id, cursor)).orderBy(asc(events.id)).limit(batchSize).all();
    let written = 0;
    for (const event of batch) {
      for (const delivery of deliveriesFor(tx, event)) {
        for (const userId of new Set(delivery.userIds)) {
          if (userId === event.actorId) continue; // nobody is told about their own action
          const inserted = tx.insert(notifications).values({ userId, eventId: event.id, text: delivery.text, url: delivery.url }).onConflictDoNothing().run().changes;
          if (inserted) queueNotificationEmail(tx, { userId, eventId: event.id, kind: delivery.kind, text: delivery.text, url: delivery.url, followed: delivery.followed });
          written += inserted;
        }
      }
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

