import { laneOf } from "./statuses";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { comments, events, irritants, supports, themes, users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { readEvent } from "~/lib/event-catalogue";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { professionLabel } from "~/modules/accounts";
import { getIrritant, mergedInto } from "./irritants.server";
import { setFollow } from "~/modules/notifications/index.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { describeTimelineEvent, timelineEventTypes } from "./timeline";

/** The live irritant a person acts on: merged duplicates send the action to the irritant they joined. */
function actionableIrritant(user: SessionUser, id: number) {
  const target = mergedInto(user, id);
  return getIrritant(user, target ?? id);
}

/**
 * "Moi aussi": idempotent, one support per person (the author's own report already counts as theirs).
 * Keeps the supporter's profession and usual software for the statistics; patients are counted apart.
 */
export function supportIrritant(user: SessionUser, id: number) {
  if (!can(user, "irritant:file")) throw new HttpError(403, "Seuls les professionnels de santé et les patients peuvent soutenir un signalement.");
  const irritant = actionableIrritant(user, id);
  if (irritant.authorId === user.id) throw new HttpError(409, "Vous êtes l'auteur de ce signalement : il compte déjà pour vous.");
  return getDb().transaction((tx) => {
    const profile = tx
      .select({ profession: users.profession, productId: users.usualProductId, productVersion: users.usualProductVersion })
      .from(users)
      .where(eq(users.id, user.id))
      .get();
    const lane = laneOf(user);
    const inserted = tx
      .insert(supports)
      .values({ irritantId: irritant.id, userId: user.id, lane, profession: profile?.profession ?? null, productId: profile?.productId ?? null, productVersion: profile?.productVersion ?? null })
      .onConflictDoNothing()
      .run().changes;
    if (inserted) {
      tx.update(irritants)
        .set({
          supportCount: sql`${irritants.supportCount} + 1`,
          patientSupportCount: sql`${irritants.patientSupportCount} + ${lane === "patient" ? 1 : 0}`,
        })
        .where(eq(irritants.id, irritant.id))
        .run();
      setFollow(tx, user.id, "irritant", irritant.id, true);
      recordEvent(tx, { type: "irritant.supported", actorId: user.id, subject: { type: "irritant", id: irritant.id }, payload: { lane } });
    }
    const counts = tx.select({ supportCount: irritants.supportCount, patientSupportCount: irritants.patientSupportCount }).from(irritants).where(eq(irritants.id, irritant.id)).get()!;
    return { irritantId: irritant.id, created: inserted > 0, ...counts };
  });
}

/**
 * Withdraws the person's own support ("je ne le soutiens plus"): idempotent, and only ever their own row, so nobody
 * withdraws another person's support. They keep following the irritant until they unfollow it.
 */
export function withdrawSupport(user: SessionUser, id: number) {
  if (!can(user, "irritant:file")) throw new HttpError(403, "Seuls les professionnels de santé et les patients soutiennent un signalement.");
  const irritant = actionableIrritant(user, id);
  return getDb().transaction((tx) => {
    const removed = tx
      .delete(supports)
      .where(and(eq(supports.irritantId, irritant.id), eq(supports.userId, user.id)))
      .returning({ lane: supports.lane })
      .get();
    if (removed) {
      tx.update(irritants)
        .set({
          supportCount: sql`max(${irritants.supportCount} - 1, 0)`,
          patientSupportCount: sql`max(${irritants.patientSupportCount} - ${removed.lane === "patient" ? 1 : 0}, 0)`,
        })
        .where(eq(irritants.id, irritant.id))
        .run();
      recordEvent(tx, { type: "irritant.support_withdrawn", actorId: user.id, subject: { type: "irritant", id: irritant.id }, payload: { lane: removed.lane } });
    }
    const counts = tx.select({ supportCount: irritants.supportCount, patientSupportCount: irritants.patientSupportCount }).from(irritants).where(eq(irritants.id, irritant.id)).get()!;
    return { irritantId: irritant.id, withdrawn: !!removed, ...counts };
  });
}

export function hasSupported(userId: number, irritantId: number) {
  return !!getDb().select({ u: supports.userId }).from(supports).where(and(eq(supports.irritantId, irritantId), eq(supports.userId, userId))).get();
}

/** Supports by profession (professionals) and the patient count, for the irritant page and vendors. */
export function supportBreakdown(irritantId: number) {
  const rows = getDb()
    .select({ lane: supports.lane, profession: supports.profession, n: sql<number>`count(*)` })
    .from(supports)
    .where(eq(supports.irritantId, irritantId))
    .groupBy(supports.lane, supports.profession)
    .all();
  return rows
    .map((r) => ({ label: r.lane === "patient" ? "Patients" : (professionLabel(r.profession) ?? "Profession non précisée"), count: r.n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
}

export function followIrritant(user: SessionUser, id: number, follow: boolean) {
  const irritant = actionableIrritant(user, id);
  setFollow(getDb(), user.id, "irritant", irritant.id, follow);
  return { irritantId: irritant.id, following: follow };
}

export function addComment(user: SessionUser, id: number, body: string) {
  if (!can(user, "irritant:comment")) throw new HttpError(403, "Les éditeurs répondent depuis leurs tickets.");
  const irritant = actionableIrritant(user, id);
  const redacted = redactPatientIdentifiers(body);
  return getDb().transaction((tx) => {
    const row = tx.insert(comments).values({ irritantId: irritant.id, authorId: user.id, body: redacted.text }).returning({ id: comments.id }).get();
    recordEvent(tx, { type: "irritant.commented", actorId: user.id, subject: { type: "irritant", id: irritant.id }, payload: { commentId: row.id } });
    return { id: row.id, irritantId: irritant.id, redactions: redacted.redactions };
  });
}

/**
 * The comments as the public page shows them: the team speaks as "Équipe programme", so a team member's own name
 * never leaves the server (it would otherwise travel in the page's serialised data).
 */
export function listComments(irritantId: number) {
  return getDb()
    .select({ id: comments.id, body: comments.body, createdAt: comments.createdAt, authorName: users.displayName, authorRole: users.role })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.irritantId, irritantId), isNull(comments.hiddenAt)))
    .orderBy(asc(comments.id))
    .all()
    .map(({ authorName, authorRole, ...c }) => ({ ...c, author: authorRole === "team" || authorRole === "admin" ? TEAM_AUTHOR : authorName }));
}

/** How the team signs what it writes where the public reads. */
const TEAM_AUTHOR = "Équipe programme";

/** Every change of an irritant, newest first, told in French. Hiding and unpublishing are for the team's eyes. */
export function timeline(viewer: SessionUser | null, irritantId: number) {
  const types = timelineEventTypes(can(viewer, "irritant:read-unpublished") ? "team" : "public");
  const rows = getDb()
    .select()
    .from(events)
    .where(and(eq(events.subjectType, "irritant"), eq(events.subjectId, irritantId), inArray(events.type, types)))
    .orderBy(desc(events.id))
    .limit(100)
    .all();
  // Events keep theme slugs; the timeline shows their labels (read once, and only when an event names a theme).
  let labels: Map<string, string> | undefined;
  const themeLabel = (slug: string) => {
    labels ??= new Map(getDb().select({ slug: themes.slug, label: themes.label }).from(themes).all().map((t) => [t.slug, t.label]));
    return labels.get(slug) ?? slug;
  };
  return rows.flatMap((row) => {
    const event = readEvent(row);
    const text = event && describeTimelineEvent(event, themeLabel);
    return text ? [{ id: row.id, createdAt: row.createdAt, text }] : [];
  });
}
