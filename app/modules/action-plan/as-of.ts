/**
 * An action as it stood on a given day: its status and deadline then, and whether it was late then ("en retard").
 * Pure: it reads the action's current values and its histories of status and deadline changes, and undoes, newest
 * first, every change made after the day. A day is a calendar date "YYYY-MM-DD" and covers all of it: a change made
 * on the day counts (timestamps are compared by their UTC date). Points d'étape and `?au=` use it, so that the plan
 * of 11 January 2024 shows the deck's lateness, not today's.
 */
import { isOverdue, parseFuzzyDeadline, type ParsedDeadline } from "./deadlines";
import type { ActionStatus } from "./vocabulary";
import { plural } from "~/lib/text/plural";

type StatusChange = { changedAt: string; fromStatus: ActionStatus; toStatus: ActionStatus };
type DeadlineChange = { changedAt: string; fromLabel: string; toLabel: string };

export type ActionHistory = {
  createdAt: string;
  status: ActionStatus;
  deadlineLabel: string;
  statusChanges: readonly StatusChange[];
  deadlineChanges: readonly DeadlineChange[];
};

export type ActionAsOf = {
  /** False when the action was created after the day: it was not in the plan yet. */
  existed: boolean;
  status: ActionStatus;
  deadline: ParsedDeadline;
  overdue: boolean;
};

const RE_DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/** True when `day` is a real calendar date written "YYYY-MM-DD". */
export function isCalendarDay(day: string): boolean {
  if (typeof day !== "string" || !RE_DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The value a history held at the end of `day`: the `from` of the first change made after it, else the current one. */
function valueAsOf<C extends { changedAt: string }, V>(current: V, changes: readonly C[], day: string, from: (c: C) => V): V {
  const later = changes.filter((c) => dayOf(c.changedAt) > day).sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  return later.length ? from(later[0]) : current;
}

/**
 * Deadline labels parsed once per process: every view of the plan reads the same few dozen labels, and parsing one
 * takes tens of microseconds (issue 21: a tenth of the plan editor's loader). Bounded; the parse is pure.
 */
const parsedLabels = new Map<string, ParsedDeadline>();
function parsedDeadline(label: string): ParsedDeadline {
  let parsed = parsedLabels.get(label);
  if (parsed === undefined) {
    if (parsedLabels.size >= 2_000) parsedLabels.clear();
    parsedLabels.set(label, (parsed = parseFuzzyDeadline(label)));
  }
  return parsed;
}

/**
 * The action as of the end of `day`. Done and abandoned actions are never late; an ongoing or unparsed deadline never
 * makes one late; the due day itself is not late. An invalid `day` throws (the caller validates it first).
 */
export function actionAsOf(action: ActionHistory, day: string): ActionAsOf {
  if (!isCalendarDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
  const status = valueAsOf(action.status, action.statusChanges, day, (c) => c.fromStatus);
  const label = valueAsOf(action.deadlineLabel, action.deadlineChanges, day, (c) => c.fromLabel);
  const deadline = parsedDeadline(label);
  const existed = dayOf(action.createdAt) <= day;
  return { existed, status, deadline, overdue: existed && isOverdue(deadline, day, status === "fait" || status === "abandonne") };
}

/** A progress share of steps: "3 étapes sur 5", and the whole percentage (null when there is no step). */
/**
 * An action's steps as of a day ("YYYY-MM-DD", UTC dates as elsewhere): those added by then (a step without a date
 * predates the record and is kept), each with the status it had that day — the status a later change started from.
 */
export function stepsAsOf<S extends { id: number; status: string; createdAt: string | null }>(
  steps: readonly S[],
  changes: readonly { stepId: number | null; changedAt: string; fromStatus: string }[],
  day: string,
): S[] {
  return steps
    .filter((s) => s.createdAt === null || s.createdAt.slice(0, 10) <= day)
    .map((s) => {
      const later = changes.find((c) => c.stepId === s.id && c.changedAt.slice(0, 10) > day);
      return later ? { ...s, status: later.fromStatus } : s;
    });
}

export function stepProgress(steps: readonly { status: string }[]) {
  const total = steps.length;
  const done = steps.filter((s) => s.status === "fait").length;
  return { done, total, percent: total ? Math.round((100 * done) / total) : null, text: `${done} ${plural(done, "étape", "étapes")} sur ${total}` };
}
