import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, events, irritants, outboxEmails, products, ticketMessages, tickets, workshopCards, workshopClusters, workshops } from "#db/schema";
import { applyRetention } from "~/modules/privacy/index.server";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { searchTerms } from "~/modules/irritants/vocabulary-synonyms";
import { PASSAGE_PLACEHOLDER } from "~/lib/text/passage";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Team redaction ("masquer un passage") of the four kinds of free text: irritant title and body, comments, ticket
// replies and workshop cards. Each passage is a name or number the automatic redaction does not catch.
const ROLES = {
  anonymous: null,
  practitioner: "medecin@demo.sentinelle.fr",
  patient: "patient@demo.sentinelle.fr",
  vendor: "editeur-a@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
  admin: "admin@demo.sentinelle.fr",
} as const;
type Role = keyof typeof ROLES;
const cookies = {} as Record<Role, string | null>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of Object.entries(ROLES) as [Role, string | null][]) cookies[role] = email ? await signInCookie(server.url, email) : null;
});
afterAll(() => server.close());

const db = () => server.database.db;
const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
const get = (role: Role, path: string) => fetch(server.url + path, { headers: cookies[role] ? { Cookie: cookies[role]! } : {}, redirect: "manual" });
const post = (role: Role, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return fetch(server.url + path, { method: "POST", headers: cookies[role] ? { Cookie: cookies[role]! } : {}, body, redirect: "manual" });
};

/** Every text value of every table (FTS content included) that contains the needle, as "table.column". */
function copiesInDatabase(needle: string): string[] {
  const client = db().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
  const found: string[] = [];
  for (const { name } of tables) {
    for (const row of client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) if (typeof value === "string" && value.includes(needle)) found.push(`${name}.${column}`);
    }
  }
  return [...new Set(found)];
}

/** The passage as written and as the search index folds it. */
const expectErased = (passage: string) => {
  expect(copiesInDatabase(passage)).toEqual([]);
  expect(copiesInDatabase(searchTerms(passage).join(" "))).toEqual([]);
};

const TITLE_PASSAGE = "Arsène Quintal";
const BODY_PASSAGE = "Odile Brossard-Vinet, dossier 185 057 800 608 436";
const COMMENT_PASSAGE = "M. Théophane Garric";
const REPLY_PASSAGE = "Mme Ysaline Perrault";
const CARD_PASSAGE = "Clothilde Vasseur";

let irritantId: number;
let ticketId: number;
let commentId: number;
let messageId: number;
let workshopId: number;
let cardId: number;

