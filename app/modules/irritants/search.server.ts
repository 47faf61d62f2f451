import { sql } from "drizzle-orm";
import type { DbOrTx } from "#db/client";
import { searchableText, stemmedTokens } from "./text";

/**
 * The text an irritant is indexed under: folded, stemmed words. The title is written twice: it says what the
 * problem is, so it weighs more in ranking. Also used by the scale seed, so both index the same way.
 */
export function searchDocument(title: string, body: string) {
  const folded = searchableText(title);
  return `${folded} ${folded} ${searchableText(body)}`;
}

/** Writes (or rewrites) an irritant's entry in the full-text index, in the caller's transaction. */
export function indexIrritant(tx: DbOrTx, irritant: { id: number; title: string; body: string }) {
  tx.run(sql`delete from irritants_fts where rowid = ${irritant.id}`);
  tx.run(sql`insert into irritants_fts(rowid, text) values (${irritant.id}, ${searchDocument(irritant.title, irritant.body)})`);
}

/** The FTS5 query for a user's words: every stemmed word must appear (prefix match on the last one). */
export function allWordsQuery(text: string): string | null {
  const tokens = [...new Set(stemmedTokens(text))].slice(0, 12);
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => (i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(" AND ");
}

/** The FTS5 query for candidates of similarity: any stemmed word may appear. */
export function anyWordQuery(text: string): string | null {
  const tokens = [...new Set(stemmedTokens(text))].slice(0, 40);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"`).join(" OR ");
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
export function rerankBySimilarity<T extends { id: number; title: string; body: string }>(text: string, candidates: T[]) {
  const query = termFrequencies(stemmedTokens(text));
  const docs = candidates.map((c) => {
    const titleTokens = stemmedTokens(c.title);
    return { candidate: c, tf: termFrequencies([...titleTokens, ...titleTokens, ...stemmedTokens(c.body)]) };
  });
  const documentFrequency = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (1 + (documentFrequency.get(t) ?? 0)));
  return docs
    .map((d) => ({ ...d.candidate, score: Math.round(cosine(query, d.tf, idf) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || b.id - a.id);
}
