import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionIrritants, actions, irritantThemes, irritants, themes } from "#db/schema";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Team triage (issue 18): the queue opens on what is left to triage, the duplicate panel finds what filing finds and
// merges in one click, and statuses stay consistent between irritants and their tickets.
const ROLES = {
  practitioner: "medecin@demo.sentinelle.fr",
  vendorA: "editeur-a@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
} as const;
type Role = keyof typeof ROLES;
const cookies = {} as Record<Role, string>;
const tokens = {} as Record<Role, string>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  for (const [role, email] of Object.entries(ROLES) as [Role, string][]) {
    cookies[role] = await signInCookie(server.url, email);
    tokens[role] = await apiToken(server.url, email);
  }
});
afterAll(() => server.close());

const db = () => server.database.db;
const decode = (html: string) => html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
const get = (role: Role, path: string) => fetch(server.url + path, { headers: { Cookie: cookies[role] }, redirect: "manual" });
const getText = async (role: Role, path: string) => decode(await (await get(role, path)).text());
const post = (role: Role, path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: "POST", headers: { Cookie: cookies[role] }, body: new URLSearchParams(fields), redirect: "manual" });
const api = (role: Role, method: string, path: string, body?: unknown) =>
  fetch(server.url + "/api/v1" + path, { method, headers: { "Content-Type": "application/json", ...bearer(tokens[role]) }, body: body === undefined ? undefined : JSON.stringify(body) });
const statusOf = (id: number) => db().select({ status: irritants.status }).from(irritants).where(eq(irritants.id, id)).get()?.status;

/** The rows of the triage queue's table: irritant number and the status cell. */
function queueRows(html: string) {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
    return { id: Number(cells[1]), status: cells[cells.length - 1].replace(/<[^>]*>/g, "").trim() };
  });
}

describe("the triage queue", () => {
  it("opens on the irritants left to triage, and says so in its filter", async () => {
    const html = await getText("team", "/equipe/signalements");
    const rows = queueRows(html);
    const untriaged = db().select({ id: irritants.id }).from(irritants).where(eq(irritants.status, "new")).all().map((r) => r.id);
    expect(untriaged.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort()).toEqual(untriaged.sort());
    expect(html).toMatch(/<option value="new" selected="">À trier<\/option>/);
  });

  it("lists every status on « Tous les statuts », and one status when asked", async () => {
    const all = queueRows(await getText("team", "/equipe/signalements?status=tous"));
    expect(new Set(all.map((r) => r.status)).size).toBeGreaterThan(2);
    const triaged = queueRows(await getText("team", "/equipe/signalements?status=triaged"));
    expect(triaged.length).toBeGreaterThan(0);
    expect(triaged.every((r) => r.status === "Qualifié")).toBe(true);
  });
});

// A practitioner's twin of the demo's n°5 ("Remplir le VSM prend trop de temps"), in other words.
const TWIN = {
  title: "Le volet de synthèse médicale est trop long à remplir",
  body: "Pour chaque patient je dois ressaisir dans le VSM des informations déjà présentes dans le dossier : la reprise automatique ne marche pas.",
};
const ORIGINAL = 5;
let twinId: number;

