import { sql } from "drizzle-orm";
import type { DbOrTx } from "#db/client";
import { activeVocabulary } from "./active-vocabulary.server";
import { rarity } from "./rarity";
import { withRankFeatures } from "./similarity-acceptance";
import { conceptsContaining, searchTerms, type Vocabulary } from "./vocabulary-synonyms";

/**
 * The text an irritant is indexed under: its search terms (folded words, the field's synonyms folded to concepts,
 * stemmed). The title is written twice: it says what the problem is, so it weighs more in ranking. Also used by the
 * scale seed, so both index the same way. Folded with the seeded vocabulary unless given the stored one.
 */
export function searchDocument(title: string, body: string, vocabulary?: Vocabulary) {
  const folded = searchTerms(title, vocabulary).join(" ");
  return `${folded} ${folded} ${searchTerms(body, vocabulary).join(" ")}`;
}

/** Takes an irritant out of the search index (its text was erased). */
export function unindexIrritant(tx: DbOrTx, irritantId: number) {
  tx.run(sql`delete from irritants_fts where rowid = ${irritantId}`);
}

/** Writes (or rewrites) an irritant's entry in the full-text index, in the caller's transaction. */
export function indexIrritant(tx: DbOrTx, irritant: { id: number; title: string; body: string }) {
  tx.run(sql`delete from irritants_fts where rowid = ${irritant.id}`);
  tx.run(sql`insert into irritants_fts(rowid, text) values (${irritant.id}, ${searchDocument(irritant.title, irritant.body, activeVocabulary(tx))})`);
}

const REINDEX_BATCH = 2_000;

/**
 * Rewrites every entry of the full-text index from its irritant's current title and body, with the stored vocabulary,
 * after the vocabulary or the stemmer changed, one batch (a short transaction) per step: `reindexIrritants` runs it at
 * once, the vocabulary page step by step. Only irritants already indexed are rewritten: one whose text was erased stays
 * out. Reads the index in rowid order by batches, so memory stays flat at national scale.
 *
 * Speed: with the index's secure-delete on, every rewritten entry first erases its old postings from the index pages
 * (about 1 ms an entry at 100,000 irritants, most of the run). The old entries hold only words of the irritants'
 * current texts, so secure-delete is turned off for the run; the last step merges the index into one segment, which
 * drops every old posting, and turns secure-delete back on (also if the run fails). A text erased meanwhile by
 * another process (masking, purge) is erased by that merge too.
 */
export function* reindexBatches(db: DbOrTx): Generator<{ done: number; total: number }, number> {
  const total = db.get<{ n: number }>(sql`select count(*) as n from irritants_fts`)?.n ?? 0;
  let done = 0;
  let after = 0;
  setSecureDelete(db, false);
  try {
    for (;;) {
      const rows = db.all<{ id: number; title: string; body: string }>(
        sql`select i.id, i.title, i.body from (select rowid as id from irritants_fts where rowid > ${after} order by rowid limit ${REINDEX_BATCH}) f
            join irritants i on i.id = f.id order by i.id`,
      );
      if (rows.length === 0) break;
      const vocabulary = activeVocabulary(db);
      const documents = rows.map((row) => searchDocument(row.title, row.body, vocabulary));
      // One short transaction per batch: a server using the database meanwhile waits milliseconds, not the whole run.
      db.transaction((tx) => {
        rows.forEach((row, i) => tx.run(sql`update irritants_fts set text = ${documents[i]} where rowid = ${row.id}`));
      });
      after = rows[rows.length - 1].id;
      done += rows.length;
      yield { done, total: Math.max(done, total) };
    }
    // Merge steps of bounded work, each its own transaction, until the index is one segment without old postings.
    for (;;) {
      const before = totalChanges(db);
      db.run(sql`insert into irritants_fts(irritants_fts, rank) values ('merge', -2000)`);
      if (totalChanges(db) - before <= 1) break;
      yield { done, total: Math.max(done, total) };
    }
  } finally {
    setSecureDelete(db, true);
  }
  return done;
}

const totalChanges = (db: DbOrTx) => db.get<{ n: number }>(sql`select total_changes() as n`)!.n;

function setSecureDelete(db: DbOrTx, on: boolean) {
  // A literal: the setting is refused as a bound parameter.
  db.run(on ? sql`insert into irritants_fts(irritants_fts, rank) values ('secure-delete', 1)` : sql`insert into irritants_fts(irritants_fts, rank) values ('secure-delete', 0)`);
}

/** `reindexBatches` at once (a data migration); `onProgress` after each batch. Returns how many entries were rewritten. */
export function reindexIrritants(db: DbOrTx, onProgress?: (done: number, total: number) => void) {
  const batches = reindexBatches(db);
  for (;;) {
    const next = batches.next();
    if (next.done) return next.value;
    onProgress?.(next.value.done, next.value.total);
  }
}

