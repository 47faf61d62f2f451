import { randomInt } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { products, responses } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { toCsv } from "~/lib/csv";
import { NO_SUBJECT_NAME } from "./snapshots";
import { measuresOf, type Measure } from "./measures";
import { getCampaign } from "./campaigns.server";
import { PUBLIC_MIN_CELL, suppressSmallCells } from "./statistics";

/** What a suppressed value reads as in the microdata. */
const MICRODATA_MASK = "masqué";

/**
 * Anonymised microdata of a campaign for statisticians: one row per response, in random order, numbered 1…n (no
 * response id, no invitation, no account, no date), with the rated subject and every closed answer; free text is
 * never included. In each column every value is a cell (an empty answer too), and the cells go through
 * `suppressSmallCells` with the column's total, as the published results do: a value given by fewer than `minCell`
 * respondents is replaced by « masqué », with complementary suppression so that it cannot be rebuilt by subtraction.
 * A multiple-choice question becomes one 0/1 column per option. Under `minCell` responses, nothing is exported.
 */
export function campaignMicrodata(slug: string, { minCell = PUBLIC_MIN_CELL }: { minCell?: number } = {}) {
  const campaign = getCampaign(slug);
  const rows = getDb()
    .select({ subjectProductId: responses.subjectProductId, subjectService: responses.subjectService, answers: responses.answers })
    .from(responses)
    .where(eq(responses.campaignId, campaign.id))
    .orderBy(asc(responses.id))
    .all();
  if (rows.length < minCell) throw new HttpError(422, `Moins de ${minCell} réponses : les microdonnées ne sont pas exportées.`);
  const productIds = [...new Set(rows.map((r) => r.subjectProductId).filter((id): id is number => id !== null))];
  const names = new Map((productIds.length ? getDb().select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, productIds)).all() : []).map((p) => [p.id, p.name]));

  const columns: { header: string; read: (r: (typeof rows)[number]) => string }[] = [
    { header: "sujet", read: (r) => (r.subjectProductId !== null ? (names.get(r.subjectProductId) ?? "Logiciel") : (r.subjectService ?? NO_SUBJECT_NAME)) },
  ];
  const value = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  for (const measure of measuresOf(campaign.definition) as Measure[]) {
    if (measure.type === "multiple") {
      for (const option of measure.scale) {
        columns.push({
          header: `${measure.key}.${String(option.value)}`,
          read: (r) => {
            const v = measure.read(r.answers);
            return Array.isArray(v) ? (v.includes(option.value) ? "1" : "0") : "";
          },
        });
      }
    } else {
      columns.push({ header: measure.key, read: (r) => value(measure.read(r.answers)) });
    }
  }

  // Each column's values, small cells masked (complementary suppression against the column's total).
  const table = rows.map(() => [] as string[]);
  for (const column of columns) {
    const values = rows.map((r) => column.read(r));
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const cells = [...counts].map(([key, n]) => ({ key, n, data: null }));
    const masked = new Set(suppressSmallCells(cells, minCell, rows.length).filter((c) => c.suppressed).map((c) => c.key));
    values.forEach((v, i) => table[i].push(masked.has(v) ? MICRODATA_MASK : v));
  }

  // Random order (Fisher–Yates): a row's place says nothing of when it was answered.
  for (let i = table.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [table[i], table[j]] = [table[j], table[i]];
  }
  return toCsv(["ligne", ...columns.map((c) => c.header)], table.map((cells, i) => [String(i + 1), ...cells]));
}
