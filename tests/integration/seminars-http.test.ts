import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, actions, seminarOutcomes, seminarRegistrations, workshopCards, workshopClusters, workshopVotes, workshops } from "#db/schema";
import { DEMO_WORKSHOP_CODE } from "~/seed/seminars.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let team: string;
let admin: string;
let practitioner: string;
let patient: string;
let vendor: string;
beforeAll(async () => {
  server = await startTestServer();
  [team, admin, practitioner, patient, vendor] = await Promise.all(
    ["equipe", "admin", "medecin", "patient", "editeur-a"].map((who) => signInCookie(server.url, `${who}@demo.sentinelle.fr`)),
  );
});
afterAll(() => server.close());

const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
const post = (cookie: string | null, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return fetch(server.url + path, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body, redirect: "manual" });
};
const get = (cookie: string | null, path: string) => fetch(server.url + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0];
const db = () => server.database.db;
const demoWorkshop = () => db().select().from(workshops).where(eq(workshops.code, DEMO_WORKSHOP_CODE)).get()!;
const cardCount = (workshopId: number) => db().select({ n: count() }).from(workshopCards).where(eq(workshopCards.workshopId, workshopId)).get()!.n;

/** A fresh seminar with one open workshop, created through the team pages; returns its ids and code. */
async function preparedWorkshop(options: { capacity?: string; dots?: string; facilitator?: string; date?: string } = {}) {
  const date = options.date ?? new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const created = await post(team, "/equipe/seminaires", { title: "Séminaire d'essai des ateliers", date, place: "Salle d'essai", objectives: "Tester\nVérifier" });
  expect(created.status).toBe(302);
  const seminarId = Number(/\/equipe\/seminaires\/(\d+)/.exec(created.headers.get("location")!)![1]);
  const added = await post(team, `/equipe/seminaires/${seminarId}`, {
    intent: "workshop-add",
    title: "Atelier d'essai",
    question: "Quels irritants vivez-vous au quotidien ?",
    facilitatorEmail: options.facilitator ?? "",
    facilitatorLabel: "",
    capacity: options.capacity ?? "",
    dotsPerParticipant: options.dots ?? "3",
  });
  expect(added.status).toBe(200);
  const w = db().select().from(workshops).where(eq(workshops.seminarId, seminarId)).get()!;
  expect((await post(team, `/ateliers/${w.id}/animation`, { intent: "status", status: "open" })).status).toBe(200);
  return { seminarId, workshopId: w.id, code: w.code };
}

