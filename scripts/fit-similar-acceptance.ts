/**
 * `npx tsx scripts/fit-similar-acceptance.ts [--lambda 1] [--rank probability|score] [--coverage 0.9] [--examples 5]`:
 * fits the logistic regression that decides whether a similar-irritant candidate is shown, and in which order (the
 * engine orders the shown ones by its probability; `--rank score` measures the soft cosine's order instead;
 * app/modules/irritants/similarity-acceptance.ts) on the first
 * labelled set (tests/fixtures/similar-eval.json, both halves) and the first and second held-out sets
 * (tests/fixtures/similar-holdout.json, similar-holdout2.json), development data since session 31 (`--sets all` for
 * the first set alone). Never on a held-out set not yet spent (holdout3).
 *
 * Examples: for each paraphrase, its candidates among the first five by soft cosine (its original is a positive, the
 * others negatives); for each unrelated query, the irritant it must not bring up, when among the first five (negative).
 * Cross-validation: five folds grouped by original (a paraphrase and the unrelated queries naming its original are in the
 * same fold); each fold's look-ups are scored by a model fitted on the four others, and the script prints top-1, top-3
 * and false positives for a range of thresholds, as `npm run eval:similar` counts them. Then it fits on everything and
 * prints the constants to paste into `ACCEPTANCE_MODEL`.
 */
import { type CandidateFeatures, FEATURE_NAMES, featureVector } from "../app/modules/irritants";
import { rankSimilarCandidates } from "../app/modules/irritants/index.server";
import { loadEvaluation } from "./similar-eval/evaluate";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const lambda = Number(option("--lambda", "1"));
const rankBy = option("--rank", "probability");
// Features left out (held at 0), to measure what each brings: --drop gapToNext,shareOfBest
const dropped = new Set(option("--drop", "").split(",").filter(Boolean));
const inputs = (c: CandidateFeatures) => featureVector(c).map((v, j) => (dropped.has(FEATURE_NAMES[j]) ? 0 : v));
// A candidate covering at least this share of the query's weight is shown whatever the model says (0: no such rule).
const coverageRule = Number(option("--coverage", "0"));
const FOLDS = 5;
const SHOWN = 5;
// How many of each look-up's first candidates are examples (the shown five by default).
const EXAMPLES = Number(option("--examples", String(SHOWN)));

type Candidate = CandidateFeatures & { id: number };
type Query = { fold: number; candidates: Candidate[]; target?: number; forbidden?: number };

// The development sets (decision 019): the first set, both halves, and the first and second held-out sets, spent in
// sessions 29 and 30. Never the third (holdout3), frozen.
// Each is looked up on its own evaluation database, as `npm run eval:similar` does.
const sets = option("--sets", "all,holdout,holdout2").split(",") as ("all" | "holdout" | "holdout2")[];
const queries: Query[] = [];
for (const [s, name] of sets.entries()) {
  const { set, database, viewer, irritantIds } = await loadEvaluation(name);
  try {
    const foldOf = new Map(set.pairs.map((p, i) => [p.id, (i + s) % FOLDS] as const));
    for (const pair of set.pairs) queries.push({ fold: foldOf.get(pair.id)!, candidates: rankSimilarCandidates(viewer, pair.paraphrase), target: irritantIds.get(pair.id) });
    for (const u of set.unrelated) queries.push({ fold: foldOf.get(u.irritant)!, candidates: rankSimilarCandidates(viewer, u.query), forbidden: irritantIds.get(u.irritant) });
  } finally {
    database.close();
  }
}

function examples(qs: Query[]) {
  const rows: { x: number[]; y: number }[] = [];
  for (const q of qs)
    for (const c of q.candidates.slice(0, EXAMPLES)) {
      if (q.target !== undefined) rows.push({ x: inputs(c), y: c.id === q.target ? 1 : 0 });
      else if (c.id === q.forbidden) rows.push({ x: inputs(c), y: 0 });
    }
  return rows;
}

