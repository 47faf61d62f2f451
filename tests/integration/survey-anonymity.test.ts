import { and, eq, sql } from "drizzle-orm";
import { runDataMigrations } from "~/data-migrations.server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, events, invitations, products, responses, resultSnapshots } from "#db/schema";
import { generateAnswers, random } from "~/seed/surveys.server";
import type { SessionUser } from "~/modules/accounts/index.server";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { sendPendingEmails } from "~/lib/outbox.server";
import {
  RESULTS_METHOD,
  computeResults,
  createCampaign,
  emailedInvitationToken,
  setCampaignStatus,
  submitResponse,
} from "~/modules/surveys/index.server";
import { PUBLIC_MIN_CELL } from "~/modules/surveys/statistics";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { demoUser } from "../support/demo";

/**
 * The attacks on survey anonymity, mounted from the outside: a visitor who subtracts published figures, and a team
 * member who watches the provisional results while a person they know answers.
 */

let server: TestServer;
let teamCookie: string;
let adminCookie: string;
let team: SessionUser;
let medecin: SessionUser;
let versionId: number;
const k = PUBLIC_MIN_CELL;
const today = new Date().toISOString().slice(0, 10);
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer({ env: { SMTP_URL: "" } });
  teamCookie = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  adminCookie = await signInCookie(server.url, "admin@demo.sentinelle.fr");
  const db = server.database.db;  team = demoUser("equipe@demo.sentinelle.fr");
  medecin = demoUser("medecin@demo.sentinelle.fr");
  versionId = db.select().from(campaigns).where(eq(campaigns.slug, "segur-2025")).get()!.versionId;
});
afterAll(() => server.close());

const productId = (name: string) => server.database.db.select().from(products).where(eq(products.name, name)).get()!.id;
const textOf = async (response: Response | Promise<Response>) => (await (await response).text()).replace(/<!-- -->/g, "");
/** What a page shows: its main content (the rest carries per-request nonces). */
const mainOf = async (response: Response | Promise<Response>) => /<main[\s\S]*<\/main>/.exec(await textOf(response))?.[0] ?? "";
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  fetch(server.url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });

function newCampaign(slug: string) {
  createCampaign(team, { slug, title: `Campagne ${slug}`, wave: "test", versionId, opensOn: today, closesOn: inAMonth, audienceRoles: ["practitioner"], audienceProfessions: [], allowSignedIn: false });
  setCampaignStatus(team, slug, "open");
  return server.database.db.select().from(campaigns).where(eq(campaigns.slug, slug)).get()!.id;
}

/** Responses as the seed writes them: `subject` null is a respondent who rated no software ("je ne sais pas / autre"). */
function addResponses(campaignId: number, subject: number | null, howMany: number, seed: number) {
  const rnd = random(seed);
  for (let i = 0; i < howMany; i++) {
    server.database.db.insert(responses).values({ campaignId, subjectProductId: subject, submittedOn: today, answers: generateAnswers(rnd, 0, 2) }).run();
  }
}

type Row = { value: number | string; count: number };
type Cell = { subject: { name: string }; n: number | null; suppressed: boolean; distribution: Row[] | null };
type Item = { key: string; n: number | null; suppressed: boolean; distribution: Row[] | null; bySubject: Cell[] };

/**
 * The differencing attack on one published item: the total minus every shown group. It must leave either nothing or
 * at least k respondents, spread over at least two hidden cells; and every shown cell has 0 or at least k respondents.
 */
function subtract(item: Item) {
  const shown = item.bySubject.filter((c) => !c.suppressed);
  const hidden = item.bySubject.filter((c) => c.suppressed);
  const remainderN = (item.n ?? 0) - shown.reduce((s, c) => s + (c.n ?? 0), 0);
  const remainder = (item.distribution ?? []).map((row) => ({
    value: row.value,
    count: row.count - shown.reduce((s, c) => s + (c.distribution?.find((d) => d.value === row.value)?.count ?? 0), 0),
  }));
  return { shown, hidden, remainderN, remainder };
}

