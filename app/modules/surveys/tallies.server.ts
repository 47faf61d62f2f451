/**
 * Incremental tallies of a campaign's answers (issue 21): per reportable question (measure) and group of respondents
 * (subject), how many answered and how often each value was given — in all answers, and in the team's provisional
 * view (each cell's oldest whole batches of PUBLIC_MIN_CELL answers, one batch behind, as `provisionalCount` says).
 * `tallyResponse` updates them in the transaction that stores a response; `campaignTally` reads them, rebuilding a
 * campaign's from its responses first when they do not account for the campaign's responses as they are (responses
 * stored, deleted or edited by another path, such as the seeds: the revision the triggers keep in
 * `survey_campaign_counts` moved past the tallies'); `rebuildAllTallies` (`npm run surveys:tallies`) rebuilds every
 * campaign's. The results read the tallies
 * instead of every response, so the provisional results of a large wave cost the same as those of a small one.
 */
import { and, asc, count, eq, lt, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, preparedQuery, type DbOrTx } from "#db/client";
import { campaigns, questionnaireVersions, responses, surveyTallyCells, surveyTallyPending, surveyTallyState, surveyTallySubjects, surveyTallyValues } from "#db/schema";
import { campaignCounts } from "./counts.server";
import type { QuestionnaireDefinition } from "./definition";
import { measuresOf, type Measure } from "./measures";
import { PUBLIC_MIN_CELL, provisionalCount } from "./statistics";

/** The batch of the provisional view the tallies keep: the public minimum cell size. */
export const TALLY_BATCH = PUBLIC_MIN_CELL;

/** The group of respondents who named no software or service. */
export const NO_SUBJECT_KEY = "none";

/** A response's group: a product ("p:<id>"), a national service ("s:<name>") or none. */
function subjectKeyOf(r: { subjectProductId: number | null; subjectService: string | null }) {
  return r.subjectProductId !== null ? `p:${r.subjectProductId}` : r.subjectService !== null ? `s:${r.subjectService}` : NO_SUBJECT_KEY;
}

/**
 * The values an answer gives to a measure, or null when it does not answer it: skipped, "na" (not applicable) and
 * empty choices count in no denominator.
 */
function answerValues(measure: Measure, answers: Record<string, unknown>): (number | string)[] | null {
  const v = measure.read(answers);
  if (v === undefined || v === null || v === "na") return null;
  if (Array.isArray(v)) return v.length ? (v as (number | string)[]) : null;
  return [v as number | string];
}

type CellTally = { answered: number; total: Map<string, number>; counted: Map<string, number> };

export type CampaignTally = {
  responses: number;
  /** Subject keys in the order of their first response. */
  subjects: string[];
  /** measure key → subject key → tally. */
  cells: Map<string, Map<string, CellTally>>;
};

/**
 * The values of a tally (JSON keys) decoded, with how many times each was given, added into `into` when given: what
 * the statistics read (`summaryStatsFromCounts`, `distributionFromCounts`), without listing every answer.
 */
export function valueCounts(values: Map<string, number>, into = new Map<number | string, number>()): Map<number | string, number> {
  for (const [value, n] of values) {
    const decoded = JSON.parse(value) as number | string;
    into.set(decoded, (into.get(decoded) ?? 0) + n);
  }
  return into;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

type ResponseRow = { id: number; subjectProductId: number | null; subjectService: string | null; answers: Record<string, unknown> };

/**
 * The tallies of a campaign's responses computed from the rows themselves (oldest first), with the answers still
 * waiting for the provisional view: the full recomputation the incremental tallies must always equal.
 */
function tallyFromRows(definition: QuestionnaireDefinition, rows: Iterable<ResponseRow>, batch = TALLY_BATCH) {
  const measures = measuresOf(definition);
  const subjects = new Map<string, number>();
  const answered = new Map<string, Map<string, { id: number; values: string[] }[]>>(measures.map((m) => [m.key, new Map()]));
  let responseCount = 0;
  let lastId = 0;
  for (const row of rows) {
    responseCount++;
    lastId = row.id;
    const subject = subjectKeyOf(row);
    if (!subjects.has(subject)) subjects.set(subject, row.id);
    for (const measure of measures) {
      const values = answerValues(measure, row.answers);
      if (!values) continue;
      const bySubject = answered.get(measure.key)!;
      const list = bySubject.get(subject) ?? [];
      if (!list.length) bySubject.set(subject, list);
      list.push({ id: row.id, values: values.map((v) => JSON.stringify(v)) });
    }
  }
  const cells: CampaignTally["cells"] = new Map();
  const pending: { measure: string; subject: string; rank: number; value: string }[] = [];
  for (const [measure, bySubject] of answered) {
    const tallies = new Map<string, CellTally>();
    for (const [subject, list] of bySubject) {
      const counted = provisionalCount(list.length, batch);
      const cell: CellTally = { answered: list.length, total: new Map(), counted: new Map() };
      list.forEach((answer, rank) => {
        for (const value of answer.values) {
          bump(cell.total, value);
          if (rank < counted) bump(cell.counted, value);
          else pending.push({ measure, subject, rank, value });
        }
      });
      tallies.set(subject, cell);
    }
    cells.set(measure, tallies);
  }
  return { tally: { responses: responseCount, subjects: [...subjects.keys()], cells } as CampaignTally, subjects, pending, lastId };
}

function definitionOf(db: DbOrTx, campaignId: number) {
  const row = db
    .select({ definition: questionnaireVersions.definition })
    .from(campaigns)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, campaigns.versionId))
    .where(eq(campaigns.id, campaignId))
    .get();
  if (!row) throw new Error(`Unknown campaign ${campaignId}`);
  return row.definition as QuestionnaireDefinition;
}

