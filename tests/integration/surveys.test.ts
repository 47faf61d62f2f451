import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { campaigns, invitations, products, responses, resultSnapshots } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import {
  RESULTS_METHOD,
  computeResults,
  createCampaign,
  emailedInvitationToken,
  getSnapshot,
  inviteAudienceByEmail,
  openParticipation,
  saveDraft,
  saveQuestionnaireVersion,
  setCampaignStatus,
  submitResponse,
} from "~/modules/surveys/index.server";
import { SEGUR_QUESTIONNAIRE_V2 } from "~/modules/surveys/demo-questionnaire";
import { PUBLIC_MIN_CELL, provisionalCount } from "~/modules/surveys/statistics";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
afterAll(() => database.close());

let team: SessionUser;
let practitioner: SessionUser;
let patient: SessionUser;
let azurMed: number;
const today = new Date().toISOString().slice(0, 10);
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const complete = {
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
  "satisfaction-globale": 4,
  recommandation: 8,
  "signalement-editeur": "no",
  "connaissance-sentinelle": "yes",
  "amelioration-prioritaire": "La rapidité, et ne rappelez pas le 06 12 34 56 78",
};

/**
 * Personal links as their recipients get them: the audience is invited by e-mail (the team never sees a link), and
 * the test, standing in for each recipient's mailbox, derives the tokens of invitations not handed out yet.
 */
const handedOut = new Set<number>();
function invitationTokens(slug: string, howMany: number) {
  inviteAudienceByEmail(team, slug);
  const campaignId = database.db.select().from(campaigns).where(eq(campaigns.slug, slug)).get()!.id;
  const free = database.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.campaignId, campaignId), isNull(invitations.usedOn), isNotNull(invitations.inviteeId)))
    .all()
    .filter((i) => !handedOut.has(i.id))
    .slice(0, howMany);
  if (free.length < howMany) throw new Error(`Only ${free.length} invitations left for ${slug}`);
  for (const i of free) handedOut.add(i.id);
  return free.map((i) => emailedInvitationToken(i.id));
}

beforeAll(async () => {
  await loadDemoData();  team = demoUser("equipe@demo.sentinelle.fr");
  practitioner = demoUser("medecin@demo.sentinelle.fr");
  patient = demoUser("patient@demo.sentinelle.fr");
  azurMed = database.db.select().from(products).where(eq(products.name, "AzurMed")).get()!.id;
  const version = saveQuestionnaireVersion(team, { slug: "satisfaction-segur", title: "Satisfaction fonctions Ségur", definition: SEGUR_QUESTIONNAIRE_V2 });
  createCampaign(team, {
    slug: "test-vague",
    title: "Vague de test",
    wave: "test",
    versionId: version.id,
    opensOn: today,
    closesOn: inAMonth,
    audienceRoles: ["practitioner"],
    audienceProfessions: [],
    allowSignedIn: true,
  });
  setCampaignStatus(team, "test-vague", "open");
});