describe("before publishing", () => {
  it("files an irritant whose body keeps a long digit sequence the automatic redaction does not mask", async () => {
    const token = await apiToken(server.url, ROLES.patient);
    const response = await fetch(`${server.url}/api/v1/irritants`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...bearer(token) },
      body: JSON.stringify({
        title: `Mme ${TITLE_PASSAGE} : INSi introuvable à l'accueil`,
        body: `Le téléservice INSi ne retrouve pas la patiente ${BODY_PASSAGE} depuis la mise à jour du logiciel de l'accueil.`,
      }),
    });
    expect(response.status).toBe(201);
    irritantId = (await response.json()).id;
    expect(db().select().from(irritants).where(eq(irritants.id, irritantId)).get()!.body).toContain("185 057 800 608 436");
  });

  it("asks for confirmation before publishing an irritant with a long digit sequence, and publishes only when confirmed", async () => {
    const refused = await post("team", `/equipe/signalements/${irritantId}`, { intent: "publish" });
    expect(refused.status).toBe(409);
    const page = await text(refused);
    expect(page).toContain("185 057 800 608 436");
    expect(page).toContain("Publier quand même");
    expect(db().select().from(irritants).where(eq(irritants.id, irritantId)).get()!.published).toBe(false);

    const confirmed = await post("team", `/equipe/signalements/${irritantId}`, { intent: "publish", confirm: "1" });
    expect(confirmed.status).toBe(200);
    expect(db().select().from(irritants).where(eq(irritants.id, irritantId)).get()!.published).toBe(true);
  });

  it("asks for confirmation in the queue's bulk publication too, and publishes nothing of the selection until confirmed", async () => {
    const token = await apiToken(server.url, ROLES.practitioner);
    const file = async (body: string) =>
      (await (await fetch(`${server.url}/api/v1/irritants`, { method: "POST", headers: { "Content-Type": "application/json", ...bearer(token) }, body: JSON.stringify({ title: "Lenteur du DMP", body }) })).json()).id as number;
    const clean = await file("Le DMP met deux minutes à s'ouvrir.");
    const digits = await file("Le DMP du dossier 12.34.56.78.90.12 met deux minutes à s'ouvrir.");
    const refused = await post("team", "/equipe/signalements", { ids: [String(clean), String(digits)], bulk: "publish" });
    expect(refused.status).toBe(409);
    const page = await text(refused);
    expect(page).toContain("12.34.56.78.90.12");
    expect(page).toContain(`n°${digits}`);
    expect(page).toContain("Publier quand même");
    const published = (id: number) => db().select().from(irritants).where(eq(irritants.id, id)).get()!.published;
    expect([published(clean), published(digits)]).toEqual([false, false]);
    expect((await post("team", "/equipe/signalements", { ids: [String(clean), String(digits)], bulk: "publish", confirm: "1" })).status).toBe(200);
    expect([published(clean), published(digits)]).toEqual([true, true]);
  });

  it("asks for confirmation through the API too (PATCH published), and publishes only with confirmDigits", async () => {
    const filer = await apiToken(server.url, ROLES.practitioner);
    const id = (await (await fetch(`${server.url}/api/v1/irritants`, { method: "POST", headers: { "Content-Type": "application/json", ...bearer(filer) }, body: JSON.stringify({ title: "Lenteur de la messagerie", body: "Le message du dossier 98.76.54.32.10.98 met une heure à partir." }) })).json()).id;
    const team = await apiToken(server.url, ROLES.team);
    const patch = (body: object) => fetch(`${server.url}/api/v1/irritants/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json", ...bearer(team) }, body: JSON.stringify(body) });
    const refused = await patch({ published: true });
    expect(refused.status).toBe(409);
    const error = (await refused.json()).error;
    expect(error.code).toBe("digits_to_review");
    expect(error.fields.published.join()).toContain("98.76.54.32.10.98");
    expect(db().select().from(irritants).where(eq(irritants.id, id)).get()!.published).toBe(false);
    expect((await patch({ published: true, confirmDigits: true })).status).toBe(200);
    expect(db().select().from(irritants).where(eq(irritants.id, id)).get()!.published).toBe(true);
  });

  it("publishes without asking when no long digit sequence is left", async () => {
    const token = await apiToken(server.url, ROLES.practitioner);
    const id = (await (await fetch(`${server.url}/api/v1/irritants`, { method: "POST", headers: { "Content-Type": "application/json", ...bearer(token) }, body: JSON.stringify({ title: "Ordonnance illisible", body: "La version 12.3.4 du 12/03/2024 imprime mal." }) })).json()).id;
    expect((await post("team", `/equipe/signalements/${id}`, { intent: "publish" })).status).toBe(200);
    expect(db().select().from(irritants).where(eq(irritants.id, id)).get()!.published).toBe(true);
  });
});

describe("the texts to mask", () => {
  it("gets a comment, a ticket with a public reply, notifications and e-mails that copy the title", async () => {
    const commented = await post("practitioner", `/signalements/${irritantId}`, { intent: "comment", body: `Même souci pour ${COMMENT_PASSAGE} hier matin.` });
    expect(commented.status).toBe(200);
    commentId = db().select().from(comments).where(eq(comments.irritantId, irritantId)).get()!.id;

    const azurMed = db().select().from(products).where(eq(products.name, "AzurMed")).get()!;
    expect((await post("team", `/equipe/signalements/${irritantId}`, { intent: "open-ticket", productId: String(azurMed.id) })).status).toBe(200);
    ticketId = db().select().from(tickets).where(eq(tickets.irritantId, irritantId)).get()!.id;
    const vendorToken = await apiToken(server.url, ROLES.vendor);
    const reply = await fetch(`${server.url}/api/v1/tickets/${ticketId}/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...bearer(vendorToken) },
      body: JSON.stringify({ body: `Nous avons reproduit avec le dossier de ${REPLY_PASSAGE}.`, visibility: "public" }),
    });
    expect(reply.status).toBe(201);
    messageId = db().select().from(ticketMessages).where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, "reply"))).get()!.id;

    while (deliverPendingEvents().events > 0);
    expect(copiesInDatabase(TITLE_PASSAGE)).toEqual(expect.arrayContaining(["irritants.title", "notifications.text", "outbox_emails.subject"]));
    expect(copiesInDatabase(REPLY_PASSAGE)).toContain("ticket_messages.body");
    expect(await text(await get("anonymous", `/signalements/${irritantId}`))).toContain(REPLY_PASSAGE);
  });

  it("gets a workshop card, copied into the title of a cluster made from it", async () => {
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await post("team", "/equipe/seminaires", { title: "Séminaire de masquage", date, place: "Salle", objectives: "Tester" });
    const seminarId = Number(/\/equipe\/seminaires\/(\d+)/.exec(created.headers.get("location")!)![1]);
    await post("team", `/equipe/seminaires/${seminarId}`, { intent: "workshop-add", title: "Atelier", question: "Vos irritants ?", facilitatorEmail: "", facilitatorLabel: "", capacity: "", dotsPerParticipant: "3" });
    const w = db().select().from(workshops).where(eq(workshops.seminarId, seminarId)).get()!;
    workshopId = w.id;
    expect((await post("team", `/ateliers/${w.id}/animation`, { intent: "status", status: "open" })).status).toBe(200);
    expect((await post("anonymous", `/atelier/${w.code}`, { intent: "card", text: `Le CR de Mme ${CARD_PASSAGE} arrive sans nom lisible` })).status).toBe(200);
    cardId = db().select().from(workshopCards).where(eq(workshopCards.workshopId, w.id)).get()!.id;
    expect((await post("team", `/ateliers/${w.id}/animation`, { intent: "move", cardId: String(cardId), clusterId: "new" })).status).toBe(200);
    expect(copiesInDatabase(CARD_PASSAGE)).toEqual(expect.arrayContaining(["workshop_cards.text", "workshop_clusters.title"]));
  });
});

