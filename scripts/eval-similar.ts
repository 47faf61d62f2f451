/**
 * `npm run eval:similar -- [--split dev|test|all] [--details]`: measures the similar-irritant look-up of the filing
 * page on the hand-written labelled set (tests/fixtures/similar-eval.json) and prints top-1 and top-3 recall, the
 * false-positive rate on unrelated pairs and the candidate recall, with Wilson 95 % intervals, and the median latency.
 * `npm run eval:similar -- --set holdout|holdout2 [--details]`: the same figures on the whole of the first or second
 * held-out set written by other hands (tests/fixtures/similar-holdout.json, similar-holdout2.json); both are spent by
 * tuning (development data since session 31), so `--details` lists each look-up on them as on the first set.
 * `npm run eval:similar -- --set holdout3|holdout4|holdout5`: the third, fourth or fifth held-out set
 * (tests/fixtures/similar-holdout3.json, similar-holdout4.json, similar-holdout5.json), frozen: run once per finished
 * method, aggregate figures only (`--details` is refused on them).
 * `--details` prints, for each paraphrase, its rank among the shown results and among every candidate above the score
 * floor (before the acceptance model; "-" when not a candidate), and each false positive.
 *
 * `--scale-db FILE [--copy-dir DIR] [--keep-copy] [--seed N]`, with any set: also at national scale, on a copy of FILE (a
 * `seed:scale` database, only read; the copy goes to DIR, default /tmp, and is removed afterwards unless --keep-copy),
 * each original buried among older irritants (scripts/similar-eval/scale.ts), printed beside the small database's
 * figures (with `--details`, each look-up's ranks on both).
 */
import os from "node:os";
import { evaluateSimilar, HOLDOUT_SETS, type Measured, type Split } from "./similar-eval/evaluate";
import { evaluateSimilarAtScale } from "./similar-eval/scale";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const setArg = option("--set") ?? "eval";
const splitArg = option("--split") ?? "test";
const scaleDb = option("--scale-db");
const seed = Number(option("--seed") ?? 1);
const holdout = (HOLDOUT_SETS as string[]).includes(setArg);
if (
  !(setArg === "eval" || holdout) ||
  !["dev", "test", "all"].includes(splitArg) ||
  (holdout && args.includes("--split")) ||
  (args.includes("--scale-db") && !scaleDb) ||
  !Number.isSafeInteger(seed) ||
  seed < 1
) {
  console.error(
    `Usage: npm run eval:similar -- [--split dev|test|all] [--details]  |  npm run eval:similar -- --set ${HOLDOUT_SETS.join("|")}\n` +
      "       add --scale-db FILE [--copy-dir DIR] [--keep-copy] [--seed N] to measure also on a copy of a seed:scale database",
  );
  process.exit(2);
}
const split: Split = holdout ? (setArg as Split) : (splitArg as Split);
const details = args.includes("--details");
const FROZEN_SETS: Partial<Record<Split, string>> = { holdout3: "third", holdout4: "fourth", holdout5: "fifth" };
if (details && FROZEN_SETS[split]) {
  console.error(`--details is refused on the ${FROZEN_SETS[split]} held-out set: it is frozen (aggregate figures only).`);
  process.exit(2);
}

type Proportion = Measured["top1"];
const figure = (p: Proportion) => `${p.rate.toFixed(2)} [${p.low.toFixed(2)}, ${p.high.toFixed(2)}] (${p.successes}/${p.n})`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(" / ");
const title = holdout ? `Similar irritants, held-out set (${setArg})` : `Similar irritants, ${split} split`;
const ranks = (p: Measured["pairs"][number]) => `rank ${p.rank || "-"} candidate ${p.candidateRank || "-"}`;

const small = await evaluateSimilar(split);
const smallLoad = load();
if (!scaleDb) {
  const show = (label: string, p: Proportion) => console.log(`${label.padEnd(16)} ${p.rate.toFixed(2)}  [${p.low.toFixed(2)}, ${p.high.toFixed(2)}]  (${p.successes}/${p.n})`);
  console.log(title);
  show("top-1 recall", small.top1);
  show("top-3 recall", small.top3);
  show("false positives", small.falsePositives);
  show("candidate recall", small.candidateRecall);
  console.log(`median latency   ${small.medianLatencyMs.toFixed(1)} ms`);
  console.log(`load average     ${smallLoad}`);
  if (details) {
    for (const p of small.pairs) console.log(`${p.id} ${ranks(p)}`);
    for (const u of small.unrelated) if (u.falsePositive) console.log(`${u.id} false positive`);
  }
} else {
  const started = Date.now();
  const scale = evaluateSimilarAtScale(split, scaleDb, { copyDir: option("--copy-dir") ?? os.tmpdir(), keepCopy: args.includes("--keep-copy"), seed });
  const scaleLoad = load();
  const filing = [...scale.buried.filingMs].sort((a, b) => a - b);
  const rows: [string, string, string][] = [
    ["", "small database", `seed:scale copy (${scale.irritants.toLocaleString("en")} irritants)`],
    ["top-1 recall", figure(small.top1), figure(scale.top1)],
    ["top-3 recall", figure(small.top3), figure(scale.top3)],
    ["false positives", figure(small.falsePositives), figure(scale.falsePositives)],
    ["candidate recall", figure(small.candidateRecall), figure(scale.candidateRecall)],
    ["look-up median", ms(small.medianLatencyMs), ms(scale.medianLatencyMs)],
    ["look-up p95", ms(small.p95LatencyMs), ms(scale.p95LatencyMs)],
    ["load average", smallLoad, scaleLoad],
  ];
  console.log(`${title}, small database and national scale`);
  for (const [label, a, b] of rows) console.log(`${label.padEnd(18)} ${a.padEnd(30)} ${b}`);
  console.log(
    `Originals buried: ${scale.buried.ids.size}, dated ${scale.buried.history.first.slice(0, 10)} to ${scale.buried.history.until.slice(0, 10)} ` +
      `(history ${scale.buried.history.first.slice(0, 10)} to ${scale.buried.history.last.slice(0, 10)}); filing them took ` +
      `${ms(filing[Math.floor(filing.length / 2)])} median, ${ms(filing[Math.min(filing.length - 1, Math.ceil(0.95 * filing.length) - 1)])} p95 ` +
      `(fileIrritant, its similar look-up included). Scale run: ${Math.round((Date.now() - started) / 1000)} s, seed ${seed}` +
      (scale.copy ? `, copy kept at ${scale.copy}.` : "."),
  );
  if (details) {
    // The same pairs in the same order on both databases (measureLookUps filters the same set by the same split).
    for (const [i, p] of small.pairs.entries()) console.log(`${p.id} small ${ranks(p)}, scale ${ranks(scale.pairs[i])}`);
    for (const [i, u] of small.unrelated.entries())
      if (u.falsePositive || scale.unrelated[i].falsePositive)
        console.log(`${u.id} false positive on ${[u.falsePositive && "small", scale.unrelated[i].falsePositive && "scale"].filter(Boolean).join(" and ")}`);
  }
}
