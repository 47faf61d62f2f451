import { asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { nextSteps } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import type { NextStepInput } from "./schemas";

/** What the team records when it adds a step itself (a point d'étape's steps keep that point as their source). */
const TEAM_SOURCE = "Équipe du programme";

export type NextStepGroup = { heading: string; steps: { id: number; text: string; horizon: string; doneOn: string | null }[] };

const ordered = () => getDb().select().from(nextSteps).orderBy(asc(nextSteps.position), asc(nextSteps.id)).all();

/** Steps in order, grouped under their headings (a heading's group takes the place of its first step). */
function grouped(rows: (typeof nextSteps.$inferSelect)[]): NextStepGroup[] {
  const groups: NextStepGroup[] = [];
  for (const r of rows) {
    let group = groups.find((g) => g.heading === r.heading);
    if (!group) groups.push((group = { heading: r.heading, steps: [] }));
    group.steps.push({ id: r.id, text: r.text, horizon: r.horizon, doneOn: r.doneOn });
  }
  return groups;
}

/**
 * The programme's next steps as the team keeps them: grouped under their headings in order, each done or still ahead,
 * with the sources they come from (a point d'étape, the team) and the last day one was announced; null when none.
 */
export function latestNextSteps() {
  const rows = ordered();
  if (!rows.length) return null;
  const sources = [...new Set(rows.map((r) => r.source))];
  const sourceDate = rows.reduce((latest, r) => (r.sourceDate > latest ? r.sourceDate : latest), rows[0].sourceDate);
  const groups = grouped(rows).map((g) => ({ heading: g.heading, steps: g.steps.map((s) => ({ text: s.text, horizon: s.horizon, done: s.doneOn !== null })) }));
  return { source: sources.join(" ; "), sourceDate, groups };
}

/** The steps a point d'étape shows as of its day: those announced by then, each done if it was done by then. */
export function nextStepsAsOf(day: string) {
  return grouped(ordered().filter((r) => r.sourceDate <= day)).map((g) => ({
    heading: g.heading,
    steps: g.steps.map((s) => ({ text: s.text, horizon: s.horizon, done: s.doneOn !== null && s.doneOn <= day })),
  }));
}

/** The steps for the team's page, one by one in order. */
export function listNextSteps() {
  return ordered().map(({ id, heading, text, horizon, source, sourceDate, doneOn }) => ({ id, heading, text, horizon, source, sourceDate, doneOn }));
}

const today = () => new Date().toISOString().slice(0, 10);

function stepOf(tx: Tx, id: number) {
  const row = tx.select().from(nextSteps).where(eq(nextSteps.id, id)).get();
  if (!row) throw new HttpError(404, "Cette étape n'existe pas.");
  return row;
}

type Edit = "added" | "saved" | "moved" | "done" | "reopened" | "removed";
const log = (tx: Tx, actor: SessionUser, id: number, what: Edit, text: string) =>
  recordEvent(tx, { type: "next_step.edited", actorId: actor.id, subject: { type: "next_step", id }, payload: { what, text } });

function editing<T>(actor: SessionUser, run: (tx: Tx) => T): T {
  assertCan(actor, "progress:edit", "Réservé à l'équipe programme.");
  return getDb().transaction(run);
}

/** Adds a step at the end, announced by the team today. */
export function addNextStep(actor: SessionUser, input: NextStepInput) {
  return editing(actor, (tx) => {
    const last = tx.select({ n: sql<number | null>`max(${nextSteps.position})` }).from(nextSteps).get()?.n ?? -1;
    const row = tx
      .insert(nextSteps)
      .values({ heading: input.heading, text: input.text, horizon: input.horizon, source: TEAM_SOURCE, sourceDate: today(), position: last + 1 })
      .returning({ id: nextSteps.id })
      .get();
    log(tx, actor, row.id, "added", input.text);
    return row.id;
  });
}

export function saveNextStep(actor: SessionUser, id: number, input: NextStepInput) {
  editing(actor, (tx) => {
    stepOf(tx, id);
    tx.update(nextSteps).set({ heading: input.heading, text: input.text, horizon: input.horizon }).where(eq(nextSteps.id, id)).run();
    log(tx, actor, id, "saved", input.text);
  });
}

/** Moves a step one place up or down (a no-op at either end). */
export function moveNextStep(actor: SessionUser, id: number, direction: "up" | "down") {
  editing(actor, (tx) => {
    const step = stepOf(tx, id);
    const ids = tx.select({ id: nextSteps.id }).from(nextSteps).orderBy(asc(nextSteps.position), asc(nextSteps.id)).all().map((r) => r.id);
    const i = ids.indexOf(id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    ids.forEach((stepId, position) => tx.update(nextSteps).set({ position }).where(eq(nextSteps.id, stepId)).run());
    log(tx, actor, id, "moved", step.text);
  });
}

/** Marks a step done today, or back to ahead. */
export function setNextStepDone(actor: SessionUser, id: number, done: boolean) {
  editing(actor, (tx) => {
    const step = stepOf(tx, id);
    if ((step.doneOn !== null) === done) return;
    tx.update(nextSteps).set({ doneOn: done ? today() : null }).where(eq(nextSteps.id, id)).run();
    log(tx, actor, id, done ? "done" : "reopened", step.text);
  });
}

export function removeNextStep(actor: SessionUser, id: number) {
  editing(actor, (tx) => {
    const step = stepOf(tx, id);
    tx.delete(nextSteps).where(eq(nextSteps.id, id)).run();
    log(tx, actor, id, "removed", step.text);
  });
}
