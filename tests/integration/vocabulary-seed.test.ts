import { afterAll, describe, expect, it } from "vitest";
import { searchIndexState, synonymGroups } from "#db/schema";
import { SEEDED_SYNONYM_GROUPS } from "~/modules/irritants/vocabulary-synonyms";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

describe("the seeded vocabulary", () => {
  it("is what the migrations store: the engine folds with the stored groups, the pure callers with the seeded list", () => {
    const stored = Object.fromEntries(database.db.select().from(synonymGroups).all().map((g) => [g.concept, g.terms] as const));
    expect(stored).toEqual(SEEDED_SYNONYM_GROUPS);
  });

  it("leaves a new database's index up to date with its vocabulary (nothing to reindex)", () => {
    const state = database.db.select().from(searchIndexState).get()!;
    expect(state.indexedVersion).toBe(state.vocabularyVersion);
  });
});
