/**
 * The free-text answers page at national scale (issue 21): it read and masked every text of the wave on each view
 * (371 ms at 100,000 responses). The texts are now kept (each distinct masked text with how many gave it, and which
 * text each answer gave by its rank), in the transaction that stores a response, and read a page at a time through
 * an index: a view reads no response, whatever the size of the wave.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, invitations, responses, surveyTextAnswers, surveyTextRanks, surveyTextState } from "#db/schema";
import { createSession, type SessionUser } from "~/modules/accounts/index.server";
import { emailedInvitationToken, freeTextGroups, inviteAudienceByEmail, submitResponse } from "~/modules/surveys/index.server";
import { commitSessionId } from "~/lib/session.server";
import { loader as freeTextLoader } from "~/routes/equipe.enquetes.$slug_.reponses-libres";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { DEMO_EMAILS, demoUser } from "../support/demo";
import { capturePlans } from "../support/queries";
import { addFreeTexts, campaignIdOf, DEMO_ANSWERS, FREE_TEXT_KEY } from "../support/surveys";

const database = createTestDatabase();
afterAll(() => database.close());

let team: SessionUser;
beforeAll(async () => {
  await loadDemoData();
  team = demoUser(DEMO_EMAILS.team);
});

describe("the free-text answers page at scale", () => {
  it("reads no response on a view once the texts are kept, and no kept table whole", async () => {
    const slug = "segur-2025";
    addFreeTexts(slug, [...Array.from({ length: 120 }, (_, i) => `Proposition numéro ${String(i).padStart(3, "0")}`), ...Array.from({ length: 10 }, () => "RAS")]);
    const cookie = await commitSessionId(createSession(team.id).id);
    const call = () => freeTextLoader({ request: new Request(`http://localhost/equipe/enquetes/${slug}/reponses-libres`, { headers: { Cookie: cookie } }), params: { slug }, context: { cspNonce: "" } } as LoaderFunctionArgs);
    // Rows written outside the application: the first view builds the kept texts.
    await call();
    const plans = await capturePlans(database.db, call);
    expect(plans.some((p) => /survey_text_answers/.test(p.sql))).toBe(true);
    const reads = plans.flatMap((p) => p.plan.filter((line) => /^(SCAN|SEARCH) responses\b/.test(line) || /^SCAN survey_text_/.test(line)).map((line) => `${line} ← ${p.sql}`));
    expect(reads).toEqual([]);
    const [group] = (await call()).groups;
    expect(group.answers.length).toBe(50);
    expect(group.next).not.toBeNull();
  });

  it("pages through every distinct text once, in order, with how many gave it", () => {
    const slug = "segur-2025";
    const [whole] = freeTextGroups(slug, { limit: 10_000 });
    expect(whole.next).toBeNull();
    expect(whole.answers.reduce((sum, a) => sum + a.times, 0)).toBe(whole.count);
    expect(whole.answers.find((a) => a.text === "RAS")!.times).toBe(10);
    const walked: typeof whole.answers = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const [group]: ReturnType<typeof freeTextGroups> = freeTextGroups(slug, { limit: 7, page: after ? { question: FREE_TEXT_KEY, after } : undefined });
      walked.push(...group.answers);
      after = group.next;
      if (!after) break;
    }
    expect(walked).toEqual(whole.answers);
  });

  it("links the next page by a sealed cursor: the URL (and the access log) names no answer, a forged one starts over", async () => {
    const slug = "segur-2025";
    const cookie = await commitSessionId(createSession(team.id).id);
    const call = async (query = "") =>
      (await freeTextLoader({ request: new Request(`http://localhost/equipe/enquetes/${slug}/reponses-libres${query}`, { headers: { Cookie: cookie } }), params: { slug }, context: { cspNonce: "" } } as LoaderFunctionArgs)).groups[0];
    const first = await call();
    const cursor = first.next!;
    const [whole] = freeTextGroups(slug, { limit: 10_000 });
    // Not a hash of any answer: a reader of the logs cannot confirm a guessed text by hashing it.
    for (const answer of whole.answers) expect(cursor).not.toContain(answer.hash);
    expect(cursor).not.toMatch(/^[0-9a-f]{24}$/);
    const second = await call(`?${new URLSearchParams({ question: FREE_TEXT_KEY, apres: cursor })}`);
    expect(second.paged).toBe(true);
    expect(second.answers[0].hash).toBe(whole.answers[first.answers.length].hash);
    // Altered, or sealed for another question: the list starts from its beginning, as for an answer no longer there.
    const altered = `${cursor.slice(0, 20)}${cursor[20] === "A" ? "B" : "A"}${cursor.slice(21)}`;
    for (const query of [{ question: FREE_TEXT_KEY, apres: altered }, { question: "autre-question", apres: cursor }]) {
      const page = await call(`?${new URLSearchParams(query)}`);
      expect(page.paged).toBe(false);
      expect(page.answers[0].hash).toBe(whole.answers[0].hash);
    }
  });

  it("keeps an answer stored by the application without rebuilding, as a rebuild would", async () => {
    const slug = "segur-en-cours";
    const id = campaignIdOf(slug);
    addFreeTexts(slug, Array.from({ length: 25 }, (_, i) => `Suggestion ${i % 7}`));
    expect(freeTextGroups(slug)[0].count).toBe(10);
    inviteAudienceByEmail(team, slug);
    const emailed = database.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.campaignId, id), isNotNull(invitations.inviteeId), isNull(invitations.usedOn)))
      .limit(6)
      .all();
    expect(emailed.length).toBeGreaterThan(2);
    for (const [i, invitation] of emailed.entries()) {
      submitResponse(slug, { kind: "invitation", token: emailedInvitationToken(invitation.id) }, { ...DEMO_ANSWERS, [FREE_TEXT_KEY]: i % 2 ? "Suggestion 3" : `Nouvelle idée ${i}` }, null);
    }
    const plans = await capturePlans(database.db, () => freeTextGroups(slug));
    expect(plans.flatMap((p) => p.plan.filter((line) => /^(SCAN|SEARCH) responses\b/.test(line)))).toEqual([]);
    const keptRows = () => ({
      answers: database.db.select().from(surveyTextAnswers).where(eq(surveyTextAnswers.campaignId, id)).orderBy(surveyTextAnswers.hash).all(),
      ranks: database.db.select().from(surveyTextRanks).where(eq(surveyTextRanks.campaignId, id)).orderBy(surveyTextRanks.rank).all(),
    });
    const incremental = keptRows();
    const shown = freeTextGroups(slug);
    expect(incremental.ranks.length).toBe(25 + emailed.length);
    // Forget the kept texts: the next view rebuilds them from the responses.
    database.db.delete(surveyTextState).where(eq(surveyTextState.campaignId, id)).run();
    expect(freeTextGroups(slug)).toEqual(shown);
    expect(keptRows()).toEqual(incremental);
  });
});
