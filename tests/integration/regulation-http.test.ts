import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, events, irritants } from "#db/schema";
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

const post = (path: string, cookie: string, fields: [string, string][]) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });

describe("GET /api/v1/obligations", () => {
  it("lists the register by effective date, with the document table and link counts, and filters", async () => {
    const response = await fetch(`${server.url}/api/v1/obligations`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items[0]).toMatchObject({ slug: "loi-asap", kind: "loi", effective: { label: "7 décembre 2020", due: "2020-12-07", kind: "date" }, source: { url: null } });
    expect(Object.keys(body.items[0]).sort()).toEqual(["audiences", "effective", "kind", "links", "note", "slug", "source", "status", "summary", "title"]);
    const tronc = body.items.find((i: { slug: string }) => i.slug === "segur-vague-2-tronc-commun");
    // One of its two irritants is not published: the public API counts the other only.
    expect(tronc.links).toEqual({ irritants: 1, actions: 3, indicators: 0 });
    expect(body.documents).toHaveLength(8);
    expect(body.documents[7]).toEqual({
      documentType: "Les lettres et courriers adressés à un professionnel de santé (hors séjour hospitalier)",
      dmp: true,
      mssProfessionals: true,
      mssPatient: true,
      effectiveLabel: "31 décembre 2025",
      effectiveDue: "2025-12-31",
      obligation: "projet-arrete-l1111-15",
    });
    const requirements = await (await fetch(`${server.url}/api/v1/obligations?kind=exigence`)).json();
    expect(requirements.items.map((i: { slug: string }) => i.slug).sort()).toEqual(["segur-vague-2-exigences-specifiques", "segur-vague-2-tronc-commun"]);
    const labs = await (await fetch(`${server.url}/api/v1/obligations?audience=laboratoires`)).json();
    expect(labs.items.map((i: { slug: string }) => i.slug)).toContain("csp-l1112-1-biologie");
    const invalid = await fetch(`${server.url}/api/v1/obligations?kind=circulaire`);
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error).toMatchObject({ code: "invalid", fields: { kind: [expect.stringContaining("Nature inconnue")] } });
  });

  it("answers one entry with what links to it, and 404 in the API's error shape for an unknown one", async () => {
    const entry = await (await fetch(`${server.url}/api/v1/obligations/csp-l1112-1-biologie`)).json();
    expect(entry.linked.irritants.map((i: { title: string }) => i.title)).toEqual(["Comptes rendus de biologie non reçus par MSSanté"]);
    expect(entry.linked.actions).toHaveLength(1);
    expect(entry.links).toEqual({ irritants: 1, actions: 1, indicators: 0 });
    const missing = await fetch(`${server.url}/api/v1/obligations/pas-une-obligation`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Cette obligation n'existe pas dans le référentiel." } });
  });
});

