import { eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "#db/client";
import { users } from "#db/schema";
import { loadDemoData } from "../../app/seed/demo.server";
import { fileIrritant, findSimilar, rankSimilarCandidates, updateIrritant } from "../../app/modules/irritants/index.server";
import type { SessionUser } from "../../app/lib/session-users.server";
import { createTestDatabase } from "../../tests/support/database";
import { wilsonInterval } from "./wilson";

/**
 * `holdout` is the whole of the first separate held-out set (tests/fixtures/similar-holdout.json, issue 19), `holdout2`
 * the whole of the second (tests/fixtures/similar-holdout2.json, same shape): both development data since session 31.
 * `holdout3` is the whole of the third (tests/fixtures/similar-holdout3.json, same shape), `holdout4` the whole of the
 * fourth and `holdout5` the whole of the fifth (tests/fixtures/similar-holdout4.json, similar-holdout5.json, same shape,
 * each written without sight of the engine or earlier sets): all three frozen, run once per finished method, never
 * tuned against.
 */
export type Split = "dev" | "test" | "all" | "holdout" | "holdout2" | "holdout3" | "holdout4" | "holdout5";
const HOLDOUT_FILES: Partial<Record<Split, string>> = {
  holdout: "similar-holdout.json",
  holdout2: "similar-holdout2.json",
  holdout3: "similar-holdout3.json",
  holdout4: "similar-holdout4.json",
  holdout5: "similar-holdout5.json",
};
/** The held-out sets' names, for `--set`. */
export const HOLDOUT_SETS = Object.keys(HOLDOUT_FILES) as Split[];

type LabelledSet = {
  pairs: { id: string; split: string; original: { title: string; body: string }; paraphrase: string }[];
  unrelated: { id: string; split: string; query: string; irritant: string }[];
};

const fixture = (split: Split) =>
  path.resolve(import.meta.dirname, "../../tests/fixtures", HOLDOUT_FILES[split] ?? "similar-eval.json");
/** How many similar irritants the filing page shows. */
const SHOWN = 5;

/** The labelled set a split belongs to (the first set for dev, test and all). */
export const readLabelledSet = (split: Split) => JSON.parse(fs.readFileSync(fixture(split), "utf8")) as LabelledSet;

export function sessionUser(email: string, db: Db): SessionUser {
  const row = db.select().from(users).where(eq(users.email, email)).get()!;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, organisationId: row.organisationId };
}

/** Who files the originals, who publishes them, and who looks them up (another practitioner, who sees published ones). */
export const EVALUATION_ACCOUNTS = { author: "medecin@demo.sentinelle.fr", team: "equipe@demo.sentinelle.fr", viewer: "soutien-1@demo.sentinelle.fr" };

/**
 * A fresh database built by the real migrations, holding the demo data and every original of the set filed by the demo
 * practitioner and published by the team; look-ups are made as `viewer`, another practitioner, who sees only published
 * irritants. The caller closes `database`.
 */
export async function loadEvaluation(split: Split) {
  const set = readLabelledSet(split);
  const database = createTestDatabase();
  await loadDemoData();
  const author = sessionUser(EVALUATION_ACCOUNTS.author, database.db);
  const team = sessionUser(EVALUATION_ACCOUNTS.team, database.db);
  const viewer = sessionUser(EVALUATION_ACCOUNTS.viewer, database.db);
  const irritantIds = new Map<string, number>();
  for (const pair of set.pairs) {
    const { id } = fileIrritant(author, { title: pair.original.title, body: pair.original.body });
    updateIrritant(team, id, { published: true });
    irritantIds.set(pair.id, id);
  }
  return { set, database, viewer, irritantIds };
}

/** Runs the labelled set against the look-up the filing page uses (`findSimilar`), on `loadEvaluation`'s database. */
export async function evaluateSimilar(split: Split = "test") {
  const { set, database, viewer, irritantIds } = await loadEvaluation(split);
  try {
    return measureLookUps(set, split, viewer, irritantIds);
  } finally {
    database.close();
  }
}

const proportion = (successes: number, n: number) => ({ successes, n, rate: n ? successes / n : 0, ...wilsonInterval(successes, n) });
/** The value below which a share `q` of the sorted values lie (nearest rank). */
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : 0);

/**
 * Each paraphrase and each unrelated query of the split looked up with `findSimilar` as `viewer`, on the current
 * database, where `irritantIds` says which irritant holds each pair's original. Only `findSimilar` is timed. Each pair
 * also says where its original stands among every candidate above the score floor, before the acceptance model
 * (`candidateRank`, 0: not a candidate at all; candidate recall counts those above 0), read after the timed look-ups.
 */
export function measureLookUps(set: LabelledSet, split: Split, viewer: SessionUser, irritantIds: Map<string, number>) {
  // A held-out set is run whole; the first set by its halves.
  const inSplit = <T extends { split: string }>(rows: T[]) => rows.filter((r) => split === "all" || split in HOLDOUT_FILES || r.split === split);
  const latencies: number[] = [];
  const lookUp = (text: string) => {
    const started = performance.now();
    const found = findSimilar(viewer, text, SHOWN).map((s) => s.id);
    latencies.push(performance.now() - started);
    return found;
  };
  const labelled = inSplit(set.pairs);
  const pairs = labelled.map((pair) => {
    const found = lookUp(pair.paraphrase);
    return { id: pair.id, rank: found.indexOf(irritantIds.get(pair.id)!) + 1, candidateRank: 0 };
  });
  const unrelated = inSplit(set.unrelated).map((u) => ({ id: u.id, falsePositive: lookUp(u.query).slice(0, 3).includes(irritantIds.get(u.irritant)!) }));
  for (const [i, pair] of labelled.entries())
    pairs[i].candidateRank = rankSimilarCandidates(viewer, pair.paraphrase).findIndex((c) => c.id === irritantIds.get(pair.id)) + 1;

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    split,
    top1: proportion(pairs.filter((p) => p.rank === 1).length, pairs.length),
    top3: proportion(pairs.filter((p) => p.rank >= 1 && p.rank <= 3).length, pairs.length),
    falsePositives: proportion(unrelated.filter((u) => u.falsePositive).length, unrelated.length),
    candidateRecall: proportion(pairs.filter((p) => p.candidateRank > 0).length, pairs.length),
    medianLatencyMs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
    p95LatencyMs: quantile(sorted, 0.95),
    pairs,
    unrelated,
  };
}

export type Measured = ReturnType<typeof measureLookUps>;
