import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the engine,
 * committed before any measurement, and is frozen: any edit to it, even a reformatting, must fail here.
 */
const FILE = path.resolve(import.meta.dirname, "../fixtures/similar-holdout.json");
const FROZEN_SHA256 = "2831ffb92241fe7aaecd336c98a132771c456f962eccb5932fe915f110489846";

type HoldoutSet = {
  _about: string;
  pairs: { id: string; split: string; original: { title: string; body: string }; paraphrase: string }[];
  unrelated: { id: string; split: string; query: string; irritant: string }[];
};

describe("the held-out set of the similar-irritant look-up", () => {
  const bytes = fs.readFileSync(FILE);
  const set = JSON.parse(bytes.toString("utf8")) as HoldoutSet;

  it("is frozen: its SHA-256 has not changed since it was committed", () => {
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(FROZEN_SHA256);
  });

  it("holds at least 90 pairs and 90 unrelated queries, every one in the holdout split and with text", () => {
    expect(set.pairs.length).toBeGreaterThanOrEqual(90);
    expect(set.unrelated.length).toBeGreaterThanOrEqual(90);
    for (const pair of set.pairs) {
      expect(pair.split).toBe("holdout");
      expect(pair.original.title.trim()).not.toBe("");
      expect(pair.original.body.trim()).not.toBe("");
      expect(pair.paraphrase.trim()).not.toBe("");
    }
    for (const query of set.unrelated) {
      expect(query.split).toBe("holdout");
      expect(query.query.trim()).not.toBe("");
    }
  });

  it("has unique ids, h… for pairs and v… for unrelated queries, and each unrelated query names an existing pair", () => {
    const pairIds = set.pairs.map((p) => p.id);
    const unrelatedIds = set.unrelated.map((u) => u.id);
    expect(new Set([...pairIds, ...unrelatedIds]).size).toBe(pairIds.length + unrelatedIds.length);
    for (const id of pairIds) expect(id).toMatch(/^h\d{3}$/);
    for (const id of unrelatedIds) expect(id).toMatch(/^v\d{3}$/);
    const known = new Set(pairIds);
    for (const query of set.unrelated) expect(known.has(query.irritant), `${query.id} names ${query.irritant}`).toBe(true);
  });

  it("says who wrote it and that it is frozen", () => {
    expect(set._about).toMatch(/did not read the engine/);
    expect(set._about).toMatch(/FROZEN/);
  });
});