function expectSafe(item: Item) {
  if (item.suppressed) {
    expect(item.bySubject.every((c) => c.suppressed || c.n === 0), item.key).toBe(true);
    return;
  }
  const { shown, hidden, remainderN } = subtract(item);
  for (const c of shown) expect(c.n === 0 || c.n! >= k, `${item.key} / ${c.subject.name}: ${c.n}`).toBe(true);
  // The groups partition the total: nothing is left over but the hidden cells, and those are either none or ≥ 2 summing to ≥ k.
  if (remainderN > 0) {
    expect(hidden.length, `${item.key}: hidden cells`).toBeGreaterThanOrEqual(2);
    expect(remainderN, `${item.key}: hidden respondents`).toBeGreaterThanOrEqual(k);
  } else {
    expect(remainderN).toBe(0);
  }
}

describe("differencing the published results", () => {
  it("cannot rebuild a respondent who rated no software from the total and the software groups (API, CSV, page)", async () => {
    const id = newCampaign("differences");
    addResponses(id, productId("AzurMed"), 12, 1);
    addResponses(id, productId("Brume Cabinet"), 11, 2);
    addResponses(id, null, 1, 3); // the person the attacker is after
    setCampaignStatus(team, "differences", "closed");
    expect((await post("/equipe/enquetes/differences", { intent: "publish" }, teamCookie)).status).toBe(200);

    const api = (await (await fetch(`${server.url}/api/v1/campaigns/differences/results`)).json()) as { items: Item[] };
    const globale = api.items.find((i) => i.key === "satisfaction-globale")!;
    expect(globale.n).toBe(24);
    // The attack: total − Σ groups. Today this leaves exactly one person, whose answer is the one non-zero row.
    const { remainderN, remainder } = subtract(globale);
    expect(remainderN === 0 || remainderN >= k, `recovered ${remainderN} respondent(s): ${JSON.stringify(remainder)}`).toBe(true);
    // "Non renseigné ou autre" is a cell like any software.
    expect(globale.bySubject.map((c) => c.subject.name)).toContain("Non renseigné ou autre");
    for (const item of api.items) expectSafe(item);

    // The CSV carries the same cells: total minus the shown lines leaves nobody alone.
    const csv = (await (await fetch(`${server.url}/resultats/differences.csv`)).text()).replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(";"));
    const lines = csv.filter((l) => l[0] === "satisfaction-globale");
    const total = Number(lines.find((l) => l[2] === "tous")![3]);
    const shown = lines.filter((l) => l[2] !== "tous" && l[4] === "non").reduce((s, l) => s + Number(l[3]), 0);
    expect(total - shown === 0 || total - shown >= k).toBe(true);
    expect(lines.map((l) => l[2])).toContain("Non renseigné ou autre");

    const page = await textOf(fetch(`${server.url}/resultats/differences`));
    expect(page).toContain("Non renseigné ou autre");
  });

  it("suppresses a second cell when only one software group is small (complementary suppression)", async () => {
    const id = newCampaign("complementaire");
    addResponses(id, productId("AzurMed"), 15, 4);
    addResponses(id, productId("Brume Cabinet"), 12, 5);
    addResponses(id, productId("Cèdre Labo"), 3, 6);
    setCampaignStatus(team, "complementaire", "closed");
    expect((await post("/equipe/enquetes/complementaire", { intent: "publish" }, teamCookie)).status).toBe(200);
    const api = (await (await fetch(`${server.url}/api/v1/campaigns/complementaire/results`)).json()) as { items: Item[] };
    for (const item of api.items) expectSafe(item);
    const globale = api.items.find((i) => i.key === "satisfaction-globale")!;
    expect(globale.bySubject.filter((c) => c.suppressed).map((c) => c.subject.name)).toEqual(["Brume Cabinet", "Cèdre Labo"]);
  });

  it("every published snapshot, demo data included, is safe against subtraction", async () => {
    expect((await post("/equipe/enquetes/segur-2025", { intent: "publish" }, teamCookie)).status).toBe(200);
    const published = server.database.db.select({ slug: campaigns.slug }).from(resultSnapshots).innerJoin(campaigns, eq(campaigns.id, resultSnapshots.campaignId)).all();
    expect(published.map((p) => p.slug)).toEqual(expect.arrayContaining(["segur-2024", "segur-2025", "differences", "complementaire"]));
    for (const { slug } of published) {
      const api = (await (await fetch(`${server.url}/api/v1/campaigns/${slug}/results`)).json()) as { items: Item[] };
      for (const item of api.items) expectSafe(item);
    }
  });
});