describe("public seminar pages", () => {
  it("list past and upcoming seminars and show the deck's seminar from the database", async () => {
    const list = await text(await get(null, "/seminaires"));
    expect(list).toContain("Séminaire « Usages numériques en médecine de ville »");
    expect(list).toContain("Séminaire tripartite de travail (démonstration)");
    const response = await get(null, "/seminaires/seminaire-20-novembre-2023");
    expect(response.status).toBe(200);
    const page = await text(response);
    for (const expected of [
      "Recréer la confiance entre éditeurs",
      "Comment capter des retours terrain pour améliorer les services numériques publics et privés en continu ?",
      "Accueil café",
      "C'était bon, mais c'était court !",
      "Contenu très dense",
      "Ce qui en est sorti",
      "Délégation au secrétariat",
      "En cours 🔧",
    ]) {
      expect(page).toContain(expected);
    }
    expect((await get(null, "/seminaires/inexistant")).status).toBe(404);
  });

  it("publishes a verbatim only with consent, and shows only published ones", async () => {
    const refused = await post(team, "/equipe/seminaires/1/bilan", { intent: "verbatim-add", text: "Citation sans accord de la personne", published: "on" });
    expect(refused.status).toBe(422);
    expect(await text(refused)).toContain("Une citation n'est publiée qu'avec le consentement de la personne.");
    expect((await post(team, "/equipe/seminaires/1/bilan", { intent: "verbatim-add", text: "Citation gardée pour l'équipe", side: "vendor", consent: "on" })).status).toBe(200);
    const page = await text(await get(null, "/seminaires/seminaire-20-novembre-2023"));
    expect(page).not.toContain("Citation sans accord");
    expect(page).not.toContain("Citation gardée pour l'équipe");
  });

  it("records feedback and links the post-event questionnaire, announced on the public page once open", async () => {
    const bad = await post(team, "/equipe/seminaires/1/bilan", { intent: "feedback", positives: "Bien", improvements: "", campaignSlug: "inexistante" });
    expect(bad.status).toBe(422);
    const saved = await post(team, "/equipe/seminaires/1/bilan", { intent: "feedback", positives: "Très bonne dynamique collective\nDes irritants bien identifiés", improvements: "Contenu très dense", campaignSlug: "segur-en-cours" });
    expect(saved.status).toBe(200);
    const page = await text(await get(null, "/seminaires/seminaire-20-novembre-2023"));
    expect(page).toContain("Des irritants bien identifiés");
    expect(page).toMatch(/Questionnaire après le séminaire.*répondre à/);
    expect(page).toContain('href="/enquetes/segur-en-cours"');
  });

  it("answers the API with published seminars, and 422 on a bad query", async () => {
    const body = await (await get(null, "/api/v1/seminars")).json();
    const deck = body.items.find((s: { slug: string }) => s.slug === "seminaire-20-novembre-2023");
    expect(deck.workshops).toHaveLength(3);
    expect(deck.balance.find((b: { side: string }) => b.side === "practitioner").count).toBe(15);
    expect((await get(null, "/api/v1/seminars?limit=0")).status).toBe(422);
    expect((await get(null, "/api/v1/seminars?cursor=zzz")).status).toBe(422);
  });
});

describe("permissions", () => {
  it("keeps team pages to the team: 403 for practitioners, patients and vendors, sign-in for visitors", async () => {
    for (const path of ["/equipe/seminaires", "/equipe/seminaires/1", "/equipe/seminaires/1/inscriptions", "/equipe/seminaires/1/bilan", "/ateliers/1/animation"]) {
      expect((await get(team, path)).status).toBe(200);
      expect((await get(admin, path)).status).toBe(200);
      for (const cookie of [practitioner, patient, vendor]) expect((await get(cookie, path)).status).toBe(403);
      expect((await get(null, path)).status).toBe(302);
    }
    expect((await post(practitioner, "/equipe/seminaires", { title: "Séminaire pirate", date: "2030-01-01" })).status).toBe(403);
    expect((await post(vendor, "/ateliers/1/animation", { intent: "status", status: "open" })).status).toBe(403);
    expect((await get(team, "/equipe/seminaires/999")).status).toBe(404);
    expect((await get(team, "/ateliers/abc/animation")).status).toBe(404);
    expect((await get(practitioner, "/ateliers/1/revision")).status).toBe(403);
    expect((await (await get(team, "/ateliers/1/revision")).json()).revision).toEqual(expect.any(Number));
    expect((await post(team, "/equipe/seminaires/1", { intent: "inconnue" })).status).toBe(400);
    expect((await post(team, "/equipe/seminaires", { title: "Séminaire à la date impossible", date: "2023-13-45" })).status).toBe(422);
  });

  it("lets a facilitator run their own board, not another one, and not restitute", async () => {
    const mine = await preparedWorkshop({ facilitator: "medecin@demo.sentinelle.fr" });
    expect((await get(practitioner, `/ateliers/${mine.workshopId}/animation`)).status).toBe(200);
    expect((await post(practitioner, `/ateliers/${mine.workshopId}/animation`, { intent: "cluster-create", title: "Regroupement de l'animateur" })).status).toBe(200);
    expect((await post(practitioner, `/ateliers/${mine.workshopId}/animation`, { intent: "voting", open: "1" })).status).toBe(200);
    expect((await get(practitioner, `/ateliers/${demoWorkshop().id}/animation`)).status).toBe(403);
    const card = await post(null, `/atelier/${mine.code}`, { intent: "card", text: "Une carte à restituer" });
    const cardId = db().select().from(workshopCards).where(eq(workshopCards.workshopId, mine.workshopId)).get()!.id;
    expect(card.status).toBe(200);
    const restitution = await post(practitioner, `/ateliers/${mine.workshopId}/animation`, { intent: "irritant", source: "card", sourceId: String(cardId), title: "Titre suffisant", body: "Description suffisante." });
    expect(restitution.status).toBe(403);
    expect(db().select({ n: count() }).from(seminarOutcomes).where(eq(seminarOutcomes.workshopId, mine.workshopId)).get()!.n).toBe(0);
  });
});

