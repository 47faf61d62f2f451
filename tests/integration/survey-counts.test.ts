/**
 * A survey wave's counts (issue 21, session 31): the team's results page read every response and invitation of the
 * wave to count them (the responses twice per wave for the tallies' freshness check, the invitations used for the
 * response rate and the e-mailed ones for their summary), so its cost grew with the wave (100,000 responses and
 * 250,000 invitations a wave at 1,000,000 irritants). They are now kept by triggers: these tests hold them to a
 * recount after the application's writes and out-of-band ones, and prove from the query plans that the team's page
 * and the public answer form read no response or invitation row.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, invitations, responses } from "#db/schema";
import { createSession, type SessionUser } from "~/modules/accounts/index.server";
import {
  campaignCounts,
  campaignTally,
  emailedInvitationToken,
  inviteAudienceByEmail,
  recomputedTally,
  remindInvitees,
  submitResponse,
} from "~/modules/surveys/index.server";
import { commitSessionId } from "~/lib/session.server";
import { loader as teamPageLoader } from "~/routes/equipe.enquetes.$slug";
import { loader as answerFormLoader } from "~/routes/enquetes.$slug";
import { loader as publishedResultsLoader } from "~/routes/resultats.$slug";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { DEMO_ANSWERS } from "../support/surveys";
import { DEMO_EMAILS, demoUser } from "../support/demo";
import { capturePlans } from "../support/queries";

const database = createTestDatabase();
afterAll(() => database.close());

let team: SessionUser;
let practitioner: SessionUser;
beforeAll(async () => {
  await loadDemoData();
  team = demoUser(DEMO_EMAILS.team);
  practitioner = demoUser(DEMO_EMAILS.practitioner);
});

const campaignId = (slug: string) => database.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).get()!.id;

/** The counts as the rows give them, for every campaign. */
function recount() {
  const sqlite = database.db.$client;
  return (sqlite.prepare("select id from campaigns order by id").pluck().all() as number[]).map((id) => {
    const one = (sql: string) => sqlite.prepare(sql).pluck().get(id) as number;
    return {
      id,
      responses: one("select count(*) from responses where campaign_id = ?"),
      invitationsUsed: one("select count(*) from invitations where campaign_id = ? and used_on is not null"),
      emailed: one("select count(*) from invitations where campaign_id = ? and invitee_id is not null"),
      emailedUsed: one("select count(*) from invitations where campaign_id = ? and invitee_id is not null and used_on is not null"),
      emailedReminded: one("select count(*) from invitations where campaign_id = ? and invitee_id is not null and reminded_at is not null"),
    };
  });
}

function kept() {
  return recount().map(({ id }) => {
    const { revision: _r, ...counts } = campaignCounts(id);
    return { id, ...counts };
  });
}


describe("the survey pages read no response or invitation row", () => {
  const readsRows = (plans: { sql: string; plan: string[] }[]) => plans.filter((p) => p.plan.some((line) => /^(SCAN|SEARCH) (responses|invitations)\b/.test(line)));

  async function plansOf(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, slug: string, user: SessionUser) {
    const cookie = await commitSessionId(createSession(user.id).id);
    const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
    const call = () => loader({ request, params: { slug }, context: { cspNonce: "" } });
    // The first read may build the tallies of a wave written by the seeds; the pages' reads are what follows: a view
    // served from the results kept since, then one that computes them again (the campaign changed in between).
    await call();
    const served = await capturePlans(database.db, call);
    const invited = database.db.$client.prepare("update campaigns set invited_count = invited_count + ? where slug = ?");
    invited.run(1, slug);
    try {
      return [...served, ...(await capturePlans(database.db, call))];
    } finally {
      invited.run(-1, slug);
    }
  }

  it("the team's provisional results of a running wave compared with the previous one", async () => {
    const plans = await plansOf(teamPageLoader, "/equipe/enquetes/segur-en-cours", "segur-en-cours", team);
    expect(plans.length).toBeGreaterThan(5);
    expect(readsRows(plans)).toEqual([]);
  });

  it("the team's provisional results of a closed wave", async () => {
    const plans = await plansOf(teamPageLoader, "/equipe/enquetes/segur-2025", "segur-2025", team);
    expect(readsRows(plans)).toEqual([]);
  });

  it("reads only the wave's tallies, through an index, when the planner knows there are few waves", async () => {
    // The statistics of the growth database at 1,000,000 irritants (two waves of 100,000 responses): with them, the
    // planner read each tally table whole (`SCAN survey_tally_values`) rather than search its primary key and fetch
    // half the rows, a cost that grows with the number of waves.
    const sqlite = database.db.$client;
    const scale = [
      ["survey_tally_subjects", "sqlite_autoindex_survey_tally_subjects_1", "32 16 1"],
      ["survey_tally_cells", "sqlite_autoindex_survey_tally_cells_1", "448 224 16 1"],
      ["survey_tally_values", "sqlite_autoindex_survey_tally_values_1", "2051 1026 74 5 1"],
    ];
    sqlite.exec("analyze sqlite_schema");
    for (const [tbl, idx, stat] of scale) {
      sqlite.prepare("delete from sqlite_stat1 where tbl = ?").run(tbl);
      sqlite.prepare("insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)").run(tbl, idx, stat);
    }
    sqlite.exec("analyze sqlite_schema");
    try {
      const plans = await plansOf(teamPageLoader, "/equipe/enquetes/segur-en-cours", "segur-en-cours", team);
      const tallyReads = plans.filter((p) => /\bsurvey_tally_(subjects|cells|values)\b/.test(p.sql) && /^\s*select/i.test(p.sql));
      expect(tallyReads.length).toBeGreaterThanOrEqual(6);
      expect(tallyReads.flatMap((p) => p.plan.filter((line) => /^SCAN survey_tally_/.test(line)))).toEqual([]);
    } finally {
      sqlite.exec("delete from sqlite_stat1");
      sqlite.exec("analyze sqlite_schema");
    }
  });

  it("the answer form a signed-in practitioner opens", async () => {
    const plans = await plansOf(answerFormLoader, "/enquetes/segur-en-cours", "segur-en-cours", practitioner);
    expect(plans.length).toBeGreaterThan(0);
    expect(readsRows(plans)).toEqual([]);
  });
});

