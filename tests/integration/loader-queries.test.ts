/**
 * Loaders whose pages list items must not query once per item (N+1): the statements a request executes are counted
 * with few and with many items, and must be the same.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, responses } from "#db/schema";
import { listIndicators } from "~/modules/indicators/index.server";
import { addBlock, saveUpdate } from "~/modules/progress/index.server";
import { loader as freeTextLoader } from "~/routes/equipe.enquetes.$slug_.reponses-libres";
import { loader as pointLoader } from "~/routes/points-etape.$slug";
import { createTestDatabase } from "../support/database";
import { DEMO_EMAILS, type SignedIn, demoUser, signedInAs } from "../support/demo";
import { countStatements } from "../support/queries";

const database = createTestDatabase();
let team: SignedIn;
beforeAll(async () => {
  team = await signedInAs("team");
});
afterAll(() => database.close());

/** Calls a page's loader as the team would, and counts what it executes. */
function load<T>(loader: (args: LoaderFunctionArgs) => Promise<T>, path: string, params: Record<string, string>) {
  return countStatements(database.db, () => team.load(loader, path, params));
}

describe("queries per request do not grow with the items listed", () => {
  it("free-text answers: theme suggestions for 20 more answers cost no more statements", async () => {
    const slug = "segur-2025";
    // The first call trains the theme classifier (kept until the team's tags change): not counted.
    await load(freeTextLoader, `/equipe/enquetes/${slug}/reponses-libres`, { slug });
    const before = await load(freeTextLoader, `/equipe/enquetes/${slug}/reponses-libres`, { slug });
    const shown = (r: typeof before) => r.result.groups.reduce((sum, g) => sum + g.answers.length, 0);
    expect(shown(before)).toBeGreaterThan(0);
    const campaignId = database.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).get()!.id;
    database.db
      .insert(responses)
      .values(Array.from({ length: 20 }, (_, i) => ({ campaignId, submittedOn: "2026-01-10", answers: { "amelioration-prioritaire": `Proposition supplémentaire numéro ${i + 1} sur l'INS` } })))
      .run();
    // Rows written outside the application: the first view rebuilds the kept texts (not counted).
    await load(freeTextLoader, `/equipe/enquetes/${slug}/reponses-libres`, { slug });
    const after = await load(freeTextLoader, `/equipe/enquetes/${slug}/reponses-libres`, { slug });
    expect(shown(after)).toBe(shown(before) + 20);
    expect(after.statements).toBe(before.statements);
  });

  it("a draft point d'étape: 20 blocks of each kind cost the statements of one of each", async () => {
    const team = demoUser(DEMO_EMAILS.team);
    const [first, second] = listIndicators()
      .filter((i) => i.values.some((v) => v.period !== ""))
      .map((i) => i.slug);
    const kinds = [
      { kind: "narrative" as const, config: { markdown: "Un paragraphe." } },
      { kind: "figures" as const, config: { indicators: [first, second] } },
      { kind: "indicator" as const, config: { indicator: first } },
      { kind: "plan" as const },
      { kind: "irritants" as const },
      { kind: "changes" as const },
      { kind: "seminar" as const, config: { seminar: "seminaire-20-novembre-2023" } },
      { kind: "survey" as const, config: { campaign: "segur-2024" } },
      { kind: "regulation" as const },
      { kind: "next-steps" as const },
    ];
    const draft = (slug: string, times: number) => {
      const id = saveUpdate(team, null, { slug, title: `Point d'essai ${slug}`, summary: "Un point pour compter les requêtes.", body: "Introduction.", themes: [] });
      for (let i = 0; i < times; i++) for (const block of kinds) addBlock(team, id, block);
      return slug;
    };
    const one = draft("point-essai-un", 1);
    const many = draft("point-essai-vingt", 20);
    const few = await load(pointLoader, `/points-etape/${one}`, { slug: one });
    const lots = await load(pointLoader, `/points-etape/${many}`, { slug: many });
    expect(few.result.rendering.blocks.filter((b) => b.kind === "missing")).toEqual([]);
    expect(lots.result.rendering.blocks).toHaveLength(20 * kinds.length);
    expect(lots.statements).toBe(few.statements);
  });
});