describe("snapshots published before every group was a cell", () => {
  it("are masked by the data migration so that subtraction gives nobody back, keeping every figure they still show", async () => {
    // A format-1 snapshot as the old code published it: the one person who named no software is outside the cells.
    const id = newCampaign("ancien-format");
    addResponses(id, productId("AzurMed"), 12, 12);
    addResponses(id, productId("Brume Cabinet"), 11, 13);
    addResponses(id, null, 1, 14);
    setCampaignStatus(team, "ancien-format", "closed");
    setCampaignStatus(team, "ancien-format", "published", () => {
      // The old rule: software cells only, none suppressed here since both are ≥ 10.
      const results = computeResults("ancien-format", { minCell: 1 });
      const legacy = {
        ...results,
        format: undefined,
        minCell: k,
        items: results.items.map((item) => {
          const cells = item.bySubject.filter((c) => c.subject.name !== "Non renseigné ou autre");
          // The old rule: primary suppression, then the smallest shown cells until ≥ 2 hidden summing to ≥ k.
          const hide = cells.map((c) => c.n! > 0 && c.n! < k);
          const hiddenSum = () => cells.reduce((s, c, i) => (hide[i] ? s + c.n! : s), 0);
          while (hide.some(Boolean) && !(hide.filter(Boolean).length >= 2 && hiddenSum() >= k)) {
            const next = cells.reduce((best, c, i) => (!hide[i] && c.n! > 0 && (best === -1 || c.n! < cells[best].n!) ? i : best), -1);
            if (next === -1) break;
            hide[next] = true;
          }
          const masked = item.n! < k;
          return {
            ...item,
            n: masked ? null : item.n,
            suppressed: masked,
            distribution: masked ? null : item.distribution,
            stats: masked ? null : item.stats,
            bySubject: cells.map((c, i) => (hide[i] || masked ? { ...c, n: null, suppressed: true, distribution: null, stats: null } : c)),
          };
        }),
      };
      return { method: RESULTS_METHOD, results: legacy };
    });
    const read = async () => ((await (await fetch(`${server.url}/api/v1/campaigns/ancien-format/results`)).json()) as { items: Item[] }).items;
    const before = (await read()).find((i) => i.key === "satisfaction-globale")!;
    expect(subtract(before).remainderN).toBe(1); // the attack works on the old snapshot

    const db = server.database.db;
    db.run(sql`delete from data_migrations where name = '0004-survey-snapshots-no-subject-cell'`);
    runDataMigrations(db);
    const items = await read();
    for (const item of items) expectSafe(item);
    const after = items.find((i) => i.key === "satisfaction-globale")!;
    expect(after.n).toBe(before.n);
    expect(after.distribution).toEqual(before.distribution);
    expect(after.bySubject.find((c) => c.subject.name === "AzurMed")).toEqual(before.bySubject.find((c) => c.subject.name === "AzurMed"));
  });
});