describe("joining with a code", () => {
  it("sends a typed code to its board, whatever its case and dashes", async () => {
    const response = await get(null, "/atelier?code=ate-347");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/atelier/ATE347");
    expect((await get(null, "/atelier/ate-347")).headers.get("location")).toBe("/atelier/ATE347");
    const board = await text(await get(null, "/atelier/ATE347"));
    expect(board).toContain("Quelles règles de nommage rendraient lisibles les documents reçus");
  });

  it("explains wrong and malformed codes in French, with a 4xx", async () => {
    const unknown = await get(null, "/atelier?code=AAA-AAA");
    expect(unknown.status).toBe(404);
    expect(await text(unknown)).toContain("Aucun atelier ne correspond à ce code.");
    const malformed = await get(null, "/atelier?code=AB0");
    expect(malformed.status).toBe(422);
    expect(await text(malformed)).toContain("les codes d'atelier ne contiennent jamais « B », « 0 »");
    expect((await get(null, "/atelier/XXXXXX")).status).toBe(404);
    const revision = await get(null, "/atelier/XXXXXX/revision");
    expect(revision.status).toBe(404);
    expect((await revision.json()).error.message).toContain("Aucun atelier");
  });

  it("says an expired code's workshop is closed, and refuses posts there (409, nothing written)", async () => {
    const closed = db().select().from(workshops).where(eq(workshops.id, 1)).get()!;
    const join = await get(null, `/atelier?code=${closed.code}`);
    expect(join.status).toBe(302);
    const page = await text(await get(null, `/atelier/${closed.code}`));
    expect(page).toContain("Ce code a expiré : l'atelier est clos.");
    const before = cardCount(closed.id);
    const refused = await post(null, `/atelier/${closed.code}`, { intent: "card", text: "Trop tard pour cette carte" });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("Cet atelier est clos : il n'est plus possible de publier de carte.");
    expect(cardCount(closed.id)).toBe(before);
  });

  it("renews a code: the old one stops working at once", async () => {
    const { seminarId, workshopId, code } = await preparedWorkshop();
    expect((await post(team, `/equipe/seminaires/${seminarId}`, { intent: "workshop-code", workshopId: String(workshopId) })).status).toBe(200);
    expect((await get(null, `/atelier/${code}`)).status).toBe(404);
    const renewed = db().select().from(workshops).where(eq(workshops.id, workshopId)).get()!.code;
    expect(renewed).not.toBe(code);
    expect((await get(null, `/atelier/${renewed}`)).status).toBe(200);
  });
});

