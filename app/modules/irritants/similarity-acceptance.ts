/**
 * Whether a similar-irritant candidate is shown, and in which order (issue 19). The soft cosine ranks candidates, but
 * its scores of true twins and of unrelated irritants sharing the theme overlap, so a threshold on it alone cannot
 * lower false positives without losing recall. The decision here weighs several features of a candidate in a logistic regression
 * whose coefficients were fitted on the development sets (the first labelled set and the first two held-out sets, with
 * cross-validation) by `scripts/fit-similar-acceptance.ts`, which printed the constants below. Pure.
 */

/** What the decision reads of one candidate, once the candidates are ranked by their soft cosine. */
export type CandidateFeatures = {
  /** The soft cosine of the query and the candidate, in [0, 1]. */
  score: number;
  /** Share of the query's weight (squared tf × idf) on terms the candidate also holds: how much of the query it explains. */
  queryCoverage: number;
  /** Share of the candidate's weight on terms the query also holds. */
  candidateCoverage: number;
  /** The mean rarity (idf) of the exactly shared terms, as a share of the highest possible: low when only generic words are shared. */
  sharedRarity: number;
  /** How many distinct terms (concepts, stems) the two share. */
  sharedTerms: number;
  /** |log(candidate terms / query terms)|: how different their lengths are. */
  lengthRatio: number;
  /** The score minus the next candidate's (the score itself for the last). */
  gapToNext: number;
  /** The score as a share of the best candidate's. */
  shareOfBest: number;
  /** How many concepts of the field's vocabulary the query and the candidate share. */
  sharedConcepts: number;
  /** The share of the query's concepts the candidate holds (0 when the query names none). */
  conceptShare: number;
  /** How many concepts the candidate names that the query does not: another subject, or another kind of failure. */
  missingConcepts: number;
};

export const FEATURE_NAMES = [
  "score",
  "queryCoverage",
  "candidateCoverage",
  "sharedRarity",
  "sharedTerms",
  "lengthRatio",
  "gapToNext",
  "shareOfBest",
  "sharedConcepts",
  "conceptShare",
  "missingConcepts",
] as const satisfies readonly (keyof CandidateFeatures)[];

const COUNTS: ReadonlySet<keyof CandidateFeatures> = new Set(["sharedTerms", "sharedConcepts", "missingConcepts"]);

/** The inputs of the regression, in `FEATURE_NAMES` order (counts log-scaled). */
export function featureVector(f: CandidateFeatures): number[] {
  return FEATURE_NAMES.map((name) => (COUNTS.has(name) ? Math.log1p(f[name]) : f[name]));
}

/**
 * Coefficients of the logistic regression (`FEATURE_NAMES` order, then the intercept), the probability from which a
 * candidate is shown, and the query coverage from which it is shown whatever the probability.
 */
export type AcceptanceModel = { weights: readonly number[]; intercept: number; threshold: number; coverage: number };

/** Probability, by the model, that the candidate is the same problem as the query. */
export function acceptanceProbability(f: CandidateFeatures, model: AcceptanceModel = ACCEPTANCE_MODEL): number {
  const x = featureVector(f);
  const z = x.reduce((sum, v, i) => sum + v * model.weights[i], model.intercept);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Whether the candidate is shown: the model takes it for the same problem, or it holds nearly all the query's weight
 * (a short query, a title, whose every term the candidate holds: the model, fitted on paraphrases sharing few words,
 * would turn down an exact twin that shares only four).
 */
export function isAccepted(f: CandidateFeatures, model: AcceptanceModel = ACCEPTANCE_MODEL): boolean {
  return f.queryCoverage >= model.coverage || acceptanceProbability(f, model) >= model.threshold;
}

/**
 * The candidates shown, from those ranked by soft cosine (best first, with their rank features): those accepted
 * (`isAccepted`), ordered by the model's probability, a candidate of the coverage rule first, ties kept in the soft
 * cosine's order. Ordering by the probability rather than by the soft cosine alone puts first the candidate the model
 * rates most likely the same problem (session 31, cross-validated: docs/similar-evaluation.md).
 */
export function acceptedInOrder<T extends CandidateFeatures>(ranked: T[], model: AcceptanceModel = ACCEPTANCE_MODEL): T[] {
  return ranked
    .map((candidate) => ({ candidate, p: candidate.queryCoverage >= model.coverage ? 1 : acceptanceProbability(candidate, model) }))
    .filter(({ p }) => p >= model.threshold)
    .sort((a, b) => b.p - a.p)
    .map(({ candidate }) => candidate);
}

/**
 * Features of the ranked candidates that depend on their neighbours (gap to the next, share of the best), from their
 * own features, best first.
 */
export function withRankFeatures<T extends { score: number }>(ranked: T[]): (T & Pick<CandidateFeatures, "gapToNext" | "shareOfBest">)[] {
  const best = ranked[0]?.score ?? 0;
  return ranked.map((c, i) => ({
    ...c,
    gapToNext: i + 1 < ranked.length ? c.score - ranked[i + 1].score : c.score,
    shareOfBest: best > 0 ? c.score / best : 0,
  }));
}

// Printed by `npx tsx scripts/fit-similar-acceptance.ts --coverage 0.9` (session 31: λ = 1, 1,325 examples, 263
// positive, from the three development sets — the first set and the first and second held-out sets — with migration 0036's
// vocabulary, candidates ordered by this probability). The threshold is session 30's, kept so that each change is
// measured at the same point: cross-validated with five folds grouped by original, top-1 0.71, top-3 0.75, false
// positives 0.24 on the 302 paraphrases and 280 unrelated queries (docs/similar-evaluation.md, "Session 31"). Most of
// the weight is on the number of shared terms, the rank features (share of the best, gap to the next) and the concepts
// the candidate names that the query does not; the soft cosine's own weight is negative once those are in (they carry
// it). The coverage rule keeps an exact twin of a short query shown (tests/integration/seed-scale.test.ts).
export const ACCEPTANCE_MODEL: AcceptanceModel = {
  weights: [-5.4373, -0.7208, -1.0037, 4.185, 4.495, -1.1069, 8.1491, 6.9034, 0.0077, 1.0604, -1.3471],
  intercept: -12.6219,
  threshold: 0.2,
  coverage: 0.9,
};
