import { asc, eq, max } from "drizzle-orm";
import { getDb } from "#db/client";
import { nextSteps } from "#db/schema";

/**
 * The next steps announced by the latest source that gives some (a point d'étape), grouped under their headings in
 * order, with that source and its date; null when none was ever recorded.
 */
export function latestNextSteps() {
  const db = getDb();
  const latest = db.select({ day: max(nextSteps.sourceDate) }).from(nextSteps).get()?.day;
  if (!latest) return null;
  const rows = db.select().from(nextSteps).where(eq(nextSteps.sourceDate, latest)).orderBy(asc(nextSteps.position), asc(nextSteps.id)).all();
  const groups: { heading: string; steps: { text: string; horizon: string }[] }[] = [];
  for (const r of rows) {
    let group = groups.find((g) => g.heading === r.heading);
    if (!group) groups.push((group = { heading: r.heading, steps: [] }));
    group.steps.push({ text: r.text, horizon: r.horizon });
  }
  return { source: rows[0].source, sourceDate: latest, groups };
}