describe("cards", () => {
  it("posts a card without an account, gives a participant cookie and masks patient identifiers", async () => {
    const w = demoWorkshop();
    const revision = (await (await get(null, `/atelier/${w.code}/revision`)).json()).revision;
    const response = await post(null, `/atelier/${w.code}`, { intent: "card", text: "Le CR de M. X, NIR 1 85 05 78 006 084 91, tél 06 12 34 56 78, arrive sans nom lisible", theme: "nommage-documents" });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^sentinelle_atelier=/);
    expect(await text(response)).toContain("Nous avons masqué");
    const stored = db().select().from(workshopCards).where(eq(workshopCards.workshopId, w.id)).all().at(-1)!;
    expect(stored.text).toContain("[NIR masqué]");
    expect(stored.text).toContain("[téléphone masqué]");
    expect(stored.text).not.toMatch(/06 12 34 56 78|1 85 05/);
    expect((await (await get(null, `/atelier/${w.code}/revision`)).json()).revision).toBeGreaterThan(revision);
  });

  it("refuses oversized, empty and badly themed cards with French messages, writing nothing", async () => {
    const w = demoWorkshop();
    const before = cardCount(w.id);
    const long = await post(null, `/atelier/${w.code}`, { intent: "card", text: "x".repeat(281) });
    expect(long.status).toBe(422);
    expect(await text(long)).toContain("Une carte tient en 280 caractères au plus");
    expect((await post(null, `/atelier/${w.code}`, { intent: "card", text: " " })).status).toBe(422);
    const theme = await post(null, `/atelier/${w.code}`, { intent: "card", text: "Carte au thème inventé", theme: "inconnu" });
    expect(theme.status).toBe(422);
    expect(await text(theme)).toContain("Choisissez un thème de la liste.");
    expect(cardCount(w.id)).toBe(before);
  });

  it("limits card flooding per participant (429) without blocking other participants", async () => {
    const { workshopId, code } = await preparedWorkshop();
    const first = await post(null, `/atelier/${code}`, { intent: "card", text: "Carte numéro 1" });
    const cookie = cookieOf(first);
    for (let i = 2; i <= 5; i++) expect((await post(cookie, `/atelier/${code}`, { intent: "card", text: `Carte numéro ${i}` })).status).toBe(200);
    const flood = await post(cookie, `/atelier/${code}`, { intent: "card", text: "Carte numéro 6" });
    expect(flood.status).toBe(429);
    expect(await text(flood)).toContain("Vous avez publié 5 cartes en moins d'une minute");
    expect(cardCount(workshopId)).toBe(5);
    expect((await post(null, `/atelier/${code}`, { intent: "card", text: "Une autre personne" })).status).toBe(200);
    expect(cardCount(workshopId)).toBe(6);
  });

  it("refuses cards before the workshop opens", async () => {
    const created = await post(team, "/equipe/seminaires", { title: "Séminaire pas encore ouvert", date: "2031-03-03" });
    const seminarId = Number(/(\d+)\?/.exec(created.headers.get("location")!)![1]);
    await post(team, `/equipe/seminaires/${seminarId}`, { intent: "workshop-add", title: "Atelier fermé", question: "Question de l'atelier fermé ?", dotsPerParticipant: "3" });
    const w = db().select().from(workshops).where(eq(workshops.seminarId, seminarId)).get()!;
    const refused = await post(null, `/atelier/${w.code}`, { intent: "card", text: "Trop tôt pour cette carte" });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("L'atelier n'a pas encore commencé");
  });
});

