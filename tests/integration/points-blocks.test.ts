import { XMLParser } from "fast-xml-parser";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionStatusChanges, actions, progressBlocks, progressUpdates } from "#db/schema";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let team: string;
let practitioner: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
});
afterAll(() => server.close());

const post = (cookie: string, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(server.url + path, { method: "POST", headers: { Cookie: cookie }, body, redirect: "manual" });
};
const page = async (path: string, cookie?: string) => (await (await fetch(server.url + path, { headers: cookie ? { Cookie: cookie } : {} })).text()).replace(/<!-- -->/g, "");
const article = (html: string) => html.slice(html.indexOf("<article"), html.indexOf("</article>"));
const feedEntry = async (slug: string) => {
  const entries = [new XMLParser().parse(await (await fetch(`${server.url}/flux.atom`)).text()).feed.entry].flat();
  return entries.find((e: { id: string }) => e.id.endsWith(`/points-etape/${slug}`)) as { content: string; updated: string };
};
const blocksOf = (updateId: number) =>
  server.database.db.select().from(progressBlocks).where(eq(progressBlocks.updateId, updateId)).orderBy(asc(progressBlocks.position)).all();
const createPoint = async (fields: Record<string, string>) => {
  const created = await post(team, "/equipe/avancement", { intent: "create", summary: "Un point d'essai.", body: "Introduction du point d'essai.", ...fields });
  expect(created.status).toBe(302);
  return Number(created.headers.get("location")!.split("/").pop());
};

describe("the demo point of 11 January 2024, built from blocks", () => {
  it("shows the plan as of its day: lateness then, not today's", async () => {
    const row = server.database.db.select().from(progressUpdates).where(eq(progressUpdates.slug, "point-etape-11-janvier-2024")).get()!;
    expect(row.status).toBe("published");
    expect(row.asOf).toBe("2024-01-11");
    const snapshot = row.snapshot as { day: string; blocks: { kind: string; counts?: { total: number; overdue: number } }[] };
    expect(snapshot.day).toBe("2024-01-11");
    expect(snapshot.blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(["figures", "indicator", "seminar", "plan", "changes", "regulation", "narrative"]));
    const plan = snapshot.blocks.find((b) => b.kind === "plan")!;
    const count = (api: { workstreams: { challenges: { actions: { overdue: boolean }[] }[] }[] }) => api.workstreams.flatMap((w) => w.challenges.flatMap((c) => c.actions));
    const then = count(await (await fetch(`${server.url}/api/v1/action-plan?au=2024-01-11`)).json());
    const now = count(await (await fetch(`${server.url}/api/v1/action-plan`)).json());
    expect(plan.counts!.total).toBe(then.length);
    expect(plan.counts!.overdue).toBe(then.filter((a) => a.overdue).length);
    expect(plan.counts!.overdue).toBeLessThan(now.filter((a) => a.overdue).length);
    const html = article(await page("/points-etape/point-etape-11-janvier-2024"));
    expect(html).toContain("Zoom sur les chantiers du plan d&#x27;action");
    expect(html).toContain(`${plan.counts!.overdue} en retard à cette date`);
    // Figures from the indicator series, as of the day: 115 documents per professional in December 2023.
    expect(html).toMatch(/115 <span[^>]*>documents/);
    // The deadlines moved by the deck, each with the reason given.
    expect(html).toContain("motif : Report indiqué par le point d&#x27;étape du 11 janvier 2024");
    expect(html).toContain("Retour sur le séminaire du 20 novembre");
  });

  it("lays the print view out as slides: one section per block after the title and the introduction", async () => {
    const html = await page("/points-etape/point-etape-11-janvier-2024?impression=1");
    const row = server.database.db.select().from(progressUpdates).where(eq(progressUpdates.slug, "point-etape-11-janvier-2024")).get()!;
    const blocks = (row.snapshot as { blocks: unknown[] }).blocks.length;
    // The title slide, the introduction (no level-2 heading: one slide) and one slide per block.
    expect(html.match(/class="slide[ "]/g)).toHaveLength(1 + 1 + blocks);
  });
});

