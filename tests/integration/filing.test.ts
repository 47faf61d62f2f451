import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, events, irritantThemes, irritants, supports, themes } from "#db/schema";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let url: string;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  for (const who of ["medecin", "patient", "equipe"]) cookies[who] = await signInCookie(url, `${who}@demo.sentinelle.fr`);
}, 60_000);
afterAll(() => server.close());

/** Posts a form as a browser without JavaScript would (no redirect followed). */
const postForm = (path: string, cookie: string, fields: [string, string][]) =>
  fetch(url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });

/** The checkboxes of a field as the page's HTML renders them, and which of them are ticked. */
function checkboxes(html: string, name: string) {
  const inputs = [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(`name="${name}"`));
  const valueOf = (tag: string) => /value="([^"]*)"/.exec(tag)?.[1] ?? "";
  return {
    all: inputs.map(valueOf),
    checked: inputs.filter((tag) => / checked(=""|\s|>|\/)/.test(tag)).map(valueOf),
    hidden: inputs.filter((tag) => tag.includes('type="hidden"')).map(valueOf),
  };
}

function storedThemes(id: number) {
  return server.database.db
    .select({ slug: themes.slug })
    .from(irritantThemes)
    .innerJoin(themes, eq(themes.id, irritantThemes.themeId))
    .where(eq(irritantThemes.irritantId, id))
    .all()
    .map((t) => t.slug)
    .sort();
}

const idFromLocation = (response: Response) => Number(/\/signalements\/(\d+)/.exec(response.headers.get("location") ?? "")?.[1]);

const DRAFT = {
  title: "Messagerie sécurisée et INS",
  body: "La messagerie sécurisée MSSanté refuse d'envoyer le document car l'INS du patient n'est pas qualifiée dans le logiciel.",
};

/** The no-JavaScript journey: "Vérifier les doublons" shows the suggestions, then the form is sent as the page rendered it. */
async function checkThenFile(keep: (checked: string[]) => string[]) {
  const check = await postForm("/signalements/nouveau", cookies.medecin, [
    ["intent", "check"],
    ["title", DRAFT.title],
    ["body", DRAFT.body],
  ]);
  expect(check.status).toBe(200);
  const html = await check.text();
  const boxes = checkboxes(html, "themes");
  const shown = checkboxes(html, "themesShown").hidden;
  const ticked = keep(boxes.checked);
  const file = await postForm("/signalements/nouveau", cookies.medecin, [
    ["intent", "file"],
    ["title", DRAFT.title],
    ["body", DRAFT.body],
    ...ticked.map((t): [string, string] => ["themes", t]),
    ...shown.map((t): [string, string] => ["themesShown", t]),
  ]);
  expect(file.status).toBe(302);
  return { shownTicked: boxes.checked, id: idFromLocation(file) };
}

describe("suggested themes", () => {
  it("are ticked on the form, and the ticked ones are exactly the ones stored", async () => {
    const { shownTicked, id } = await checkThenFile((checked) => checked);
    expect(shownTicked.length).toBeGreaterThan(0);
    expect(shownTicked).toContain("mssante");
    expect(storedThemes(id)).toEqual([...shownTicked].sort());
  });

  it("store what the person kept when they untick a suggestion", async () => {
    const { shownTicked, id } = await checkThenFile((checked) => checked.filter((t) => t !== "mssante"));
    expect(shownTicked).toContain("mssante");
    expect(storedThemes(id)).toEqual(shownTicked.filter((t) => t !== "mssante").sort());
  });

  it("store none when the person unticks every suggestion", async () => {
    const { shownTicked, id } = await checkThenFile(() => []);
    expect(shownTicked.length).toBeGreaterThan(0);
    expect(storedThemes(id)).toEqual([]);
  });
});

const api = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`${url}/api/v1${path}`, { method, headers: { "Content-Type": "application/json", ...bearer(token) }, body: body === undefined ? undefined : JSON.stringify(body) });

/** A published irritant the practitioner did not write: the one "je le soutiens" is pressed for. */
function someoneElsesPublished(authorEmail: string) {
  const db = server.database.db;
  const rows = db.select({ id: irritants.id, authorId: irritants.authorId, published: irritants.published, merged: irritants.mergedIntoId, hidden: irritants.hiddenAt }).from(irritants).all();
  const author = db.all<{ id: number }>(`select id from users where email = '${authorEmail}'`)[0]!.id;
  return rows.find((r) => r.published && r.merged === null && r.hidden === null && r.authorId !== author)!.id;
}