/**
 * The FTS5 query for a user's words: every stemmed word must appear, the last one as a prefix while it is being
 * typed. Given the database, the last word is matched whole when it is already a word of the index: a prefix query
 * reads the complete lists of every word it covers before the first match (milliseconds for common words at national
 * scale), a whole word is read only as far as needed.
 */
export function allWordsQuery(text: string, db?: DbOrTx): string | null {
  const vocabulary = db ? activeVocabulary(db) : undefined;
  const tokens = [...new Set(searchTerms(text, vocabulary))].slice(0, 12);
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1];
  const prefix = !db || (documentFrequencies(db, [last]).get(last) ?? 0) === 0;
  return tokens
    .map((t, i) => {
      const own = i === tokens.length - 1 && prefix ? `"${t}"*` : `"${t}"`;
      const concepts = conceptsContaining(t, vocabulary);
      return concepts.length ? `(${[own, ...concepts.map((c) => `"${c}"`)].join(" OR ")})` : own;
    })
    .join(" AND ");
}

// Document frequencies are read from an fts5vocab table over the index (temporary, per connection) and cached: they
// weigh a text's words by rarity, so a value some minutes old is as good as a fresh one, unless the index has grown
// much since: a young database doubles in minutes (the evaluation files a hundred irritants in seconds), and a count
// cached when a word was in two irritants would make it look rare long after it is in twenty. A cached count is
// therefore read again after the TTL (rare words only, below) or once the index has grown by a twentieth.
const FREQUENCY_TTL_MS = 10 * 60_000;
const FREQUENCY_CACHE_LIMIT = 50_000;
const FREQUENCY_GROWTH = 0.05;
// Counting a word's irritants reads its whole list: 100 to 200 ms for a common word at a million irritants, in the
// request that finds the count stale. A word in this many irritants is therefore not read again when the TTL passes,
// only once the index has grown by a twentieth: in ten minutes its count cannot move enough to change a ranking, and
// re-reading every common word each ten minutes is a suspect of filing's multi-second stalls (issue 21). Rarer words
// are cheap to re-read.
const FREQUENCY_STABLE = 1_000;
const frequencyCaches = new WeakMap<
  object,
  { lookup: (term: string) => number; size: () => number; cache: Map<string, { df: number; at: number; size: number }> }
>();

/** Drops the `count` entries cached first (a Map keeps insertion order), rather than the whole cache at once. */
function evictOldest(cache: Map<string, unknown>, count: number) {
  for (const key of cache.keys()) {
    if (count-- <= 0) break;
    cache.delete(key);
  }
}

/** How many indexed irritants contain each stemmed term. */
function documentFrequencies(db: DbOrTx, terms: string[]): Map<string, number> {
  const client = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  let entry = frequencyCaches.get(client);
  if (!entry) {
    client.exec("create virtual table if not exists temp.irritants_fts_terms using fts5vocab(main, 'irritants_fts', 'row')");
    const statement = client.prepare("select doc from temp.irritants_fts_terms where term = ?");
    const highest = client.prepare("select max(rowid) as n from irritants_fts");
    entry = {
      lookup: (term) => (statement.get(term) as { doc: number } | undefined)?.doc ?? 0,
      size: () => (highest.get() as { n: number | null }).n ?? 0,
      cache: new Map(),
    };
    frequencyCaches.set(client, entry);
  }
  const now = Date.now();
  const size = entry.size();
  const result = new Map<string, number>();
  for (const term of terms) {
    const cached = entry.cache.get(term);
    if (cached && (cached.df >= FREQUENCY_STABLE || now - cached.at <= FREQUENCY_TTL_MS) && size - cached.size <= Math.max(1, cached.size * FREQUENCY_GROWTH)) {
      result.set(term, cached.df);
      continue;
    }
    const df = entry.lookup(term);
    // A word not indexed yet may be in the next irritant: only the frequencies of known words are kept.
    if (df > 0) {
      if (entry.cache.size >= FREQUENCY_CACHE_LIMIT) evictOldest(entry.cache, FREQUENCY_CACHE_LIMIT / 10);
      entry.cache.set(term, { df, at: now, size });
    } else entry.cache.delete(term);
    result.set(term, df);
  }
  return result;
}

// Candidate generation stays bounded at national scale: BM25 is computed for every irritant holding one of the chosen
// words, so the words are taken rarest first while their lists add up to at most this many entries.
// Measured at 100,000 irritants on the shared machine: BM25 costs about 8 µs per matching entry (20,000: 55–120 ms
// per look-up; 4,000: up to 55 ms; 1,000: 12–20 ms).
const CANDIDATE_POSTINGS_BUDGET = 1_000;
const CANDIDATE_TERMS = 12;

