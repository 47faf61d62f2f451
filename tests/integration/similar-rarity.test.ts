import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, rankSimilarCandidates } from "~/modules/irritants/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let author: SessionUser;
beforeAll(async () => {
  author = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner", profession: "medecin" });
});

/**
 * Makes the index look like a national one without a million irritants: entries without an irritant (the look-up
 * joins entries to irritants, so none is ever shown) give the field's words their national frequencies, and one entry
 * at rowid 1,000,000 gives the index its national size (the engine reads the size as the highest rowid).
 */
function nationalIndex(words: Record<string, number>) {
  const client = getDb().$client;
  const insert = client.prepare("insert into irritants_fts(rowid, text) values (?, ?)");
  let rowid = 100_000;
  client.transaction(() => {
    for (const [word, count] of Object.entries(words)) for (let i = 0; i < count; i++) insert.run(rowid++, `${word} remplissage`);
    insert.run(1_000_000, "remplissage");
  })();
}

describe("the rarity of words at national scale", () => {
  it("ranks the irritant sharing several field words above one sharing a single one-off word", () => {
    const original = fileIrritant(author, {
      title: "Résultats du laboratoire absents de la messagerie",
      body: "Les résultats du laboratoire n'arrivent plus dans la messagerie depuis la mise à jour.",
    });
    const oneOff = fileIrritant(author, {
      title: "Le cabinet de Trifouilly",
      body: "Trifouilly attend.",
    });
    nationalIndex({ resultat: 400, laboratoir: 400 });
    const ranked = rankSimilarCandidates(author, "Plus aucun résultat du laboratoire reçu ici à Trifouilly");
    const score = (id: number) => ranked.find((c) => c.id === id)?.score ?? 0;
    // Without saturation (rarity.ts), "trifouilly" (one irritant in a million) outweighs the two field words found in 400
    // irritants each, and the irritant saying nothing but that name came first (0.30 against 0.29).
    expect(score(original.id)).toBeGreaterThan(score(oneOff.id));
    expect(ranked[0]?.id).toBe(original.id);
  });
});