function clearTallies(db: DbOrTx, campaignId: number) {
  for (const table of [surveyTallyPending, surveyTallyValues, surveyTallyCells, surveyTallySubjects, surveyTallyState]) {
    db.delete(table).where(eq(table.campaignId, campaignId)).run();
  }
}

/** Rebuilds a campaign's tallies from its responses, in one transaction. */
function rebuildTallies(campaignId: number) {
  getDb().transaction((tx) => {
    const definition = definitionOf(tx, campaignId);
    const rows = tx
      .select({ id: responses.id, subjectProductId: responses.subjectProductId, subjectService: responses.subjectService, answers: responses.answers })
      .from(responses)
      .where(eq(responses.campaignId, campaignId))
      .orderBy(asc(responses.id))
      .all();
    const { tally, subjects, pending, lastId } = tallyFromRows(definition, rows);
    clearTallies(tx, campaignId);
    const chunks = <T>(list: T[], size = 200) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
    for (const chunk of chunks([...subjects].map(([subject, firstResponseId]) => ({ campaignId, subject, firstResponseId })))) tx.insert(surveyTallySubjects).values(chunk).run();
    const cellRows = [...tally.cells].flatMap(([measure, bySubject]) => [...bySubject].map(([subject, cell]) => ({ campaignId, measure, subject, answered: cell.answered })));
    for (const chunk of chunks(cellRows)) tx.insert(surveyTallyCells).values(chunk).run();
    const valueRows = [...tally.cells].flatMap(([measure, bySubject]) =>
      [...bySubject].flatMap(([subject, cell]) => [...cell.total].map(([value, total]) => ({ campaignId, measure, subject, value, total, counted: cell.counted.get(value) ?? 0 }))),
    );
    for (const chunk of chunks(valueRows)) tx.insert(surveyTallyValues).values(chunk).run();
    for (const chunk of chunks(pending.map((p) => ({ campaignId, ...p })))) tx.insert(surveyTallyPending).values(chunk).run();
    tx.insert(surveyTallyState).values({ campaignId, responses: tally.responses, lastResponseId: lastId, revision: campaignCounts(campaignId).revision }).run();
  });
}

/** Rebuilds the tallies of every campaign (`npm run surveys:tallies`); returns how many campaigns. */
export function rebuildAllTallies(): number {
  const ids = getDb().select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).all();
  for (const { id } of ids) rebuildTallies(id);
  return ids.length;
}

/**
 * Adds a stored response to its campaign's tallies, in the transaction that stored it (after the insert, whose trigger
 * moved the campaign's revision by one: the tallies' moves by one too, so they stay current if they were). A campaign
 * without tallies yet (or whose tallies disagree with its responses) is left to `campaignTally`, which rebuilds them.
 */
