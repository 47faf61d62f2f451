import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, invitations, products, questionnaireVersions, responses } from "#db/schema";
import { comparableKeys, flattenItems, type ItemChange, type QuestionnaireDefinition, type QuestionnaireItem } from "./definition";
import {
  distribution,
  mean,
  nps,
  npsDifference,
  proportionDifference,
  responseRate,
  round,
  suppressSmallCells,
  topBox,
  type DistributionRow,
  type Interval,
} from "./statistics";

/** One reportable question: an item, or one row of a matrix. Free text is never reported. */
type Measure = { key: string; label: string; type: "likert" | "csat" | "nps" | "single" | "multiple" | "yesno"; scale: { value: number | string; label: string }[]; read: (answers: Record<string, unknown>) => unknown };

function measuresOf(definition: QuestionnaireDefinition): Measure[] {
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

type Stats = { mean?: number; topBox?: Interval; nps?: Interval; yes?: Interval };

function statsOf(measure: Measure, values: (number | string)[]): Stats {
  const numbers = values.filter((v): v is number => typeof v === "number");
  const r = (i: Interval | null) => (i ? { value: round(i.value, 3), low: round(i.low, 3), high: round(i.high, 3) } : undefined);
  switch (measure.type) {
    case "likert":
    case "csat":
      return { mean: round(mean(numbers) ?? 0, 2), topBox: r(topBox(numbers, 4)) };
    case "nps": {
      const n = nps(numbers);
      return { nps: n ? { value: round(n.value, 1), low: round(n.low, 1), high: round(n.high, 1) } : undefined };
    }
    case "yesno":
      return { yes: r(topBox(values.map((v) => (v === "yes" ? 1 : 0)), 1)) };
    default:
      return {};
  }
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
  campaign: { slug: string; title: string; wave: string };
  respondents: number;
  responseRate: Interval | null;
  minCell: number;
  items: ItemResult[];
};

function loadAnswers(campaignId: number) {
  return getDb()
    .select({ subjectProductId: responses.subjectProductId, subjectService: responses.subjectService, answers: responses.answers })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .orderBy(asc(responses.id))
    .all();
}

/**
 * The campaign's results with cells under `minCell` respondents suppressed (with secondary suppression across
 * subjects), and the change since the previous wave for comparable items.
 */
export function computeResults(slug: string, minCell: number): CampaignResults {
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
  const answers = all.map((r) => r.answers);

  const previous = campaign.previousCampaignId ? db.select().from(campaigns).where(eq(campaigns.id, campaign.previousCampaignId)).get() : undefined;
  const comparable = new Set(previous ? comparableKeys(row.changes as ItemChange[]) : []);
  const previousAnswers = previous ? loadAnswers(previous.id).map((r) => r.answers) : [];

  // A subject is a product (key "p:<id>") or a national service (key "s:<name>").
  const subjectKey = (r: (typeof all)[number]) => (r.subjectProductId !== null ? `p:${r.subjectProductId}` : r.subjectService !== null ? `s:${r.subjectService}` : null);
  const subjectKeys = [...new Set(all.map(subjectKey).filter((k): k is string => k !== null))];
  const productIds = subjectKeys.filter((k) => k.startsWith("p:")).map((k) => Number(k.slice(2)));
  const productNames = new Map(
    (productIds.length ? db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, productIds)).all() : []).map((p) => [p.id, p.name]),
  );
  const subjectOf = (key: string) =>
    key.startsWith("p:") ? { id: Number(key.slice(2)), name: productNames.get(Number(key.slice(2))) ?? "Logiciel" } : { id: null, name: key.slice(2) };

  // Answers grouped by subject once, rather than filtered again for every question.
  const answersBySubject = new Map<string, Record<string, unknown>[]>();
  for (const r of all) {
    const key = subjectKey(r);
    if (key) answersBySubject.set(key, [...(answersBySubject.get(key) ?? []), r.answers]);
  }

  const items = measuresOf(definition).map((measure): ItemResult => {
    const answered = respondentsOf(measure, answers);
    const values = valuesOf(measure, answered);
    const n = answered.length;
    const suppressed = n < minCell;
    const cells = subjectKeys.map((key) => {
      const subjectRows = respondentsOf(measure, answersBySubject.get(key) ?? []);
      return { key, n: subjectRows.length, data: subjectRows };
    });
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
      stats: suppressed ? null : statsOf(measure, values),
      change,
      bySubject: published.map((cell) => {
        const rows = cell.data;
        return {
          subject: subjectOf(cell.key),
          n: cell.n,
          suppressed: cell.suppressed || suppressed,
          distribution: rows && !suppressed ? distribution(valuesOf(measure, rows), measure.scale) : null,
          stats: rows && !suppressed ? statsOf(measure, valuesOf(measure, rows)) : null,
        };
      }),
    };
  });
  // Responses carry no link to invitations: the rate counts invitations used, not responses.
  const used = db.select({ n: count() }).from(invitations).where(and(eq(invitations.campaignId, campaign.id), isNotNull(invitations.usedOn))).get()!.n;
  const rate = responseRate(used, campaign.invitedCount);
  return {
    campaign: { slug: campaign.slug, title: campaign.title, wave: campaign.wave },
    respondents: all.length,
    responseRate: rate ? { value: round(rate.value, 3), low: round(rate.low, 3), high: round(rate.high, 3) } : null,
    minCell,
    items,
  };
}

export const RESULTS_METHOD =
  "Réponses « non concerné » et questions sans réponse exclues des dénominateurs. Part « plutôt ou très satisfait » (top-2-box) " +
  "avec intervalle de confiance à 95 % de Wilson ; NPS (promoteurs 9–10 moins détracteurs 0–6) avec intervalle à 95 % par " +
  "approximation normale ; évolution entre vagues par la méthode hybride de Newcombe, seulement pour les questions inchangées " +
  "ou reformulées. Toute case de moins de 10 répondants est masquée, ainsi qu'une case complémentaire quand le total publié " +
  "permettrait de la retrouver par soustraction. Les réponses libres ne sont jamais publiées.";
