import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import {
  awaitingSurveysCount,
  createCampaign,
  inviteAudienceByEmail,
  openWaves,
  questionnairesFor,
  saveDraft,
  saveQuestionnaireVersion,
  setCampaignStatus,
  submitResponse,
} from "~/modules/surveys/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offset * 86_400_000));
const DEFINITION = { title: "Test", sections: [{ key: "a", title: "A", items: [{ key: "ok", type: "yesno", label: "Cela fonctionne-t-il ?", required: true }] }] };

let team: SessionUser;
let doctor: SessionUser;
let nurse: SessionUser;
let patient: SessionUser;

beforeAll(async () => {
  const mk = (email: string, role: SessionUser["role"], profession?: string) => createUser({ email, password: "mot de passe solide", displayName: email, role, profession });
  team = await mk("equipe@test.fr", "team");
  doctor = await mk("medecin@test.fr", "practitioner", "medecin");
  nurse = await mk("infirmiere@test.fr", "practitioner", "infirmier");
  patient = await mk("patient@test.fr", "patient");
  const { id: versionId } = saveQuestionnaireVersion(team, { slug: "test", title: "Test", definition: DEFINITION });
  const wave = (slug: string, extra: Partial<Parameters<typeof createCampaign>[1]> & { open?: boolean } = {}) => {
    const { open = true, ...rest } = extra;
    createCampaign(team, { slug, title: `Vague ${slug}`, wave: slug, versionId, opensOn: day(-3), closesOn: day(30), audienceRoles: ["practitioner"], audienceProfessions: [], allowSignedIn: true, ...rest });
    if (open) setCampaignStatus(team, slug, "open");
  };
  wave("ouverte");
  wave("brouillon", { open: false });
  wave("future", { opensOn: day(5) });
  wave("infirmiers", { audienceProfessions: ["infirmier"] });
  wave("invitation", { allowSignedIn: false });
  inviteAudienceByEmail(team, "invitation");
});

describe("the questionnaires open to me: questionnairesFor, awaitingSurveysCount", () => {
  it("lists the waves open today whose audience includes me, signed in or through my e-mailed invitation", () => {
    const mine = questionnairesFor(doctor);
    expect(mine.map((q) => q.slug).sort()).toEqual(["invitation", "ouverte"]);
    expect(mine.find((q) => q.slug === "ouverte")).toMatchObject({ answerUrl: "/enquetes/ouverte", answered: false, started: false });
    expect(mine.find((q) => q.slug === "invitation")?.answerUrl).toMatch(/^\/enquetes\/invitation\?jeton=/);
    expect(awaitingSurveysCount(doctor)).toBe(2);
    // The nurse's profession opens one more; a patient is in no audience.
    expect(questionnairesFor(nurse).map((q) => q.slug).sort()).toEqual(["infirmiers", "invitation", "ouverte"]);
    expect(questionnairesFor(patient)).toEqual([]);
    expect(awaitingSurveysCount(patient)).toBe(0);
    expect(openWaves().map((w) => w.slug).sort()).toEqual(["infirmiers", "invitation", "ouverte"]);
  });

  it("says when an answer was started, and moves an answered questionnaire to the answered ones", () => {
    saveDraft("ouverte", { kind: "user", user: doctor }, { ok: "yes" });
    expect(questionnairesFor(doctor).find((q) => q.slug === "ouverte")?.started).toBe(true);
    submitResponse("ouverte", { kind: "user", user: doctor }, { ok: "yes" }, null);
    const token = new URLSearchParams(questionnairesFor(doctor).find((q) => q.slug === "invitation")!.answerUrl!.split("?")[1]).get("jeton")!;
    submitResponse("invitation", { kind: "invitation", token }, { ok: "no" }, null);

    const mine = questionnairesFor(doctor);
    expect(mine.map((q) => [q.slug, q.answered, q.answerUrl])).toEqual(
      expect.arrayContaining([
        ["ouverte", true, null],
        ["invitation", true, null],
      ]),
    );
    expect(awaitingSurveysCount(doctor)).toBe(0);
    expect(awaitingSurveysCount(nurse)).toBe(3);
  });
});
