/**
 * `npm run eval:similar -- [--split dev|test|all] [--details]`: measures the similar-irritant look-up of the filing
 * page on the hand-written labelled set (tests/fixtures/similar-eval.json) and prints top-1 and top-3 recall and the
 * false-positive rate on unrelated pairs, with Wilson 95 % intervals, and the median latency.
 * `npm run eval:similar -- --set holdout|holdout2 [--details]`: the same figures on the whole of the first or second
 * held-out set written by other hands (tests/fixtures/similar-holdout.json, similar-holdout2.json); both are spent by
 * tuning (development data since session 31), so `--details` lists each look-up on them as on the first set.
 * `npm run eval:similar -- --set holdout3`: the third held-out set (tests/fixtures/similar-holdout3.json), frozen: run
 * once per finished method, aggregate figures only (`--details` is refused on it).
 * `--details` prints, for each paraphrase, its rank among the shown results and among every candidate above the score
 * floor (before the acceptance model; "-" when not a candidate), the candidate recall, and each false positive.
 */
import { evaluateSimilar, type Split } from "./similar-eval/evaluate";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const setArg = option("--set") ?? "eval";
const splitArg = option("--split") ?? "test";
const holdout = ["holdout", "holdout2", "holdout3"].includes(setArg);
if (!["eval", "holdout", "holdout2", "holdout3"].includes(setArg) || !["dev", "test", "all"].includes(splitArg) || (holdout && args.includes("--split"))) {
  console.error("Usage: npm run eval:similar -- [--split dev|test|all] [--details]  |  npm run eval:similar -- --set holdout|holdout2|holdout3");
  process.exit(2);
}
const split: Split = holdout ? (setArg as Split) : (splitArg as Split);
const details = args.includes("--details");
if (details && split === "holdout3") {
  console.error("--details is refused on the third held-out set: it is frozen (aggregate figures only).");
  process.exit(2);
}

const result = await evaluateSimilar(split, { candidates: details });
const show = (label: string, p: { successes: number; n: number; rate: number; low: number; high: number }) =>
  console.log(`${label.padEnd(16)} ${p.rate.toFixed(2)}  [${p.low.toFixed(2)}, ${p.high.toFixed(2)}]  (${p.successes}/${p.n})`);
console.log(holdout ? `Similar irritants, held-out set (${setArg})` : `Similar irritants, ${split} split`);
show("top-1 recall", result.top1);
show("top-3 recall", result.top3);
show("false positives", result.falsePositives);
console.log(`median latency   ${result.medianLatencyMs.toFixed(1)} ms`);
if (details) {
  if (result.candidateRecall) show("candidate recall", result.candidateRecall);
  for (const p of result.pairs) console.log(`${p.id} rank ${p.rank || "-"} candidate ${p.candidateRank || "-"}`);
  for (const u of result.unrelated) if (u.falsePositive) console.log(`${u.id} false positive`);
}
