/**
 * The team's survey results page keeps the results it computed (issue 21: 4 to 8 ms of every view at 100,000
 * irritants). Whatever can change them changes the page at once: a response stored by the application, one inserted
 * or deleted out of band, a product renamed, a campaign's invitations; and what the page shows always equals a
 * computation from scratch (small cells suppressed exactly as before).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, products, responses } from "#db/schema";
import { type CampaignResults, computeResults, shownResults } from "~/modules/surveys/index.server";
import { PUBLIC_MIN_CELL } from "~/modules/surveys";
import { measuresOf } from "~/modules/surveys/measures";
import { loader } from "~/routes/equipe.enquetes.$slug";
import { createTestDatabase } from "../support/database";
import { type SignedIn, signedInAs } from "../support/demo";
import { storeResponse, waveOf } from "../support/surveys";

const database = createTestDatabase();
const slug = "segur-2025";
let team: SignedIn;
let wave: ReturnType<typeof waveOf>;
beforeAll(async () => {
  team = await signedInAs("team");
  wave = waveOf(slug);
});
afterAll(() => database.close());

/** The results the team's page carries (the provisional view of the running wave). */
async function page(query = "") {
  const data = await team.load(loader, `/equipe/enquetes/${slug}${query}`, { slug });
  return data.results;
}

/** Results computed from scratch: inside a transaction, nothing is kept nor served from what was kept. */
const fresh = (options: { provisional?: boolean } = {}): CampaignResults => database.db.transaction(() => computeResults(slug, options));

/** An answer giving every measure the first value of its scale. */
function answers() {
  const given: Record<string, unknown> = {};
  for (const measure of measuresOf(wave.definition)) {
    const value = measure.type === "multiple" ? [measure.scale[0].value] : measure.scale[0].value;
    const [item, row] = measure.key.split(".");
    if (row) given[item] = { ...((given[item] as object) ?? {}), [row]: value };
    else given[item] = value;
  }
  return given;
}

const store = (subjectProductId: number | null) => storeResponse(wave, subjectProductId, answers(), "2025-02-01");

/** A product the wave's respondents rated, as the results name it. */
function ratedProduct(results: CampaignResults) {
  const item = results.items.find((i) => i.bySubject.some((g) => g.subject.id !== null && !g.suppressed))!;
  const group = item.bySubject.find((g) => g.subject.id !== null && !g.suppressed)!;
  return { itemKey: item.key, id: group.subject.id!, name: group.subject.name };
}

describe("the survey results kept between views", () => {
  it("are served again while nothing changes, and equal results computed from scratch", async () => {
    const first = computeResults(slug, { provisional: true });
    expect(computeResults(slug, { provisional: true })).toBe(first);
    expect(first).toEqual(fresh({ provisional: true }));
    expect(await page()).toEqual(shownResults(fresh({ provisional: true }), { subjectsOf: null }));
  });

  it("change with a response stored by the application", async () => {
    const before = computeResults(slug);
    store(null);
    const after = computeResults(slug);
    expect(after.respondents).toBe(before.respondents + 1);
    expect(after).toEqual(fresh());
    // The page's provisional view moves by whole batches: two of them for one product.
    const shown = await page();
    const { id } = ratedProduct(fresh());
    for (let i = 0; i < 2 * PUBLIC_MIN_CELL; i++) store(id);
    const moved = await page();
    expect(moved).not.toEqual(shown);
    expect(moved.respondents).toBeGreaterThan(shown.respondents);
    expect(moved).toEqual(shownResults(fresh({ provisional: true }), { subjectsOf: null }));
  });

  it("change with responses inserted or deleted out of band", () => {
    const before = computeResults(slug);
    const { id } = database.db.insert(responses).values({ campaignId: wave.id, subjectProductId: null, subjectService: null, submittedOn: "2025-02-01", answers: answers() }).returning({ id: responses.id }).get();
    expect(computeResults(slug).respondents).toBe(before.respondents + 1);
    database.db.delete(responses).where(eq(responses.id, id)).run();
    expect(computeResults(slug)).toEqual(before);
    expect(computeResults(slug)).toEqual(fresh());
  });

  it("name a product by its name of the moment", async () => {
    const { itemKey, id, name } = ratedProduct(fresh({ provisional: true }));
    const named = async () => (await page(`?logiciels=${encodeURIComponent(itemKey)}`)).items.find((i) => i.key === itemKey)!.bySubject.find((g) => g.subject.id === id)!.subject.name;
    expect(await named()).toBe(name);
    database.db.update(products).set({ name: `${name} (renommé)` }).where(eq(products.id, id)).run();
    expect(await named()).toBe(`${name} (renommé)`);
  });

  it("change with the campaign's invitations", async () => {
    const { invitedCount } = database.db.select({ invitedCount: campaigns.invitedCount }).from(campaigns).where(eq(campaigns.id, wave.id)).get()!;
    const before = (await page()).responseRate;
    expect(before).not.toBeNull();
    database.db.update(campaigns).set({ invitedCount: invitedCount * 2 }).where(eq(campaigns.id, wave.id)).run();
    const after = (await page()).responseRate;
    expect(after!.value).toBeLessThan(before!.value);
    expect(await page()).toEqual(shownResults(fresh({ provisional: true }), { subjectsOf: null }));
  });
});