describe("questionnaire versions", () => {
  it("refuses an invalid definition with French messages, writing nothing", () => {
    expect(() => saveQuestionnaireVersion(team, { slug: "x", title: "X", definition: { title: "X", sections: [{ key: "a", title: "A", items: [{ key: "q", type: "likert", label: "Q", labels: ["1"] }] }] } })).toThrowError(
      expect.objectContaining({ status: 422 }),
    );
    expect(() => saveQuestionnaireVersion(practitioner, { slug: "x", title: "X", definition: SEGUR_QUESTIONNAIRE_V2 })).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("answering with an invitation", () => {
  it("keeps only token hashes, resumes a draft, accepts one response with no link back to the invitation", () => {
    const [token] = invitationTokens("test-vague", 1);
    expect(database.db.select().from(invitations).all().map((i) => i.tokenHash)).not.toContain(token);

    const respondent = { kind: "invitation" as const, token };
    saveDraft("test-vague", respondent, { profession: "medecin" });
    expect(openParticipation("test-vague", respondent).draft).toEqual({ profession: "medecin" });

    const before = database.db.select().from(responses).all().length;
    submitResponse("test-vague", respondent, complete, { productId: azurMed });
    const stored = database.db.select().from(responses).all();
    expect(stored.length).toBe(before + 1);
    const mine = stored.at(-1)!;
    // Anonymity: no invitation reference, no user, only the day; free text redacted.
    expect(Object.keys(mine).sort()).toEqual(["answers", "campaignId", "id", "subjectProductId", "subjectService", "submittedOn"]);
    expect(mine.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((mine.answers as Record<string, string>)["amelioration-prioritaire"]).toBe("La rapidité, et ne rappelez pas le [téléphone masqué]");
    const invitation = database.db.select().from(invitations).where(eq(invitations.tokenHash, database.db.select().from(invitations).all().find((i) => i.usedOn && i.campaignId === mine.campaignId)!.tokenHash)).get()!;
    expect(invitation.draft).toBeNull();
    expect(invitation.usedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Single use: a second submission and even reopening fail.
    expect(() => submitResponse("test-vague", respondent, complete, { productId: azurMed })).toThrowError(expect.objectContaining({ status: 403 }));
    expect(database.db.select().from(responses).all().length).toBe(before + 1);
  });

  it("masks patient identifiers in drafts as well as responses, and says what was masked", () => {
    const [token] = invitationTokens("test-vague", 1);
    const respondent = { kind: "invitation" as const, token };
    const masked = saveDraft("test-vague", respondent, { profession: "medecin", "amelioration-prioritaire": "Le dossier du 1 85 05 78 006 084 36 ne s'ouvre pas" });
    expect(masked).toEqual([{ kind: "nir", count: 1 }]);
    const draft = openParticipation("test-vague", respondent).draft;
    expect(draft["amelioration-prioritaire"]).toBe("Le dossier du [NIR masqué] ne s'ouvre pas");
    expect(JSON.stringify(database.db.select().from(invitations).all())).not.toContain("006 084");
    const told = submitResponse("test-vague", respondent, { ...complete, "amelioration-prioritaire": "Écrire à patient@exemple.fr" }, { productId: azurMed });
    expect(told).toEqual([{ kind: "email", count: 1 }]);
  });

  it("refuses forged tokens and tokens of another campaign alike", () => {
    expect(() => openParticipation("test-vague", { kind: "invitation", token: "forged" })).toThrowError(expect.objectContaining({ status: 403 }));
    const [token] = invitationTokens("segur-en-cours", 1);
    expect(() => openParticipation("test-vague", { kind: "invitation", token })).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("refuses answers out of range and missing required answers, with the item in the path", () => {
    const [token] = invitationTokens("test-vague", 1);
    const respondent = { kind: "invitation" as const, token };
    const bad = { ...complete, recommandation: 11, "satisfaction-globale": 6, profession: undefined };
    try {
      submitResponse("test-vague", respondent, bad, null);
      expect.unreachable();
    } catch (error) {
      const fields = (error as { fields: Record<string, string[]> }).fields;
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(["recommandation", "satisfaction-globale", "profession"]));
    }
    // The invitation stays usable after a refused submission.
    expect(() => openParticipation("test-vague", respondent)).not.toThrow();
  });
});

describe("answering signed in", () => {
  it("lets a practitioner of the audience answer once, and nobody else", () => {
    submitResponse("test-vague", { kind: "user", user: practitioner }, complete, { productId: azurMed });
    expect(() => submitResponse("test-vague", { kind: "user", user: practitioner }, complete, { productId: azurMed })).toThrowError(expect.objectContaining({ status: 409 }));
    expect(() => openParticipation("test-vague", { kind: "user", user: patient })).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("keeps signed-in participation to the professions of the audience", () => {
    const version = database.db.select().from(campaigns).where(eq(campaigns.slug, "test-vague")).get()!.versionId;
    createCampaign(team, {
      slug: "infirmiers",
      title: "Pour les infirmiers",
      wave: "test",
      versionId: version,
      opensOn: today,
      closesOn: inAMonth,
      audienceRoles: ["practitioner"],
      audienceProfessions: ["infirmier"],
      allowSignedIn: true,
    });
    setCampaignStatus(team, "infirmiers", "open");
    // The demo practitioner is a médecin.
    expect(() => openParticipation("infirmiers", { kind: "user", user: practitioner })).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("refuses answers to a closed campaign", () => {
    expect(() => openParticipation("segur-2025", { kind: "user", user: practitioner })).toThrowError(expect.objectContaining({ status: 409 }));
  });
});

describe("national services as subjects", () => {
  it("rates a listed service, refuses others, and groups results by service", () => {
    const version = database.db.select().from(campaigns).where(eq(campaigns.slug, "test-vague")).get()!.versionId;
    createCampaign(team, {
      slug: "services",
      title: "Services nationaux",
      wave: "test",
      versionId: version,
      opensOn: today,
      closesOn: inAMonth,
      audienceRoles: ["practitioner"],
      audienceProfessions: [],
      allowSignedIn: false,
      subjectKind: "service",
      subjectServices: ["Mon espace santé", "Annuaire santé"],
    });
    setCampaignStatus(team, "services", "open");
    const tokens = invitationTokens("services", 3);
    expect(() => submitResponse("services", { kind: "invitation", token: tokens[0] }, complete, { service: "Inventé" })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => submitResponse("services", { kind: "invitation", token: tokens[0] }, complete, { productId: azurMed })).toThrowError(expect.objectContaining({ status: 422 }));
    submitResponse("services", { kind: "invitation", token: tokens[0] }, complete, { service: "Mon espace santé" });
    submitResponse("services", { kind: "invitation", token: tokens[1] }, complete, { service: "Annuaire santé" });
    const results = computeResults("services", { minCell: 1 });
    const subjects = results.items.find((i) => i.key === "recommandation")!.bySubject.map((b) => b.subject);
    expect(subjects).toEqual(expect.arrayContaining([{ id: null, name: "Mon espace santé" }, { id: null, name: "Annuaire santé" }]));
    expect(() =>
      createCampaign(team, { slug: "vide", title: "Vide", wave: "t", versionId: version, opensOn: today, closesOn: inAMonth, audienceRoles: ["practitioner"], audienceProfessions: [], allowSignedIn: false, subjectKind: "service", subjectServices: [] }),
    ).toThrowError(expect.objectContaining({ status: 422 }));
  });
});

describe("results", () => {
  it("suppresses small cells publicly (with a complementary cell), and shows the team the same rule in batches", () => {
    const publicView = computeResults("segur-2025");
    const item = publicView.items.find((i) => i.key === "satisfaction-globale")!;
    const byName = Object.fromEntries(item.bySubject.map((s) => [s.subject.name, s]));
    expect(byName["Brume Imagerie"]).toMatchObject({ suppressed: true, n: null, distribution: null, stats: null });
    // 12 respondents, but hidden so that Brume Imagerie's 6 cannot be recovered from the total.
    expect(byName["Cèdre Labo"]).toMatchObject({ suppressed: true, n: null });
    expect(byName.AzurMed.suppressed).toBe(false);
    // The team's provisional view: same threshold, whole batches one behind, small groups not even listed.
    const team = computeResults("segur-2025", { provisional: true });
    expect(team.minCell).toBe(PUBLIC_MIN_CELL);
    const teamItem = team.items.find((i) => i.key === "satisfaction-globale")!;
    expect(teamItem.bySubject.map((s) => s.subject.name)).not.toContain("Brume Imagerie");
    const azur = item.bySubject.find((s) => s.subject.name === "AzurMed")!.n!;
    expect(teamItem.bySubject.find((s) => s.subject.name === "AzurMed")!.n).toBe(provisionalCount(azur, PUBLIC_MIN_CELL));
    expect(teamItem.n! % PUBLIC_MIN_CELL).toBe(0);
    expect(team.respondents % PUBLIC_MIN_CELL).toBe(0);
  });

  it("computes top-2-box with a Wilson interval, NPS with its interval, and no free text", () => {
    const results = computeResults("segur-2025");
    const globale = results.items.find((i) => i.key === "satisfaction-globale")!;
    const values = database.db
      .select()
      .from(responses)
      .where(eq(responses.campaignId, database.db.select().from(campaigns).where(eq(campaigns.slug, "segur-2025")).get()!.id))
      .all()
      .map((r) => (r.answers as Record<string, number>)["satisfaction-globale"]);
    const share = values.filter((v) => v >= 4).length / values.length;
    expect(globale.stats?.topBox?.value).toBeCloseTo(share, 3);
    expect(globale.stats!.topBox!.low).toBeLessThan(share);
    expect(globale.stats!.topBox!.high).toBeGreaterThan(share);
    const nps = results.items.find((i) => i.key === "recommandation")!;
    expect(nps.stats?.nps?.low).toBeLessThan(nps.stats!.nps!.value);
    expect(results.items.map((i) => i.key)).not.toContain("amelioration-prioritaire");
  });

  it("compares waves only on comparable items", () => {
    const results = computeResults("segur-2025");
    expect(results.items.find((i) => i.key === "recommandation")!.change).toMatchObject({ comparedWith: "janvier–février 2024", measure: "nps" });
    expect(results.items.find((i) => i.key === "satisfaction-globale")!.change).toBeNull(); // rescaled in version 2
    expect(results.items.find((i) => i.key === "connaissance-sentinelle")!.change).toBeNull(); // new
  });

  it("freezes published results: later answers do not change the snapshot", () => {
    setCampaignStatus(team, "segur-2025", "published", () => ({ method: RESULTS_METHOD, results: computeResults("segur-2025") }));
    const before = JSON.stringify(getSnapshot("segur-2025").snapshot.results);
    const campaignId = database.db.select().from(campaigns).where(eq(campaigns.slug, "segur-2025")).get()!.id;
    database.db.insert(responses).values({ campaignId, subjectProductId: azurMed, submittedOn: today, answers: complete }).run();
    expect(JSON.stringify(getSnapshot("segur-2025").snapshot.results)).toBe(before);
    expect(() => setCampaignStatus(team, "segur-2025", "published")).toThrowError(expect.objectContaining({ status: 409 }));
    expect(database.db.select().from(resultSnapshots).all()).toHaveLength(2);
  });
});
