import { eq, inArray, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, preparedQuery } from "#db/client";
import { campaigns, products, questionnaireVersions } from "#db/schema";
import { campaignCounts } from "./counts.server";
import { NO_SUBJECT_NAME } from "./snapshots";
import type { QuestionnaireDefinition } from "./definition";
import { measuresOf, type Measure } from "./measures";
import { campaignTally, NO_SUBJECT_KEY, recomputedTally, TALLY_BATCH, valueCounts, type CampaignTally } from "./tallies.server";
import { comparableKeys, type ItemChange } from "./versions";
import {
  batchedCount,
  distributionFromCounts,
  npsDifferenceFromCounts,
  PUBLIC_MIN_CELL,
  provisionalCount,
  proportionDifference,
  responseRate,
  round,
  summaryStatsFromCounts,
  suppressSmallCells,
  topBoxCounts,
  type DistributionRow,
  type Interval,
  type SummaryStats as Stats,
} from "./statistics";

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

/**
 * Results as the pages show them (`SurveyResults`): each group's figures without its distribution, which no page
 * shows — it was three fifths of the team's results page's data (100 kB for a 14-question wave over 16 groups), sent
 * to the browser a second time inside the document.
 */
export type ShownResults = Omit<CampaignResults, "items"> & {
  items: (Omit<ItemResult, "bySubject"> & { bySubject: Omit<ItemResult["bySubject"][number], "distribution">[]; subjectCount?: number })[];
};

/**
 * `subjectsOf` (the team's results page, issue 21): the per-software breakdown of that question only, or of none
 * (null); each question still says how many groups it has (`subjectCount`), and the page links to each breakdown.
 * Every breakdown on one page was two thirds of its rows (16 groups for each of 14 questions): the page's weight made
 * it the slowest team page (28 to 46 ms at every size, for data that does not grow). Without `subjectsOf`: every one.
 */
export function shownResults(results: CampaignResults, { subjectsOf }: { subjectsOf?: string | null } = {}): ShownResults {
  return {
    ...results,
    items: results.items.map((item) => ({
      ...item,
      subjectCount: item.bySubject.length,
      bySubject: subjectsOf === undefined || subjectsOf === item.key ? item.bySubject.map(({ distribution: _shownNowhere, ...group }) => group) : [],
    })),
  };
}

/** The group of respondents who named no software or service ("je ne sais pas / autre"): a cell like the others. */
const NO_SUBJECT = { key: NO_SUBJECT_KEY, name: NO_SUBJECT_NAME } as const;

/** Every answer of a campaign to a measure, over all groups: how many respondents, and how often each value. */
function allAnswers(tally: CampaignTally, measure: Measure) {
  let n = 0;
  const counts = new Map<number | string, number>();
  for (const cell of tally.cells.get(measure.key)?.values() ?? []) {
    n += cell.answered;
    valueCounts(cell.total, counts);
  }
  return { n, counts };
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
export function computeResults(slug: string, options: { minCell?: number; provisional?: boolean } = {}): CampaignResults {
  const db = getDb();
  // Inside a transaction, what it reads may still be rolled back: computed afresh, and not kept.
  if (db.$client.inTransaction) return resultsFromTallies(slug, options).results;
  const { minCell = PUBLIC_MIN_CELL, provisional = false } = options;
  const campaign = keptReads.campaignBySlug().get({ slug });
  if (!campaign) return resultsFromTallies(slug, options).results;
  const previous = campaign.previousCampaignId ? keptReads.campaignById().get({ id: campaign.previousCampaignId }) : undefined;
  // Everything the results are computed from, but the products' names: both campaigns' rows (title, wave,
  // questionnaire version, invitations sent…) and counts (the revision the triggers move on every insert, deletion or
  // edit of a response, whatever path writes it; invitations used), and the options.
  const inputs = JSON.stringify([campaign, previous ?? null, campaignCounts(campaign.id), previous ? campaignCounts(previous.id) : null, minCell, provisional]);
  const kept = keptResultsOf(db.$client);
  const slot = `${campaign.id}:${minCell}:${provisional}`;
  const entry = kept.get(slot);
  if (entry && entry.inputs === inputs && sameNames(entry.productNames)) return entry.results;
  const computed = resultsFromTallies(slug, options);
  kept.set(slot, { inputs, ...computed });
  return computed.results;
}

/**
 * Computed results kept per database connection, campaign and options (issue 21: 4 to 8 ms of the team's results
 * page, on every view, for figures that change only with the data). An entry is served only when every input it was
 * computed from reads the same (`computeResults`) and its products still bear the names it shows; otherwise it is
 * computed again. Whoever asks gets the same figures: the results depend on no viewer (the pages that show them check
 * the permission first). Callers must not modify what they are given.
 */
type KeptResults = { inputs: string; productNames: Map<number, string | null>; results: CampaignResults };
const KEPT_RESULTS = 32;
const keptResults = new WeakMap<object, LRUCache<string, KeptResults>>();
function keptResultsOf(connection: object) {
  let kept = keptResults.get(connection);
  if (!kept) keptResults.set(connection, (kept = new LRUCache({ max: KEPT_RESULTS })));
  return kept;
}

const keptReads = {
  campaignBySlug: preparedQuery((db) => db.select().from(campaigns).where(eq(campaigns.slug, sql.placeholder("slug"))).prepare()),
  campaignById: preparedQuery((db) => db.select().from(campaigns).where(eq(campaigns.id, sql.placeholder("id"))).prepare()),
};

/** The products' names as they are now, for the ids given. */
function productNamesOf(ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  return new Map(getDb().select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, ids)).all().map((p) => [p.id, p.name]));
}

