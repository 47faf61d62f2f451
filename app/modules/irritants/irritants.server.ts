import { isFixAnnounced, laneOf } from "./statuses";
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, preparedQueries, preparedQuery, type Tx } from "#db/client";
import { irritantThemes, irritants, organisations, products, themes, users, type IrritantStatus } from "#db/schema";
import type { CollectionChannel, IrritantOrigin } from "./origins";
import { setFollow } from "~/modules/notifications/index.server";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { irritantForwarded } from "./forwarding.server";
import { requireActiveProduct } from "~/modules/vendors/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { redactPatientIdentifiers, type Redaction } from "~/lib/text/redaction";
import type { FileIrritantInput, IrritantFilters } from "./schemas";
import { bumpCounters, readCounters, voiceCounter } from "./counters.server";
import { acceptedInOrder } from "./similarity-acceptance";
import { allWordsQuery, type ExcludedEntry, indexIrritant, indexedEntry, rerankBySimilarity, similarityQuery } from "./search.server";
import { adjustThemeCounters, resolveThemeSlugs, suggestThemesFor } from "./themes.server";
import { publiclyVisible } from "./visibility.server";
import { PATIENT_SUBJECTS } from "./patient-subjects";

type Viewer = SessionUser | null;

/** What a viewer may see: published and live rows (anonymous); also their own (signed in); everything (the team). */
type Visibility = "public" | "own" | "all";

function visibilityOf(viewer: Viewer): Visibility {
  return can(viewer, "irritant:read-unpublished") ? "all" : viewer ? "own" : "public";
}

/** The rows of a visibility, for a prepared query: "own" reads the viewer's id from the `viewerId` placeholder. */
function visibleRows(visibility: Visibility): SQL | undefined {
  if (visibility === "all") return undefined;
  const publicRows = publiclyVisible();
  return visibility === "own" ? or(publicRows, and(eq(irritants.authorId, sql.placeholder("viewerId")), isNull(irritants.hiddenAt))) : publicRows;
}

/** The same rows for a one-off query (no placeholder). */
function visibleTo(viewer: Viewer): SQL | undefined {
  const visibility = visibilityOf(viewer);
  if (visibility === "all") return undefined;
  const publicRows = publiclyVisible();
  return viewer ? or(publicRows, and(eq(irritants.authorId, viewer.id), isNull(irritants.hiddenAt))) : publicRows;
}

function mergeRedactions(...results: Redaction[][]) {
  const counts: Record<string, number> = {};
  for (const list of results) for (const r of list) counts[r.kind] = (counts[r.kind] ?? 0) + r.count;
  return counts;
}

export function redactionsList(counts: Record<string, number>): Redaction[] {
  return (["nir", "phone", "email"] as const).filter((k) => counts[k]).map((kind) => ({ kind, count: counts[kind] }));
}

/**
 * Files an irritant: masks patient identifiers, assigns the suggested themes when none are given,
 * and writes the row, its themes, counters, search entry, the author's follow and the event in one transaction.
 */
export function fileIrritant(author: SessionUser, input: FileIrritantInput) {
  // A vendor files about another vendor's product (issue 20): it becomes that vendor's ticket at once.
  const crossVendor = can(author, "irritant:file-other-vendor");
  if (!crossVendor && !can(author, "irritant:file")) throw new HttpError(403, "Seuls les professionnels de santé, les patients et les éditeurs (pour le logiciel d'un autre éditeur) déposent des signalements.");
  refusePracticeSoftwareFromPatients(author, input);
  if (crossVendor) requireOtherVendorsProduct(author, input.productId);
  const prepared = prepareIrritant(input);
  const similar = findSimilar(author, `${prepared.title.text}. ${prepared.body.text}`, 5);
  const created = getDb().transaction((tx) => writeIrritant(tx, author, prepared, crossVendor ? { origin: "vendor", forward: true } : {}));
  return { ...created, similar };
}