describe("dot votes", () => {
  it("enforce the allowance on the server, give dots back on removal, and only while the vote is open", async () => {
    const { workshopId, code } = await preparedWorkshop({ dots: "3" });
    const posted = await post(null, `/atelier/${code}`, { intent: "card", text: "Carte à voter" });
    const cookie = cookieOf(posted);
    const cardId = db().select().from(workshopCards).where(eq(workshopCards.workshopId, workshopId)).get()!.id;
    const vote = (direction = "add") => post(cookie, `/atelier/${code}`, { intent: "vote", target: "card", targetId: String(cardId), direction });
    const closedVote = await vote();
    expect(closedVote.status).toBe(409);
    expect(await text(closedVote)).toContain("Le vote n'est pas ouvert");
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "voting", open: "1" })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await vote()).status).toBe(200);
    const over = await vote();
    expect(over.status).toBe(409);
    expect(await text(over)).toContain("Vous avez déjà placé vos 3 points");
    const votes = () => db().select({ n: count() }).from(workshopVotes).where(eq(workshopVotes.workshopId, workshopId)).get()!.n;
    expect(votes()).toBe(3);
    expect((await vote("remove")).status).toBe(200);
    expect(votes()).toBe(2);
    expect((await vote()).status).toBe(200);
    expect((await post(cookie, `/atelier/${code}`, { intent: "vote", target: "card", targetId: "999999" })).status).toBe(404);
    expect((await post(cookie, `/atelier/${code}`, { intent: "vote", target: "banane", targetId: "1" })).status).toBe(422);
    // A hidden card's dots go back to their owners.
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "hide", cardId: String(cardId) })).status).toBe(200);
    const afterHiding = await text(await get(cookie, `/atelier/${code}`));
    expect(afterHiding.replaceAll("<!-- -->", "")).toContain("Il vous reste <strong>3 points</strong>");
    expect((await vote()).status).toBe(404);
    // Closing the workshop ends the vote.
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "show", cardId: String(cardId) })).status).toBe(200);
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "status", status: "closed" })).status).toBe(200);
    expect((await post(cookie, `/atelier/${code}`, { intent: "vote", target: "card", targetId: String(cardId) })).status).toBe(409);
  });

  it("refuse a dot on an empty cluster (or one whose cards are all hidden), and offer no button for it", async () => {
    const { workshopId, code } = await preparedWorkshop();
    const posted = await post(null, `/atelier/${code}`, { intent: "card", text: "Carte du regroupement" });
    const cookie = cookieOf(posted);
    const cardId = db().select({ id: workshopCards.id }).from(workshopCards).where(eq(workshopCards.workshopId, workshopId)).get()!.id;
    const animation = `/ateliers/${workshopId}/animation`;
    expect((await post(team, animation, { intent: "cluster-create", title: "Regroupement vide" })).status).toBe(200);
    expect((await post(team, animation, { intent: "move", cardId: String(cardId), clusterId: "new" })).status).toBe(200);
    expect((await post(team, animation, { intent: "voting", open: "1" })).status).toBe(200);
    const clusters = db().select().from(workshopClusters).where(eq(workshopClusters.workshopId, workshopId)).all();
    const empty = clusters.find((c) => c.title === "Regroupement vide")!;
    const full = clusters.find((c) => c.id !== empty.id)!;
    const vote = (clusterId: number) => post(cookie, `/atelier/${code}`, { intent: "vote", target: "cluster", targetId: String(clusterId), direction: "add" });
    const refused = await vote(empty.id);
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("Ce regroupement est vide");
    expect((await vote(full.id)).status).toBe(200);
    const page = await text(await get(cookie, `/atelier/${code}`));
    expect(page).not.toContain("pour « Regroupement vide »");
    expect(page).toContain(`pour « ${full.title} »`);
    // Hiding the only card empties its cluster for the vote as well.
    expect((await post(team, animation, { intent: "hide", cardId: String(cardId) })).status).toBe(200);
    expect((await vote(full.id)).status).toBe(409);
    expect(db().select({ n: count() }).from(workshopVotes).where(eq(workshopVotes.workshopId, workshopId)).get()!.n).toBe(1);
  });
});

