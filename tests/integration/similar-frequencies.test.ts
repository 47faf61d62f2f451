import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, rankSimilarCandidates } from "~/modules/irritants/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let author: SessionUser;
beforeAll(async () => {
  author = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner", profession: "medecin" });
});

describe("the rarity of words in the similar look-up", () => {
  it("follows the index as it grows: a word cached as rare is read again once many irritants hold it", () => {
    const first = fileIrritant(author, { title: "Le module zorglub refuse la synchronisation", body: "Le module zorglub affiche une erreur." });
    const found = () => rankSimilarCandidates(author, "zorglub synchronisation").map((c) => c.id);
    expect(found()).toEqual([first.id]);
    const others = Array.from({ length: 30 }, (_, i) => fileIrritant(author, { title: `Zorglub, remarque ${i}`, body: `Remarque numéro ${i} sur zorglub.` }).id);
    // Thirty irritants now hold "zorglub", within the cache's ten minutes: it is a common word, and irritants sharing only
    // it fall under the score floor, while the one sharing the rare "synchronisation" stays first.
    const after = found();
    expect(after[0]).toBe(first.id);
    expect(after.filter((id) => others.includes(id))).toEqual([]);
  });
});