describe("pages", () => {
  it("shows the calendar, the table and the link sentence with French plurals", async () => {
    const html = await (await fetch(`${server.url}/reglementation`)).text();
    expect(html).toContain("31 décembre 2025");
    expect(html).toContain("Le compte rendu opératoire");
    expect(html).toContain("Sans date précise dans la source");
    const entry = await (await fetch(`${server.url}/reglementation/segur-vague-2-tronc-commun`)).text();
    expect(entry).toContain("1 signalement, 3 actions concernent cette obligation.");
    const asTeam = await (await fetch(`${server.url}/reglementation/segur-vague-2-tronc-commun`, { headers: { Cookie: team } })).text();
    expect(asTeam).toContain("2 signalements, 3 actions concernent cette obligation.");
    expect((await fetch(`${server.url}/reglementation/pas-une-obligation`)).status).toBe(404);
  });

  it("links an irritant from the team's page without JavaScript, shows it on the public page, and refuses others", async () => {
    const id = server.database.db.select({ id: irritants.id }).from(irritants).where(eq(irritants.title, "Lenteurs du logiciel de cabinet depuis la version Ségur")).get()!.id;
    expect(await (await fetch(`${server.url}/signalements/${id}`)).text()).not.toContain("Réglementation concernée");
    const saved = await post(`/equipe/signalements/${id}`, team, [
      ["intent", "obligations"],
      ["obligations", "segur-vague-2-tronc-commun"],
      ["obligations", "loi-asap"],
    ]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Obligations liées enregistrées.");
    const page = await (await fetch(`${server.url}/signalements/${id}`)).text();
    expect(page).toContain("Réglementation concernée");
    expect(page).toContain('href="/reglementation/loi-asap"');
    const unknown = await post(`/equipe/signalements/${id}`, team, [
      ["intent", "obligations"],
      ["obligations", "pas-une-obligation"],
    ]);
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Obligation inconnue");
    expect((await post(`/equipe/signalements/${id}`, practitioner, [["intent", "obligations"]])).status).toBe(403);
  });

  it("links an action from the action editor, and the team creates and edits an entry (audit-logged, French messages)", async () => {
    const actionId = server.database.db.select({ id: actions.id }).from(actions).where(eq(actions.title, "Projectathon usages SGL/LGC pour objectivation des difficultés")).get()!.id;
    expect((await post(`/equipe/plan-action/${actionId}`, team, [["intent", "obligations"], ["obligations", "csp-l1112-1-biologie"]])).status).toBe(200);
    expect(await (await fetch(`${server.url}/plan-action/${actionId}`)).text()).toContain('href="/reglementation/csp-l1112-1-biologie"');

    const invalid = await post("/equipe/reglementation/nouvelle", team, [["intent", "save"], ["slug", "Pas bon"], ["title", "x"]]);
    expect(invalid.status).toBe(422);
    const text = await invalid.text();
    expect(text).toContain("L&#x27;identifiant de l&#x27;adresse ne contient que des minuscules");
    expect(text).toContain("Choisissez qui est concerné");
    const fields: [string, string][] = [
      ["intent", "save"],
      ["slug", "decret-ordonnance-numerique"],
      ["title", "Décret en Conseil d'État sur l'ordonnance numérique"],
      ["summary", "Publication décret en conseil d'Etat sur l'Ordonnance Numérique."],
      ["kind", "decret"],
      ["status", "en-vigueur"],
      ["sourceReference", "Décret en Conseil d'État"],
      ["sourceUrl", ""],
      ["effectiveLabel", "Décembre 2023"],
      ["audiences", "professionnels-de-sante"],
      ["audiences", "editeurs"],
      ["note", ""],
    ];
    const created = await post("/equipe/reglementation/nouvelle", team, fields);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/equipe/reglementation/decret-ordonnance-numerique?cree=1");
    const api = await (await fetch(`${server.url}/api/v1/obligations/decret-ordonnance-numerique`)).json();
    expect(api).toMatchObject({ kind: "decret", effective: { label: "Décembre 2023", due: "2023-12-31" }, audiences: ["professionnels-de-sante", "editeurs"] });
    const edited = await post("/equipe/reglementation/decret-ordonnance-numerique", team, fields.map(([k, v]) => [k, k === "effectiveLabel" ? "T1 2024" : v]));
    expect(edited.status).toBe(200);
    expect((await (await fetch(`${server.url}/api/v1/obligations/decret-ordonnance-numerique`)).json()).effective.due).toBe("2024-03-31");
    const table = await post("/equipe/reglementation/decret-ordonnance-numerique", team, [
      ["intent", "documents"],
      ["documents", "L'ordonnance numérique ; X ; ; X ; 31 décembre 2024"],
    ]);
    expect(table.status).toBe(200);
    const withTable = await (await fetch(`${server.url}/api/v1/obligations/decret-ordonnance-numerique`)).json();
    expect(withTable.documents).toEqual([
      { documentType: "L'ordonnance numérique", dmp: true, mssProfessionals: false, mssPatient: true, effectiveLabel: "31 décembre 2024", effectiveDue: "2024-12-31" },
    ]);
    const badTable = await post("/equipe/reglementation/decret-ordonnance-numerique", team, [["intent", "documents"], ["documents", "Un seul champ"]]);
    expect(badTable.status).toBe(422);
    expect(await badTable.text()).toContain("Ligne 1 : il faut 5 champs");
    const logged = server.database.db.select({ type: events.type }).from(events).where(eq(events.subjectType, "obligation")).all().map((e) => e.type);
    expect(logged).toEqual(expect.arrayContaining(["obligation.created", "obligation.updated", "obligation.linked"]));
    const journal = await (await fetch(`${server.url}/equipe/journal`, { headers: { Cookie: team } })).text();
    expect(journal).toContain("Obligation ajoutée au référentiel");
    expect((await post("/equipe/reglementation/nouvelle", practitioner, fields)).status).toBe(403);
  });
});