describe("restitution", () => {
  it("turns a cluster into an irritant and an action in one step each, linked both ways, once", async () => {
    const { seminarId, workshopId, code } = await preparedWorkshop();
    await post(null, `/atelier/${code}`, { intent: "card", text: "Les comptes rendus arrivent sans nom lisible", theme: "nommage-documents" });
    await post(null, `/atelier/${code}`, { intent: "card", text: "Le même document arrive trois fois", theme: "mssante" });
    const [a, b] = db().select().from(workshopCards).where(eq(workshopCards.workshopId, workshopId)).all();
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "move", cardId: String(a.id), clusterId: "new" })).status).toBe(200);
    const clusterId = db().select().from(workshopCards).where(eq(workshopCards.id, a.id)).get()!.clusterId!;
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "move", cardId: String(b.id), clusterId: String(clusterId) })).status).toBe(200);
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "cluster-rename", clusterId: String(clusterId), title: "Documents reçus illisibles" })).status).toBe(200);

    const irritantsBefore = db().select({ n: count() }).from(irritants).get()!.n;
    const made = await post(team, `/ateliers/${workshopId}/animation`, {
      intent: "irritant",
      source: "cluster",
      sourceId: String(clusterId),
      title: "Documents reçus illisibles",
      body: "Les comptes rendus arrivent sans nom lisible, parfois trois fois.",
      themes: ["nommage-documents", "mssante"],
      published: "on",
    });
    expect(made.status).toBe(200);
    const irritantId = Number(/Signalement n°(\d+) créé/.exec(await text(made))![1]);
    expect(db().select().from(irritants).where(eq(irritants.id, irritantId)).get()).toMatchObject({ published: true, status: "triaged" });
    const again = await post(team, `/ateliers/${workshopId}/animation`, { intent: "irritant", source: "cluster", sourceId: String(clusterId), title: "Documents reçus illisibles", body: "Une deuxième fois la même chose." });
    expect(again.status).toBe(409);
    expect(db().select({ n: count() }).from(irritants).get()!.n).toBe(irritantsBefore + 1);

    const badAction = await post(team, `/ateliers/${workshopId}/animation`, { intent: "action", source: "cluster", sourceId: String(clusterId), challengeId: "999", title: "Action impossible", leadKind: "pouvoirs-publics", deadlineLabel: "T3 2030" });
    expect(badAction.status).toBe(422);
    const actionMade = await post(team, `/ateliers/${workshopId}/animation`, { intent: "action", source: "cluster", sourceId: String(clusterId), challengeId: "1", title: "Règles de nommage des documents reçus", leadKind: "pouvoirs-publics", deadlineLabel: "T3 2030" });
    expect(actionMade.status).toBe(200);
    const actionId = Number(/Action n°(\d+) ajoutée/.exec(await text(actionMade))![1]);
    expect(db().select().from(actions).where(eq(actions.id, actionId)).get()).toMatchObject({ deadlineLabel: "T3 2030", status: "a-lancer" });

    // Both pages say where the item came from (once the seminar's page is public; the team sees it before).
    expect(await text(await get(team, `/signalements/${irritantId}`))).toMatch(/Issu de.*l'atelier 1 du séminaire du/);
    expect(await text(await get(null, `/signalements/${irritantId}`))).not.toContain("Issu de");
    expect((await post(team, `/equipe/seminaires/${seminarId}`, { intent: "seminar", title: "Séminaire d'essai des ateliers", date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), published: "on" })).status).toBe(200);
    const irritantPage = await text(await get(null, `/signalements/${irritantId}`));
    expect(irritantPage).toMatch(/Issu de.*l'atelier 1 du séminaire du/);
    const actionPage = await text(await get(null, `/plan-action/${actionId}`));
    expect(actionPage).toMatch(/Issu de.*l'atelier 1 du séminaire du/);
    // The action is linked to the irritant the same cluster became.
    expect(actionPage).toContain("Documents reçus illisibles");
    // The report lists both with their current status; the public page too once published.
    const report = await text(await get(team, `/equipe/seminaires/${seminarId}/bilan`));
    expect(report).toContain(`n°${irritantId} — Documents reçus illisibles`);
    expect(report).toContain(`n°${actionId} — Règles de nommage des documents reçus`);
    expect(report).toContain("Qualifié");
    expect(report).toContain("À lancer");
    const slug = (await (await get(null, "/api/v1/seminars")).json()).items.find((s: { workshops: { title: string }[] }) => s.workshops.some((w) => w.title === "Atelier d'essai")).slug;
    const publicPage = await text(await get(null, `/seminaires/${slug}`));
    expect(publicPage).toContain(`n°${irritantId} — Documents reçus illisibles`);
    expect(publicPage).toContain("Règles de nommage des documents reçus");
  });

  it("links a card to an existing irritant, and refuses unknown targets", async () => {
    const { workshopId, code } = await preparedWorkshop();
    await post(null, `/atelier/${code}`, { intent: "card", text: "L'INS prend trop de temps" });
    const card = db().select().from(workshopCards).where(eq(workshopCards.workshopId, workshopId)).get()!;
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "link", source: "card", sourceId: String(card.id), targetKind: "irritant", targetId: "99999" })).status).toBe(422);
    expect((await post(team, `/ateliers/${workshopId}/animation`, { intent: "link", source: "card", sourceId: String(card.id), targetKind: "irritant", targetId: "1" })).status).toBe(200);
    const links = db().select().from(seminarOutcomes).where(and(eq(seminarOutcomes.workshopId, workshopId), eq(seminarOutcomes.targetKind, "irritant"))).all();
    expect(links).toHaveLength(1);
    expect(links[0].targetId).toBe(1);
  });
});

