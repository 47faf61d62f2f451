import { createHash } from "node:crypto";
import { and, asc, count, eq, gte, lt, max, sql } from "drizzle-orm";
import { getDb, preparedQuery, type DbOrTx } from "#db/client";
import { campaigns, questionnaireVersions, responses, surveyTextAnswers, surveyTextRanks, surveyTextState, surveyTextTags } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { openSealedPayload, sealPayload } from "~/lib/tokens.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { campaignCounts } from "./counts.server";
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
  /** One page of the group's distinct texts, in alphabetical order. */
  answers: { hash: string; text: string; times: number; themes: string[] }[];
  /** When more answers follow, the sealed cursor of the page's last one (the next page starts after it), else null. */
  next: string | null;
  /** True when the page does not start at the first answer. */
  paged: boolean;
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

/** Answers listed per question and page; the next ones are read from where the page stopped (keyset). */
export const FREE_TEXT_PAGE = 50;

/** The alphabetical order the page lists texts in, as SQLite compares it: without case or accents. */
const sortKeyOf = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");

const textItemsOf = (definition: QuestionnaireDefinition) => flattenItems(definition).filter((item) => item.type === "text");

/** The non-empty texts a set of answers gives to a question, masked as every free text is. */
function maskedAnswer(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.trim() === "") return null;
  return redactPatientIdentifiers(raw.trim()).text;
}

/** Rebuilds a campaign's kept texts from its responses (the first view after a seed, a script or an edit out of band). */
function rebuildTexts(campaignId: number, definition: QuestionnaireDefinition) {
  getDb().transaction((tx) => {
    for (const table of [surveyTextAnswers, surveyTextRanks, surveyTextState]) tx.delete(table).where(eq(table.campaignId, campaignId)).run();
    for (const item of textItemsOf(definition)) {
      // Only this question's texts, extracted by SQLite (not every response's answers parsed), oldest first.
      const path = `$."${item.key}"`;
      const texts = tx
        .select({ text: sql<string>`json_extract(${responses.answers}, ${path})` })
        .from(responses)
        .where(and(eq(responses.campaignId, campaignId), sql`json_type(${responses.answers}, ${path}) = 'text'`))
        .orderBy(asc(responses.id))
        .all();
      const maskedOf = new Map<string, string | null>();
      const kept = new Map<string, { hash: string; text: string; times: number; firstRank: number }>();
      const ranks: { campaignId: number; itemKey: string; rank: number; hash: string }[] = [];
      for (const { text: raw } of texts) {
        let masked = maskedOf.get(raw);
        if (masked === undefined) maskedOf.set(raw, (masked = maskedAnswer(raw)));
        if (masked === null) continue;
        const rank = ranks.length;
        let entry = kept.get(masked);
        if (!entry) kept.set(masked, (entry = { hash: answerHash(item.key, masked), text: masked, times: 0, firstRank: rank }));
        entry.times++;
        ranks.push({ campaignId, itemKey: item.key, rank, hash: entry.hash });
      }
      const rows = [...kept.values()].map((e) => ({ campaignId, itemKey: item.key, ...e, sortKey: sortKeyOf(e.text) }));
      for (let i = 0; i < rows.length; i += 200) tx.insert(surveyTextAnswers).values(rows.slice(i, i + 200)).run();
      for (let i = 0; i < ranks.length; i += 500) tx.insert(surveyTextRanks).values(ranks.slice(i, i + 500)).run();
    }
    tx.insert(surveyTextState).values({ campaignId, revision: campaignCounts(campaignId).revision }).run();
  });
}

/**
 * Adds a stored response's texts to its campaign's kept texts, in the transaction that stored it (after the insert,
 * whose trigger moved the campaign's revision by one: the kept texts' moves by one too, so they stay current if they
 * were). A campaign whose texts are not kept yet is left to the page, which rebuilds them.
 */