export function tallyResponse(tx: DbOrTx, campaignId: number, definition: QuestionnaireDefinition, response: ResponseRow) {
  const state = tx.select().from(surveyTallyState).where(eq(surveyTallyState.campaignId, campaignId)).get();
  if (!state) return;
  const subject = subjectKeyOf(response);
  tx.insert(surveyTallySubjects).values({ campaignId, subject, firstResponseId: response.id }).onConflictDoNothing().run();
  for (const measure of measuresOf(definition)) {
    const values = answerValues(measure, response.answers);
    if (!values) continue;
    const cellKey = and(eq(surveyTallyCells.campaignId, campaignId), eq(surveyTallyCells.measure, measure.key), eq(surveyTallyCells.subject, subject));
    const rank = tx.select({ answered: surveyTallyCells.answered }).from(surveyTallyCells).where(cellKey).get()?.answered ?? 0;
    tx.insert(surveyTallyCells)
      .values({ campaignId, measure: measure.key, subject, answered: 1 })
      .onConflictDoUpdate({ target: [surveyTallyCells.campaignId, surveyTallyCells.measure, surveyTallyCells.subject], set: { answered: sql`${surveyTallyCells.answered} + 1` } })
      .run();
    for (const value of new Set(values.map((v) => JSON.stringify(v)))) {
      const times = values.filter((v) => JSON.stringify(v) === value).length;
      tx.insert(surveyTallyValues)
        .values({ campaignId, measure: measure.key, subject, value, total: times, counted: 0 })
        .onConflictDoUpdate({
          target: [surveyTallyValues.campaignId, surveyTallyValues.measure, surveyTallyValues.subject, surveyTallyValues.value],
          set: { total: sql`${surveyTallyValues.total} + ${times}` },
        })
        .run();
      for (let i = 0; i < times; i++) tx.insert(surveyTallyPending).values({ campaignId, measure: measure.key, subject, rank, value }).onConflictDoNothing().run();
    }
    // When this answer completes a batch, the batch before it enters the provisional view.
    const before = provisionalCount(rank, TALLY_BATCH);
    const after = provisionalCount(rank + 1, TALLY_BATCH);
    if (after > before) {
      const pendingKey = and(
        eq(surveyTallyPending.campaignId, campaignId),
        eq(surveyTallyPending.measure, measure.key),
        eq(surveyTallyPending.subject, subject),
        lt(surveyTallyPending.rank, after),
      );
      const entering = tx.select({ value: surveyTallyPending.value, n: count() }).from(surveyTallyPending).where(pendingKey).groupBy(surveyTallyPending.value).all();
      for (const { value, n } of entering) {
        tx.update(surveyTallyValues)
          .set({ counted: sql`${surveyTallyValues.counted} + ${n}` })
          .where(and(eq(surveyTallyValues.campaignId, campaignId), eq(surveyTallyValues.measure, measure.key), eq(surveyTallyValues.subject, subject), eq(surveyTallyValues.value, value)))
          .run();
      }
      tx.delete(surveyTallyPending).where(pendingKey).run();
    }
  }
  tx.update(surveyTallyState)
    .set({ responses: sql`${surveyTallyState.responses} + 1`, lastResponseId: response.id, revision: sql`${surveyTallyState.revision} + 1` })
    .where(eq(surveyTallyState.campaignId, campaignId))
    .run();
}

/** The reads of `campaignTally`, prepared once (each page view makes them for two waves). */
const byCampaign = (column: AnySQLiteColumn) => eq(column, sql.placeholder("campaignId"));
const tallyReads = {
  state: preparedQuery((db) =>
    db.select({ responses: surveyTallyState.responses, revision: surveyTallyState.revision }).from(surveyTallyState).where(byCampaign(surveyTallyState.campaignId)).prepare(),
  ),
  subjects: preparedQuery((db) =>
    db.select({ subject: surveyTallySubjects.subject }).from(surveyTallySubjects).where(byCampaign(surveyTallySubjects.campaignId)).orderBy(asc(surveyTallySubjects.firstResponseId)).prepare(),
  ),
  cells: preparedQuery((db) =>
    db.select({ measure: surveyTallyCells.measure, subject: surveyTallyCells.subject, answered: surveyTallyCells.answered }).from(surveyTallyCells).where(byCampaign(surveyTallyCells.campaignId)).prepare(),
  ),
  values: preparedQuery((db) =>
    db
      .select({ measure: surveyTallyValues.measure, subject: surveyTallyValues.subject, value: surveyTallyValues.value, total: surveyTallyValues.total, counted: surveyTallyValues.counted })
      .from(surveyTallyValues)
      .where(byCampaign(surveyTallyValues.campaignId))
      .prepare(),
  ),
};

/**
 * A campaign's tallies, rebuilt from its responses first when they do not account for them: every insert, deletion
 * or edit of a response moves the campaign's revision (kept by triggers), and the application's own inserts move the
 * tallies' with it. Two primary-key reads decide it, whatever the number of responses.
 */
export function campaignTally(campaignId: number): CampaignTally {
  const read = { campaignId };
  let state = tallyReads.state().get(read);
  if (state?.revision !== campaignCounts(campaignId).revision) {
    rebuildTallies(campaignId);
    state = tallyReads.state().get(read);
  }
  const subjects = tallyReads
    .subjects()
    .all(read)
    .map((r) => r.subject);
  const cells: CampaignTally["cells"] = new Map();
  const cellOf = (measure: string, subject: string) => {
    const bySubject = cells.get(measure) ?? new Map<string, CellTally>();
    cells.set(measure, bySubject);
    const cell = bySubject.get(subject) ?? { answered: 0, total: new Map(), counted: new Map() };
    bySubject.set(subject, cell);
    return cell;
  };
  for (const row of tallyReads.cells().all(read)) cellOf(row.measure, row.subject).answered = row.answered;
  for (const row of tallyReads.values().all(read)) {
    const cell = cellOf(row.measure, row.subject);
    cell.total.set(row.value, row.total);
    if (row.counted) cell.counted.set(row.value, row.counted);
  }
  return { responses: state!.responses, subjects, cells };
}

/**
 * The tallies recomputed from the responses themselves, without reading or writing the stored ones: for checks, and
 * for a provisional view in batches of another size than the stored tallies'.
 */
export function recomputedTally(campaignId: number, batch = TALLY_BATCH): CampaignTally {
  const db = getDb();
  const rows = db
    .select({ id: responses.id, subjectProductId: responses.subjectProductId, subjectService: responses.subjectService, answers: responses.answers })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .orderBy(asc(responses.id))
    .all();
  return tallyFromRows(definitionOf(db, campaignId), rows, batch).tally;
}
