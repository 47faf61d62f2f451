import { asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { searchIndexState, synonymGroups } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { foldAccents, stemFrench, tokenize } from "~/lib/text/text";
import { reindexBatches } from "./search.server";
import { conceptToken } from "./vocabulary-synonyms";

/**
 * The field's vocabulary as the team edits it (issue 19, /equipe/vocabulaire): synonym groups stored in the database,
 * the compiled vocabulary the engine folds with (cached per connection, rebuilt when the stored version changes, so
 * every process sees a change at its next look-up: active-vocabulary.server.ts), and the reindex the page starts after
 * a change.
 */

function requireTeam(actor: SessionUser) {
  assertCan(actor, "irritant:triage", "Seule l'équipe programme gère le vocabulaire.");
}

export function listSynonymGroups() {
  return getDb()
    .select({ id: synonymGroups.id, concept: synonymGroups.concept, terms: synonymGroups.terms, updatedAt: synonymGroups.updatedAt })
    .from(synonymGroups)
    .orderBy(asc(synonymGroups.concept))
    .all();
}

/** How a term is matched (words folded and stemmed): two terms with the same key are the same term. */
const termKey = (term: string) => tokenize(term).map(stemFrench).join(" ");

/** A 409 naming the terms already in another group, or repeated in this one. */
function checkTerms(tx: DbOrTx, terms: string[], ownId?: number) {
  const owners = new Map<string, string>();
  for (const group of tx.select().from(synonymGroups).all()) {
    if (group.id === ownId) continue;
    for (const term of group.terms) owners.set(termKey(term), `${group.terms[0]}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const key = termKey(term);
    const owner = owners.get(key);
    if (owner !== undefined) problems.push(`« ${term} » appartient déjà au groupe « ${owner} ».`);
    else if (seen.has(key)) problems.push(`« ${term} » est répété dans ce groupe.`);
    seen.add(key);
  }
  if (problems.length) throw new HttpError(409, problems[0], { terms: problems });
}

function bumpVersion(tx: DbOrTx) {
  tx.update(searchIndexState).set({ vocabularyVersion: sql`${searchIndexState.vocabularyVersion} + 1` }).where(eq(searchIndexState.id, 1)).run();
}

/** A concept key from the group's first term ("Compte rendu" → "compte-rendu"), made unique among the groups' tokens. */
function newConcept(tx: DbOrTx, firstTerm: string) {
  const base = foldAccents(firstTerm.toLowerCase()).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "groupe";
  const taken = new Set(tx.select({ concept: synonymGroups.concept }).from(synonymGroups).all().map((g) => conceptToken(g.concept)));
  let concept = base;
  for (let n = 2; taken.has(conceptToken(concept)); n++) concept = `${base}-${n}`;
  return concept;
}

export function createSynonymGroup(actor: SessionUser, terms: string[]) {
  requireTeam(actor);
  return getDb().transaction((tx) => {
    checkTerms(tx, terms);
    const concept = newConcept(tx, terms[0]);
    const row = tx.insert(synonymGroups).values({ concept, terms }).returning({ id: synonymGroups.id }).get();
    bumpVersion(tx);
    recordEvent(tx, { type: "vocabulary.group_created", actorId: actor.id, subject: { type: "synonym_group", id: row.id }, payload: { concept, terms } });
    return { id: row.id, concept };
  });
}

export function updateSynonymGroup(actor: SessionUser, id: number, terms: string[]) {
  requireTeam(actor);
  getDb().transaction((tx) => {
    const current = tx.select().from(synonymGroups).where(eq(synonymGroups.id, id)).get();
    if (!current) throw new HttpError(404, "Ce groupe de synonymes n'existe pas.");
    checkTerms(tx, terms, id);
    tx.update(synonymGroups).set({ terms, updatedAt: new Date().toISOString() }).where(eq(synonymGroups.id, id)).run();
    bumpVersion(tx);
    recordEvent(tx, {
      type: "vocabulary.group_updated",
      actorId: actor.id,
      subject: { type: "synonym_group", id },
      payload: { concept: current.concept, previous: current.terms, terms },
    });
  });
}

export function deleteSynonymGroup(actor: SessionUser, id: number) {
  requireTeam(actor);
  return getDb().transaction((tx) => {
    const current = tx.select().from(synonymGroups).where(eq(synonymGroups.id, id)).get();
    if (!current) throw new HttpError(404, "Ce groupe de synonymes n'existe pas.");
    tx.delete(synonymGroups).where(eq(synonymGroups.id, id)).run();
    bumpVersion(tx);
    recordEvent(tx, { type: "vocabulary.group_deleted", actorId: actor.id, subject: { type: "synonym_group", id }, payload: { concept: current.concept, terms: current.terms } });
    return current;
  });
}

// --- Reindex ---------------------------------------------------------------------------------------------------

/** A run whose last batch is older than this was interrupted (its process stopped): it may be started again. */
const STALE_AFTER_MS = 60_000;

function readState(db: DbOrTx) {
  return db.select().from(searchIndexState).where(eq(searchIndexState.id, 1)).get();
}

const isLive = (state: { reindexStatus: string; reindexHeartbeatAt: string | null }, now = Date.now()) =>
  state.reindexStatus === "running" && !!state.reindexHeartbeatAt && now - Date.parse(state.reindexHeartbeatAt) < STALE_AFTER_MS;

/** What the vocabulary page shows about the index: whether a reindex is needed, and the running or last one. */
export function searchIndexStatus() {
  const state = readState(getDb());
  if (!state) return { reindexNeeded: false, running: false, done: 0, total: 0, status: "idle" as const, finishedAt: null };
  const running = isLive(state);
  return {
    reindexNeeded: state.indexedVersion < state.vocabularyVersion,
    running,
    done: state.reindexDone,
    total: state.reindexTotal,
    status: state.reindexStatus === "running" && !running ? ("failed" as const) : state.reindexStatus,
    finishedAt: state.reindexFinishedAt,
  };
}

/** Claims the reindex (none may be running), in one transaction: the vocabulary version it rebuilds with. */
function claimReindex(db: DbOrTx, onClaimed?: (tx: DbOrTx, total: number) => void) {
  return db.transaction((tx) => {
    const state = readState(tx);
    if (!state) throw new HttpError(409, "L'état de l'index de recherche est introuvable.");
    if (isLive(state)) throw new HttpError(409, "Une reconstruction de l'index est déjà en cours.");
    const total = tx.get<{ n: number }>(sql`select count(*) as n from irritants_fts`)?.n ?? 0;
    const now = new Date().toISOString();
    tx.update(searchIndexState)
      .set({ reindexStatus: "running", reindexDone: 0, reindexTotal: total, reindexStartedAt: now, reindexHeartbeatAt: now, reindexFinishedAt: null })
      .where(eq(searchIndexState.id, 1))
      .run();
    onClaimed?.(tx, total);
    return state.vocabularyVersion;
  });
}

function recordProgress(db: DbOrTx, done: number, total: number) {
  const now = new Date().toISOString();
  db.update(searchIndexState).set({ reindexDone: done, reindexTotal: Math.max(done, total), reindexHeartbeatAt: now }).where(eq(searchIndexState.id, 1)).run();
}

function finish(db: DbOrTx, version: number | null) {
  const now = new Date().toISOString();
  db.update(searchIndexState)
    .set(version === null ? { reindexStatus: "failed", reindexFinishedAt: now } : { reindexStatus: "done", reindexFinishedAt: now, indexedVersion: sql`max(${searchIndexState.indexedVersion}, ${version})` })
    .where(eq(searchIndexState.id, 1))
    .run();
}

/**
 * `npm run reindex`: rebuilds the whole index at once with the stored vocabulary, recording its progress like the
 * page's run. Returns how many entries were rewritten.
 */
export function rebuildSearchIndex(db: DbOrTx, onProgress?: (done: number, total: number) => void) {
  const version = claimReindex(db);
  let done = 0;
  try {
    for (const progress of reindexBatches(db)) {
      done = progress.done;
      recordProgress(db, progress.done, progress.total);
      onProgress?.(progress.done, progress.total);
    }
  } catch (error) {
    finish(db, null);
    throw error;
  }
  finish(db, version);
  return done;
}

/**
 * Starts the reindex from the vocabulary page, in this process: one batch at a time, yielding to the server between
 * batches (each is a short transaction), its progress written to the database for the page to show.
 */
export function startReindex(actor: SessionUser) {
  requireTeam(actor);
  const db = getDb();
  const version = claimReindex(db, (tx, total) =>
    recordEvent(tx, { type: "vocabulary.reindex_started", actorId: actor.id, subject: { type: "search_index", id: 1 }, payload: { total } }),
  );
  const batches = reindexBatches(db);
  const step = () => {
    try {
      const next = batches.next();
      if (next.done) return finish(db, version);
      recordProgress(db, next.value.done, next.value.total);
      setImmediate(step);
    } catch (error) {
      console.error("Reindex failed:", error);
      finish(db, null);
    }
  };
  setImmediate(step);
}