const CASES = [
  { kind: "irritant title", page: () => `/equipe/masquer?signalement=${irritantId}`, target: () => "irritant-title", passage: TITLE_PASSAGE, event: "irritant.passage_masked" },
  { kind: "irritant body", page: () => `/equipe/masquer?signalement=${irritantId}`, target: () => "irritant-body", passage: BODY_PASSAGE, event: "irritant.passage_masked" },
  { kind: "comment", page: () => `/equipe/masquer?signalement=${irritantId}`, target: () => `comment-${commentId}`, passage: COMMENT_PASSAGE, event: "irritant.passage_masked" },
  { kind: "ticket reply", page: () => `/equipe/masquer?signalement=${irritantId}`, target: () => `message-${messageId}`, passage: REPLY_PASSAGE, event: "ticket.passage_masked" },
  { kind: "workshop card", page: () => `/equipe/masquer?atelier=${workshopId}`, target: () => `card-${cardId}`, passage: CARD_PASSAGE, event: "workshop.passage_masked" },
] as const;

describe("masking a passage", () => {
  for (const c of CASES) {
    it(`refuses every role but the team's for the ${c.kind}, changing nothing`, async () => {
      const before = copiesInDatabase(c.passage);
      expect(before.length).toBeGreaterThan(0);
      for (const role of ["anonymous", "practitioner", "patient", "vendor"] as const) {
        const page = await get(role, c.page());
        expect(page.status, `GET as ${role}`).toBe(role === "anonymous" ? 302 : 403);
        const response = await post(role, c.page(), { intent: "mask", target: c.target(), passage: c.passage });
        expect(response.status, `POST as ${role}`).toBe(role === "anonymous" ? 302 : 403);
      }
      expect(copiesInDatabase(c.passage)).toEqual(before);
    });

    it(`masks the passage of the ${c.kind} for the team, and erases every copy of it`, async () => {
      const page = await text(await get("team", c.page()));
      expect(page).toContain(c.passage);
      expect(page).toContain("Masquer un passage");

      const response = await post("team", c.page(), { intent: "mask", target: c.target(), passage: c.passage });
      expect(response.status).toBe(200);
      const after = await text(response);
      expect(after).toContain("Passage masqué");
      expect(after).not.toContain(c.passage);
      expect(after).toContain(PASSAGE_PLACEHOLDER);

      expectErased(c.passage);
      const audit = db().select().from(events).where(eq(events.type, c.event)).orderBy(desc(events.id)).get()!;
      expect(audit.actorId).not.toBeNull();
      expect(audit.payload).toMatchObject({ characters: c.passage.length, occurrences: 1 });
      expect(JSON.stringify(audit.payload)).not.toContain(c.passage);
      expect(await text(await get("team", "/equipe/journal"))).toContain("Passage masqué par l'équipe");
    });
  }

  it("shows nothing of the masked passages on the public pages, the API and the search", async () => {
    const publicPage = await text(await get("anonymous", `/signalements/${irritantId}`));
    for (const passage of [TITLE_PASSAGE, BODY_PASSAGE, COMMENT_PASSAGE, REPLY_PASSAGE]) expect(publicPage).not.toContain(passage);
    expect(publicPage).toContain(PASSAGE_PLACEHOLDER);
    const api = await (await fetch(`${server.url}/api/v1/irritants/${irritantId}`)).text();
    expect(api).not.toContain("Quintal");
    expect(api).not.toContain("185 057 800 608 436");
    for (const q of ["Quintal", "Brossard", "185 057 800 608 436"]) {
      const found = (await (await fetch(`${server.url}/api/v1/irritants?q=${encodeURIComponent(q)}`)).json()).items as { id: number }[];
      expect(found.map((i) => i.id), q).not.toContain(irritantId);
    }
    // The index deletes securely: a re-indexed row's old words leave its segments at once (FTS5 'secure-delete').
    expect(db().$client.prepare("select v from irritants_fts_config where k = 'secure-delete'").get()).toEqual({ v: 1 });
    // Still found by the words that were not masked.
    const kept = (await (await fetch(`${server.url}/api/v1/irritants?q=${encodeURIComponent("INSi introuvable")}`)).json()).items as { id: number }[];
    expect(kept.map((i) => i.id)).toContain(irritantId);
    const w = db().select().from(workshops).where(eq(workshops.id, workshopId)).get()!;
    expect(await text(await get("anonymous", `/atelier/${w.code}`))).not.toContain(CARD_PASSAGE);
    expect(db().select().from(workshopClusters).where(eq(workshopClusters.workshopId, workshopId)).get()!.title).toContain(PASSAGE_PLACEHOLDER);
    expect(db().select().from(outboxEmails).all().some((m) => m.subject.includes(PASSAGE_PLACEHOLDER))).toBe(true);
  });

  it("refuses a passage that is not in the chosen text, or a target that does not exist, with a French message", async () => {
    const missing = await post("team", `/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "irritant-body", passage: "Passage absent du texte" });
    expect(missing.status).toBe(422);
    expect(await text(missing)).toContain("Ce passage ne figure pas dans le texte choisi");
    const unknown = await post("team", `/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "comment-999999", passage: "quelque chose" });
    expect(unknown.status).toBe(404);
    const malformed = await post("team", `/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "table-1", passage: "" });
    expect(malformed.status).toBe(422);
    expect(await text(malformed)).toContain("Choisissez le texte");
    expect((await get("team", "/equipe/masquer")).status).toBe(404);
  });
});

describe("same class: the retention purge", () => {
  it("erases the text of a long-hidden irritant from its notifications and e-mails too, not only from its row", async () => {
    const token = await apiToken(server.url, ROLES.practitioner);
    const title = "Mme Honorine Delacroix-Puget : CR perdu";
    const id = (await (await fetch(`${server.url}/api/v1/irritants`, { method: "POST", headers: { "Content-Type": "application/json", ...bearer(token) }, body: JSON.stringify({ title, body: "Le compte rendu de Mme Honorine Delacroix-Puget est perdu à l'envoi." }) })).json()).id as number;
    const azurMed = db().select().from(products).where(eq(products.name, "AzurMed")).get()!;
    expect((await post("team", `/equipe/signalements/${id}`, { intent: "open-ticket", productId: String(azurMed.id) })).status).toBe(200);
    while (deliverPendingEvents().events > 0);
    expect(copiesInDatabase("Honorine Delacroix-Puget")).toEqual(expect.arrayContaining(["notifications.text", "outbox_emails.subject"]));
    expect((await post("team", `/equipe/signalements/${id}`, { intent: "hide", reason: "Données de santé" })).status).toBe(200);
    expect(applyRetention(0, new Date(Date.now() + 1000)).irritantsErased).toBeGreaterThanOrEqual(1);
    expect(copiesInDatabase("Honorine Delacroix-Puget")).toEqual([]);
    expect(copiesInDatabase(searchTerms("Honorine Delacroix-Puget").join(" "))).toEqual([]);
  });
});

describe("hostile input on the masking page", () => {
  it("answers odd targets, passages and scopes with a 4xx, never a 5xx, and changes nothing", async () => {
    const before = db().select().from(irritants).where(eq(irritants.id, irritantId)).get()!;
    const cases: [string, Record<string, string>][] = [
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "irritant-title", passage: "x".repeat(5000) }],
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "irritant-title", passage: ".*" }],
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "irritant-titlex", passage: "INSi" }],
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "__proto__", passage: "INSi" }],
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "card-1", passage: "INSi" }],
      [`/equipe/masquer?signalement=${irritantId}`, { intent: "mask", target: "comment-99999999999999999999", passage: "INSi" }],
      [`/equipe/masquer?atelier=${workshopId}`, { intent: "mask", target: "irritant-title", passage: "INSi" }],
      [`/equipe/masquer?signalement=${irritantId}&atelier=${workshopId}`, { intent: "mask", target: "irritant-title", passage: "INSi" }],
      [`/equipe/masquer?signalement=-1`, { intent: "mask", target: "irritant-title", passage: "INSi" }],
      [`/equipe/masquer?signalement=999999999`, { intent: "mask", target: "irritant-title", passage: "INSi" }],
      [`/equipe/masquer?atelier=999999999`, { intent: "mask", target: "card-1", passage: "INSi" }],
    ];
    for (const [path, fields] of cases) {
      const response = await post("team", path, fields);
      await response.arrayBuffer();
      expect(response.status, `${path} ${JSON.stringify(fields).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(db().select().from(irritants).where(eq(irritants.id, irritantId)).get()).toEqual(before);
  });
});
