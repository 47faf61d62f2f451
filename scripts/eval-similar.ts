/**
 * `npm run eval:similar -- [--split dev|test|all] [--details]`: measures the similar-irritant look-up of the filing
 * page on the hand-written labelled set (tests/fixtures/similar-eval.json) and prints top-1 and top-3 recall and the
 * false-positive rate on unrelated pairs, with Wilson 95 % intervals, and the median latency. The default is the
 * frozen test half; tune on the dev half only (`--details` lists each look-up, refused on the test half).
 * `npm run eval:similar -- --set holdout`: the same figures on the whole of the separate held-out set written by other
 * hands (tests/fixtures/similar-holdout.json); it has no halves and never shows `--details`. `--set holdout2`: the same
 * on the second held-out set (tests/fixtures/similar-holdout2.json), written after the first was spent by tuning.
 */
import { evaluateSimilar, type Split } from "./similar-eval/evaluate";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const setArg = option("--set") ?? "eval";
const splitArg = option("--split") ?? "test";
const holdout = setArg === "holdout" || setArg === "holdout2";
if (!["eval", "holdout", "holdout2"].includes(setArg) || !["dev", "test", "all"].includes(splitArg) || (holdout && args.includes("--split"))) {
  console.error("Usage: npm run eval:similar -- [--split dev|test|all] [--details]  |  npm run eval:similar -- --set holdout|holdout2");
  process.exit(2);
}
const split: Split = holdout ? (setArg as Split) : (splitArg as Split);
if (args.includes("--details") && split !== "dev") {
  console.error(`--details is for the dev half only: the ${holdout ? "held-out set" : "test half"} is frozen.`);
  process.exit(2);
}

const result = await evaluateSimilar(split);
const show = (label: string, p: { successes: number; n: number; rate: number; low: number; high: number }) =>
  console.log(`${label.padEnd(16)} ${p.rate.toFixed(2)}  [${p.low.toFixed(2)}, ${p.high.toFixed(2)}]  (${p.successes}/${p.n})`);
console.log(holdout ? `Similar irritants, held-out set (${setArg})` : `Similar irritants, ${split} split`);
show("top-1 recall", result.top1);
show("top-3 recall", result.top3);
show("false positives", result.falsePositives);
console.log(`median latency   ${result.medianLatencyMs.toFixed(1)} ms`);
if (args.includes("--details")) {
  for (const p of result.pairs) console.log(`${p.id} rank ${p.rank || "-"}`);
  for (const u of result.unrelated) if (u.falsePositive) console.log(`${u.id} false positive`);
}
