/**
 * The plan editor at national scale (issue 21): it missed the 20 ms bar (23.5 ms alone at 1,000,000 irritants) while
 * its queries took about 2 ms; the rest was rendering and encoding its data into the document. Its data carried each
 * action's description, steps, themes, organisations and irritants, which the list does not show: it now carries
 * only what the list shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlan } from "~/modules/action-plan/index.server";
import { loader } from "~/routes/equipe.plan-action._index";
import { createTestDatabase } from "../support/database";
import { type SignedIn, signedInAs } from "../support/demo";

const database = createTestDatabase();
let team: SignedIn;
beforeAll(async () => {
  team = await signedInAs("team");
});
afterAll(() => database.close());

const load = () => team.load(loader, "/equipe/plan-action");

describe("the plan editor's data", () => {
  it("holds, for each action of the plan, only what the list shows, in the plan's order", async () => {
    const { plan } = await load();
    const actions = plan.flatMap((ws) => ws.challenges.flatMap((ch) => ch.actions));
    const full = getPlan().flatMap((ws) => ws.challenges.flatMap((ch) => ch.actions));
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.map((a) => a.id)).toEqual(full.map((a) => a.id));
    for (const action of actions) expect(Object.keys(action).sort()).toEqual(["deadline", "id", "lead", "overdue", "status", "title"]);
    for (const ch of plan.flatMap((ws) => ws.challenges)) expect(Object.keys(ch).sort()).toEqual(["actions", "id", "title"]);
    const shown = full.map((a) => ({ id: a.id, title: a.title, lead: a.lead.label, deadline: a.deadline.label, status: a.status, overdue: a.overdue }));
    expect(actions).toEqual(shown);
  });
});