describe("a team member watching one person answer", () => {
  it("sees no change in the provisional results, counts or pages when one known invitee answers, and never sees their link", async () => {
    const id = newCampaign("surveillance");
    addResponses(id, productId("AzurMed"), 25, 7);
    addResponses(id, productId("Brume Cabinet"), 14, 8);
    addResponses(id, null, 3, 9);

    // The team invites the audience by e-mail; the page and the action's answer never carry a personal link.
    const invited = await post("/equipe/enquetes/surveillance", { intent: "invite-audience" }, teamCookie);
    expect(invited.status).toBe(200);
    expect(await textOf(invited)).not.toMatch(/jeton=/);
    while (deliverPendingEvents().events > 0);
    await sendPendingEmails(1000);
    const invitation = server.database.db.select().from(invitations).where(and(eq(invitations.campaignId, id), eq(invitations.inviteeId, medecin.id))).get()!;
    const token = emailedInvitationToken(invitation.id);

    // No page of the team lists personal links: not the campaign page, not a list of links to copy, not the mailbox.
    const listed = await post("/equipe/enquetes/surveillance", { intent: "invitations", count: "3" }, teamCookie);
    expect(await textOf(listed)).not.toMatch(/jeton=/);
    expect(server.database.db.select().from(invitations).where(and(eq(invitations.campaignId, id))).all().every((i) => i.inviteeId !== null)).toBe(true);
    const mailbox = await textOf(fetch(`${server.url}/equipe/courriels`, { headers: { Cookie: adminCookie } }));
    expect(mailbox).toContain("/enquetes/surveillance");
    expect(mailbox).not.toContain(token);

    // The one reminder goes out; neither its answer nor the journal says who is still pending.
    const reminded = await post("/equipe/enquetes/surveillance", { intent: "remind" }, teamCookie);
    expect(reminded.status).toBe(200);
    expect(await textOf(reminded)).not.toMatch(/Relance envoyée à \d/);
    const reminder = server.database.db.select().from(events).where(eq(events.type, "campaign.reminder_sent")).all().at(-1)!;
    expect(reminder.payload).not.toHaveProperty("invitationIds");
    while (deliverPendingEvents().events > 0);
    expect(await textOf(fetch(`${server.url}/equipe/journal`, { headers: { Cookie: teamCookie } }))).not.toContain("invitationIds");

    const look = () => mainOf(fetch(`${server.url}/equipe/enquetes/surveillance`, { headers: { Cookie: teamCookie } }));
    const before = await look();
    expect(before).toContain("Résultats provisoires");
    expect(before).not.toContain(token);

    // The person the team knows answers through their personal link: nothing on the team's page moves.
    submitResponse("surveillance", { kind: "invitation", token }, completeAnswers, { productId: productId("AzurMed") });
    expect(await look()).toBe(before);

    // Nobody but the holder learns whether the link was used: the used link and a forged one answer alike.
    // (The link's token moves to a cookie on the first request; the page then reads it from there.)
    const follow = async (link: string) => {
      const first = await fetch(server.url + link, { redirect: "manual" });
      return fetch(server.url + first.headers.get("location")!, { headers: { Cookie: first.headers.get("set-cookie")!.split(";")[0] }, redirect: "manual" });
    };
    const used = await follow(`/enquetes/surveillance?jeton=${token}`);
    const forged = await follow(`/enquetes/surveillance?jeton=${token.replace(/.$/, (c) => (c === "A" ? "B" : "A"))}`);
    expect(used.status).toBe(403);
    expect(used.status).toBe(forged.status);
    expect(await mainOf(used)).toBe(await mainOf(forged));
  });

  it("moves in batches of k responses per cell, with the public suppression", async () => {
    const id = server.database.db.select().from(campaigns).where(eq(campaigns.slug, "surveillance")).get()!.id;
    const look = () => mainOf(fetch(`${server.url}/equipe/enquetes/surveillance`, { headers: { Cookie: teamCookie } }));
    const before = await look();
    // AzurMed has 26 answers (two batches, one shown), 43 responses in all (four batches).
    addResponses(id, productId("AzurMed"), 3, 10); // 29 and 46: still the same batches
    expect(await look()).toBe(before);
    addResponses(id, productId("AzurMed"), 1, 11); // 30: AzurMed's next batch of k is shown, all at once
    const after = await look();
    expect(after).not.toBe(before);
    // Same cell size as the public results.
    expect(await look()).toContain(`Moins de ${k} répondants`);
  });
});

const completeAnswers = {
  profession: "medecin",
  "satisfaction-fonctions": {
    "qualification-ins": 4,
    "envoi-mes": 3,
    "mssante-envoi": 5,
    "mssante-reception": 2,
    vsm: "na",
    "ordonnance-numerique": 4,
    "consultation-mes": 3,
    rapidite: 2,
  },
  "satisfaction-globale": 1,
  recommandation: 0,
  "signalement-editeur": "no",
  "connaissance-sentinelle": "yes",
};
