import { XMLParser } from "fast-xml-parser";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritantThemes, irritants } from "#db/schema";
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

const post = (cookie: string, path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });

describe("progress figures", () => {
  it("match the database and carry their method", async () => {
    const figures = await (await fetch(`${server.url}/api/v1/progress`)).json();
    const db = server.database.db;
    expect(figures.irritants.received).toBe(db.select({ n: count() }).from(irritants).get()!.n);
    expect(figures.irritants.published).toBe(db.select().from(irritants).where(eq(irritants.published, true)).all().filter((i) => !i.mergedIntoId && !i.hiddenAt).length);
    expect(figures.actions.total).toBe(32);
    expect(figures.actions.done).toBe(2);
    expect(figures.vendors.answeredTickets).toBeGreaterThan(0);
    expect(figures.survey).toMatchObject({ slug: "segur-2024", label: expect.stringContaining("Recommanderiez-vous") });
    for (const block of ["irritants", "actions", "vendors"]) expect(figures[block].method.length).toBeGreaterThan(20);
  });
});

describe("points d'étape", () => {
  it("publishes a draft through the team pages; it then appears in the list and the feed", async () => {
    expect((await fetch(`${server.url}/points-etape/point-etape-printemps-2024`)).status).toBe(404);
    expect((await fetch(`${server.url}/points-etape/point-etape-printemps-2024`, { headers: { Cookie: team } })).status).toBe(200);
    const before = new XMLParser().parse(await (await fetch(`${server.url}/flux.atom`)).text()).feed.entry;
    expect(Array.isArray(before) ? before.length : 1).toBe(1);
    expect((await post(team, "/equipe/avancement/2", { intent: "publish" })).status).toBe(200);
    const feedResponse = await fetch(`${server.url}/flux.atom`);
    expect(feedResponse.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = new XMLParser().parse(await feedResponse.text()).feed;
    expect(feed.entry.map((e: { title: string }) => e.title)).toContain("Point d'étape du printemps 2024 (brouillon)");
    expect(await (await fetch(`${server.url}/points-etape`)).text()).toContain("printemps 2024");
  });

  it("derives the address from the title when it is left blank", async () => {
    const response = await post(team, "/equipe/avancement", { intent: "create", title: "Bilan d'été 2024", slug: "", summary: "Ce qui a changé cet été.", body: "Le détail de ce qui a changé cet été." });
    expect(response.status).toBeLessThan(400);
    expect((await fetch(`${server.url}/points-etape/bilan-d-ete-2024`, { headers: { Cookie: team } })).status).toBe(200);
  });

  it("refuses bad input (422, French) and non-team editors (403)", async () => {
    const bad = await post(team, "/equipe/avancement", { slug: "Pas Une Adresse", title: "", summary: "", body: "" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Adresse : minuscules sans accent");
    const clash = await post(team, "/equipe/avancement", { slug: "point-etape-11-janvier-2024", title: "Copie", summary: "Résumé court", body: "Contenu assez long." });
    expect(clash.status).toBe(409);
    expect((await post(practitioner, "/equipe/avancement", { slug: "x", title: "xxx", summary: "xxx", body: "xxxxxxxxxxxx" })).status).toBe(403);
    expect((await post(practitioner, "/equipe/avancement/1", { intent: "unpublish" })).status).toBe(403);
    expect((await fetch(`${server.url}/equipe/avancement/999`, { headers: { Cookie: team } })).status).toBe(404);
  });

  it("renders script-laden Markdown inert on the public page", async () => {
    const created = await post(team, "/equipe/avancement", {
      slug: "essai-script",
      title: "Essai",
      summary: "Essai de contenu hostile",
      body: "## Titre\n\n<script>window.pwned = 1</script>\n\n[lien](javascript:alert(1))",
    });
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.split("/").pop()!;
    await post(team, `/equipe/avancement/${id}`, { intent: "publish" });
    const html = await (await fetch(`${server.url}/points-etape/essai-script`)).text();
    expect(html).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
    expect(html).not.toContain("<script>window.pwned");
    expect(html).not.toContain('href="javascript:');
  });
});

describe("theme pages and resources", () => {
  it("shows a theme's top irritants, actions and resources", async () => {
    const html = (await (await fetch(`${server.url}/avancement/themes/mssante`)).text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Comptes rendus de biologie non reçus par MSSanté");
    expect(html).toContain("Mise en production de l&#x27;API LPS par les opérateurs MSS");
    expect(html).toContain("Mode d&#x27;emploi des échanges entre MSSanté et Mon espace santé");
    expect((await fetch(`${server.url}/avancement/themes/inconnu`)).status).toBe(404);
  });

  it("accepts only web links as resources, from the team only", async () => {
    const bad = await post(team, "/equipe/avancement/ressources", { themeSlug: "ins", kind: "guide", title: "Piège", url: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Indiquez une adresse web complète");
    expect((await post(practitioner, "/equipe/avancement/ressources", { themeSlug: "ins", kind: "guide", title: "Guide", url: "https://example.org" })).status).toBe(403);
    const fields = { themeSlug: "vsm", kind: "faq", title: "FAQ VSM", url: "https://example.org/vsm", dateKind: "mise-a-jour" };
    const undated = await post(team, "/equipe/avancement/ressources", fields);
    expect(undated.status).toBe(422);
    expect(await undated.text()).toContain("Indiquez la date au format AAAA-MM-JJ.");
    const ok = await post(team, "/equipe/avancement/ressources", { ...fields, date: "2023-05-23" });
    expect(ok.status).toBe(200);
    const page = await (await fetch(`${server.url}/avancement/themes/vsm`)).text();
    expect(page).toContain("FAQ VSM");
    expect(page.replace(/<!-- -->/g, "")).toContain("mise à jour le 23 mai 2023");
  });
});

describe("open data", () => {
  it("publishes only public aggregates, in CSV and JSON alike", async () => {
    const json = await (await fetch(`${server.url}/avancement/donnees.json`)).json();
    const byTheme = json.rows.filter((r: { dataset: string }) => r.dataset === "signalements_publies_par_theme_et_statut");
    const total = byTheme.reduce((sum: number, r: { value: number }) => sum + r.value, 0);
    const db = server.database.db;
    // One count per (public irritant, theme) pair: unpublished, hidden and merged irritants are left out.
    const publicPairs = db
      .select({ published: irritants.published, hiddenAt: irritants.hiddenAt, mergedIntoId: irritants.mergedIntoId })
      .from(irritantThemes)
      .innerJoin(irritants, eq(irritants.id, irritantThemes.irritantId))
      .all()
      .filter((r) => r.published && !r.hiddenAt && !r.mergedIntoId);
    expect(publicPairs.length).toBeGreaterThan(0);
    expect(total).toBe(publicPairs.length);
    const actions = json.rows.filter((r: { dataset: string }) => r.dataset === "actions_par_chantier_et_statut");
    expect(actions.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(32);
    const surveys = json.rows.filter((r: { dataset: string }) => r.dataset === "enquetes_nps");
    expect(surveys.map((r: { dimension1: string }) => r.dimension1)).toContain("segur-2024");
    const bytes = new Uint8Array(await (await fetch(`${server.url}/avancement/donnees.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("jeu;dimension_1;dimension_2;valeur;unite");
    expect(csv.trim().split("\r\n")).toHaveLength(json.rows.length + 1);
  });
});

describe("open data dictionary", () => {
  it("documents every code the CSV uses: each theme and status code appears on the page with its French label", async () => {
    const { rows } = (await (await fetch(`${server.url}/avancement/donnees.json`)).json()) as { rows: { dataset: string; dimension1: string; dimension2: string }[] };
    const page = (await (await fetch(`${server.url}/avancement/donnees`)).text()).replace(/<!-- -->/g, "");
    const codes = new Set<string>();
    for (const r of rows.filter((r) => r.dataset === "signalements_publies_par_theme_et_statut")) codes.add(r.dimension1).add(r.dimension2);
    for (const r of rows.filter((r) => r.dataset === "actions_par_chantier_et_statut")) codes.add(r.dimension2);
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(page, code).toMatch(new RegExp(`<code>${code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</code></th><td>[^<]+</td>`));
    expect(page).toContain("<code>new</code></th><td>Nouveau</td>");
  });
});

describe("indicators", () => {
  const upload = (cookie: string, csv: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("fichier", new File([new TextEncoder().encode(csv)], "valeurs.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return fetch(`${server.url}/equipe/avancement/indicateurs`, { method: "POST", headers: { Cookie: cookie }, body: form });
  };

  it("imports values after a preview, with French decimals; the public chart and open data show them", async () => {
    const csv = "periode;dimension;valeur\n2024-03;;140,5\n";
    const preview = await upload(team, csv, { indicator: "documents-par-professionnel" });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("Appliquer l&#x27;import");
    const apply = await fetch(`${server.url}/equipe/avancement/indicateurs`, {
      method: "POST",
      headers: { Cookie: team },
      body: new URLSearchParams({ intent: "apply", indicator: "documents-par-professionnel", csv }),
    });
    expect(apply.status).toBe(200);
    const page = await (await fetch(`${server.url}/avancement/indicateurs`)).text();
    expect(page).toContain("140,5");
    expect(page).toMatch(/<svg[^>]+role="img"/);
    const open = await (await fetch(`${server.url}/avancement/donnees.json`)).json();
    const rows = open.rows.filter((r: { dataset: string; dimension1: string }) => r.dataset === "indicateurs" && r.dimension1 === "documents-par-professionnel");
    expect(rows.map((r: { value: number }) => r.value)).toEqual([65, 115, 140.5]);
  });

  it("keeps demonstration series out of open data", async () => {
    const created = await post(team, "/equipe/avancement/indicateurs", {
      intent: "create",
      slug: "serie-essai",
      title: "Série d'essai",
      unit: "documents",
      source: "Essai",
      chart: "line",
      demonstration: "on",
    });
    expect(created.status).toBe(200);
    expect((await post(team, "/equipe/avancement/indicateurs", { intent: "value", indicator: "serie-essai", period: "2024-01", dimension: "", value: "3" })).status).toBe(200);
    expect(await (await fetch(`${server.url}/avancement/indicateurs`)).text()).toContain("Série de démonstration");
    const open = await (await fetch(`${server.url}/avancement/donnees.json`)).json();
    expect(open.rows.some((r: { dimension1: string }) => r.dimension1 === "serie-essai")).toBe(false);
    expect(open.indicators.some((i: { slug: string }) => i.slug === "serie-essai")).toBe(false);
  });

  it("reports unknown dimensions, bad numbers and duplicate periods by line, importing nothing", async () => {
    const response = await upload(team, "periode;dimension;valeur\n2024-01;Pharmacie;1\n2024-01;Biologie;un\n2024-02;Biologie;1\n2024-02;Biologie;2\n", {
      indicator: "documents-dmp-par-couloir",
      intent: "apply",
    });
    expect(response.status).toBe(422);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Ligne 2 : dimension inconnue « Pharmacie »");
    expect(html).toContain("Ligne 3 : valeur « un » invalide");
    expect(html).toContain("Ligne 5 : période et dimension en double (déjà ligne 4)");
    const page = await (await fetch(`${server.url}/avancement/indicateurs`)).text();
    expect(page).not.toMatch(/févr(\.|ier) 2024/);
  });

  it("is for the team only", async () => {
    expect((await upload(practitioner, "periode;dimension;valeur\n", { indicator: "documents-par-professionnel" })).status).toBe(403);
  });
});

describe("typed indicator values", () => {
  it("records a valid value and refuses an invalid one with the same rules as the import", async () => {
    const send = (fields: Record<string, string>) =>
      fetch(`${server.url}/equipe/avancement/indicateurs`, { method: "POST", headers: { Cookie: team }, body: new URLSearchParams({ intent: "value", indicator: "documents-par-professionnel", ...fields }) });
    const bad = await send({ period: "2024-13", dimension: "", value: "beaucoup" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("période « 2024-13 » invalide");
    expect(html).toContain("valeur « beaucoup » invalide");
    expect((await send({ period: "2024-06", dimension: "", value: "150,25" })).status).toBe(200);
    expect(await (await fetch(`${server.url}/avancement/indicateurs`)).text()).toContain("150,25");
  });
});

describe("headline choice", () => {
  it("lets the team choose which headline blocks the public page shows", async () => {
    expect(await (await fetch(`${server.url}/avancement`)).text()).toContain("Réponses des éditeurs");
    const body = new URLSearchParams([
      ["intent", "headlines"],
      ["progressHeadlines", "irritants"],
      ["progressHeadlines", "actions"],
    ]);
    expect((await fetch(`${server.url}/equipe/avancement`, { method: "POST", headers: { Cookie: team }, body })).status).toBe(200);
    const html = await (await fetch(`${server.url}/avancement`)).text();
    expect(html).not.toContain("Réponses des éditeurs");
    expect(html).toContain("Plan d&#x27;action");
    const bad = new URLSearchParams([
      ["intent", "headlines"],
      ["progressHeadlines", "tout"],
    ]);
    expect((await fetch(`${server.url}/equipe/avancement`, { method: "POST", headers: { Cookie: team }, body: bad })).status).toBe(422);
    expect((await fetch(`${server.url}/equipe/avancement`, { method: "POST", headers: { Cookie: practitioner }, body })).status).toBe(403);
  });
});
