import { and, asc, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { eventCursors, events, follows, irritants, notifications, supports, tickets, users } from "#db/schema";
import { STATUS_LABELS, type IrritantStatus } from "~/modules/irritants/statuses";
import { queueEmail } from "./mailer.server";

type EventRow = typeof events.$inferSelect;
type Delivery = { userIds: number[]; text: string; url: string };

const CURSOR = "in-app";

/** Reporter, supporters and followers of an irritant who may still see it (published, or their own). */
function irritantAudience(tx: Tx, irritantId: number): number[] {
  const irritant = tx.select({ authorId: irritants.authorId, published: irritants.published, hiddenAt: irritants.hiddenAt }).from(irritants).where(eq(irritants.id, irritantId)).get();
  if (!irritant) return [];
  if (!irritant.published || irritant.hiddenAt) return [irritant.authorId];
  const supporters = tx.select({ id: supports.userId }).from(supports).where(eq(supports.irritantId, irritantId)).all();
  const followers = tx
    .select({ id: follows.userId })
    .from(follows)
    .where(and(eq(follows.subjectType, "irritant"), eq(follows.subjectId, irritantId)))
    .all();
  return [irritant.authorId, ...supporters.map((s) => s.id), ...followers.map((f) => f.id)];
}

function irritantTitle(tx: Tx, irritantId: number) {
  return tx.select({ title: irritants.title }).from(irritants).where(eq(irritants.id, irritantId)).get()?.title ?? `n°${irritantId}`;
}

/**
 * Who is told about an event, and what. Permissions are decided here: internal notes reach nobody outside the
 * vendor and the team, and a ticket reaches only its vendor's members.
 */
export function deliveriesFor(tx: Tx, event: EventRow): Delivery[] {
  const p = event.payload as Record<string, unknown>;
  switch (event.type) {
    case "ticket.opened": {
      const members = tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, Number(p.vendorId)), eq(users.role, "vendor"))).all();
      return [{ userIds: members.map((m) => m.id), text: `Nouveau ticket : ${irritantTitle(tx, Number(p.irritantId))}`, url: `/editeur/tickets/${event.subjectId}` }];
    }
    case "ticket.replied":
    case "ticket.resolution_set": {
      const irritantId = Number(p.irritantId);
      const what = event.type === "ticket.replied" ? "L'éditeur a répondu" : "L'éditeur a indiqué une résolution";
      return [{ userIds: irritantAudience(tx, irritantId), text: `${what} : ${irritantTitle(tx, irritantId)}`, url: `/signalements/${irritantId}` }];
    }
    case "ticket.reopened": {
      const ticket = tx.select({ vendorId: tickets.vendorId }).from(tickets).where(eq(tickets.id, event.subjectId)).get();
      const members = ticket ? tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, ticket.vendorId), eq(users.role, "vendor"))).all() : [];
      return [{ userIds: members.map((m) => m.id), text: `Ticket rouvert : la correction ne règle pas le problème pour plusieurs personnes (${irritantTitle(tx, Number(p.irritantId))})`, url: `/editeur/tickets/${event.subjectId}` }];
    }
    case "irritant.status_changed":
    case "irritant.reopened": {
      const label = STATUS_LABELS[p.to as IrritantStatus] ?? String(p.to);
      return [{ userIds: irritantAudience(tx, event.subjectId), text: `${irritantTitle(tx, event.subjectId)} : ${label}`, url: `/signalements/${event.subjectId}` }];
    }
    case "irritant.merged":
      return [{ userIds: irritantAudience(tx, event.subjectId), text: `Votre signalement a été regroupé avec le n°${p.into}, qui décrit le même problème`, url: `/signalements/${p.into}` }];
    case "irritant.action_done":
      return [{ userIds: irritantAudience(tx, event.subjectId), text: `Action du plan réalisée pour « ${irritantTitle(tx, event.subjectId)} » : ${String(p.title ?? "")}`, url: `/plan-action/${p.actionId}` }];
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
          if (inserted) queueEmail(tx, { userId, eventId: event.id, text: delivery.text, url: delivery.url });
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

export function unreadCount(userId: number) {
  return getDb().select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()!.n;
}

/** The person's latest notifications; those shown are marked read. */
export function takeNotifications(userId: number, limit = 50) {
  const db = getDb();
  const rows = db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
  const unread = rows.filter((r) => !r.readAt).map((r) => r.id);
  if (unread.length) db.update(notifications).set({ readAt: new Date().toISOString() }).where(inArray(notifications.id, unread)).run();
  return rows.map((r) => ({ id: r.id, text: r.text, url: r.url, createdAt: r.createdAt, unread: !r.readAt }));
}