export function keepFreeTexts(tx: DbOrTx, campaignId: number, definition: QuestionnaireDefinition, answers: Record<string, unknown>) {
  const state = tx.select().from(surveyTextState).where(eq(surveyTextState.campaignId, campaignId)).get();
  if (!state) return;
  for (const item of textItemsOf(definition)) {
    const masked = maskedAnswer(answers[item.key]);
    if (masked === null) continue;
    const rank = (tx.select({ last: max(surveyTextRanks.rank) }).from(surveyTextRanks).where(and(eq(surveyTextRanks.campaignId, campaignId), eq(surveyTextRanks.itemKey, item.key))).get()?.last ?? -1) + 1;
    const hash = answerHash(item.key, masked);
    tx.insert(surveyTextRanks).values({ campaignId, itemKey: item.key, rank, hash }).run();
    tx.insert(surveyTextAnswers)
      .values({ campaignId, itemKey: item.key, hash, text: masked, sortKey: sortKeyOf(masked), times: 1, firstRank: rank })
      .onConflictDoUpdate({ target: [surveyTextAnswers.campaignId, surveyTextAnswers.itemKey, surveyTextAnswers.hash], set: { times: sql`${surveyTextAnswers.times} + 1` } })
      .run();
  }
  tx.update(surveyTextState)
    .set({ revision: sql`${surveyTextState.revision} + 1` })
    .where(eq(surveyTextState.campaignId, campaignId))
    .run();
}

const textReads = {
  state: preparedQuery((db) => db.select({ revision: surveyTextState.revision }).from(surveyTextState).where(eq(surveyTextState.campaignId, sql.placeholder("campaignId"))).prepare()),
  answered: preparedQuery((db) =>
    db
      .select({ last: max(surveyTextRanks.rank) })
      .from(surveyTextRanks)
      .where(and(eq(surveyTextRanks.campaignId, sql.placeholder("campaignId")), eq(surveyTextRanks.itemKey, sql.placeholder("itemKey"))))
      .prepare(),
  ),
  // The answers a running wave holds back (its newest, fewer than two batches): what each text's count leaves out.
  heldBack: preparedQuery((db) =>
    db
      .select({ hash: surveyTextRanks.hash, n: count() })
      .from(surveyTextRanks)
      .where(and(eq(surveyTextRanks.campaignId, sql.placeholder("campaignId")), eq(surveyTextRanks.itemKey, sql.placeholder("itemKey")), gte(surveyTextRanks.rank, sql.placeholder("shown"))))
      .groupBy(surveyTextRanks.hash)
      .prepare(),
  ),
  cursor: preparedQuery((db) =>
    db
      .select({ sortKey: surveyTextAnswers.sortKey })
      .from(surveyTextAnswers)
      .where(and(eq(surveyTextAnswers.campaignId, sql.placeholder("campaignId")), eq(surveyTextAnswers.itemKey, sql.placeholder("itemKey")), eq(surveyTextAnswers.hash, sql.placeholder("hash"))))
      .prepare(),
  ),
  page: preparedQuery((db) =>
    db
      .select({ hash: surveyTextAnswers.hash, text: surveyTextAnswers.text, times: surveyTextAnswers.times })
      .from(surveyTextAnswers)
      .where(
        and(
          eq(surveyTextAnswers.campaignId, sql.placeholder("campaignId")),
          eq(surveyTextAnswers.itemKey, sql.placeholder("itemKey")),
          sql`(${surveyTextAnswers.sortKey}, ${surveyTextAnswers.hash}) > (${sql.placeholder("afterKey")}, ${sql.placeholder("afterHash")})`,
          lt(surveyTextAnswers.firstRank, sql.placeholder("shown")),
        ),
      )
      .orderBy(asc(surveyTextAnswers.sortKey), asc(surveyTextAnswers.hash))
      .limit(sql.placeholder("limit"))
      .prepare(),
  ),
  tags: preparedQuery((db) =>
    db
      .select({ hash: surveyTextTags.answerHash, theme: surveyTextTags.themeSlug })
      .from(surveyTextTags)
      .where(
        and(
          eq(surveyTextTags.campaignId, sql.placeholder("campaignId")),
          eq(surveyTextTags.itemKey, sql.placeholder("itemKey")),
          sql`${surveyTextTags.answerHash} in (select value from json_each(${sql.placeholder("hashes")}))`,
        ),
      )
      .prepare(),
  ),
};

/** The campaign's kept texts, rebuilt first when they do not account for its responses as they are. */
function freshTexts(campaign: { id: number; definition: QuestionnaireDefinition }) {
  if (textReads.state().get({ campaignId: campaign.id })?.revision !== campaignCounts(campaign.id).revision) rebuildTexts(campaign.id, campaign.definition);
}