describe("a survey wave's counts kept by triggers", () => {
  it("equal a recount after the seeds, the application's writes and out-of-band changes", () => {
    const slug = "segur-en-cours";
    const id = campaignId(slug);
    // The demo seeds write responses and invitations directly.
    expect(kept()).toEqual(recount());
    expect(kept().find((c) => c.id === campaignId("segur-2025"))!.responses).toBeGreaterThan(0);

    inviteAudienceByEmail(team, slug);
    expect(kept()).toEqual(recount());
    expect(campaignCounts(id).emailed).toBeGreaterThan(0);

    // Answers through e-mailed invitations and as a signed-in practitioner.
    const emailed = database.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.campaignId, id), isNotNull(invitations.inviteeId), isNull(invitations.usedOn)))
      .limit(3)
      .all();
    for (const invitation of emailed) submitResponse(slug, { kind: "invitation", token: emailedInvitationToken(invitation.id) }, DEMO_ANSWERS, null);
    submitResponse(slug, { kind: "user", user: practitioner }, DEMO_ANSWERS, null);
    expect(kept()).toEqual(recount());
    expect(campaignCounts(id).emailedUsed).toBe(3);

    remindInvitees(team, slug);
    expect(kept()).toEqual(recount());
    expect(campaignCounts(id).emailedReminded).toBeGreaterThan(0);

    // Out of band: an erased invitee (as account erasure does), deleted and moved rows.
    database.db.update(invitations).set({ inviteeId: null }).where(eq(invitations.id, emailed[0].id)).run();
    database.db.delete(invitations).where(eq(invitations.id, emailed[1].id)).run();
    const [first, second] = database.db.select({ id: responses.id }).from(responses).where(eq(responses.campaignId, id)).limit(2).all();
    database.db.delete(responses).where(eq(responses.id, first.id)).run();
    database.db.update(responses).set({ campaignId: campaignId("segur-2025") }).where(eq(responses.id, second.id)).run();
    expect(kept()).toEqual(recount());
  });

  it("let a read catch responses edited out of band, without the rebuild script", () => {
    const id = campaignId("segur-2025");
    campaignTally(id);
    const [row] = database.db.select({ id: responses.id, answers: responses.answers }).from(responses).where(eq(responses.campaignId, id)).limit(1).all();
    // Same number of responses, same newest one: only the revision the triggers move tells the edit.
    database.db.update(responses).set({ answers: { ...row.answers, "satisfaction-globale": row.answers["satisfaction-globale"] === 1 ? 5 : 1 } }).where(eq(responses.id, row.id)).run();
    const normalized = (t: ReturnType<typeof campaignTally>) =>
      [...t.cells].flatMap(([measure, bySubject]) => [...bySubject].map(([subject, c]) => `${measure} ${subject} ${c.answered} ${JSON.stringify([...c.total].sort())}`)).sort();
    expect(normalized(campaignTally(id))).toEqual(normalized(recomputedTally(id)));
  });
});

describe("the results pages send what they show", () => {
  // Each group's distribution is shown by no page; it was three fifths of the team page's data.
  const groupsWithDistribution = (results: { items: { bySubject: object[] }[] }) => {
    const groups = results.items.flatMap((item) => item.bySubject);
    expect(groups.length).toBeGreaterThan(0);
    return groups.filter((group) => "distribution" in group);
  };

  it("the team's provisional results and the published ones carry no group's distribution", async () => {
    const cookie = await commitSessionId(createSession(team.id).id);
    // The team's page carries one question's groups, when asked for (issue 21).
    const request = new Request("http://localhost/equipe/enquetes/segur-2025?logiciels=satisfaction-globale", { headers: { Cookie: cookie } });
    const teamData = await teamPageLoader({ request, params: { slug: "segur-2025" }, context: { cspNonce: "" } });
    expect(groupsWithDistribution(teamData.results)).toEqual([]);
    const published = publishedResultsLoader({ request: new Request("http://localhost/resultats/segur-2024"), params: { slug: "segur-2024" }, context: { cspNonce: "" } });
    expect(groupsWithDistribution(published.results)).toEqual([]);
  });
});