describe("composing a point from blocks (forms without JavaScript)", () => {
  it("adds, configures, moves and deletes blocks, refusing bad input in French", async () => {
    const id = await createPoint({ title: "Point d'essai des blocs", asOf: "2024-01-11" });
    expect((await post(team, `/equipe/avancement/${id}`, { intent: "add-block", kind: "poeme" })).status).toBe(422);
    for (const kind of ["figures", "plan", "narrative"]) expect((await post(team, `/equipe/avancement/${id}`, { intent: "add-block", kind })).status).toBe(200);
    const [figures, plan, narrative] = blocksOf(id);
    expect([figures.kind, plan.kind, narrative.kind]).toEqual(["figures", "plan", "narrative"]);

    const empty = await post(team, `/equipe/avancement/${id}`, { intent: "save-block", blockId: String(figures.id), title: "" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Choisissez au moins un indicateur.");
    const unknown = await post(team, `/equipe/avancement/${id}`, { intent: "save-block", blockId: String(figures.id), title: "", indicators: ["n-existe-pas"] });
    expect(unknown.status).toBe(422);
    expect((await post(team, `/equipe/avancement/${id}`, { intent: "save-block", blockId: String(figures.id), title: "Chiffres", indicators: ["documents-par-professionnel"] })).status).toBe(200);
    expect((await post(team, `/equipe/avancement/${id}`, { intent: "save-block", blockId: String(narrative.id), title: "", markdown: "Le **texte** entre les blocs." })).status).toBe(200);
    // Another point's block is not this point's.
    expect((await post(team, `/equipe/avancement/2`, { intent: "delete-block", blockId: String(figures.id) })).status).toBe(404);

    expect((await post(team, `/equipe/avancement/${id}`, { intent: "move-block", blockId: String(narrative.id), direction: "up" })).status).toBe(200);
    expect(blocksOf(id).map((b) => b.kind)).toEqual(["figures", "narrative", "plan"]);
    expect((await post(team, `/equipe/avancement/${id}`, { intent: "move-block", blockId: String(figures.id), direction: "up" })).status).toBe(200);
    expect(blocksOf(id).map((b) => b.kind)).toEqual(["figures", "narrative", "plan"]);
    expect((await post(team, `/equipe/avancement/${id}`, { intent: "delete-block", blockId: String(plan.id) })).status).toBe(200);
    expect(blocksOf(id).map((b) => b.kind)).toEqual(["figures", "narrative"]);

    const preview = article(await page("/points-etape/point-d-essai-des-blocs", team));
    expect(preview).toContain("<h2 id=\"bloc-" + figures.id + "-titre\">Chiffres</h2>");
    expect(preview).toContain("<strong>texte</strong>");
    expect(preview).toMatch(/115 <span/);

    const badDay = await post(team, `/equipe/avancement/${id}`, { intent: "save", title: "Point d'essai des blocs", slug: "point-d-essai-des-blocs", summary: "Un point d'essai.", body: "Introduction du point d'essai.", asOf: "2024-02-30" });
    expect(badDay.status).toBe(422);
    expect(await badDay.text()).toContain("Date du point : une date réelle au format AAAA-MM-JJ");
    expect((await post(practitioner, `/equipe/avancement/${id}`, { intent: "add-block", kind: "plan" })).status).toBe(403);
  });
});

describe("publishing freezes a point", () => {
  it("keeps the published page and its Atom entry unchanged when the data changes afterwards, while a draft follows the data", async () => {
    const db = server.database.db;
    // Both read today's data: the published one is frozen, the draft is the control that shows the change.
    const frozenId = await createPoint({ title: "Point figé" });
    const draftId = await createPoint({ title: "Point brouillon témoin" });
    for (const id of [frozenId, draftId]) {
      for (const kind of ["figures", "plan", "changes"]) await post(team, `/equipe/avancement/${id}`, { intent: "add-block", kind });
      const figures = blocksOf(id)[0];
      expect((await post(team, `/equipe/avancement/${id}`, { intent: "save-block", blockId: String(figures.id), title: "", indicators: ["documents-par-professionnel"] })).status).toBe(200);
    }
    expect((await post(team, `/equipe/avancement/${frozenId}`, { intent: "publish" })).status).toBe(200);
    const pageBefore = article(await page("/points-etape/point-fige"));
    const entryBefore = await feedEntry("point-fige");
    expect(entryBefore.content).toContain("Documents alimentés dans Mon espace santé par professionnel");

    // Later: a new value of the indicator, an action marked done.
    const month = new Date().toISOString().slice(0, 7);
    const value = await fetch(`${server.url}/equipe/avancement/indicateurs`, {
      method: "POST",
      headers: { Cookie: team },
      body: new URLSearchParams({ intent: "value", indicator: "documents-par-professionnel", period: month, dimension: "", value: "4321" }),
    });
    expect(value.status).toBe(200);
    const action = db.select().from(actions).where(eq(actions.status, "en-cours")).orderBy(asc(actions.id)).get()!;
    db.update(actions).set({ status: "fait" }).where(eq(actions.id, action.id)).run();
    db.insert(actionStatusChanges).values({ actionId: action.id, fromStatus: "en-cours", toStatus: "fait", changedAt: new Date().toISOString() }).run();

    const draft = article(await page("/points-etape/point-brouillon-temoin", team));
    expect(draft).toMatch(/4\u202f321 <span/);
    expect(draft).toMatch(new RegExp(`/plan-action/${action.id}">[^<]*</a> : [^<]* → <strong>Fait</strong>`));
    const pageAfter = article(await page("/points-etape/point-fige"));
    expect(pageAfter).not.toMatch(/4\u202f321/);
    expect(pageAfter).toBe(pageBefore);
    expect(await feedEntry("point-fige")).toEqual(entryBefore);
    // A published point's blocks cannot be edited; back to draft, it reads live data again.
    expect((await post(team, `/equipe/avancement/${frozenId}`, { intent: "add-block", kind: "plan" })).status).toBe(409);
    expect((await post(team, `/equipe/avancement/${frozenId}`, { intent: "unpublish" })).status).toBe(200);
    expect(article(await page("/points-etape/point-fige", team))).toMatch(/4\u202f321 <span/);
  });
});
