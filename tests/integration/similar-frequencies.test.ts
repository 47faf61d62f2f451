import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, rankSimilarCandidates } from "~/modules/irritants/index.server";
import { createTestDatabase } from "../support/database";
import { executedStatements } from "../support/queries";

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

  afterEach(() => vi.useRealTimers());

  it("reads a common word's count again when the index grows, not every ten minutes: at national scale that read takes 100 ms", async () => {
    const client = getDb().$client;
    const insert = client.prepare("insert into irritants_fts(rowid, text) values (?, ?)");
    // Entries without an irritant (never shown) make "frequent" a common word: 1,200 irritants hold it.
    client.transaction(() => {
      for (let i = 0; i < 1_200; i++) insert.run(500_000 + i, "frequent remplissage");
    })();
    fileIrritant(author, { title: "Le connecteur vesperal bloque", body: "Le connecteur vesperal est frequent en panne." });
    const lookUp = () => rankSimilarCandidates(author, "vesperal frequent");
    const countsRead = async () =>
      (await executedStatements(getDb(), lookUp)).filter((s) => s.sql.includes("irritants_fts_terms")).map((s) => s.args[0]);
    vi.useFakeTimers({ toFake: ["Date"] });
    await countsRead();
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const read = await countsRead();
    expect(read).toContain("vesperal"); // a rare word: re-read after the ten minutes
    expect(read).not.toContain("frequent");
    // Grown by more than a twentieth: read again.
    client.transaction(() => {
      for (let i = 0; i < 1_000; i++) insert.run(600_000 + i, "remplissage");
    })();
    expect(await countsRead()).toContain("frequent");
  });
});