const OTHER_VENDOR_MESSAGE = "Choisissez le logiciel d'un autre éditeur : les signalements sur vos propres logiciels vous arrivent en tickets.";

/** A vendor's report names a product of another vendor, never one of its own (its own arrive as its tickets). */
function requireOtherVendorsProduct(author: SessionUser, productId: number | undefined) {
  if (productId === undefined) throw new HttpError(422, "Indiquez le logiciel concerné.", { productId: ["Choisissez le logiciel de l'autre éditeur concerné."] });
  const product = requireActiveProduct(getDb(), productId);
  if (author.organisationId === null || product.vendorId === author.organisationId) throw new HttpError(422, OTHER_VENDOR_MESSAGE, { productId: [OTHER_VENDOR_MESSAGE] });
}

const PATIENT_SOFTWARE_MESSAGE = "Un patient n'indique pas de logiciel de cabinet : choisissez plutôt le service concerné (Mon espace santé, un service national).";

/** A patient's report is about Mon espace santé or a national service, never a practice's software. */
function refusePracticeSoftwareFromPatients(author: SessionUser, input: FileIrritantInput) {
  if (laneOf(author) !== "patient") return;
  const fields: Record<string, string[]> = {};
  if (input.productId !== undefined) fields.productId = [PATIENT_SOFTWARE_MESSAGE];
  if (input.productVersion !== undefined) fields.productVersion = [PATIENT_SOFTWARE_MESSAGE];
  if (Object.keys(fields).length) throw new HttpError(422, PATIENT_SOFTWARE_MESSAGE, fields);
}

/**
 * Which themes a filing stores. When the form showed suggestions ticked (`themesShown`), the ticked boxes are the
 * person's answer, exactly, none included; otherwise the themes given, or the suggestions when none are given.
 */
function chosenThemes(input: Pick<FileIrritantInput, "themes" | "themesShown">): { slugs: string[]; source: "author" | "suggested" } | null {
  const given = input.themes ?? [];
  const shown = input.themesShown ?? [];
  if (shown.length === 0) return given.length ? { slugs: given, source: "author" } : null;
  const kept = given.length === shown.length && given.every((slug) => shown.includes(slug));
  return { slugs: given, source: kept ? "suggested" : "author" };
}

/** Redaction and theme choice, done before the transaction (they read the classifier, not the rows). */
export function prepareIrritant(input: FileIrritantInput) {
  const title = redactPatientIdentifiers(input.title);
  const body = redactPatientIdentifiers(input.body);
  const chosen = chosenThemes(input) ??
    (input.subject ? { slugs: [...PATIENT_SUBJECTS[input.subject].themes], source: "author" as const } : null) ?? {
      slugs: suggestThemesFor(`${title.text}. ${body.text}`).map((s) => s.slug),
      source: "suggested" as const,
    };
  return { input, title, body, themes: chosen };
}

/**
 * Writes a prepared irritant in the caller's transaction. The caller checks who may file: the public form
 * (`fileIrritant`) lets professionals and patients file; seminar restitution lets the team file what a
 * workshop produced, in the same transaction as the link back to the workshop.
 */
export type WriteOptions = {
  lane?: "practitioner" | "patient";
  /** How it reached the platform (issue 20), and for the team's collected reports who collected it and how. */
  origin?: IrritantOrigin;
  collectedById?: number;
  collectedVia?: CollectionChannel;
  behalfName?: string;
  behalfProfession?: string;
  /** Open the vendor's ticket now, whatever the auto-forward setting (a vendor's report on another vendor). */
  forward?: boolean;
  /** An imported backlog keeps the date its rows were first reported. */
  createdAt?: string;
};

