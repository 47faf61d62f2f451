import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The checks every frozen held-out set of the similar-irritant look-up (issue 19) must pass: written by a session that
 * did not read the engine, committed before any measurement, and frozen, so any edit to it, even a reformatting, fails
 * its SHA-256. Each set's lock test (tests/unit/similar-holdoutN-lock.test.ts, named by the set's own `_about`) is a
 * call to this with the set's file, digest and id prefixes.
 */
const THEMES = new Set([
  "ins", "mssante", "annuaire", "mes-dmp", "vsm", "ordonnance-numerique", "nommage-documents", "performance-lgc",
  "biologie", "delegation", "e-cps", "teleservices", "officine", "imagerie", "carte-vitale", "teleexpertise",
  "vaccination", "coordination", "agenda", "securite", "formation",
]);

type FrozenSet = {
  _about: string;
  pairs: {
    id: string;
    split: string;
    theme: string;
    voice: string;
    difficulty: string;
    original: { title: string; body: string };
    paraphrase: string;
  }[];
  unrelated: { id: string; split: string; query: string; irritant: string }[];
};

export function describeFrozenSimilarSet(options: {
  /** The set's file name under tests/fixtures/, or an absolute path. */
  file: string;
  /** The SHA-256 of the file's bytes as committed. */
  sha256: string;
  /** Pair ids are `${pairPrefix}-NNN`, unrelated query ids `${unrelatedPrefix}-NNN`. */
  pairPrefix: string;
  unrelatedPrefix: string;
  /** "second", "third"…: names the set in the test titles. */
  ordinal: string;
}) {
  const { sha256, pairPrefix, unrelatedPrefix, ordinal } = options;
  const file = path.resolve(import.meta.dirname, "../fixtures", options.file);

  describe(`the ${ordinal} held-out set of the similar-irritant look-up`, () => {
    const bytes = fs.readFileSync(file);
    const set = JSON.parse(bytes.toString("utf8")) as FrozenSet;

    it("is frozen: its SHA-256 has not changed since it was committed", () => {
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    });

    it("holds 100 pairs and 100 unrelated queries with the held-out sets' keys, all in the holdout split", () => {
      expect(Object.keys(set)).toEqual(["_about", "pairs", "unrelated"]);
      expect(set.pairs).toHaveLength(100);
      expect(set.unrelated).toHaveLength(100);
      for (const pair of set.pairs) {
        expect(Object.keys(pair)).toEqual(["id", "split", "theme", "voice", "difficulty", "original", "paraphrase"]);
        expect(pair.split).toBe("holdout");
        expect(THEMES.has(pair.theme), `${pair.id} theme ${pair.theme}`).toBe(true);
        expect(["easy", "medium", "hard"]).toContain(pair.difficulty);
        expect(pair.original.title.trim()).not.toBe("");
        expect(pair.original.body.trim()).not.toBe("");
        expect(pair.paraphrase.trim()).not.toBe("");
        expect(pair.paraphrase).not.toBe(pair.original.body);
      }
      for (const query of set.unrelated) {
        expect(Object.keys(query)).toEqual(["id", "split", "query", "irritant"]);
        expect(query.split).toBe("holdout");
        expect(query.query.trim()).not.toBe("");
      }
    });

    it(`has unique ids, ${pairPrefix}-… for pairs and ${unrelatedPrefix}-… for unrelated queries, and each unrelated query names an existing pair`, () => {
      const pairIds = set.pairs.map((p) => p.id);
      const unrelatedIds = set.unrelated.map((u) => u.id);
      expect(new Set([...pairIds, ...unrelatedIds]).size).toBe(pairIds.length + unrelatedIds.length);
      for (const id of pairIds) expect(id).toMatch(new RegExp(`^${pairPrefix}-\\d{3}$`));
      for (const id of unrelatedIds) expect(id).toMatch(new RegExp(`^${unrelatedPrefix}-\\d{3}$`));
      const known = new Set(pairIds);
      for (const query of set.unrelated) expect(known.has(query.irritant), `${query.id} names ${query.irritant}`).toBe(true);
    });

    it("says who wrote it and that it is frozen", () => {
      expect(set._about).toMatch(/did not read the engine/);
      expect(set._about).toMatch(/FROZEN/);
    });
  });
}