const supportOf = (irritantId: number, userEmail: string) =>
  server.database.db.all<{ n: number }>(`select count(*) as n from supports s join users u on u.id = s.user_id where s.irritant_id = ${irritantId} and u.email = '${userEmail}'`)[0]!.n;
const supportCount = (irritantId: number) => server.database.db.select({ n: irritants.supportCount }).from(irritants).where(eq(irritants.id, irritantId)).get()!.n;

describe("« Je le soutiens » from the filing form", () => {
  it("supports, keeps the draft and adds it as a masked comment on the supported irritant", async () => {
    const target = someoneElsesPublished("medecin@demo.sentinelle.fr");
    const before = supportCount(target);
    const title = "Même souci que vous";
    const body = "Le dossier du patient 1 85 05 78 006 084 36 ne s'ouvre pas, rappeler au 06 12 34 56 78 ou ecrire a jean.dupont@example.fr.";
    const support = await postForm("/signalements/nouveau", cookies.medecin, [
      ["title", title],
      ["body", body],
      ["supportId", String(target)],
    ]);
    expect(support.status).toBe(200);
    const html = await support.text();
    expect(html).toContain(`votre soutien au signalement n°${target} est enregistré`);
    // The draft is kept: in the filing form and as the comment offered.
    expect(html).toContain(`value="${title}"`);
    expect(html).toContain("Ajouter en commentaire");
    expect(supportCount(target)).toBe(before + 1);

    const comment = await postForm("/signalements/nouveau", cookies.medecin, [
      ["intent", "support-comment"],
      ["irritantId", String(target)],
      ["supportedTitle", "x"],
      ["body", `${title}\n\n${body}`],
    ]);
    expect(comment.status).toBe(200);
    const answer = await comment.text();
    expect(answer).toContain(`Votre texte est ajouté en commentaire du signalement n°${target}.`);
    expect(answer).toContain("Nous avons masqué");
    const stored = server.database.db.select({ body: comments.body }).from(comments).where(eq(comments.irritantId, target)).all().at(-1)!.body;
    expect(stored).toContain("[NIR masqué]");
    expect(stored).toContain("[téléphone masqué]");
    expect(stored).not.toMatch(/006 084|06 12 34|jean\.dupont/);
  });

  it("refuses an empty comment in French and keeps the offer", async () => {
    const target = someoneElsesPublished("medecin@demo.sentinelle.fr");
    const response = await postForm("/signalements/nouveau", cookies.medecin, [
      ["intent", "support-comment"],
      ["irritantId", String(target)],
      ["supportedTitle", "Le signalement soutenu"],
      ["body", " "],
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Écrivez votre commentaire.");
    expect(html).toContain("Ajouter en commentaire");
  });
});

describe("withdrawing a support", () => {
  it("from the irritant page: idempotent, the count goes back, an event is written", async () => {
    const target = someoneElsesPublished("patient@demo.sentinelle.fr");
    await postForm(`/signalements/${target}`, cookies.patient, [["intent", "support"]]);
    expect(supportOf(target, "patient@demo.sentinelle.fr")).toBe(1);
    const supported = supportCount(target);
    const page = await (await fetch(`${url}/signalements/${target}`, { headers: { Cookie: cookies.patient } })).text();
    expect(page).toContain("Retirer mon soutien");

    const first = await postForm(`/signalements/${target}`, cookies.patient, [["intent", "withdraw-support"]]);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Votre soutien est retiré.");
    expect(supportOf(target, "patient@demo.sentinelle.fr")).toBe(0);
    expect(supportCount(target)).toBe(supported - 1);
    const again = await postForm(`/signalements/${target}`, cookies.patient, [["intent", "withdraw-support"]]);
    expect(again.status).toBe(200);
    expect(supportCount(target)).toBe(supported - 1);
    const withdrawn = server.database.db.select().from(events).where(and(eq(events.type, "irritant.support_withdrawn"), eq(events.subjectId, target))).all();
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].payload).toEqual({ lane: "patient" });
  });

  it("through DELETE /api/v1/irritants/:id/supports: idempotent, and only the supporter's own support", async () => {
    const target = someoneElsesPublished("medecin@demo.sentinelle.fr");
    const medecin = await apiToken(url, "medecin@demo.sentinelle.fr");
    const patient = await apiToken(url, "patient@demo.sentinelle.fr");
    const team = await apiToken(url, "equipe@demo.sentinelle.fr");
    expect((await api("POST", `/irritants/${target}/supports`, medecin)).status).toBeLessThan(300);
    expect(supportOf(target, "medecin@demo.sentinelle.fr")).toBe(1);
    const count = supportCount(target);

    // Another person withdraws nothing of the practitioner's; the team may not withdraw anyone's.
    const other = await api("DELETE", `/irritants/${target}/supports`, patient);
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ irritantId: target, withdrawn: false, supportCount: count });
    expect((await api("DELETE", `/irritants/${target}/supports`, team)).status).toBe(403);
    expect((await fetch(`${url}/api/v1/irritants/${target}/supports`, { method: "DELETE" })).status).toBe(401);
    expect(supportOf(target, "medecin@demo.sentinelle.fr")).toBe(1);

    const first = await api("DELETE", `/irritants/${target}/supports`, medecin);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ irritantId: target, withdrawn: true, supportCount: count - 1 });
    const second = await api("DELETE", `/irritants/${target}/supports`, medecin);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ withdrawn: false, supportCount: count - 1 });
    expect(supportOf(target, "medecin@demo.sentinelle.fr")).toBe(0);
    expect((await api("DELETE", "/irritants/999999/supports", medecin)).status).toBe(404);
  });
});