/** Whether the products of kept results still bear the names they had (or still do not exist). */
function sameNames(kept: Map<number, string | null>) {
  const now = productNamesOf([...kept.keys()]);
  return [...kept].every(([id, name]) => (now.get(id) ?? null) === name);
}

/** The results computed from the tallies, and the products' names they read. */
function resultsFromTallies(slug: string, { minCell = PUBLIC_MIN_CELL, provisional = false }: { minCell?: number; provisional?: boolean }) {
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
  // The answers' tallies (issue 21): kept as responses are stored, rather than every response read again. The
  // provisional view of another batch size than the tallies' is recomputed from the responses.
  const tally = provisional && minCell !== TALLY_BATCH ? recomputedTally(campaign.id, minCell) : campaignTally(campaign.id);

  const previous = campaign.previousCampaignId ? db.select().from(campaigns).where(eq(campaigns.id, campaign.previousCampaignId)).get() : undefined;
  const comparable = new Set(previous ? comparableKeys(row.changes as ItemChange[]) : []);
  const previousTally = previous ? campaignTally(previous.id) : undefined;

  // A subject is a product (key "p:<id>"), a national service (key "s:<name>") or none (NO_SUBJECT.key).
  const subjectKeys = [...tally.subjects].sort((a, b) => Number(a === NO_SUBJECT.key) - Number(b === NO_SUBJECT.key));
  const productIds = subjectKeys.filter((k) => k.startsWith("p:")).map((k) => Number(k.slice(2)));
  const productNames = productNamesOf(productIds);
  const subjectOf = (key: string) =>
    key === NO_SUBJECT.key
      ? { id: null, name: NO_SUBJECT.name }
      : key.startsWith("p:")
        ? { id: Number(key.slice(2)), name: productNames.get(Number(key.slice(2))) ?? "Logiciel" }
        : { id: null, name: key.slice(2) };

  const items = measuresOf(definition).map((measure): ItemResult => {
    // Each cell's answers to this question; in the provisional view, only its whole batches, one behind.
    const cells = subjectKeys.map((key) => {
      const cell = tally.cells.get(measure.key)?.get(key);
      const answeredInCell = cell?.answered ?? 0;
      const n = provisional ? provisionalCount(answeredInCell, minCell) : answeredInCell;
      const data = cell ? valueCounts(provisional ? cell.counted : cell.total) : new Map<number | string, number>();
      return { key, n, data, waiting: n < answeredInCell && n === 0 };
    });
    const values = new Map<number | string, number>();
    for (const c of cells) for (const [value, k] of c.data) values.set(value, (values.get(value) ?? 0) + k);
    const n = cells.reduce((sum, c) => sum + c.n, 0);
    const suppressed = n < minCell;
    const published = suppressSmallCells(cells, minCell, suppressed ? undefined : n);
    const baseKey = measure.key.split(".")[0];
    let change: ItemResult["change"] = null;
    if (!suppressed && previous && comparable.has(baseKey)) {
      const before = previousTally ? allAnswers(previousTally, measure) : { n: 0, counts: new Map<number | string, number>() };
      if (before.n >= minCell) {
        if (measure.type === "nps") {
          const d = npsDifferenceFromCounts(before.counts, values);
          if (d) change = { comparedWith: previous.wave, measure: "nps", value: round(d.value, 1), low: round(d.low, 1), high: round(d.high, 1) };
        } else if (measure.type === "likert" || measure.type === "csat") {
          const d = proportionDifference(topBoxCounts(before.counts, 4), topBoxCounts(values, 4));
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
      distribution: suppressed ? null : distributionFromCounts(values, measure.scale),
      stats: suppressed ? null : summaryStatsFromCounts(measure.type, values),
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
          distribution: rows && !hidden ? distributionFromCounts(rows, measure.scale) : null,
          stats: rows && !hidden ? summaryStatsFromCounts(measure.type, rows) : null,
        };
      }),
    };
  });
  // Responses carry no link to invitations: the rate counts invitations used, not responses (a count kept by triggers).
  const used = campaignCounts(campaign.id).invitationsUsed;
  const rate = responseRate(provisional ? batchedCount(used, minCell) : used, campaign.invitedCount);
  const results: CampaignResults = {
    format: 2,
    provisional,
    campaign: { slug: campaign.slug, title: campaign.title, wave: campaign.wave },
    respondents: provisional ? batchedCount(tally.responses, minCell) : tally.responses,
    responseRate: rate ? { value: round(rate.value, 3), low: round(rate.low, 3), high: round(rate.high, 3) } : null,
    minCell,
    items,
  };
  // Each product asked for, with its name or null when it no longer exists ("Logiciel" above).
  return { results, productNames: new Map(productIds.map((id) => [id, productNames.get(id) ?? null])) };
}

export const RESULTS_METHOD =
  "Réponses « non concerné » et questions sans réponse exclues des dénominateurs. Part « plutôt ou très satisfait » (top-2-box) " +
  "avec intervalle de confiance à 95 % de Wilson ; NPS (promoteurs 9–10 moins détracteurs 0–6) avec intervalle à 95 % par " +
  "approximation normale ; évolution entre vagues par la méthode hybride de Newcombe, seulement pour les questions inchangées " +
  "ou reformulées. Chaque groupe de répondants est une case, y compris celles et ceux qui n'ont pas indiqué de logiciel " +
  "(« Non renseigné ou autre ») ; toute case de moins de 10 répondants est masquée, ainsi qu'au moins une case complémentaire " +
  "quand le total publié permettrait de la retrouver par soustraction. Les réponses libres ne sont jamais publiées.";
