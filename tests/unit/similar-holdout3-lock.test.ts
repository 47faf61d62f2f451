import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The third held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the
 * engine, its vocabulary nor any earlier set, committed before any measurement, and is frozen: any edit to it, even a
 * reformatting, must fail here.
 */
const FILE = path.resolve(import.meta.dirname, "../fixtures/similar-holdout3.json");
const FROZEN_SHA256 = "921a44ba62f66056579d33a7310c3d2c1978b126172e681fbd0081abf2233261";

const THEMES = new Set([
  "ins", "mssante", "annuaire", "mes-dmp", "vsm", "ordonnance-numerique", "nommage-documents", "performance-lgc",
  "biologie", "delegation", "e-cps", "teleservices", "officine", "imagerie", "carte-vitale", "teleexpertise",
  "vaccination", "coordination", "agenda", "securite", "formation",
]);

type Holdout3Set = {
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

describe("the third held-out set of the similar-irritant look-up", () => {
  const bytes = fs.readFileSync(FILE);
  const set = JSON.parse(bytes.toString("utf8")) as Holdout3Set;

  it("is frozen: its SHA-256 has not changed since it was committed", () => {
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(FROZEN_SHA256);
  });

  it("holds 100 pairs and 100 unrelated queries with the earlier held-out sets' keys, all in the holdout split", () => {
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

  it("has unique ids, h3-… for pairs and v3-… for unrelated queries, and each unrelated query names an existing pair", () => {
    const pairIds = set.pairs.map((p) => p.id);
    const unrelatedIds = set.unrelated.map((u) => u.id);
    expect(new Set([...pairIds, ...unrelatedIds]).size).toBe(pairIds.length + unrelatedIds.length);
    for (const id of pairIds) expect(id).toMatch(/^h3-\d{3}$/);
    for (const id of unrelatedIds) expect(id).toMatch(/^v3-\d{3}$/);
    const known = new Set(pairIds);
    for (const query of set.unrelated) expect(known.has(query.irritant), `${query.id} names ${query.irritant}`).toBe(true);
  });

  it("says who wrote it and that it is frozen", () => {
    expect(set._about).toMatch(/did not read the engine/);
    expect(set._about).toMatch(/FROZEN/);
  });
});
