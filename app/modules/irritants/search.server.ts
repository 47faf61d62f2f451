import { sql } from "drizzle-orm";
import type { DbOrTx } from "#db/client";
import { searchTerms } from "./vocabulary-synonyms";

/**
 * The text an irritant is indexed under: its search terms (folded words, the field's synonyms folded to concepts,
 * stemmed). The title is written twice: it says what the problem is, so it weighs more in ranking. Also used by the
 * scale seed, so both index the same way.
 */
export function searchDocument(title: string, body: string) {
  const folded = searchTerms(title).join(" ");
  return `${folded} ${folded} ${searchTerms(body).join(" ")}`;
}

/** Takes an irritant out of the search index (its text was erased). */
export function unindexIrritant(tx: DbOrTx, irritantId: number) {
  tx.run(sql`delete from irritants_fts where rowid = ${irritantId}`);
}

/** Writes (or rewrites) an irritant's entry in the full-text index, in the caller's transaction. */
export function indexIrritant(tx: DbOrTx, irritant: { id: number; title: string; body: string }) {
  tx.run(sql`delete from irritants_fts where rowid = ${irritant.id}`);
  tx.run(sql`insert into irritants_fts(rowid, text) values (${irritant.id}, ${searchDocument(irritant.title, irritant.body)})`);
}

const REINDEX_BATCH = 2_000;

/**
 * Rewrites every entry of the full-text index from its irritant's current title and body, after the vocabulary or the
 * stemmer changed (a data migration, or `npm run reindex`). Only irritants already indexed are rewritten: one whose
 * text was erased stays out. Reads the index in rowid order by batches, so memory stays flat at national scale.
 */
export function reindexIrritants(db: DbOrTx, onProgress?: (done: number, total: number) => void) {
  const total = db.get<{ n: number }>(sql`select count(*) as n from irritants_fts`)?.n ?? 0;
  let done = 0;
  let after = 0;
  for (;;) {
    const rows = db.all<{ id: number; title: string; body: string }>(
      sql`select i.id, i.title, i.body from (select rowid as id from irritants_fts where rowid > ${after} order by rowid limit ${REINDEX_BATCH}) f
          join irritants i on i.id = f.id order by i.id`,
    );
    if (rows.length === 0) break;
    // One short transaction per batch: a server using the database meanwhile waits milliseconds, not the whole run.
    db.transaction((tx) => {
      for (const row of rows) tx.run(sql`update irritants_fts set text = ${searchDocument(row.title, row.body)} where rowid = ${row.id}`);
    });
    after = rows[rows.length - 1].id;
    done += rows.length;
    onProgress?.(done, total);
  }
  return done;
}

/**
 * The FTS5 query for a user's words: every stemmed word must appear, the last one as a prefix while it is being
 * typed. Given the database, the last word is matched whole when it is already a word of the index: a prefix query
 * reads the complete lists of every word it covers before the first match (milliseconds for common words at national
 * scale), a whole word is read only as far as needed.
 */
export function allWordsQuery(text: string, db?: DbOrTx): string | null {
  const tokens = [...new Set(searchTerms(text))].slice(0, 12);
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1];
  const prefix = !db || (documentFrequencies(db, [last]).get(last) ?? 0) === 0;
  return tokens.map((t, i) => (i === tokens.length - 1 && prefix ? `"${t}"*` : `"${t}"`)).join(" AND ");
}

// Document frequencies are read from an fts5vocab table over the index (temporary, per connection) and cached: they
// only order a text's words by rarity, so a value some minutes old is as good as a fresh one.
const FREQUENCY_TTL_MS = 10 * 60_000;
const FREQUENCY_CACHE_LIMIT = 50_000;
const frequencyCaches = new WeakMap<object, { lookup: (term: string) => number; cache: Map<string, { df: number; at: number }> }>();

/** How many indexed irritants contain each stemmed term. */
function documentFrequencies(db: DbOrTx, terms: string[]): Map<string, number> {
  const client = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  let entry = frequencyCaches.get(client);
  if (!entry) {
    client.exec("create virtual table if not exists temp.irritants_fts_terms using fts5vocab(main, 'irritants_fts', 'row')");
    const statement = client.prepare("select doc from temp.irritants_fts_terms where term = ?");
    entry = { lookup: (term) => (statement.get(term) as { doc: number } | undefined)?.doc ?? 0, cache: new Map() };
    frequencyCaches.set(client, entry);
  }
  const now = Date.now();
  const result = new Map<string, number>();
  for (const term of terms) {
    const cached = entry.cache.get(term);
    if (cached && now - cached.at <= FREQUENCY_TTL_MS) {
      result.set(term, cached.df);
      continue;
    }
    const df = entry.lookup(term);
    // A word not indexed yet may be in the next irritant: only the frequencies of known words are kept.
    if (df > 0) {
      if (entry.cache.size >= FREQUENCY_CACHE_LIMIT) entry.cache.clear();
      entry.cache.set(term, { df, at: now });
    } else entry.cache.delete(term);
    result.set(term, df);
  }
  return result;
}

/**
 * FTS5 queries for the candidates of similarity, most selective first: the text's most distinctive words (the rarest
 * in the index, up to four), first any two of them together, then any one of them. Ranking every irritant that shares
 * one common word with the text (BM25 over hundreds of thousands of matches at national scale) took seconds; the
 * candidates are re-ranked by `rerankBySimilarity` anyway.
 */
export function similarityQueries(db: DbOrTx, text: string): string[] {
  const tokens = [...new Set(searchTerms(text))].slice(0, 40);
  if (tokens.length === 0) return [];
  const df = documentFrequencies(db, tokens);
  const distinctive = tokens
    .filter((t) => (df.get(t) ?? 0) > 0)
    .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
    .slice(0, 4);
  if (distinctive.length === 0) return [];
  const any = distinctive.map((t) => `"${t}"`).join(" OR ");
  if (distinctive.length === 1) return [any];
  const pairs: string[] = [];
  for (let i = 0; i < distinctive.length; i++) for (let j = i + 1; j < distinctive.length; j++) pairs.push(`("${distinctive[i]}" AND "${distinctive[j]}")`);
  return [pairs.join(" OR "), any];
}

function termFrequencies(tokens: string[]) {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function cosine(a: Map<string, number>, b: Map<string, number>, weight: (t: string) => number) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    const w = weight(t);
    na += (v * w) ** 2;
    const other = b.get(t);
    if (other) dot += v * w * other * w;
  }
  for (const [t, v] of b) nb += (v * weight(t)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Re-ranks full-text candidates by cosine similarity of their stemmed words, weighting rare
 * words (within the candidate set) higher, so "l'INSi ne répond pas" finds "échec du téléservice INS".
 * Returns scores in [0, 1], best first.
 */
export function rerankBySimilarity<T extends { id: number; title: string; body: string; indexed?: string }>(text: string, candidates: T[]) {
  const query = termFrequencies(searchTerms(text));
  const docs = candidates.map((c) => {
    // The indexed text, when the caller read it from the index, holds the same words (title twice, then body).
    if (c.indexed !== undefined) return { candidate: c, tf: termFrequencies(c.indexed.split(" ").filter(Boolean)) };
    const titleTokens = searchTerms(c.title);
    return { candidate: c, tf: termFrequencies([...titleTokens, ...titleTokens, ...searchTerms(c.body)]) };
  });
  const documentFrequency = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (1 + (documentFrequency.get(t) ?? 0)));
  return docs
    .map((d) => ({ ...d.candidate, score: Math.round(cosine(query, d.tf, idf) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || b.id - a.id);
}
