import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "#db/client";
import { findSimilar, searchDocument } from "~/modules/irritants/index.server";
import { EVALUATION_ACCOUNTS, readLabelledSet } from "../../scripts/similar-eval/evaluate";
import { buryOriginals, copyScaleDatabase, evaluateSimilarAtScale, evaluationViewer, openScaleCopy } from "../../scripts/similar-eval/scale";

// The national-scale evaluation's mechanism (`npm run eval:similar -- --scale-db FILE`) on a small seed:scale database:
// originals filed through the application, buried among older irritants, found; FILE itself never written. Not the
// figures: those are measured on the 1,000,000-irritant database (docs/similar-evaluation.md).
const IRRITANTS = 2000;
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
let dir: string;
let file: string;

/** The seeded database's bytes, with its write-ahead log if any. */
function fingerprint() {
  const hash = createHash("sha256");
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest("hex");
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-similar-scale-"));
  file = path.join(dir, "scale.db");
  execFileSync(process.execPath, [tsx, "scripts/seed-scale.ts", "--irritants", String(IRRITANTS), "--seed", "3"], {
    env: { ...process.env, DATABASE_URL: file },
    stdio: "pipe",
  });
}, 120_000);

afterAll(() => {
  setDb(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T>(db: Db, query: string, ...params: unknown[]) => db.$client.prepare(query).get(...params) as T;

describe("similar irritants at scale: originals buried in a copy of a seed:scale database", () => {
  it("files each original through the application, with an old date and an old id, indexed as filing indexes, and finds it", () => {
    const before = fingerprint();
    const { copy, remove } = copyScaleDatabase(file, path.join(dir, "copies"));
    const db = openScaleCopy(copy);
    try {
      const pairs = readLabelledSet("dev").pairs.slice(0, 2);
      const highest = one<{ n: number }>(db, "select max(id) as n from irritants").n;
      const { first, last } = one<{ first: string; last: string }>(db, "select min(created_at) as first, max(created_at) as last from irritants");
      const buried = buryOriginals(db, pairs.map((p) => ({ key: p.id, ...p.original })));
      const viewer = evaluationViewer(db);

      // Still as many irritants, and no id beyond the seeded ones: each original took an older irritant's place.
      expect(one<{ n: number }>(db, "select count(*) as n from irritants").n).toBe(IRRITANTS);
      expect(one<{ n: number }>(db, "select max(id) as n from irritants").n).toBe(highest);
      for (const pair of pairs) {
        const id = buried.ids.get(pair.id)!;
        const row = one<{ title: string; body: string; created_at: string; published: number; author: string }>(
          db,
          "select i.title, i.body, i.created_at, i.published, u.email as author from irritants i join users u on u.id = i.author_id where i.id = ?",
          id,
        );
        expect(row).toMatchObject({ title: pair.original.title, body: pair.original.body, published: 1, author: EVALUATION_ACCOUNTS.author });
        // Dated within the first two thirds of the seeded history, with newer irritants after it.
        const span = Date.parse(last) - Date.parse(first);
        expect(Date.parse(row.created_at)).toBeGreaterThanOrEqual(Date.parse(first));
        expect(Date.parse(row.created_at)).toBeLessThanOrEqual(Date.parse(first) + (2 / 3) * span + 1);
        expect(row.created_at).toBe(buried.dates.get(pair.id));
        expect(one<{ n: number }>(db, "select count(*) as n from irritants where id > ?", id).n).toBeGreaterThan(IRRITANTS / 4);
        // The index entry is the application's, under the new id; the filing id left no entry behind.
        expect(one<{ text: string }>(db, "select text from irritants_fts where rowid = ?", id).text).toBe(searchDocument(pair.original.title, pair.original.body));
        // Its themes, follow and events moved with it; nothing points to the id it was filed under.
        expect(one<{ n: number }>(db, "select count(*) as n from events where subject_type = 'irritant' and subject_id = ? and type = 'irritant.filed'", id).n).toBe(1);
        expect(one<{ n: number }>(db, "select count(*) as n from follows where subject_type = 'irritant' and subject_id = ?", id).n).toBe(1);
        // The similar look-up finds it, as the evaluation's viewer (a practitioner who sees published irritants).
        const text = `${pair.original.title}. ${pair.original.body}`;
        expect(findSimilar(viewer, text).map((s) => s.id)).toContain(id);
      }
      expect(one<{ n: number }>(db, "select count(*) as n from irritants_fts where rowid > ?", highest).n).toBe(0);
      expect(one<{ n: number }>(db, "select count(*) as n from irritant_themes where irritant_id > ?", highest).n).toBe(0);
      expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    } finally {
      db.$client.close();
      remove();
    }
    expect(fingerprint()).toBe(before);
  });

  it("runs the whole evaluation on a copy it removes, leaving the seeded file as it was", () => {
    const before = fingerprint();
    const copies = path.join(dir, "runs");
    const result = evaluateSimilarAtScale("dev", file, { copyDir: copies });
    const set = readLabelledSet("dev");
    expect(result.irritants).toBe(IRRITANTS);
    expect(result.buried.ids.size).toBe(set.pairs.length);
    expect(result.top3.n).toBe(set.pairs.filter((p) => p.split === "dev").length);
    expect(result.falsePositives.n).toBe(set.unrelated.filter((u) => u.split === "dev").length);
    expect(result.p95LatencyMs).toBeGreaterThanOrEqual(result.medianLatencyMs);
    expect(fs.readdirSync(copies)).toEqual([]);
    expect(fingerprint()).toBe(before);
  });
});
