import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, searchIndexState, synonymGroups, users } from "#db/schema";
import { fileIrritant, updateIrritant } from "~/modules/irritants/index.server";
import type { SessionUser } from "~/lib/session-users.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let team: string;
const PAGE = "/equipe/vocabulaire";

beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
});
afterAll(() => server.close());

const post = (cookie: string, fields: Record<string, string>) =>
  fetch(`${server.url}${PAGE}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });
const page = async (cookie: string) => (await fetch(`${server.url}${PAGE}`, { headers: { Cookie: cookie } })).text();
const groupWith = (term: string) => server.database.db.select().from(synonymGroups).all().find((g) => g.terms.includes(term));
const sessionUser = (email: string): SessionUser => {
  const row = server.database.db.select().from(users).where(eq(users.email, email)).get()!;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, organisationId: row.organisationId };
};
const similar = async (cookie: string, text: string) => {
  const response = await fetch(`${server.url}/api/v1/irritants/similar`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: number }[] }).items.map((i) => i.id);
};
async function reindexed() {
  for (let i = 0; i < 500; i++) {
    const state = server.database.db.select().from(searchIndexState).get()!;
    if (state.reindexStatus !== "running") return state;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("The reindex did not finish.");
}

describe("/equipe/vocabulaire", () => {
  it("refuses vendors and practitioners, on the page and its action, and changes nothing", async () => {
    const before = server.database.db.select().from(synonymGroups).all();
    for (const email of ["medecin@demo.sentinelle.fr", "editeur-a@demo.sentinelle.fr", "patient@demo.sentinelle.fr"]) {
      const cookie = await signInCookie(server.url, email);
      expect((await fetch(`${server.url}${PAGE}`, { headers: { Cookie: cookie } })).status).toBe(403);
      expect((await post(cookie, { intent: "create", terms: "téléversement\nupload" })).status).toBe(403);
      expect((await post(cookie, { intent: "delete", id: String(before[0].id) })).status).toBe(403);
      expect((await post(cookie, { intent: "reindex" })).status).toBe(403);
    }
    expect(server.database.db.select().from(synonymGroups).all()).toEqual(before);
  });

  it("lists the seeded groups to the team", async () => {
    const html = await page(team);
    expect(html).toContain("Vocabulaire du terrain");
    expect(html).toContain("messagerie sécurisée");
    expect(html).toContain("L&#x27;index de recherche est à jour");
  });

  it("validates terms in French and refuses a term already in another group", async () => {
    const one = await post(team, { intent: "create", terms: "téléversement" });
    expect(one.status).toBe(422);
    expect(await one.text()).toContain("Un groupe réunit au moins deux termes");
    const stopWords = await post(team, { intent: "create", terms: "téléversement\nde la" });
    expect(stopWords.status).toBe(422);
    expect(await stopWords.text()).toContain("ne contient aucun mot recherchable");
    const long = await post(team, { intent: "create", terms: `téléversement\n${"a".repeat(61)}` });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Un terme ne doit pas dépasser 60 caractères");
    // "comptes rendus" is "compte rendu" of the seeded group once folded and stemmed.
    const taken = await post(team, { intent: "create", terms: "téléversement\ncomptes rendus" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("appartient déjà au groupe « CR »");
    const repeated = await post(team, { intent: "create", terms: "téléversement\ntéléversements" });
    expect(repeated.status).toBe(409);
    expect(groupWith("téléversement")).toBeUndefined();
  });

  it("lets the team add, edit and delete a group, audit-logged, and says a reindex is needed", async () => {
    expect((await post(team, { intent: "create", terms: "bouton grisé\nbouton inactif" })).status).toBe(200);
    const group = groupWith("bouton grisé")!;
    expect(group.concept).toBe("bouton-grise");
    expect(await page(team)).toContain("Le vocabulaire a changé depuis la dernière reconstruction");
    expect((await post(team, { intent: "update", id: String(group.id), terms: "bouton grisé\nbouton inactif\nbouton désactivé" })).status).toBe(200);
    expect(groupWith("bouton désactivé")?.id).toBe(group.id);
    expect((await post(team, { intent: "delete", id: String(group.id) })).status).toBe(200);
    expect(groupWith("bouton grisé")).toBeUndefined();
    const logged = server.database.db.select().from(events).where(inArray(events.type, ["vocabulary.group_created", "vocabulary.group_updated", "vocabulary.group_deleted"])).orderBy(events.id).all();
    expect(logged.map((e) => [e.type, e.subjectId])).toEqual([
      ["vocabulary.group_created", group.id],
      ["vocabulary.group_updated", group.id],
      ["vocabulary.group_deleted", group.id],
    ]);
    expect((await post(team, { intent: "delete", id: String(group.id) })).status).toBe(404);
    const journal = await (await fetch(`${server.url}/equipe/journal?categorie=Vocabulaire`, { headers: { Cookie: team } })).text();
    expect(journal).toContain("Groupe de synonymes supprimé");
  });

  it("a new synonym changes the similar irritants once the index is rebuilt from the page", async () => {
    const author = sessionUser("medecin@demo.sentinelle.fr");
    const { id } = fileIrritant(author, {
      title: "Le téléversement des pièces échoue sur le portail",
      body: "Depuis lundi le téléversement des justificatifs échoue avec une erreur générique, quel que soit le format du fichier.",
    });
    updateIrritant(sessionUser("equipe@demo.sentinelle.fr"), id, { published: true });
    const viewer = await signInCookie(server.url, "patient@demo.sentinelle.fr");
    const query = "Upload impossible : les uploads des justificatifs plantent";
    expect(await similar(viewer, query)).not.toContain(id);

    expect((await post(team, { intent: "create", terms: "téléversement\nupload" })).status).toBe(200);
    // The query folds "upload" at once, but the irritant's entry still holds the word: not found before the reindex.
    expect(await similar(viewer, query)).not.toContain(id);

    const started = await post(team, { intent: "reindex" });
    expect(started.status).toBe(200);
    expect(await started.text()).toContain("Reconstruction de l&#x27;index lancée");
    const state = await reindexed();
    expect(state.reindexStatus).toBe("done");
    expect(state.indexedVersion).toBe(state.vocabularyVersion);
    expect(state.reindexDone).toBe(state.reindexTotal);
    expect((await similar(viewer, query))[0]).toBe(id);
    expect(await page(team)).toContain("L&#x27;index de recherche est à jour");
    expect(server.database.db.select().from(events).where(eq(events.type, "vocabulary.reindex_started")).all()).toHaveLength(1);
  });
});