describe("the patient's form", () => {
  it("asks for the service concerned, never for practice software, in a patient's words", async () => {
    const html = await (await fetch(`${url}/signalements/nouveau`, { headers: { Cookie: cookies.patient } })).text();
    expect(html).toContain("Signaler une difficulté");
    expect(html).toContain("Votre difficulté");
    expect(html).toContain("Mon espace santé (mes documents, mon profil médical)");
    expect(html).not.toContain('name="productId"');
    expect(html).not.toContain('name="productVersion"');
    expect(html).not.toContain("Logiciel concerné");
    expect(html).not.toContain("Moment de la consultation");
    const practitioner = await (await fetch(`${url}/signalements/nouveau`, { headers: { Cookie: cookies.medecin } })).text();
    expect(practitioner).toContain('name="productId"');
  });

  it("files about Mon espace santé under its theme", async () => {
    const response = await postForm("/signalements/nouveau", cookies.patient, [
      ["intent", "file"],
      ["title", "Je ne retrouve pas mon compte rendu"],
      ["body", "Le compte rendu de ma radio n'apparaît pas dans mes documents."],
      ["subject", "mon-espace-sante"],
    ]);
    expect(response.status).toBe(302);
    const id = idFromLocation(response);
    expect(storedThemes(id)).toEqual(["mes-dmp"]);
    expect(server.database.db.select({ lane: irritants.lane }).from(irritants).where(eq(irritants.id, id)).get()!.lane).toBe("patient");
  });

  it("refuses a patient who posts practice-software fields, with a French message and nothing written", async () => {
    const count = () => server.database.db.all<{ n: number }>("select count(*) as n from irritants")[0]!.n;
    const before = count();
    const product = server.database.db.all<{ id: number }>("select id from products limit 1")[0]!.id;
    const page = await postForm("/signalements/nouveau", cookies.patient, [
      ["intent", "file"],
      ["title", "Mon médecin ne voit pas mes documents"],
      ["body", "Le logiciel de mon médecin n'affiche pas mes documents."],
      ["subject", "mon-espace-sante"],
      ["productId", String(product)],
      ["productVersion", "5.0"],
    ]);
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Un patient n&#x27;indique pas de logiciel de cabinet");
    const token = await apiToken(url, "patient@demo.sentinelle.fr");
    const viaApi = await api("POST", "/irritants", token, { title: "Logiciel du médecin", body: "Le logiciel de mon médecin est lent.", productId: product });
    expect(viaApi.status).toBe(422);
    const { error } = await viaApi.json();
    expect(error.fields.productId[0]).toMatch(/^Un patient n'indique pas de logiciel de cabinet/);
    expect(count()).toBe(before);
  });

  it("asks the patient to choose the service, in French", async () => {
    const response = await postForm("/signalements/nouveau", cookies.patient, [
      ["intent", "file"],
      ["title", "Je ne retrouve pas mon ordonnance"],
      ["body", "L'ordonnance de mon médecin n'apparaît nulle part."],
    ]);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Choisissez le service concerné.");
  });
});
