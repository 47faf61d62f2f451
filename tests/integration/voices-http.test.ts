import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, organisations, products, tickets } from "#db/schema";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/** Issue 20 through HTTP, as API clients and browsers without JavaScript use it. */
let server: TestServer;
const ACCOUNTS = {
  practitioner: "medecin@demo.sentinelle.fr",
  vendorA: "editeur-a@demo.sentinelle.fr",
  vendorB: "editeur-b@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
} as const;
type Role = keyof typeof ACCOUNTS;
const tokens = {} as Record<Role, string>;
const cookies = {} as Record<Role, string>;
let productOfA: number;
let productOfB: number;

beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of Object.entries(ACCOUNTS) as [Role, string][]) {
    tokens[role] = await apiToken(server.url, email);
    cookies[role] = await signInCookie(server.url, email);
  }
  const db = server.database.db;
  const productOf = (slug: string) => db.select({ id: products.id }).from(products).innerJoin(organisations, eq(organisations.id, products.vendorId)).where(eq(organisations.slug, slug)).get()!.id;
  productOfA = productOf("azur-logiciels");
  productOfB = productOf("brume-informatique");
});
afterAll(() => server.close());

const api = (role: Role | null, method: string, path: string, body?: unknown) =>
  fetch(server.url + "/api/v1" + path, {
    method,
    headers: { "Content-Type": "application/json", ...(role ? bearer(tokens[role]) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const page = (role: Role, path: string) => fetch(server.url + path, { headers: { Cookie: cookies[role] }, redirect: "manual" });
const post = (role: Role, path: string, body: URLSearchParams | FormData) => fetch(server.url + path, { method: "POST", headers: { Cookie: cookies[role] }, body, redirect: "manual" });

describe("a vendor's report about another vendor's product", () => {
  it("through the API: a ticket for the other vendor that the filer cannot reach; its own software is refused", async () => {
    const response = await api("vendorA", "POST", "/irritants", { title: "CDA de Brume non intégrable", body: "Le CDA produit par le logiciel de Brume est refusé à l'intégration.", productId: productOfB });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const ticketId = server.database.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.irritantId, id)).get()!.id;
    expect((await api("vendorB", "GET", `/tickets/${ticketId}`)).status).toBe(200);
    expect((await api("vendorA", "GET", `/tickets/${ticketId}`)).status).toBe(404);
    expect((await api("vendorA", "GET", `/irritants/${id}`)).status).toBe(200);
    expect((await api("vendorB", "GET", `/irritants/${id}`)).status).toBe(404);
    const own = await api("vendorA", "POST", "/irritants", { title: "Notre propre logiciel", body: "Un problème dans notre propre logiciel.", productId: productOfA });
    expect(own.status).toBe(422);
    expect(((await own.json()) as { error: { fields: Record<string, string[]> } }).error.fields.productId[0]).toContain("autre éditeur");
  });

  it("through the vendor's page without JavaScript: filed, then shown to its author with its origin", async () => {
    const form = new URLSearchParams({ intent: "file", productId: String(productOfB), title: "Échange MSSanté refusé par Brume", body: "Les messages envoyés vers le logiciel de Brume reviennent en erreur." });
    const response = await post("vendorA", "/editeur/signaler", form);
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/signalements\/\d+\?envoye=1$/);
    const html = await (await page("vendorA", location)).text();
    // The page names no vendor (the header carries the signed-in account's own name).
    expect(html).toContain("Signalé par un éditeur de logiciel, à propos du logiciel d&#x27;un autre éditeur.");
    // The confirmation says what really happens: the other vendor's ticket, seen by the team — not « l'équipe va l'examiner ».
    expect(html).toContain("est devenu un ticket pour l&#x27;éditeur du logiciel concerné");
    expect(html).toContain("L&#x27;équipe programme le voit aussi");
    expect(html).not.toContain("va l&#x27;examiner");
    expect(await (await page("vendorA", "/mes-signalements")).text()).toContain("Échange MSSanté refusé par Brume");
  });
});

describe("the team's report on a practitioner's behalf", () => {
  it("through the API, on the practitioner's account: in their « Mes signalements », without the team member's name", async () => {
    const response = await api("team", "POST", "/irritants", {
      title: "Signature électronique refusée",
      body: "Au téléphone, le médecin explique que la signature de l'ordonnance numérique est refusée.",
      onBehalf: { behalfEmail: ACCOUNTS.practitioner, collectedVia: "appel" },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number; onBehalf: { account: boolean } };
    expect(created.onBehalf).toEqual({ account: true });
    const mine = await (await page("practitioner", "/mes-signalements")).text();
    expect(mine).toContain("Signature électronique refusée");
    expect(mine).toContain("Recueilli par l&#x27;équipe du programme lors d&#x27;un appel");
    const own = await (await page("practitioner", `/signalements/${created.id}`)).text();
    expect(own).toContain("Recueilli par l&#x27;équipe du programme");
    expect(own).not.toContain("Équipe programme (démo)");
  });

  it("refuses the team's report without onBehalf, and onBehalf from anyone but the team", async () => {
    const report = { title: "Un signalement recueilli", body: "Un signalement recueilli lors d'une visite." };
    expect((await api("team", "POST", "/irritants", report)).status).toBe(422);
    expect((await api("practitioner", "POST", "/irritants", { ...report, onBehalf: { behalfName: "Dr X", collectedVia: "visite" } })).status).toBe(403);
    const unknownProfession = await api("team", "POST", "/irritants", { ...report, onBehalf: { behalfName: "Dr X", behalfProfession: "astronaute", collectedVia: "visite" } });
    expect(unknownProfession.status).toBe(422);
  });

  it("through the team's page without JavaScript, by name: the name is on the team's page only", async () => {
    const form = new URLSearchParams({ intent: "file", behalfName: "Dr Anne Lefort", behalfProfession: "infirmier", collectedVia: "visite", title: "Carte CPS non reconnue", body: "Lors de la visite, la carte CPS n'est pas reconnue par le lecteur." });
    const response = await post("team", "/equipe/signalements/recueillir", form);
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/equipe\/signalements\/\d+\?recueilli=nom$/);
    expect(await (await page("team", location)).text()).toContain("Dr Anne Lefort (infirmier), sans compte");
    const id = Number(/\d+/.exec(location)![0]);
    server.database.db.update(irritants).set({ published: true }).where(eq(irritants.id, id)).run();
    const publicPage = await (await fetch(`${server.url}/signalements/${id}`)).text();
    expect(publicPage).toContain("Recueilli par l&#x27;équipe du programme lors d&#x27;une visite");
    expect(publicPage).not.toContain("Lefort");
  });
});

describe("the backlog import pages", () => {
  const header = "Titre;Description;Thèmes;Logiciel;Version;Gravité;Fréquence;Date;Profession";
  const file = (text: string) => new File([text], "suivi.csv", { type: "text/csv" });

  it("previews with masked texts, then imports the previewed text", async () => {
    const text = `${header}\nEnvoi MSSanté bloqué;Le patient joignable au 06 12 34 56 78 ne reçoit rien.;mssante;;;Gênant;;2023-10-02;Secrétaire médical\n`;
    const preview = new FormData();
    preview.set("intent", "preview");
    preview.set("fichier", file(text));
    const previewed = await post("team", "/equipe/signalements/import", preview);
    expect(previewed.status).toBe(200);
    const html = await previewed.text();
    expect(html).toContain("Aperçu de l&#x27;import : 1 signalement");
    // The table shows the texts as they will be stored (the file itself goes back to its sender for the second step).
    const table = /<table[\s\S]*<\/table>/.exec(html)![0];
    expect(table).not.toContain("06 12 34 56 78");
    expect(table).toContain("[téléphone masqué]");
    expect(table).toContain("Nous avons masqué 1 numéro de téléphone");
    const apply = new URLSearchParams({ intent: "apply", csv: text });
    const applied = await post("team", "/equipe/signalements/import", apply);
    expect(applied.status).toBe(200);
    expect(await applied.text()).toContain("Import terminé : 1 signalement recueilli, 1 donnée masquée.");
    expect(server.database.db.select().from(irritants).where(eq(irritants.title, "Envoi MSSanté bloqué")).get()).toMatchObject({ origin: "import", behalfProfession: "secretaire-medical" });
  });

  it("lists a refused file's errors by line, and imports nothing", async () => {
    const before = server.database.db.select({ id: irritants.id }).from(irritants).all().length;
    const text = `${header}\nBon signalement;Une description suffisante.;;;;;;;\nMauvais;Une description suffisante.;;;;Énorme;;;\n`;
    const response = await post("team", "/equipe/signalements/import", new URLSearchParams({ intent: "apply", csv: text }));
    expect(response.status).toBe(422);
    const html = (await response.text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Le fichier contient des erreurs : rien n&#x27;a été importé.");
    expect(html).toContain("Ligne 3 : gravité inconnue « Énorme »");
    expect(server.database.db.select({ id: irritants.id }).from(irritants).all()).toHaveLength(before);
  });
});

describe("professions", () => {
  it("lists secretaries and medical assistants with their CPE card, in the API and its document", async () => {
    const { items } = (await (await api(null, "GET", "/professions")).json()) as { items: { value: string; cardType: string }[] };
    expect(items.filter((p) => p.cardType === "CPE").map((p) => p.value)).toEqual(["secretaire-medical", "assistant-medical"]);
    expect(items.find((p) => p.value === "medecin")?.cardType).toBe("CPS");
    const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).text();
    expect(document).toContain('"/professions"');
    expect(JSON.stringify(JSON.parse(document).paths["/irritants"].post.requestBody)).toContain("assistant-medical");
  });

  it("are offered at sign-up with their card", async () => {
    const html = await (await fetch(`${server.url}/inscription`)).text();
    expect(html).toContain("Secrétaire médical (carte CPE)");
    expect(html).toContain("Assistant médical (carte CPE)");
  });
});
