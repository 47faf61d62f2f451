import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { getDb, preparedQueries, type DbOrTx } from "#db/client";
import { irritantThemes, themes } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { assertCan } from "~/lib/permissions.server";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { suggestThemes, trainNaiveBayes, type KeywordRules, type NaiveBayesModel } from "./classifier";

const themesQuery = preparedQueries((db, includeRetired: boolean) =>
  db
    .select({
      id: themes.id,
      slug: themes.slug,
      label: themes.label,
      keywords: themes.keywords,
      retiredAt: themes.retiredAt,
      irritantCount: themes.irritantCount,
      publishedCount: themes.publishedCount,
    })
    .from(themes)
    .where(includeRetired ? undefined : isNull(themes.retiredAt))
    .orderBy(asc(themes.position), asc(themes.id))
    .prepare(),
);

export function listThemes({ includeRetired = false } = {}) {
  return themesQuery(includeRetired).all();
}

/** Theme ids for slugs; unknown or retired slugs are a 422 naming them. */
export function resolveThemeSlugs(tx: DbOrTx, slugs: string[]) {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = tx
    .select({ id: themes.id, slug: themes.slug })
    .from(themes)
    .where(and(inArray(themes.slug, unique), isNull(themes.retiredAt)))
    .all();
  const unknown = unique.filter((slug) => !found.some((t) => t.slug === slug));
  if (unknown.length > 0) throw new HttpError(422, "Thème inconnu.", { themes: [`Thème inconnu : ${unknown.join(", ")}.`] });
  return unique.map((slug) => found.find((t) => t.slug === slug)!);
}

// The classifier is retrained from the team's confirmed tags at most once per change of those tags.
let cachedModel: { version: number; model: NaiveBayesModel | null } | undefined;
let trainingVersion = 0;
/** Called when the team confirms themes: the next suggestion retrains on the new tags. */
export function invalidateThemeModel() {
  trainingVersion++;
}

const TRAINING_LIMIT = 20_000;

function themeModel(): NaiveBayesModel | null {
  if (cachedModel?.version === trainingVersion) return cachedModel.model;
  const db = getDb();
  const rows = db.all<{ text: string; slugs: string }>(sql`
    select i.title || '. ' || i.body as text, group_concat(t.slug) as slugs
    from irritant_themes it
    join irritants i on i.id = it.irritant_id
    join themes t on t.id = it.theme_id
    where it.source = 'team' and t.retired_at is null
    group by it.irritant_id
    order by it.irritant_id desc
    limit ${TRAINING_LIMIT}`);
  const model = rows.length > 0 ? trainNaiveBayes(rows.map((r) => ({ text: r.text, themes: r.slugs.split(",") }))) : null;
  cachedModel = { version: trainingVersion, model };
  return model;
}

// The same rules object while the themes' keywords are unchanged: the classifier compiles (stems) rules once per object.
let cachedRules: { signature: string; rules: KeywordRules } | undefined;

/**
 * Suggests themes for many texts: the active themes and the classifier are read once, so a page of texts costs the
 * queries of one (`suggestThemesFor` is the one-text form). Up to `limit` themes a text, most likely first.
 */
export function themeSuggester(limit = 3) {
  const active = listThemes();
  const labels = new Map(active.map((t) => [t.slug, t.label]));
  const entries = active.map((t) => [t.slug, t.keywords] as const);
  const signature = JSON.stringify(entries);
  if (cachedRules?.signature !== signature) cachedRules = { signature, rules: Object.fromEntries(entries) };
  const options = { rules: cachedRules.rules, model: themeModel(), limit };
  return (text: string) =>
    suggestThemes(text, options)
      .filter((s) => labels.has(s.slug))
      .map((s) => ({ ...s, label: labels.get(s.slug)! }));
}

/** Up to `limit` themes for a text, most likely first: keyword rules, plus the classifier once the team has confirmed tags. */
export function suggestThemesFor(text: string, limit = 3) {
  return themeSuggester(limit)(text);
}

/** Adds to the per-theme counters, inside the caller's transaction. */
export function adjustThemeCounters(tx: DbOrTx, themeIds: number[], delta: { total: number; published: number }) {
  if (themeIds.length === 0 || (delta.total === 0 && delta.published === 0)) return;
  tx.update(themes)
    .set({
      irritantCount: sql`${themes.irritantCount} + ${delta.total}`,
      publishedCount: sql`${themes.publishedCount} + ${delta.published}`,
    })
    .where(inArray(themes.id, themeIds))
    .run();
}

export function themeIdsOf(tx: DbOrTx, irritantId: number) {
  return tx.select({ id: irritantThemes.themeId }).from(irritantThemes).where(eq(irritantThemes.irritantId, irritantId)).all().map((r) => r.id);
}

// --- Taxonomy management (team) -------------------------------------------------------------

function requireTeam(actor: SessionUser) {
  assertCan(actor, "irritant:triage", "Seule l'équipe programme gère les thèmes.");
}

export function createTheme(actor: SessionUser, input: { slug: string; label: string; keywords: string[] }) {
  requireTeam(actor);
  return getDb().transaction((tx) => {
    if (tx.select({ id: themes.id }).from(themes).where(eq(themes.slug, input.slug)).get()) {
      throw new HttpError(409, "Ce thème existe déjà.", { slug: ["Cet identifiant est déjà utilisé par un autre thème."] });
    }
    const position = (tx.select({ p: max(themes.position) }).from(themes).get()?.p ?? 0) + 1;
    const row = tx.insert(themes).values({ ...input, position }).returning({ id: themes.id }).get();
    recordEvent(tx, { type: "theme.created", actorId: actor.id, subject: { type: "theme", id: row.id }, payload: { slug: input.slug, label: input.label } });
    return row;
  });
}

export function updateTheme(actor: SessionUser, slug: string, input: { label: string; keywords: string[]; retired: boolean }) {
  requireTeam(actor);
  getDb().transaction((tx) => {
    const current = tx.select().from(themes).where(eq(themes.slug, slug)).get();
    if (!current) throw new HttpError(404, "Ce thème n'existe pas.");
    const retiredAt = input.retired ? (current.retiredAt ?? new Date().toISOString()) : null;
    tx.update(themes).set({ label: input.label, keywords: input.keywords, retiredAt }).where(eq(themes.id, current.id)).run();
    recordEvent(tx, {
      type: "theme.updated",
      actorId: actor.id,
      subject: { type: "theme", id: current.id },
      payload: { slug, from: current.label, to: input.label, retired: input.retired },
    });
  });
  invalidateThemeModel();
}
