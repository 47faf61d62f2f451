import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, invitations, products, questionnaireVersions, responses } from "#db/schema";
import { NO_SUBJECT_NAME } from "./snapshots";
import { flattenItems, type QuestionnaireDefinition, type QuestionnaireItem } from "./definition";
import { comparableKeys, type ItemChange } from "./versions";
import {
  batchedCount,
  distribution,
  npsDifference,
  PUBLIC_MIN_CELL,
  provisionalCount,
  proportionDifference,
  responseRate,
  round,
  summaryStats,
  suppressSmallCells,
  type DistributionRow,
  type Interval,
  type SummaryStats as Stats,
} from "./statistics";

/** One reportable question: an item, or one row of a matrix. Free text is never reported. */
export type Measure = { key: string; label: string; type: "likert" | "csat" | "nps" | "single" | "multiple" | "yesno"; scale: { value: number | string; label: string }[]; read: (answers: Record<string, unknown>) => unknown };

export function measuresOf(definition: QuestionnaireDefinition): Measure[] {
  const measures: Measure[] = [];
  for (const item of flattenItems(definition) as QuestionnaireItem[]) {
    const scale5 = (labels: string[]) => labels.map((label, i) => ({ value: i + 1, label }));
    switch (item.type) {
      case "likert":
      case "csat":
        measures.push({ key: item.key, label: item.label, type: item.type, scale: scale5(item.labels), read: (a) => a[item.key] });
        break;
      case "nps":
        measures.push({ key: item.key, label: item.label, type: "nps", scale: Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) })), read: (a) => a[item.key] });
        break;
      case "single":
      case "multiple":
        measures.push({ key: item.key, label: item.label, type: item.type, scale: item.options, read: (a) => a[item.key] });
        break;
      case "yesno":
        measures.push({ key: item.key, label: item.label, type: "yesno", scale: [{ value: "yes", label: "Oui" }, { value: "no", label: "Non" }], read: (a) => a[item.key] });
        break;
      case "matrix":
        for (const row of item.rows) {
          measures.push({
            key: `${item.key}.${row.key}`,
            label: `${item.label} — ${row.label}`,
            type: item.scale,
            scale: scale5(item.labels),
            read: (a) => (a[item.key] as Record<string, unknown> | undefined)?.[row.key],
          });
        }
        break;
      case "text":
        break;
    }
  }
  return measures;
}

/** The answered values of a measure; "na" (not applicable) and skipped answers are left out of every denominator. */
function valuesOf(measure: Measure, rows: Record<string, unknown>[]): (number | string)[] {
  const values: (number | string)[] = [];
  for (const answers of rows) {
    const v = measure.read(answers);
    if (v === undefined || v === null || v === "na") continue;
    if (Array.isArray(v)) values.push(...(v as string[]));
    else values.push(v as number | string);
  }
  return values;
}

function respondentsOf(measure: Measure, rows: Record<string, unknown>[]) {
  return rows.filter((a) => {
    const v = measure.read(a);
    return v !== undefined && v !== null && v !== "na" && !(Array.isArray(v) && v.length === 0);
  });
}

export type ItemResult = {
  key: string;
  label: string;
  type: Measure["type"];
  n: number | null;
  suppressed: boolean;
  distribution: DistributionRow[] | null;
  stats: Stats | null;
  change: { comparedWith: string; value: number; low: number; high: number; measure: "topBox" | "nps" } | null;
  bySubject: { subject: { id: number | null; name: string }; n: number | null; suppressed: boolean; distribution: DistributionRow[] | null; stats: Stats | null }[];
};

export type CampaignResults = {
  /**
   * 2: every group is a cell ("Non renseigné ou autre" included) and the groups partition each total. Snapshots
   * published before carry no format; a data migration masks them to the same rule (`secureLegacySnapshot`).
   */
  format?: 2;
  /** Provisional (team, in batches) or final (published) figures. */
  provisional?: boolean;
  campaign: { slug: string; title: string; wave: string };
  respondents: number;
  responseRate: Interval | null;
  minCell: number;
  items: ItemResult[];
};