describe("registration", () => {
  it("registers a guest with a side pending confirmation, answers a second request the same way, and enforces workshop caps whole", async () => {
    const { seminarId, workshopId } = await preparedWorkshop({ capacity: "1" });
    const seminar = (await get(team, `/equipe/seminaires/${seminarId}`)).status;
    expect(seminar).toBe(200);
    expect((await post(team, `/equipe/seminaires/${seminarId}`, { intent: "seminar", title: "Séminaire d'essai des ateliers", date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), published: "on", registrationOpen: "on" })).status).toBe(200);
    const slug = (await (await get(null, "/api/v1/seminars")).json()).items.find((s: { title: string; workshops: { title: string }[] }) => s.workshops.some((w) => w.title === "Atelier d'essai")).slug;
    const path = `/seminaires/${slug}/inscription`;
    const ok = await post(null, path, { name: "Invité A", email: "Invite.A@example.org", sideChoice: "vendor:sons", workshopIds: String(workshopId) });
    expect(ok.status).toBe(200);
    expect(await text(ok)).toContain("Vérifiez votre messagerie");
    // A second request for the address: the same answer (the page never says who is registered), still one row.
    const twice = await post(null, path, { name: "Invité A", email: "invite.a@example.org", sideChoice: "vendor:sons" });
    expect(twice.status).toBe(200);
    expect(await text(twice)).toContain("Vérifiez votre messagerie");
    // The unconfirmed guest takes no seat: the team can still add someone to the one-seat workshop, then it is full.
    expect((await post(team, `/equipe/seminaires/${seminarId}/inscriptions`, { name: "Invité T", email: "invite.t@example.org", sideChoice: "vendor:sons", workshopIds: String(workshopId) })).status).toBe(200);
    const full = await post(null, path, { name: "Invité B", email: "invite.b@example.org", sideChoice: "practitioner:vip", workshopIds: String(workshopId) });
    expect(full.status).toBe(409);
    expect(await text(full)).toContain("L'atelier 1 est complet");
    const regs = db().select().from(seminarRegistrations).where(eq(seminarRegistrations.seminarId, seminarId)).all();
    expect(regs.map((r) => [r.email, r.confirmedAt !== null])).toEqual([["invite.a@example.org", false], ["invite.t@example.org", true]]);
    const noSide = await post(null, path, { name: "Invité C", email: "invite.c@example.org" });
    expect(noSide.status).toBe(422);
    expect(await text(noSide)).toContain("Indiquez à quel titre vous participez.");
    // Signed in: name and address come from the account.
    expect((await post(practitioner, path, { sideChoice: "practitioner:other" })).status).toBe(200);
    const balance = await text(await get(team, `/equipe/seminaires/${seminarId}/inscriptions`));
    expect(balance).toContain("Aucun participant côté institutionnels.");
    expect(balance).toContain("medecin@demo.sentinelle.fr");
  });

  it("refuses registrations to a past seminar or one whose registration is closed", async () => {
    const past = await post(null, "/seminaires/seminaire-20-novembre-2023/inscription", { name: "Trop tard", email: "tard@example.org", sideChoice: "patient" });
    expect(past.status).toBe(409);
    expect((await post(null, "/seminaires/inexistant/inscription", { name: "X", email: "x@example.org", sideChoice: "patient" })).status).toBe(404);
  });
});
