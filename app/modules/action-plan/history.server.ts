import { asc } from "drizzle-orm";
import { getDb } from "#db/client";
import { actionStatusChanges, actions, deadlineChanges } from "#db/schema";

/**
 * Every action with its histories of status and deadline changes (each deadline change with the reason given), for
 * reading the plan as of past days and listing what changed between two of them. Three queries.
 */
export function planHistories() {
  const db = getDb();
  const rows = db
    .select({ id: actions.id, title: actions.title, createdAt: actions.createdAt, status: actions.status, deadlineLabel: actions.deadlineLabel })
    .from(actions)
    .orderBy(asc(actions.id))
    .all();
  const statuses = db
    .select({ actionId: actionStatusChanges.actionId, changedAt: actionStatusChanges.changedAt, fromStatus: actionStatusChanges.fromStatus, toStatus: actionStatusChanges.toStatus })
    .from(actionStatusChanges)
    .orderBy(asc(actionStatusChanges.id))
    .all();
  const deadlines = db
    .select({ actionId: deadlineChanges.actionId, changedAt: deadlineChanges.changedAt, fromLabel: deadlineChanges.fromLabel, toLabel: deadlineChanges.toLabel, reason: deadlineChanges.reason })
    .from(deadlineChanges)
    .orderBy(asc(deadlineChanges.id))
    .all();
  return rows.map((a) => ({
    ...a,
    statusChanges: statuses.filter((s) => s.actionId === a.id).map(({ actionId: _, ...s }) => s),
    deadlineChanges: deadlines.filter((d) => d.actionId === a.id).map(({ actionId: _, ...d }) => d),
  }));
}