/**
 * The FTS5 query selecting the candidates of similarity, and whether they are to be ranked by BM25. Normally the OR of
 * the text's terms (concepts after folding, stems), rarest first, within `CANDIDATE_POSTINGS_BUDGET`: every irritant,
 * however old, sharing a distinctive term can be a candidate, the best by BM25 first. When even the rarest term is
 * too common to rank its whole list in time, the irritants holding the two or three rarest terms together are taken,
 * newest first (no ranking), as before issue 19.
 */
export function similarityQuery(db: DbOrTx, text: string, excluded?: ExcludedEntry): { match: string; ranked: boolean } | null {
  const terms = [...new Set(searchTerms(text, activeVocabulary(db)))].slice(0, 60);
  if (terms.length === 0) return null;
  const df = withoutEntry(documentFrequencies(db, terms), excluded);
  const known = terms.filter((t) => (df.get(t) ?? 0) > 0).sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  if (known.length === 0) return null;
  const quote = (t: string) => `"${t}"`;
  if (df.get(known[0])! > CANDIDATE_POSTINGS_BUDGET) return { match: known.slice(0, 3).map(quote).join(" AND "), ranked: false };
  const chosen: string[] = [];
  let postings = 0;
  for (const t of known) {
    if (chosen.length >= CANDIDATE_TERMS || postings + df.get(t)! > CANDIDATE_POSTINGS_BUDGET) break;
    chosen.push(t);
    postings += df.get(t)!;
  }
  return { match: chosen.map(quote).join(" OR "), ranked: true };
}

/**
 * An irritant left out of the index's statistics: the team's duplicate panel compares an irritant already indexed with
 * the others exactly as filing compares a text not yet indexed. Without this, the irritant's own words all look rare
 * (it alone holds many of them), take every candidate slot, and find nothing but itself.
 */
export type ExcludedEntry = { id: number; terms: ReadonlySet<string> };

/** The indexed terms of one irritant, to leave it out of the statistics (none when its text was erased). */
export function indexedEntry(db: DbOrTx, id: number): ExcludedEntry {
  const row = db.get<{ text: string } | undefined>(sql`select text from irritants_fts where rowid = ${id}`);
  return { id, terms: new Set(row ? row.text.split(" ").filter(Boolean) : []) };
}

function withoutEntry(df: Map<string, number>, excluded: ExcludedEntry | undefined) {
  if (!excluded?.terms.size) return df;
  return new Map([...df].map(([t, n]) => [t, excluded.terms.has(t) ? Math.max(0, n - 1) : n] as const));
}

/** Roughly how many irritants the index holds (its highest id): weighs terms by rarity, needs no exact count. */
function indexSize(db: DbOrTx) {
  return Math.max(1, db.get<{ n: number | null }>(sql`select max(rowid) as n from irritants_fts`)?.n ?? 1);
}