export function writeIrritant(tx: Tx, author: SessionUser, prepared: ReturnType<typeof prepareIrritant>, options: WriteOptions = {}) {
  const { input, title, body } = prepared;
  const redactions = mergeRedactions(title.redactions, body.redactions);
  const themeRows = resolveThemeSlugs(tx, prepared.themes.slugs);
  if (input.productId) requireActiveProduct(tx, input.productId);
  const row = tx
    .insert(irritants)
    .values({
      title: title.text,
      body: body.text,
      authorId: author.id,
      lane: options.lane ?? laneOf(author),
      productId: input.productId ?? null,
      productVersion: input.productId ? (input.productVersion ?? null) : null,
      severity: input.severity ?? null,
      frequency: input.frequency ?? null,
      timeLostMinutes: input.timeLostMinutes ?? null,
      patientSafety: input.patientSafety ?? false,
      consultationStep: input.consultationStep ?? null,
      subject: input.subject ?? null,
      redactions,
      origin: options.origin ?? "reporter",
      collectedById: options.collectedById ?? null,
      collectedVia: options.collectedVia ?? null,
      behalfName: options.behalfName ?? null,
      behalfProfession: options.behalfProfession ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}),
    })
    .returning({ id: irritants.id, status: irritants.status })
    .get();
  const source = prepared.themes.source;
  if (themeRows.length) tx.insert(irritantThemes).values(themeRows.map((t) => ({ irritantId: row.id, themeId: t.id, source }))).run();
  adjustThemeCounters(
    tx,
    themeRows.map((t) => t.id),
    { total: 1, published: 0 },
  );
  indexIrritant(tx, { id: row.id, title: title.text, body: body.text });
  const voice = voiceCounter({ lane: options.lane ?? laneOf(author), origin: options.origin ?? "reporter" });
  bumpCounters(tx, { "irritants.received": 1, ...(voice ? { [voice]: 1 } : {}) });
  if (input.productId && (options.forward || getSettings(tx).autoForwardProductIrritants)) {
    tx.update(irritants).set({ status: "forwarded" }).where(eq(irritants.id, row.id)).run();
    row.status = "forwarded";
    recordEvent(tx, { type: "irritant.status_changed", actorId: null, subject: { type: "irritant", id: row.id }, payload: { from: "new", to: "forwarded", cause: "auto-forward" } });
    irritantForwarded(tx, row.id, author.id);
  }
  setFollow(tx, author.id, "irritant", row.id, true);
  recordEvent(tx, {
    type: "irritant.filed",
    actorId: author.id,
    subject: { type: "irritant", id: row.id },
    payload: { themes: themeRows.map((t) => t.slug), themeSource: source, redacted: title.total + body.total },
  });
  return { id: row.id, status: row.status, themes: themeRows.map((t) => t.slug), redacted: title.total + body.total, redactions: redactionsList(redactions) };
}

const SIMILAR_CANDIDATES = 60;
// The best-ranked entries of the index read before the visibility rule: some of them may be unpublished.
const RANKED_ENTRIES = 4 * SIMILAR_CANDIDATES;
// Unrelated irritants below it are not shown. 0.15 (with concept weight 2) lost recall on the frozen half (decision 019).
const MIN_SIMILARITY = 0.1;

/**
 * Existing irritants closest to a text, best first, among those the viewer may see (published ones and their own).
 * Candidates are the irritants sharing the text's distinctive terms, from the whole history, best ranked by BM25 (see
 * `similarityQuery` for how that stays bounded); they are re-ranked by the shared concepts of all their terms, and
 * only those the acceptance model takes for the same problem are shown, most likely first (`similarity-acceptance.ts`).
 */
export function findSimilar(viewer: Viewer, text: string, limit = 5, excluded?: ExcludedEntry) {
  return acceptedInOrder(rankSimilarCandidates(viewer, text, excluded))
    .slice(0, limit)
    .map(({ id, title, status, supportCount, score }) => ({ id, title, status, supportCount, score }));
}

/**
 * Every candidate of `findSimilar` above the score floor, ranked by soft cosine, with the features the acceptance model
 * reads; `findSimilar` shows those it accepts. The acceptance model's fitting script reads it too.
 */