describe("the duplicate panel", () => {
  it("finds, on the team's page of an irritant, the twin that filing finds", async () => {
    const filing = await api("practitioner", "POST", "/irritants/similar", { text: `${TWIN.title}. ${TWIN.body}` });
    expect(((await filing.json()) as { items: { id: number }[] }).items.map((i) => i.id)).toContain(ORIGINAL);
    const filed = await api("practitioner", "POST", "/irritants", TWIN);
    expect(filed.status).toBe(201);
    twinId = ((await filed.json()) as { id: number }).id;

    const twinPage = await getText("team", `/equipe/signalements/${twinId}`);
    expect(twinPage).not.toContain("Aucun signalement proche");
    expect(twinPage).toContain(`Fusionner dans le n°${ORIGINAL}`);
    expect(twinPage).not.toContain(`Fusionner dans le n°${twinId}<`);
    // Both ways: the original's page proposes the twin.
    expect(await getText("team", `/equipe/signalements/${ORIGINAL}`)).toContain(`Fusionner dans le n°${twinId}`);
  });

  it("merges in one click: the proposal's button posts the merge into its irritant", async () => {
    const html = await getText("team", `/equipe/signalements/${twinId}`);
    const form = html.match(new RegExp(`<form method="post"[^>]*>((?:(?!</form>)[\\s\\S])*?Fusionner dans le n°${ORIGINAL}[\\s\\S]*?)</form>`))?.[1] ?? "";
    const fields = Object.fromEntries([...form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(fields).toEqual({ intent: "merge", mergeInto: String(ORIGINAL) });
    const merged = await post("team", `/equipe/signalements/${twinId}`, fields);
    expect(merged.status).toBe(200);
    expect(decode(await merged.text())).toContain(`Signalement fusionné dans le n°${ORIGINAL}.`);
    const row = db().select().from(irritants).where(eq(irritants.id, twinId)).get()!;
    expect(row).toMatchObject({ status: "duplicate", mergedIntoId: ORIGINAL });
    const after = await getText("team", `/equipe/signalements/${twinId}`);
    expect(after).toContain(`Ce signalement est un doublon fusionné dans le`);
    expect(after).not.toContain("Fusionner dans le n°");
  });
});

describe("statuses stay consistent", () => {
  it("a merged duplicate cannot be published: 409 in the API, a French refusal in the pages", async () => {
    const refused = await api("team", "PATCH", `/irritants/${twinId}`, { published: true });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      `Le n°${twinId} est un doublon fusionné dans le n°${ORIGINAL} : il ne peut pas être publié. Publiez plutôt le n°${ORIGINAL}.`,
    );
    const page = await post("team", `/equipe/signalements/${twinId}`, { intent: "publish" });
    expect(page.status).toBe(409);
    expect(decode(await page.text())).toContain("il ne peut pas être publié. Publiez plutôt le n°5.");
    const bulk = await post("team", "/equipe/signalements", { ids: String(twinId), bulk: "publish", confirm: "1" });
    expect(bulk.status).toBe(409);
    expect(decode(await bulk.text())).toContain("Aucun changement appliqué : Le n°");
    expect(db().select({ published: irritants.published }).from(irritants).where(eq(irritants.id, twinId)).get()?.published).toBe(false);
  });

  it("opening a ticket for an irritant marks it forwarded to the vendor", async () => {
    // Demo n°7 is triaged and names no product: the team opens a ticket for AzurMed (vendor A's software).
    expect(statusOf(7)).toBe("triaged");
    const products = ((await (await api("team", "GET", "/products")).json()) as { items: { id: number; name: string }[] }).items;
    const azurMed = products.find((p) => p.name.startsWith("AzurMed"))!;
    const opened = await post("team", "/equipe/signalements/7", { intent: "open-ticket", productId: String(azurMed.id) });
    expect(opened.status).toBe(200);
    expect(statusOf(7)).toBe("forwarded");
    expect(await getText("team", "/equipe/signalements/7")).toContain("Transmis à l'éditeur</span>");
  });
});

describe("the vendor's planned date and fix", () => {
  // Demo ticket n°1 is vendor A's, about irritant n°1.
  const TICKET = 1;
  const IRRITANT = 1;
  const resolve = (fields: Record<string, string>) => post("vendorA", `/editeur/tickets/${TICKET}`, { intent: "resolution", ...fields });

  it("asks the planned date in a date field and refuses an impossible or past day, in French", async () => {
    expect(await getText("vendorA", `/editeur/tickets/${TICKET}`)).toMatch(/<input[^>]*name="date"[^>]*type="date"|<input[^>]*type="date"[^>]*name="date"/);
    const impossible = await resolve({ resolution: "planned", date: "2099-02-30" });
    expect(impossible.status).toBe(422);
    expect(decode(await impossible.text())).toContain("Indiquez une date valide, par exemple 12/03/2027.");
    const past = await resolve({ resolution: "planned", date: "2020-03-12" });
    expect(past.status).toBe(422);
    expect(decode(await past.text())).toContain("La date prévue ne peut pas être dans le passé.");
    const api422 = await api("vendorA", "POST", `/tickets/${TICKET}/resolution`, { resolution: "planned", date: "12/03/2099" });
    expect(api422.status).toBe(422);
  });

  it("shows a valid planned date in French", async () => {
    expect((await resolve({ resolution: "planned", date: "2099-03-12" })).status).toBe(200);
    const html = await getText("vendorA", `/editeur/tickets/${TICKET}`);
    expect(html).toContain("Correction planifiée pour le 12 mars 2099.");
    expect(html).toContain("prévue le 12 mars 2099");
    expect(html).not.toContain("2099-03-12<");
  });

  it("shows a vendor's fix as « Correctif annoncé » until its people confirm it", async () => {
    const fixed = await api("vendorA", "POST", `/tickets/${TICKET}/resolution`, { resolution: "fixed", version: "5.2" });
    expect(fixed.status).toBe(200);
    expect(statusOf(IRRITANT)).toBe("resolved");
    const read = async () => (await (await api("team", "GET", `/irritants/${IRRITANT}`)).json()) as { status: string; statusLabel: string; fixAnnounced: boolean };
    expect(await read()).toMatchObject({ status: "resolved", statusLabel: "Correctif annoncé", fixAnnounced: true });
    expect(await getText("team", `/equipe/signalements/${IRRITANT}`)).toContain(">Correctif annoncé</span>");
    // …and wherever the irritant's status is shown: the vendor's ticket, its theme's page, the actions it is linked to.
    const badge = /<span class="fr-badge[^"]*fr-badge--green-menthe">Correctif annoncé<\/span>/;
    expect(await getText("vendorA", `/editeur/tickets/${TICKET}`)).toMatch(badge);
    const theme = db().select({ slug: themes.slug }).from(irritantThemes).innerJoin(themes, eq(themes.id, irritantThemes.themeId)).where(eq(irritantThemes.irritantId, IRRITANT)).get()!;
    expect(await getText("practitioner", `/avancement/themes/${theme.slug}`)).toMatch(badge);
    const action = db().select({ id: actions.id }).from(actions).limit(1).get()!;
    db().insert(actionIrritants).values({ actionId: action.id, irritantId: IRRITANT }).onConflictDoNothing().run();
    expect(await getText("practitioner", `/plan-action/${action.id}`)).toMatch(badge);
    expect(await getText("team", "/equipe/signalements?status=resolved")).toMatch(badge);
    const listed = ((await (await api("team", "GET", `/irritants?status=resolved`)).json()) as { items: { id: number; statusLabel: string; fixAnnounced: boolean }[] }).items;
    expect(listed.find((i) => i.id === IRRITANT)).toMatchObject({ statusLabel: "Correctif annoncé", fixAnnounced: true });

    // The reporter confirms: "Résolu".
    const author = db().select({ authorId: irritants.authorId }).from(irritants).where(eq(irritants.id, IRRITANT)).get()!;
    const email = server.database.db.$client.prepare("select email from users where id = ?").get(author.authorId) as { email: string };
    const reporter = await signInCookie(server.url, email.email);
    const answered = await fetch(`${server.url}/signalements/${IRRITANT}`, {
      method: "POST",
      headers: { Cookie: reporter },
      body: new URLSearchParams({ intent: "fix-answer", ticketId: String(TICKET), answer: "yes" }),
      redirect: "manual",
    });
    expect(answered.status).toBeLessThan(400);
    expect(await read()).toMatchObject({ status: "resolved", statusLabel: "Résolu", fixAnnounced: false });
  });

  it("turns « Correctif annoncé » into « Résolu » once the team's delay (fixConfirmationDays) has passed", async () => {
    const read = async () => (await (await api("team", "GET", `/irritants/${IRRITANT}`)).json()) as { statusLabel: string; fixAnnounced: boolean };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    db().update(irritants).set({ fixAnnouncedAt: daysAgo(31) }).where(eq(irritants.id, IRRITANT)).run();
    expect(await read()).toMatchObject({ statusLabel: "Résolu", fixAnnounced: false });
    db().update(irritants).set({ fixAnnouncedAt: daysAgo(29) }).where(eq(irritants.id, IRRITANT)).run();
    expect(await read()).toMatchObject({ statusLabel: "Correctif annoncé", fixAnnounced: true });
    // The delay is the team's setting.
    const settings = await post("team", "/equipe/reglages", { slaFirstResponseDays: "5", slaResolutionDays: "60", fixDenialsToReopen: "3", fixConfirmationDays: "10" });
    expect(settings.status).toBe(200);
    expect(await read()).toMatchObject({ statusLabel: "Résolu", fixAnnounced: false });
    expect((await post("team", "/equipe/reglages", { slaFirstResponseDays: "5", slaResolutionDays: "60", fixDenialsToReopen: "3", fixConfirmationDays: "0" })).status).toBe(422);
  });
});