/** Character trigrams of a word, padded, for typo tolerance ("ordonance" / "ordonnance"). */
function trigrams(word: string) {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function trigramSimilarity(a: Set<string>, b: Set<string>) {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// A concept of the field's vocabulary (a group's token) weighs this many times its rarity: two texts naming the same
// thing in different words (CR / compte rendu, MES / DMP) share little else. Chosen on the dev half of the labelled
// set (docs/similar-evaluation.md). Weight 2 looked better on dev but lost recall on the frozen half (decision 019),
// so the weight validated on 2026-12-04 stays.
const CONCEPT_WEIGHT = 1;
const isConcept = (term: string) => term.startsWith("syn0");

// A word of the text absent from a candidate counts as the candidate's closest word when their trigrams are this alike
// (one typo in a word of eight letters or more), with that similarity as its weight.
const TYPO_SIMILARITY = 0.7;
const TYPO_MIN_LENGTH = 6;

/**
 * Re-ranks full-text candidates by a soft cosine of their terms (concepts after folding, stems): each term weighs by
 * its rarity in the whole index (log-scaled tf × idf, saturating: `rarity.ts`), so shared concepts and rare words count, common ones little; a
 * term of the text missing from a candidate is matched to the candidate's closest term by character trigrams, so a
 * typo still counts. Returns scores in [0, 1], best first, with what the decision to show a candidate reads
 * (`similarity-acceptance.ts`): how much of the query and of the candidate the shared terms cover, the rarity of the
 * rarest shared term, how many terms are shared, the lengths' ratio, the concepts of the vocabulary both or only the
 * candidate name.
 */
export function rerankBySimilarity<T extends { id: number; title: string; body: string; indexed?: string }>(
  db: DbOrTx,
  text: string,
  candidates: T[],
  excluded?: ExcludedEntry,
) {
  const vocabulary = activeVocabulary(db);
  const queryTf = termFrequencies(searchTerms(text, vocabulary));
  const docs = candidates.map((c) => {
    // The indexed text, when the caller read it from the index, holds the same terms (title twice, then body).
    if (c.indexed !== undefined) return { candidate: c, tf: termFrequencies(c.indexed.split(" ").filter(Boolean)) };
    const titleTerms = searchTerms(c.title, vocabulary);
    return { candidate: c, tf: termFrequencies([...titleTerms, ...titleTerms, ...searchTerms(c.body, vocabulary)]) };
  });
  const terms = new Set(queryTf.keys());
  for (const d of docs) for (const t of d.tf.keys()) terms.add(t);
  const df = withoutEntry(documentFrequencies(db, [...terms]), excluded);
  const n = excluded?.terms.size ? Math.max(1, indexSize(db) - 1) : indexSize(db);
  const idf = (t: string) => rarity(n, df.get(t) ?? 0) * (isConcept(t) ? CONCEPT_WEIGHT : 1);
  const highestIdf = rarity(n, 0);
  const weigh = (tf: Map<string, number>) => new Map([...tf].map(([t, v]) => [t, (1 + Math.log(v)) * idf(t)] as const));
  const squares = (w: Map<string, number>) => [...w.values()].reduce((sum, v) => sum + v * v, 0);
  const queryConcepts = [...queryTf.keys()].filter(isConcept);
  const query = weigh(queryTf);
  const querySquares = squares(query);
  const queryNorm = Math.sqrt(querySquares);
  const gramsOf = new Map<string, Set<string>>();
  const cachedTrigrams = (t: string) => gramsOf.get(t) ?? gramsOf.set(t, trigrams(t)).get(t)!;
  const fuzzy = [...query.keys()].filter((t) => t.length >= TYPO_MIN_LENGTH && !/[0-9]/.test(t)).map((t) => [t, trigrams(t)] as const);
  const ranked = docs
    .map((d) => {
      const weights = weigh(d.tf);
      let dot = 0;
      let queryCovered = 0;
      let candidateCovered = 0;
      let shared = 0;
      let rarityTotal = 0;
      for (const [t, w] of query) {
        const other = weights.get(t);
        if (!other) continue;
        dot += w * other;
        queryCovered += w * w;
        candidateCovered += other * other;
        shared++;
        rarityTotal += idf(t);
      }
      for (const [t, grams] of fuzzy) {
        if (weights.has(t)) continue;
        let best = 0;
        let bestWeight = 0;
        for (const [u, w] of weights) {
          if (u.length < TYPO_MIN_LENGTH - 1 || /[0-9]/.test(u) || Math.abs(u.length - t.length) > 2) continue;
          const similarity = trigramSimilarity(grams, cachedTrigrams(u));
          if (similarity > best) [best, bestWeight] = [similarity, w];
        }
        if (best >= TYPO_SIMILARITY) {
          dot += best * Math.min(query.get(t)!, bestWeight) * bestWeight;
          queryCovered += best * query.get(t)! ** 2;
          candidateCovered += best * bestWeight ** 2;
          shared++;
        }
      }
      const candidateSquares = squares(weights);
      const score = queryNorm && dot ? dot / (queryNorm * Math.sqrt(candidateSquares)) : 0;
      return {
        ...d.candidate,
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        queryCoverage: querySquares ? Math.min(1, queryCovered / querySquares) : 0,
        candidateCoverage: candidateSquares ? Math.min(1, candidateCovered / candidateSquares) : 0,
        sharedRarity: shared ? Math.max(0, rarityTotal) / shared / highestIdf : 0,
        sharedTerms: shared,
        lengthRatio: Math.abs(Math.log(Math.max(1, d.tf.size) / Math.max(1, queryTf.size))),
        ...conceptOverlap(queryConcepts, d.tf),
      };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id);
  return withRankFeatures(ranked);
}

/** The concepts of the field's vocabulary a query and a candidate share, and those the candidate names alone. */
function conceptOverlap(queryConcepts: string[], candidate: Map<string, number>) {
  const sharedConcepts = queryConcepts.filter((t) => candidate.has(t)).length;
  let candidateConcepts = 0;
  for (const t of candidate.keys()) if (isConcept(t)) candidateConcepts++;
  return {
    sharedConcepts,
    conceptShare: queryConcepts.length ? sharedConcepts / queryConcepts.length : 0,
    missingConcepts: candidateConcepts - sharedConcepts,
  };
}

function termFrequencies(tokens: string[]) {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}
