import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, questionnaireVersions, responses, surveyTextTags } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { flattenItems, type QuestionnaireDefinition } from "./definition";
import { PUBLIC_MIN_CELL, provisionalCount } from "./statistics";

/**
 * Free-text answers, for the team to read and tag with themes. Each question's answers form one group, shown only when
 * it holds at least `minGroup` answers (10); a group is never split (not by software, not by theme), so no group under
 * 10 is ever shown. Answers are masked as every free text is (NIR, telephone, e-mail), listed in alphabetical order
 * (not in the order they came in) and known by a hash of their question and text, never by their response: nothing
 * links an answer to a person or to the other answers of the same response. While a campaign runs, a group grows in
 * whole batches of 10, one batch behind, as the provisional figures do: the page does not move when one person answers.
 */
export type FreeTextGroup = {
  key: string;
  label: string;
  /** Null when the group is not shown (fewer than `minGroup` answers): the page says "moins de 10". */
  count: number | null;
  answers: { hash: string; text: string; times: number; themes: string[] }[];
};

const answerHash = (itemKey: string, text: string) => createHash("sha256").update(`${itemKey}\n${text}`).digest("hex").slice(0, 24);

function campaignWithDefinition(slug: string) {
  const row = getDb()
    .select({ id: campaigns.id, status: campaigns.status, definition: questionnaireVersions.definition })
    .from(campaigns)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, campaigns.versionId))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new HttpError(404, "Cette enquête n'existe pas.");
  return { ...row, definition: row.definition as QuestionnaireDefinition };
}

export function freeTextGroups(slug: string, { minGroup = PUBLIC_MIN_CELL }: { minGroup?: number } = {}): FreeTextGroup[] {
  const campaign = campaignWithDefinition(slug);
  const items = flattenItems(campaign.definition).filter((item) => item.type === "text");
  if (!items.length) return [];
  const db = getDb();
  const themesOf = new Map<string, string[]>();
  for (const tag of db.select().from(surveyTextTags).where(eq(surveyTextTags.campaignId, campaign.id)).all()) {
    const key = `${tag.itemKey}\n${tag.answerHash}`;
    themesOf.set(key, [...(themesOf.get(key) ?? []), tag.themeSlug]);
  }
  const running = campaign.status === "draft" || campaign.status === "open";
  const collator = new Intl.Collator("fr");
  return items.map((item) => {
    // Only this question's texts, extracted by SQLite (not every response's answers parsed), oldest first.
    const path = `$."${item.key}"`;
    const texts = db
      .select({ text: sql<string>`json_extract(${responses.answers}, ${path})` })
      .from(responses)
      .where(and(eq(responses.campaignId, campaign.id), sql`json_type(${responses.answers}, ${path}) = 'text'`))
      .orderBy(asc(responses.id))
      .all()
      .map((r) => r.text)
      .filter((t) => t.trim() !== "");
    const counted = running ? texts.slice(0, provisionalCount(texts.length, minGroup)) : texts;
    if (counted.length < minGroup) return { key: item.key, label: item.label, count: null, answers: [] };
    // The same text given several times is listed once, with how many gave it; each distinct text is masked once.
    const maskedOf = new Map<string, string>();
    const times = new Map<string, number>();
    for (const raw of counted) {
      let masked = maskedOf.get(raw);
      if (masked === undefined) maskedOf.set(raw, (masked = redactPatientIdentifiers(raw.trim()).text));
      times.set(masked, (times.get(masked) ?? 0) + 1);
    }
    return {
      key: item.key,
      label: item.label,
      count: counted.length,
      answers: [...times.keys()].sort(collator.compare).map((text) => {
        const hash = answerHash(item.key, text);
        return { hash, text, times: times.get(text)!, themes: themesOf.get(`${item.key}\n${hash}`) ?? [] };
      }),
    };
  });
}

/**
 * Sets the themes of one shown free-text answer (all answers with the same masked text share them). `knownThemes`:
 * the slugs of the active themes (the irritants' themes, a capability above this one, are read by the caller).
 */
export function tagFreeTextAnswer(actor: SessionUser, slug: string, input: { item: string; answer: string; themes: string[] }, knownThemes: string[]) {
  if (!can(actor, "survey:manage")) throw new HttpError(403, "Les réponses libres sont lues par l'équipe programme.");
  const unknown = input.themes.filter((t) => !knownThemes.includes(t));
  if (unknown.length) throw new HttpError(422, "Thème inconnu.", { themes: [`Thème inconnu : ${unknown.join(", ")}.`] });
  const campaign = campaignWithDefinition(slug);
  const group = freeTextGroups(slug).find((g) => g.key === input.item);
  if (!group || !group.answers.some((a) => a.hash === input.answer)) {
    throw new HttpError(422, "Cette réponse n'est pas affichée.", { answer: ["Rechargez la page : cette réponse n'est pas dans un groupe affiché."] });
  }
  const themes = [...new Set(input.themes)];
  getDb().transaction((tx) => {
    tx.delete(surveyTextTags).where(and(eq(surveyTextTags.campaignId, campaign.id), eq(surveyTextTags.itemKey, input.item), eq(surveyTextTags.answerHash, input.answer))).run();
    if (themes.length) tx.insert(surveyTextTags).values(themes.map((themeSlug) => ({ campaignId: campaign.id, itemKey: input.item, answerHash: input.answer, themeSlug }))).run();
    recordEvent(tx, { type: "campaign.text_tagged", actorId: actor.id, subject: { type: "campaign", id: campaign.id }, payload: { item: input.item, themes } });
  });
  return themes.length;
}
