/**
 * The team's heaviest pages carry what they show (issue 21): their cost was the page's weight (rows rendered and
 * sent twice, as HTML and as the loader's data), not their queries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, products, tickets } from "#db/schema";
import { loader as surveyPageLoader } from "~/routes/equipe.enquetes.$slug";
import { loader as ticketsLoader } from "~/routes/equipe.tickets";
import { createTestDatabase } from "../support/database";
import { type SignedIn, signedInAs } from "../support/demo";
import { capturePlans, scansOfGrowingTables } from "../support/queries";

const database = createTestDatabase();
let load: SignedIn["load"];
beforeAll(async () => {
  ({ load } = await signedInAs("team"));
});
afterAll(() => database.close());

describe("a survey wave's results page (team)", () => {
  const slug = "segur-2025";
  const subjectRows = (data: Awaited<ReturnType<typeof surveyPageLoader>>) => data.results!.items.map((i) => i.bySubject.length);

  it("carries no question's per-software breakdown until one is asked for, and says how many groups each has", async () => {
    const data = await load(surveyPageLoader, `/equipe/enquetes/${slug}`, { slug });
    const items = data.results!.items;
    expect(items.filter((i) => (i.subjectCount ?? 0) > 0).length).toBeGreaterThan(3);
    // Before: every question's breakdown, one row per software or service, on the page and in its data.
    expect(subjectRows(data)).toEqual(items.map(() => 0));
  });

  it("carries the breakdown of the question asked for, whole, and only that one", async () => {
    const all = (await load(surveyPageLoader, `/equipe/enquetes/${slug}`, { slug })).results!.items;
    const asked = all.find((i) => (i.subjectCount ?? 0) > 1)!;
    const data = await load(surveyPageLoader, `/equipe/enquetes/${slug}?logiciels=${asked.key}`, { slug });
    expect(subjectRows(data)).toEqual(all.map((i) => (i.key === asked.key ? asked.subjectCount : 0)));
    expect(data.results!.items.find((i) => i.key === asked.key)!.bySubject.every((s) => s.subject.name.length > 0)).toBe(true);
  });

  it("an unknown question shows no breakdown; a malformed one is refused (422), not a 500", async () => {
    const unknown = await load(surveyPageLoader, `/equipe/enquetes/${slug}?logiciels=pas-une-question`, { slug });
    expect(subjectRows(unknown).every((n) => n === 0)).toBe(true);
    const refused = await load(surveyPageLoader, `/equipe/enquetes/${slug}?logiciels=${"x".repeat(200)}`, { slug }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(422);
  });
});

describe("the team's tickets page", () => {
  it("counts late unanswered tickets from the days not yet late, not from every day the programme has run", async () => {
    const call = () => load(ticketsLoader, "/equipe/tickets", {});
    const first = await call();
    expect(first.scorecards.length).toBeGreaterThan(0);
    const plans = await capturePlans(database.db, call);
    expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
    // One row per vendor and due date: 8,590 rows at 1,000,000 irritants, one more per vendor every day. Before, the
    // days before today were summed (a scan of the table); now only today and after, a range of the index by day.
    const unanswered = plans.filter((p) => /\bticket_unanswered_due\b/.test(p.sql));
    expect(unanswered.length).toBe(1);
    expect(unanswered[0].plan.join("\n")).toMatch(/^SEARCH ticket_unanswered_due USING COVERING INDEX ticket_unanswered_due_due_idx \(due>\?\)/);
  });
});

describe("the team's tickets list", () => {
  it("shows 30 tickets a page, what its table shows, and its pages reach every ticket once", async () => {
    // More tickets than two pages, written as a seed writes them (the scorecards' tallies catch up on the next read).
    const template = database.db.select().from(tickets).get()!;
    const taken = new Set(database.db.select({ i: tickets.irritantId, p: tickets.productId }).from(tickets).all().map((t) => `${t.i}:${t.p}`));
    const productIds = database.db.select({ id: products.id }).from(products).all().map((p) => p.id);
    const irritantIds = database.db.select({ id: irritants.id }).from(irritants).all().map((i) => i.id);
    const pairs = irritantIds.flatMap((i) => productIds.map((p) => [i, p] as const)).filter(([i, p]) => !taken.has(`${i}:${p}`));
    const extra = pairs.slice(0, 70).map(([irritantId, productId]) => ({ ...template, id: undefined, irritantId, productId }));
    database.db.insert(tickets).values(extra).run();
    const all = database.db.select({ id: tickets.id }).from(tickets).all().map((t) => t.id);
    expect(all.length).toBeGreaterThan(30);

    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const data = await load(ticketsLoader, `/equipe/tickets${cursor ? `?cursor=${cursor}` : ""}`, {});
      // Before: 50 a page, each with ids and dates the table does not show.
      expect(data.items.length).toBeLessThanOrEqual(30);
      if (data.nextCursor) expect(data.items.length).toBe(30);
      expect(Object.keys(data.items[0]).sort()).toEqual(
        ["id", "irritantTitle", "supportCount", "productName", "vendorName", "status", "resolution", "openedAt", "firstResponseDue", "resolutionDue", "firstResponseOverdue", "resolutionOverdue"].sort(),
      );
      seen.push(...data.items.map((t) => t.id));
      cursor = data.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...all].sort((a, b) => b - a));
  });
});