export function rankSimilarCandidates(viewer: Viewer, text: string, excluded?: ExcludedEntry) {
  const db = getDb();
  const query = similarityQuery(db, text, excluded);
  if (!query) return [];
  const entries = query.ranked
    ? sql`(select rowid as id, text, rank from irritants_fts where irritants_fts match ${query.match} order by rank limit ${RANKED_ENTRIES})`
    : sql`(select rowid as id, text, 0 as rank from irritants_fts where irritants_fts match ${query.match} order by rowid desc limit ${RANKED_ENTRIES})`;
  // CROSS JOIN keeps the ranked entries as the outer loop: the planner would otherwise read every published irritant
  // by its index and look each up among the entries (a million rows at national scale).
  const candidates = db.all<{ id: number; title: string; body: string; indexed: string; status: IrritantStatus; supportCount: number }>(sql`
    select ${irritants.id} as id, ${irritants.title} as title, ${irritants.body} as body, entries.text as indexed,
      ${irritants.status} as status, ${irritants.supportCount} as supportCount
    from ${entries} as entries cross join ${irritants}
    where ${and(
      sql`${irritants.id} = entries.id`,
      excluded ? sql`${irritants.id} != ${excluded.id}` : undefined,
      isNull(irritants.mergedIntoId),
      isNull(irritants.hiddenAt),
      visibleTo(viewer),
    )}
    order by entries.rank, entries.id desc
    limit ${SIMILAR_CANDIDATES}`);
  return rerankBySimilarity(db, text, candidates, excluded).filter((c) => c.score >= MIN_SIMILARITY);
}

/**
 * The team's duplicate panel: the irritants closest to one irritant, found by the engine filing uses (`findSimilar`,
 * on the same text "title. body"), as if the irritant were being filed now: it is left out of the index's statistics
 * and of the results.
 */
export function findSimilarTo(viewer: Viewer, irritant: { id: number; title: string; body: string }, limit = 5) {
  return findSimilar(viewer, `${irritant.title}. ${irritant.body}`, limit, indexedEntry(getDb(), irritant.id));
}

const PAGE_SIZE = 30;

