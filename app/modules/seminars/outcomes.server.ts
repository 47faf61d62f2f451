/** Outcomes (restitution's results), read: what came out of a seminar, and where an irritant or an action came from. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { actions, irritants, seminarOutcomes, seminars, workshopCards, workshopClusters, workshops } from "#db/schema";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { overdueOf } from "~/modules/action-plan/index.server";
import { isPubliclyVisible } from "~/modules/irritants/index.server";

/**
 * What came out of a seminar and what became of it: each irritant and action with its current status.
 * The public sees published, live irritants; the others are counted, not shown.
 */
export function listOutcomes(seminarId: number, viewer: SessionUser | null) {
  const db = getDb();
  const seesAll = can(viewer, "irritant:read-unpublished");
  const rows = db
    .select({ outcome: seminarOutcomes, workshopNumber: workshops.number, workshopTitle: workshops.title })
    .from(seminarOutcomes)
    .innerJoin(workshops, eq(workshops.id, seminarOutcomes.workshopId))
    .where(eq(seminarOutcomes.seminarId, seminarId))
    .orderBy(asc(workshops.number), asc(seminarOutcomes.id))
    .all();
  const irritantIds = rows.filter((r) => r.outcome.targetKind === "irritant").map((r) => r.outcome.targetId);
  const actionIds = rows.filter((r) => r.outcome.targetKind === "action").map((r) => r.outcome.targetId);
  const irritantRows = irritantIds.length
    ? db.select({ id: irritants.id, title: irritants.title, status: irritants.status, published: irritants.published, hiddenAt: irritants.hiddenAt, mergedIntoId: irritants.mergedIntoId, supportCount: irritants.supportCount }).from(irritants).where(inArray(irritants.id, irritantIds)).all()
    : [];
  const actionRows = actionIds.length ? db.select({ id: actions.id, title: actions.title, status: actions.status, deadlineLabel: actions.deadlineLabel, deadlineDue: actions.deadlineDue }).from(actions).where(inArray(actions.id, actionIds)).all() : [];
  const sourceTitles = sourceLabels(rows.map((r) => r.outcome));
  let hiddenIrritants = 0;
  const items = [];
  for (const { outcome: o, workshopNumber, workshopTitle } of rows) {
    const source = { kind: o.sourceKind, id: o.sourceId, label: sourceTitles.get(`${o.sourceKind}:${o.sourceId}`) ?? "" };
    if (o.targetKind === "irritant") {
      const i = irritantRows.find((r) => r.id === o.targetId);
      if (!i) continue;
      const visible = seesAll || isPubliclyVisible(i);
      if (!visible) {
        hiddenIrritants += 1;
        continue;
      }
      items.push({ id: o.id, workshopNumber, workshopTitle, source, kind: "irritant" as const, targetId: i.id, title: i.title, status: i.status, published: i.published, supportCount: i.supportCount, deadlineLabel: null, overdue: false, createdAt: o.createdAt });
    } else {
      const a = actionRows.find((r) => r.id === o.targetId);
      if (!a) continue;
      items.push({ id: o.id, workshopNumber, workshopTitle, source, kind: "action" as const, targetId: a.id, title: a.title, status: a.status, published: true, supportCount: 0, deadlineLabel: a.deadlineLabel, overdue: overdueOf(a), createdAt: o.createdAt });
    }
  }
  return { items, hiddenIrritants };
}

function sourceLabels(outcomes: { sourceKind: "card" | "cluster"; sourceId: number }[]) {
  const db = getDb();
  const cardIds = outcomes.filter((o) => o.sourceKind === "card").map((o) => o.sourceId);
  const clusterIds = outcomes.filter((o) => o.sourceKind === "cluster").map((o) => o.sourceId);
  const map = new Map<string, string>();
  if (cardIds.length) for (const c of db.select({ id: workshopCards.id, text: workshopCards.text }).from(workshopCards).where(inArray(workshopCards.id, cardIds)).all()) map.set(`card:${c.id}`, c.text);
  if (clusterIds.length) for (const c of db.select({ id: workshopClusters.id, title: workshopClusters.title }).from(workshopClusters).where(inArray(workshopClusters.id, clusterIds)).all()) map.set(`cluster:${c.id}`, c.title);
  return map;
}

/**
 * Where an irritant or an action came from, for its page: "issu de l'atelier 2 du séminaire du 20 novembre 2023".
 * The seminar's link is given only when its page is public (or to the team).
 */
export function originsOf(targetKind: "irritant" | "action", targetId: number, viewer: SessionUser | null) {
  const rows = getDb()
    .select({ number: workshops.number, workshopTitle: workshops.title, slug: seminars.slug, seminarId: seminars.id, title: seminars.title, date: seminars.date, published: seminars.published })
    .from(seminarOutcomes)
    .innerJoin(workshops, eq(workshops.id, seminarOutcomes.workshopId))
    .innerJoin(seminars, eq(seminars.id, seminarOutcomes.seminarId))
    .where(and(eq(seminarOutcomes.targetKind, targetKind), eq(seminarOutcomes.targetId, targetId)))
    .all();
  const team = can(viewer, "seminar:manage");
  return rows
    .filter((r) => r.published || team)
    .map((r) => ({ workshopNumber: r.number, workshopTitle: r.workshopTitle, seminarSlug: r.slug, seminarId: r.seminarId, seminarTitle: r.title, date: r.date, published: r.published }));
}
