import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, questionnaireVersions, responses } from "#db/schema";
import { tallyResponse } from "~/modules/surveys/index.server";
import type { QuestionnaireDefinition } from "~/modules/surveys/definition";

/** A complete answer to the demo questionnaire (its current version), as a practitioner gives it. */
export const DEMO_ANSWERS = {
  profession: "medecin",
  "satisfaction-fonctions": { "qualification-ins": 4, "envoi-mes": 3, "mssante-envoi": 5, "mssante-reception": 2, vsm: "na", "ordonnance-numerique": 4, "consultation-mes": 3, rapidite: 2 },
  "satisfaction-globale": 4,
  recommandation: 8,
  "signalement-editeur": "no",
  "connaissance-sentinelle": "yes",
};

/** The demo questionnaire's free-text question. */
export const FREE_TEXT_KEY = "amelioration-prioritaire";

export const campaignIdOf = (slug: string) => getDb().select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).get()!.id;

/** Responses written straight into a wave (as a seed would), each with one free text. */
export const addFreeTexts = (slug: string, texts: string[]) =>
  getDb()
    .insert(responses)
    .values(texts.map((text) => ({ campaignId: campaignIdOf(slug), submittedOn: "2026-01-10", answers: { [FREE_TEXT_KEY]: text, "satisfaction-globale": 4 } })))
    .run();

/** A wave's id and the definition of its questionnaire's version. */
export function waveOf(slug: string) {
  const row = getDb()
    .select({ id: campaigns.id, definition: questionnaireVersions.definition })
    .from(campaigns)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, campaigns.versionId))
    .where(eq(campaigns.slug, slug))
    .get()!;
  return { id: row.id, definition: row.definition as QuestionnaireDefinition };
}

/** Stores a response as `submitResponse` does after its checks: the row and its tallies, in one transaction. */
export function storeResponse(wave: ReturnType<typeof waveOf>, subjectProductId: number | null, answers: Record<string, unknown>, submittedOn: string) {
  getDb().transaction((tx) => {
    const { id } = tx.insert(responses).values({ campaignId: wave.id, subjectProductId, subjectService: null, submittedOn, answers }).returning({ id: responses.id }).get();
    tallyResponse(tx, wave.id, wave.definition, { id, subjectProductId, subjectService: null, answers });
  });
}