/** L2-regularised logistic regression on standardised inputs, by gradient descent; returns raw-scale coefficients. */
function fit(rows: { x: number[]; y: number }[]) {
  const k = FEATURE_NAMES.length;
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r.x[j], 0) / rows.length);
  const std = Array.from({ length: k }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r.x[j] - mean[j]) ** 2, 0) / rows.length) || 1);
  const z = rows.map((r) => r.x.map((v, j) => (v - mean[j]) / std[j]));
  let w = new Array<number>(k).fill(0);
  let b = 0;
  for (let step = 0; step < 4000; step++) {
    const gw = w.map((wj) => (lambda * wj) / rows.length);
    let gb = 0;
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-(b + z[i].reduce((s, v, j) => s + v * w[j], 0))));
      const e = p - r.y;
      gb += e / rows.length;
      z[i].forEach((v, j) => (gw[j] += (e * v) / rows.length));
    });
    w = w.map((wj, j) => wj - 0.5 * gw[j]);
    b -= 0.5 * gb;
  }
  const weights = w.map((wj, j) => wj / std[j]);
  const intercept = b - w.reduce((s, wj, j) => s + (wj * mean[j]) / std[j], 0);
  return { weights, intercept, standardised: w };
}

const probability = (m: { weights: number[]; intercept: number }, c: Candidate) =>
  1 / (1 + Math.exp(-inputs(c).reduce((s, v, j) => s + v * m.weights[j], m.intercept)));

// Cross-validated probabilities of every candidate of every query.
const scored = queries.map((q) => ({ ...q, p: new Array<number>(q.candidates.length).fill(0) }));
for (let fold = 0; fold < FOLDS; fold++) {
  const model = fit(examples(queries.filter((q) => q.fold !== fold)));
  for (const q of scored) if (q.fold === fold) q.candidates.forEach((c, i) => (q.p[i] = probability(model, c)));
}

function measure(threshold: number) {
  let top1 = 0;
  let top3 = 0;
  let fp = 0;
  let pairs = 0;
  let unrelated = 0;
  for (const q of scored) {
    const order = q.candidates.map((c, i) => ({ id: c.id, p: coverageRule && c.queryCoverage >= coverageRule ? 1 : q.p[i], score: c.score }));
    if (rankBy === "probability") order.sort((a, b) => b.p - a.p);
    const shown = order.filter((c) => c.p >= threshold).slice(0, SHOWN).map((c) => c.id);
    if (q.target !== undefined) {
      pairs++;
      if (shown[0] === q.target) top1++;
      if (shown.slice(0, 3).includes(q.target)) top3++;
    } else {
      unrelated++;
      if (shown.slice(0, 3).includes(q.forbidden!)) fp++;
    }
  }
  return { top1: top1 / pairs, top3: top3 / pairs, fp: fp / unrelated, counts: `${top1}/${top3}/${pairs} ${fp}/${unrelated}` };
}

console.log(`lambda ${lambda}, ranked by ${rankBy}, dropped: ${[...dropped].join(", ") || "none"}; cross-validated (${FOLDS} folds) on ${queries.length} look-ups`);
console.log("threshold  top-1  top-3  FP     (top-1/top-3/pairs unrelated FP/n)");
for (const t of [0, 0.05, 0.1, 0.15, 0.175, 0.2, 0.225, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7]) {
  const m = measure(t);
  console.log(`${t.toFixed(3).padEnd(10)} ${m.top1.toFixed(2)}   ${m.top3.toFixed(2)}   ${m.fp.toFixed(2)}   ${m.counts}`);
}
const all = examples(queries);
const final = fit(all);
console.log(`\nFitted on all ${all.length} examples (${all.filter((r) => r.y === 1).length} positive):`);
FEATURE_NAMES.forEach((name, j) => console.log(`  ${name.padEnd(18)} ${final.weights[j].toFixed(4)}  (standardised ${final.standardised[j].toFixed(3)})`));
console.log(`  intercept          ${final.intercept.toFixed(4)}`);
console.log(`weights: [${final.weights.map((v) => v.toFixed(4)).join(", ")}], intercept: ${final.intercept.toFixed(4)}`);