/** How many answers of a question are shown: all of a closed wave's, a running wave's in whole batches, one behind. */
function shownCount(campaign: { id: number; status: string }, itemKey: string, minGroup: number) {
  const answered = (textReads.answered().get({ campaignId: campaign.id, itemKey })?.last ?? -1) + 1;
  const running = campaign.status === "draft" || campaign.status === "open";
  return running ? provisionalCount(answered, minGroup) : answered;
}

// The next page's link names the answer it starts after, sealed (encrypted and authenticated with the server secret):
// a bare hash of the text in the URL would let a reader of the access logs confirm a guessed answer by hashing it.
const CURSOR_PURPOSE = "free-text-page";
const CURSOR_LIFETIME_MS = 24 * 60 * 60_000;
const sealCursor = (itemKey: string, hash: string) => sealPayload(CURSOR_PURPOSE, { question: itemKey, after: hash }, new Date(Date.now() + CURSOR_LIFETIME_MS));
/** The answer a cursor starts after, or "" (from the beginning) when it is altered, expired or for another question. */
function openCursor(itemKey: string, cursor: string) {
  const opened = openSealedPayload(CURSOR_PURPOSE, cursor);
  return opened.ok && opened.payload.question === itemKey && typeof opened.payload.after === "string" ? opened.payload.after : "";
}

/**
 * The free-text answers of a campaign, question by question, a page of `limit` distinct texts each, in alphabetical
 * order (without case or accents); `page` starts one question's list after the answer its cursor (a group's `next`)
 * names. Cost does not grow with the wave: the texts are kept, each with how many gave it, and read through an index a
 * page at a time.
 */
export function freeTextGroups(
  slug: string,
  { minGroup = PUBLIC_MIN_CELL, limit = FREE_TEXT_PAGE, page }: { minGroup?: number; limit?: number; page?: { question: string; after: string } } = {},
): FreeTextGroup[] {
  const campaign = campaignWithDefinition(slug);
  const items = textItemsOf(campaign.definition);
  if (!items.length) return [];
  freshTexts(campaign);
  return items.map((item) => {
    const read = { campaignId: campaign.id, itemKey: item.key };
    const shown = shownCount(campaign, item.key, minGroup);
    if (shown < minGroup) return { key: item.key, label: item.label, count: null, answers: [], next: null, paged: false };
    const afterHash = page?.question === item.key ? openCursor(item.key, page.after) : "";
    const afterKey = afterHash ? textReads.cursor().get({ ...read, hash: afterHash })?.sortKey : undefined;
    const rows = textReads
      .page()
      .all({ ...read, afterKey: afterKey ?? "", afterHash: afterKey === undefined ? "" : afterHash, shown, limit: limit + 1 });
    const listed = rows.slice(0, limit);
    const heldBack = new Map(textReads.heldBack().all({ ...read, shown }).map((r) => [r.hash, r.n]));
    const themesOf = new Map<string, string[]>();
    for (const tag of textReads.tags().all({ ...read, hashes: JSON.stringify(listed.map((r) => r.hash)) })) themesOf.set(tag.hash, [...(themesOf.get(tag.hash) ?? []), tag.theme]);
    return {
      key: item.key,
      label: item.label,
      count: shown,
      answers: listed.map((r) => ({ hash: r.hash, text: r.text, times: r.times - (heldBack.get(r.hash) ?? 0), themes: themesOf.get(r.hash) ?? [] })),
      next: rows.length > limit ? sealCursor(item.key, listed.at(-1)!.hash) : null,
      paged: afterKey !== undefined,
    };
  });
}

/** Whether an answer is shown on the page (in a shown group, within its shown answers). */
function isShown(slug: string, itemKey: string, hash: string) {
  const campaign = campaignWithDefinition(slug);
  if (!textItemsOf(campaign.definition).some((item) => item.key === itemKey)) return false;
  freshTexts(campaign);
  const shown = shownCount(campaign, itemKey, PUBLIC_MIN_CELL);
  if (shown < PUBLIC_MIN_CELL) return false;
  const row = getDb()
    .select({ firstRank: surveyTextAnswers.firstRank })
    .from(surveyTextAnswers)
    .where(and(eq(surveyTextAnswers.campaignId, campaign.id), eq(surveyTextAnswers.itemKey, itemKey), eq(surveyTextAnswers.hash, hash)))
    .get();
  return !!row && row.firstRank < shown;
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
  if (!isShown(slug, input.item, input.answer)) {
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