/** Cursor for keyset pagination: "id" when sorted by recency, "supports:id" when sorted by supports. */
function parseCursor(cursor: string | undefined, sort: "recent" | "supports") {
  if (!cursor) return null;
  const parts = cursor.split(":").map(Number);
  if (parts.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new HttpError(422, "Curseur invalide.", { cursor: ["Curseur invalide."] });
  if (sort === "supports" && parts.length === 2) return { supports: parts[0], id: parts[1] };
  if (sort === "recent" && parts.length === 1) return { supports: 0, id: parts[0] };
  throw new HttpError(422, "Curseur invalide.", { cursor: ["Curseur invalide."] });
}

/** Which clauses a list query has: one prepared statement for each combination met. */
type ListShape = {
  visibility: Visibility;
  sort: "recent" | "supports";
  status: boolean;
  product: boolean;
  severity: boolean;
  subject: boolean;
  theme: boolean;
  /** "index": a search sorted by recency, read in the full-text index's order. */
  search: "none" | "index" | "in";
  cursor: boolean;
};

const irritantListQuery = preparedQueries((db, shape: ListShape) => {
  // A search sorted by recency reads the full-text index in id order and stops at the page's end, rather than
  // collecting every match first (tens of thousands for common words at national scale).
  const indexOrder = shape.search === "index";
  const where = and(
    visibleRows(shape.visibility),
    shape.status ? eq(irritants.status, sql.placeholder("status")) : undefined,
    shape.product ? eq(irritants.productId, sql.placeholder("productId")) : undefined,
    shape.severity ? eq(irritants.severity, sql.placeholder("severity")) : undefined,
    shape.subject ? eq(irritants.subject, sql.placeholder("subject")) : undefined,
    shape.theme ? sql`exists (select 1 from irritant_themes it where it.irritant_id = ${irritants.id} and it.theme_id = ${sql.placeholder("themeId")})` : undefined,
    shape.search === "index" ? sql`irritants_fts match ${sql.placeholder("match")}` : undefined,
    shape.search === "in" ? sql`${irritants.id} in (select rowid from irritants_fts where irritants_fts match ${sql.placeholder("match")})` : undefined,
    shape.cursor
      ? shape.sort === "supports"
        ? or(
            lt(irritants.supportCount, sql.placeholder("cursorSupports")),
            and(eq(irritants.supportCount, sql.placeholder("cursorSupports")), lt(irritants.id, sql.placeholder("cursorId"))),
          )
        : indexOrder
          ? sql`irritants_fts.rowid < ${sql.placeholder("cursorId")}`
          : lt(irritants.id, sql.placeholder("cursorId"))
      : undefined,
  );
  const columns = {
    id: irritants.id,
    title: irritants.title,
    status: irritants.status,
    lane: irritants.lane,
    severity: irritants.severity,
    subject: irritants.subject,
    published: irritants.published,
    hiddenAt: irritants.hiddenAt,
    mergedIntoId: irritants.mergedIntoId,
    fixAnnouncedAt: irritants.fixAnnouncedAt,
    supportCount: irritants.supportCount,
    patientSupportCount: irritants.patientSupportCount,
    createdAt: irritants.createdAt,
    productName: products.name,
  };
  return (
    indexOrder
      ? db
          .select(columns)
          .from(sql`irritants_fts`)
          .innerJoin(irritants, sql`${irritants.id} = irritants_fts.rowid`)
          .leftJoin(products, eq(products.id, irritants.productId))
          .where(where)
          .orderBy(sql`irritants_fts.rowid desc`)
      : db
          .select(columns)
          .from(irritants)
          .leftJoin(products, eq(products.id, irritants.productId))
          .where(where)
          .orderBy(...(shape.sort === "supports" ? [desc(irritants.supportCount), desc(irritants.id)] : [desc(irritants.id)]))
  )
    .limit(sql.placeholder("limit"))
    .prepare();
});

const themeIdBySlug = preparedQuery((db) => db.select({ id: themes.id }).from(themes).where(eq(themes.slug, sql.placeholder("slug"))).prepare());

/**
 * Irritants the viewer may see, filtered, searched (FTS5) and sorted by recency or supports,
 * by keyset pagination. The team also sees private, hidden and merged ones.
 */
export function listIrritants(viewer: Viewer, filters: IrritantFilters & { limit?: number } = {}) {
  const limit = Math.min(filters.limit ?? PAGE_SIZE, 100);
  const sort = filters.sort ?? "recent";
  const cursor = parseCursor(filters.cursor, sort);
  const match = filters.q ? allWordsQuery(filters.q, getDb()) : null;
  if (filters.q && !match) return { items: [], nextCursor: undefined };
  const themeId = filters.theme ? themeIdBySlug().get({ slug: filters.theme })?.id : undefined;
  if (filters.theme && !themeId) return { items: [], nextCursor: undefined };

  const query = irritantListQuery({
    visibility: visibilityOf(viewer),
    sort,
    status: !!filters.status,
    product: !!filters.productId,
    severity: !!filters.severity,
    subject: !!filters.subject,
    theme: !!themeId,
    search: match ? (sort === "recent" ? "index" : "in") : "none",
    cursor: !!cursor,
  });
  const rows = query.all({
    viewerId: viewer?.id,
    status: filters.status,
    productId: filters.productId,
    severity: filters.severity,
    subject: filters.subject,
    themeId,
    match,
    cursorSupports: cursor?.supports,
    cursorId: cursor?.id,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const themeMap = themesOf(page.map((r) => r.id));
  const last = page[page.length - 1];
  const announced = fixAnnouncedOf(page);
  return {
    items: page.map(({ fixAnnouncedAt, ...r }) => ({ ...r, fixAnnounced: announced({ status: r.status, fixAnnouncedAt }), themes: themeMap.get(r.id) ?? [] })),
    nextCursor: rows.length > limit && last ? (sort === "supports" ? `${last.supportCount}:${last.id}` : String(last.id)) : undefined,
  };
}

// The ids travel as one JSON array, so that a page of any length uses the same statement.
const themesOfQuery = preparedQuery((db) =>
  db
    .select({ irritantId: irritantThemes.irritantId, slug: themes.slug, label: themes.label, source: irritantThemes.source })
    .from(irritantThemes)
    .innerJoin(themes, eq(themes.id, irritantThemes.themeId))
    .where(sql`${irritantThemes.irritantId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .orderBy(themes.position)
    .prepare(),
);

function themesOf(ids: number[]) {
  const map = new Map<number, { slug: string; label: string; source: string }[]>();
  if (ids.length === 0) return map;
  const rows = themesOfQuery().all({ ids: JSON.stringify(ids) });
  for (const r of rows) map.set(r.irritantId, [...(map.get(r.irritantId) ?? []), { slug: r.slug, label: r.label, source: r.source }]);
  return map;
}

/**
 * Which of some rows show as "Correctif annoncé" (see `isFixAnnounced`); the team's delay is read only when a row
 * holds an unconfirmed fix.
 */
type FixRow = { status: IrritantStatus; fixAnnouncedAt: string | null };
function fixAnnouncedOf(rows: FixRow[]) {
  const days = rows.some((r) => r.fixAnnouncedAt) ? getSettings().fixConfirmationDays : 0;
  const now = new Date();
  return (row: FixRow) => isFixAnnounced(row, days, now);
}

/** Rows read elsewhere (a theme's top irritants, an action's, a ticket's) with `fixAnnounced` for their status badge. */
export function withFixAnnounced<T extends FixRow>(rows: T[]): (Omit<T, "fixAnnouncedAt"> & { fixAnnounced: boolean })[] {
  const announced = fixAnnouncedOf(rows);
  return rows.map(({ fixAnnouncedAt, ...row }) => ({ ...row, fixAnnounced: announced({ status: row.status, fixAnnouncedAt }) }));
}

/** One irritant, if the viewer may see it: published, their own, or any for the team. Otherwise 404. */
const irritantQuery = preparedQueries((db, visibility: Visibility) =>
  db
    .select({
      irritant: irritants,
      productName: products.name,
      vendorName: organisations.name,
    })
    .from(irritants)
    .leftJoin(products, eq(products.id, irritants.productId))
    .leftJoin(organisations, eq(organisations.id, products.vendorId))
    .where(and(eq(irritants.id, sql.placeholder("id")), visibleRows(visibility)))
    .prepare(),
);

export function getIrritant(viewer: Viewer, id: number) {
  const row = irritantQuery(visibilityOf(viewer)).get({ id, viewerId: viewer?.id });
  if (!row) throw new HttpError(404, "Ce signalement n'existe pas ou n'est pas public.");
  const { irritant } = row;
  return {
    ...irritant,
    fixAnnounced: fixAnnouncedOf([irritant])(irritant),
    productName: row.productName,
    vendorName: row.vendorName,
    themes: themesOf([irritant.id]).get(irritant.id) ?? [],
    isAuthor: irritant.authorId === viewer?.id,
  };
}

/** Where a merged duplicate now lives, if the viewer may see the duplicate: its page and actions go there. */
export function mergedInto(viewer: Viewer, id: number): number | null {
  const row = getDb()
    .select({ into: irritants.mergedIntoId, published: irritants.published, hiddenAt: irritants.hiddenAt, authorId: irritants.authorId })
    .from(irritants)
    .where(eq(irritants.id, id))
    .get();
  if (!row?.into) return null;
  const visible = can(viewer, "irritant:read-unpublished") || (row.hiddenAt === null && (row.published || row.authorId === viewer?.id));
  return visible ? row.into : null;
}

export function countReceivedIrritants() {
  return readCounters()["irritants.received"];
}

/** The author's name is shown to the team only. */
export function authorNameFor(viewer: Viewer, authorId: number) {
  if (!can(viewer, "irritant:read-unpublished")) return null;
  return getDb().select({ name: users.displayName }).from(users).where(eq(users.id, authorId)).get()?.name ?? null;
}