/** The group of respondents who named no software or service ("je ne sais pas / autre"): a cell like the others. */
const NO_SUBJECT = { key: "none", name: NO_SUBJECT_NAME } as const;

function loadAnswers(campaignId: number) {
  return getDb()
    .select({ subjectProductId: responses.subjectProductId, subjectService: responses.subjectService, answers: responses.answers })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .orderBy(asc(responses.id))
    .all();
}

/**
 * The campaign's results. Every group of respondents is a cell — each rated software or service, and the
 * respondents who named none — so the cells partition each question's total and no remainder can be rebuilt by
 * subtraction; cells under `minCell` are suppressed with complementary suppression (`suppressSmallCells`).
 *
 * `provisional`: the team's view while the campaign runs. Each cell counts only whole batches of `minCell` answers,
 * one batch behind (`provisionalCount`), so the view does not move when one person answers, every change mixes at
 * least `minCell` people, and the final figures differ from any provisional view by at least `minCell` answers per
 * cell. Counts (respondents, response rate) are shown in whole batches too.
 */
export function computeResults(slug: string, { minCell = PUBLIC_MIN_CELL, provisional = false }: { minCell?: number; provisional?: boolean } = {}): CampaignResults {
  const db = getDb();
  const row = db
    .select({ campaign: campaigns, definition: questionnaireVersions.definition, changes: questionnaireVersions.changes })
    .from(campaigns)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, campaigns.versionId))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new Error(`Unknown campaign ${slug}`);
  const { campaign } = row;
  const definition = row.definition as QuestionnaireDefinition;
  const all = loadAnswers(campaign.id);

  const previous = campaign.previousCampaignId ? db.select().from(campaigns).where(eq(campaigns.id, campaign.previousCampaignId)).get() : undefined;
  const comparable = new Set(previous ? comparableKeys(row.changes as ItemChange[]) : []);
  const previousAnswers = previous ? loadAnswers(previous.id).map((r) => r.answers) : [];

  // A subject is a product (key "p:<id>"), a national service (key "s:<name>") or none (NO_SUBJECT.key).
  const subjectKey = (r: (typeof all)[number]) => (r.subjectProductId !== null ? `p:${r.subjectProductId}` : r.subjectService !== null ? `s:${r.subjectService}` : NO_SUBJECT.key);
  const subjectKeys = [...new Set(all.map(subjectKey))].sort((a, b) => Number(a === NO_SUBJECT.key) - Number(b === NO_SUBJECT.key));
  const productIds = subjectKeys.filter((k) => k.startsWith("p:")).map((k) => Number(k.slice(2)));
  const productNames = new Map(
    (productIds.length ? db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, productIds)).all() : []).map((p) => [p.id, p.name]),
  );
  const subjectOf = (key: string) =>
    key === NO_SUBJECT.key
      ? { id: null, name: NO_SUBJECT.name }
      : key.startsWith("p:")
        ? { id: Number(key.slice(2)), name: productNames.get(Number(key.slice(2))) ?? "Logiciel" }
        : { id: null, name: key.slice(2) };

  // Answers grouped by subject once (oldest first), rather than filtered again for every question.
  const answersBySubject = new Map<string, Record<string, unknown>[]>();
  for (const r of all) {
    const key = subjectKey(r);
    answersBySubject.set(key, [...(answersBySubject.get(key) ?? []), r.answers]);
  }

  const items = measuresOf(definition).map((measure): ItemResult => {
    // Each cell's answers to this question; in the provisional view, only its whole batches, one behind.
    const cells = subjectKeys.map((key) => {
      const answeredInCell = respondentsOf(measure, answersBySubject.get(key) ?? []);
      const counted = provisional ? answeredInCell.slice(0, provisionalCount(answeredInCell.length, minCell)) : answeredInCell;
      return { key, n: counted.length, data: counted, waiting: counted.length < answeredInCell.length && counted.length === 0 };
    });
    const answered = cells.flatMap((c) => c.data);
    const values = valuesOf(measure, answered);
    const n = answered.length;
    const suppressed = n < minCell;
    const published = suppressSmallCells(cells, minCell, suppressed ? undefined : n);
    const baseKey = measure.key.split(".")[0];
    let change: ItemResult["change"] = null;
    if (!suppressed && previous && comparable.has(baseKey)) {
      const before = respondentsOf(measure, previousAnswers);
      if (before.length >= minCell) {
        const prevValues = valuesOf(measure, before).filter((v): v is number => typeof v === "number");
        const nowValues = values.filter((v): v is number => typeof v === "number");
        if (measure.type === "nps") {
          const d = npsDifference(prevValues, nowValues);
          if (d) change = { comparedWith: previous.wave, measure: "nps", value: round(d.value, 1), low: round(d.low, 1), high: round(d.high, 1) };
        } else if (measure.type === "likert" || measure.type === "csat") {
          const d = proportionDifference(
            { successes: prevValues.filter((v) => v >= 4).length, n: prevValues.length },
            { successes: nowValues.filter((v) => v >= 4).length, n: nowValues.length },
          );
          if (d) change = { comparedWith: previous.wave, measure: "topBox", value: round(d.value, 3), low: round(d.low, 3), high: round(d.high, 3) };
        }
      }
    }
    return {
      key: measure.key,
      label: measure.label,
      type: measure.type,
      n: suppressed ? null : n,
      suppressed,
      distribution: suppressed ? null : distribution(values, measure.scale),
      stats: suppressed ? null : summaryStats(measure.type, values),
      change,
      // A provisional cell still waiting for its first batch is not listed: its appearance would tell which
      // software one new respondent rated.
      bySubject: published.flatMap((cell, i) => {
        if (cells[i].waiting) return [];
        const rows = cell.data;
        const hidden = cell.suppressed || suppressed;
        return {
          subject: subjectOf(cell.key),
          n: hidden ? null : cell.n,
          suppressed: hidden,
          distribution: rows && !hidden ? distribution(valuesOf(measure, rows), measure.scale) : null,
          stats: rows && !hidden ? summaryStats(measure.type, valuesOf(measure, rows)) : null,
        };
      }),
    };
  });
  // Responses carry no link to invitations: the rate counts invitations used, not responses.
  const used = db.select({ n: count() }).from(invitations).where(and(eq(invitations.campaignId, campaign.id), isNotNull(invitations.usedOn))).get()!.n;
  const rate = responseRate(provisional ? batchedCount(used, minCell) : used, campaign.invitedCount);
  return {
    format: 2,
    provisional,
    campaign: { slug: campaign.slug, title: campaign.title, wave: campaign.wave },
    respondents: provisional ? batchedCount(all.length, minCell) : all.length,
    responseRate: rate ? { value: round(rate.value, 3), low: round(rate.low, 3), high: round(rate.high, 3) } : null,
    minCell,
    items,
  };
}

export const RESULTS_METHOD =
  "Réponses « non concerné » et questions sans réponse exclues des dénominateurs. Part « plutôt ou très satisfait » (top-2-box) " +
  "avec intervalle de confiance à 95 % de Wilson ; NPS (promoteurs 9–10 moins détracteurs 0–6) avec intervalle à 95 % par " +
  "approximation normale ; évolution entre vagues par la méthode hybride de Newcombe, seulement pour les questions inchangées " +
  "ou reformulées. Chaque groupe de répondants est une case, y compris celles et ceux qui n'ont pas indiqué de logiciel " +
  "(« Non renseigné ou autre ») ; toute case de moins de 10 répondants est masquée, ainsi qu'au moins une case complémentaire " +
  "quand le total publié permettrait de la retrouver par soustraction. Les réponses libres ne sont jamais publiées.";
