/**
 * "Ce qui a changé depuis le point précédent" (pure): statuses of actions (their status at the previous point against
 * their status at this one), every deadline moved in between with the reason given, irritants received and resolved
 * in between, and indicator values for periods that became known in between. With no previous point, everything
 * up to the point's day counts, and statuses are compared with the one each action started with.
 */
import { type ActionHistory, type ActionStatus, actionAsOf } from "~/modules/action-plan";
import { inWindow, periodKnownBy } from "./as-of";

type ActionInput = Omit<ActionHistory, "deadlineChanges"> & {
  id: number;
  title: string;
  deadlineChanges: readonly { changedAt: string; fromLabel: string; toLabel: string; reason: string }[];
};
type IrritantInput = { id: number; title: string; at: string };
type IndicatorInput = { slug: string; title: string; unit: string; values: readonly { period: string; dimension: string; value: number }[] };

export type Change =
  | { kind: "status"; actionId: number; title: string; from: ActionStatus | null; to: ActionStatus }
  | { kind: "deadline"; actionId: number; title: string; from: string; to: string; reason: string; date: string }
  | { kind: "irritant-new" | "irritant-resolved"; irritantId: number; title: string; date: string }
  | { kind: "figure"; slug: string; title: string; unit: string; period: string; value: number; periods: number };

export type ChangeInput = {
  since: string | null;
  day: string;
  actions: readonly ActionInput[];
  received: readonly IrritantInput[];
  resolved: readonly IrritantInput[];
  indicators: readonly IndicatorInput[];
};

function statusAtStart(a: ActionInput): ActionStatus {
  const first = [...a.statusChanges].sort((x, y) => x.changedAt.localeCompare(y.changedAt))[0];
  return first ? first.fromStatus : a.status;
}

/** The change list, in a stable order: statuses, deadlines (by date), irritants received, resolved, then figures. */
export function changeList({ since, day, actions, received, resolved, indicators }: ChangeInput): Change[] {
  const changes: Change[] = [];
  for (const a of actions) {
    const now = actionAsOf(a, day);
    if (!now.existed) continue;
    const before = since === null ? { existed: true, status: statusAtStart(a) } : actionAsOf(a, since);
    if (!before.existed) changes.push({ kind: "status", actionId: a.id, title: a.title, from: null, to: now.status });
    else if (before.status !== now.status) changes.push({ kind: "status", actionId: a.id, title: a.title, from: before.status, to: now.status });
  }
  const moved = actions
    .flatMap((a) => a.deadlineChanges.filter((c) => inWindow(c.changedAt, since, day)).map((c) => ({ a, c })))
    .sort((x, y) => x.c.changedAt.localeCompare(y.c.changedAt) || x.a.id - y.a.id);
  for (const { a, c } of moved) changes.push({ kind: "deadline", actionId: a.id, title: a.title, from: c.fromLabel, to: c.toLabel, reason: c.reason, date: c.changedAt.slice(0, 10) });
  const irritants = (kind: "irritant-new" | "irritant-resolved", list: readonly IrritantInput[]) =>
    [...list]
      .filter((i) => inWindow(i.at, since, day))
      .sort((x, y) => x.at.localeCompare(y.at) || x.id - y.id)
      .map((i) => ({ kind, irritantId: i.id, title: i.title, date: i.at.slice(0, 10) }));
  changes.push(...irritants("irritant-new", received), ...irritants("irritant-resolved", resolved));
  for (const ind of indicators) {
    const fresh = [...new Set(ind.values.map((v) => v.period))].filter((p) => p !== "" && periodKnownBy(p, day) && (since === null || !periodKnownBy(p, since))).sort();
    const last = fresh.at(-1);
    if (!last) continue;
    const value = ind.values.filter((v) => v.period === last).reduce((sum, v) => sum + v.value, 0);
    changes.push({ kind: "figure", slug: ind.slug, title: ind.title, unit: ind.unit, period: last, value: Math.round(value * 1000) / 1000, periods: fresh.length });
  }
  return changes;
}
