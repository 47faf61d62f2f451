import { eq } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { users } from "#db/schema";
import { loadDemoData } from "../../app/seed/demo.server";
import { fileIrritant, findSimilar, rankSimilarCandidates, updateIrritant } from "../../app/modules/irritants/index.server";
import type { SessionUser } from "../../app/lib/session-users.server";
import { createTestDatabase } from "../../tests/support/database";
import { wilsonInterval } from "./wilson";

/**
 * `holdout` is the whole of the first separate held-out set (tests/fixtures/similar-holdout.json, issue 19), `holdout2`
 * the whole of the second (tests/fixtures/similar-holdout2.json, same shape): both development data since session 31.
 * `holdout3` is the whole of the third (tests/fixtures/similar-holdout3.json, same shape), frozen: run once per
 * finished method, never tuned against.
 */
export type Split = "dev" | "test" | "all" | "holdout" | "holdout2" | "holdout3";
const HOLDOUT_FILES: Partial<Record<Split, string>> = {
  holdout: "similar-holdout.json",
  holdout2: "similar-holdout2.json",
  holdout3: "similar-holdout3.json",
};

type LabelledSet = {
  pairs: { id: string; split: string; original: { title: string; body: string }; paraphrase: string }[];
  unrelated: { id: string; split: string; query: string; irritant: string }[];
};

const fixture = (split: Split) =>
  path.resolve(import.meta.dirname, "../../tests/fixtures", HOLDOUT_FILES[split] ?? "similar-eval.json");
/** How many similar irritants the filing page shows. */
const SHOWN = 5;

function sessionUser(email: string, db: ReturnType<typeof createTestDatabase>["db"]): SessionUser {
  const row = db.select().from(users).where(eq(users.email, email)).get()!;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, organisationId: row.organisationId };
}

/**
 * A fresh database built by the real migrations, holding the demo data and every original of the set filed by the demo
 * practitioner and published by the team; look-ups are made as `viewer`, another practitioner, who sees only published
 * irritants. The caller closes `database`.
 */
export async function loadEvaluation(split: Split) {
  const set = JSON.parse(fs.readFileSync(fixture(split), "utf8")) as LabelledSet;
  const database = createTestDatabase();
  await loadDemoData();
  const author = sessionUser("medecin@demo.sentinelle.fr", database.db);
  const team = sessionUser("equipe@demo.sentinelle.fr", database.db);
  const viewer = sessionUser("soutien-1@demo.sentinelle.fr", database.db);
  const irritantIds = new Map<string, number>();
  for (const pair of set.pairs) {
    const { id } = fileIrritant(author, { title: pair.original.title, body: pair.original.body });
    updateIrritant(team, id, { published: true });
    irritantIds.set(pair.id, id);
  }
  return { set, database, viewer, irritantIds };
}

/**
 * Runs the labelled set against the look-up the filing page uses (`findSimilar`), on `loadEvaluation`'s database. With
 * `candidates`, each pair also says where its original stands among every candidate above the score floor, before the
 * acceptance model (0: not a candidate at all), measured after the timed look-ups.
 */
export async function evaluateSimilar(split: Split = "test", options: { candidates?: boolean } = {}) {
  const { set, database, viewer, irritantIds } = await loadEvaluation(split);
  try {
    // A held-out set is run whole; the first set by its halves.
    const inSplit = <T extends { split: string }>(rows: T[]) => rows.filter((r) => split === "all" || split in HOLDOUT_FILES || r.split === split);
    const latencies: number[] = [];
    const lookUp = (text: string) => {
      const started = performance.now();
      const found = findSimilar(viewer, text, SHOWN).map((s) => s.id);
      latencies.push(performance.now() - started);
      return found;
    };
    const pairs = inSplit(set.pairs).map((pair) => {
      const found = lookUp(pair.paraphrase);
      return { id: pair.id, rank: found.indexOf(irritantIds.get(pair.id)!) + 1, candidateRank: 0 };
    });
    if (options.candidates)
      for (const [i, pair] of inSplit(set.pairs).entries())
        pairs[i].candidateRank = rankSimilarCandidates(viewer, pair.paraphrase).findIndex((c) => c.id === irritantIds.get(pair.id)) + 1;
    const unrelated = inSplit(set.unrelated).map((u) => ({ id: u.id, falsePositive: lookUp(u.query).slice(0, 3).includes(irritantIds.get(u.irritant)!) }));

    const proportion = (successes: number, n: number) => ({ successes, n, rate: n ? successes / n : 0, ...wilsonInterval(successes, n) });
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      split,
      top1: proportion(pairs.filter((p) => p.rank === 1).length, pairs.length),
      top3: proportion(pairs.filter((p) => p.rank >= 1 && p.rank <= 3).length, pairs.length),
      falsePositives: proportion(unrelated.filter((u) => u.falsePositive).length, unrelated.length),
      medianLatencyMs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
      candidateRecall: options.candidates ? proportion(pairs.filter((p) => p.candidateRank > 0).length, pairs.length) : undefined,
      pairs,
      unrelated,
    };
  } finally {
    database.close();
  }
}
