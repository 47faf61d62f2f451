/**
 * Incremental survey tallies (issue 21): after random answers, the tallies kept response by response equal a full
 * recomputation from the responses, and so do the results (final and provisional) computed from them; responses
 * deleted or edited out of band (the application never does either: a response is stored once, anonymously) are
 * caught — by the check each read makes (the revision triggers keep, `survey-counts.test.ts`), and by
 * `rebuildAllTallies` (`npm run surveys:tallies`).
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products, responses, surveyTallyState } from "#db/schema";
import {
  type CampaignTally,
  campaignTally,
  computeResults,
  createCampaign,
  rebuildAllTallies,
  recomputedTally,
  saveQuestionnaireVersion,
} from "~/modules/surveys/index.server";
import { SEGUR_QUESTIONNAIRE_V2 } from "~/modules/surveys/demo-questionnaire";
import type { QuestionnaireDefinition } from "~/modules/surveys/definition";
import { measuresOf } from "~/modules/surveys/measures";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";
import { storeResponse, waveOf } from "../support/surveys";

const database = createTestDatabase();
afterAll(() => database.close());

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A comparable form of a tally: cells with answers only, values sorted. */
function normalized(tally: CampaignTally) {
  const cells = [...tally.cells]
    .flatMap(([measure, bySubject]) => [...bySubject].filter(([, c]) => c.answered > 0).map(([subject, c]) => ({ measure, subject, answered: c.answered, total: [...c.total].sort(), counted: [...c.counted].sort() })))
    .sort((a, b) => `${a.measure} ${a.subject}`.localeCompare(`${b.measure} ${b.subject}`));
  return { responses: tally.responses, subjects: tally.subjects, cells };
}

let campaignId: number;
let slug: string;
let definition: QuestionnaireDefinition;
let wave: ReturnType<typeof waveOf>;
let productIds: number[];

beforeAll(async () => {
  await loadDemoData();
  const team = demoUser("equipe@demo.sentinelle.fr");
  const version = saveQuestionnaireVersion(team, { slug: "tallies", title: "Comptages", definition: SEGUR_QUESTIONNAIRE_V2 });
  slug = "comptages-2026";
  createCampaign(team, { slug, title: "Comptages", wave: "2026", versionId: version.id, opensOn: "2026-01-01", closesOn: "2026-12-31", audienceRoles: ["practitioner"], audienceProfessions: [], allowSignedIn: true });
  wave = waveOf(slug);
  ({ id: campaignId, definition } = wave);
  productIds = database.db.select({ id: products.id }).from(products).orderBy(asc(products.id)).limit(3).all().map((p) => p.id);
});

/** A random answer to every measure: sometimes skipped or "not applicable", several options for a multiple choice. */
function randomAnswers(next: () => number) {
  const answers: Record<string, unknown> = {};
  for (const measure of measuresOf(definition)) {
    const roll = next();
    if (roll < 0.1) continue;
    const pick = () => measure.scale[Math.floor(next() * measure.scale.length)].value;
    const value = roll < 0.18 && (measure.type === "likert" || measure.type === "csat") ? "na" : measure.type === "multiple" ? [...new Set([pick(), pick()])] : pick();
    const [item, row] = measure.key.split(".");
    if (row) answers[item] = { ...((answers[item] as object) ?? {}), [row]: value };
    else answers[item] = value;
  }
  return answers;
}

/** Stores a random response and tallies it in one transaction, as `submitResponse` does after its checks. */
function store(next: () => number) {
  const r = next();
  const subjectProductId = r < 0.75 ? productIds[Math.floor(next() * productIds.length)] : null;
  storeResponse(wave, subjectProductId, randomAnswers(next), "2026-06-01");
}

describe("incremental survey tallies", () => {
  it("equal a full recomputation after random answers, and so do the results", () => {
    const next = random(21);
    store(next);
    // The first read builds the campaign's tallies; from then on each response updates them.
    campaignTally(campaignId);
    expect(database.db.select().from(surveyTallyState).where(eq(surveyTallyState.campaignId, campaignId)).get()?.responses).toBe(1);
    for (let round = 0; round < 6; round++) {
      const howMany = 20 + Math.floor(next() * 60);
      for (let i = 0; i < howMany; i++) store(next);
      const state = database.db.select().from(surveyTallyState).where(eq(surveyTallyState.campaignId, campaignId)).get()!;
      const stored = database.db.select({ id: responses.id }).from(responses).where(eq(responses.campaignId, campaignId)).all();
      // The stored tallies are up to date without a rebuild…
      expect(state.responses).toBe(stored.length);
      expect(state.lastResponseId).toBe(Math.max(...stored.map((s) => s.id)));
      // …and equal what the responses give when tallied again from scratch.
      expect(normalized(campaignTally(campaignId))).toEqual(normalized(recomputedTally(campaignId)));
    }
    const incremental = { final: computeResults(slug), provisional: computeResults(slug, { provisional: true }) };
    expect(incremental.provisional.items.some((item) => item.n !== null && item.n > 0)).toBe(true);
    rebuildAllTallies();
    // Computed again from the rebuilt tallies: inside a transaction, results kept from before are not served.
    const rebuilt = database.db.transaction(() => ({ final: computeResults(slug), provisional: computeResults(slug, { provisional: true }) }));
    expect(rebuilt.final).not.toBe(incremental.final);
    expect(rebuilt).toEqual(incremental);
  });

  it("are rebuilt when responses were deleted out of band, and by the script after edits", () => {
    const next = random(2026);
    for (let i = 0; i < 40; i++) store(next);
    campaignTally(campaignId);
    const ids = database.db.select({ id: responses.id }).from(responses).where(eq(responses.campaignId, campaignId)).all().map((r) => r.id);
    // Deletions, the newest among them: the read notices the responses changed and rebuilds.
    for (const id of [ids[3], ids[17], ids.at(-1)!]) database.db.delete(responses).where(eq(responses.id, id)).run();
    expect(normalized(campaignTally(campaignId))).toEqual(normalized(recomputedTally(campaignId)));
    // Edits keep the number of responses and the newest one: the script rebuilds every campaign's tallies.
    for (const id of [ids[5], ids[30]]) database.db.update(responses).set({ answers: randomAnswers(next), subjectProductId: productIds[0] }).where(eq(responses.id, id)).run();
    rebuildAllTallies();
    expect(normalized(campaignTally(campaignId))).toEqual(normalized(recomputedTally(campaignId)));
    // New answers after the rebuild are tallied incrementally again.
    for (let i = 0; i < 25; i++) store(next);
    expect(normalized(campaignTally(campaignId))).toEqual(normalized(recomputedTally(campaignId)));
  });
});
