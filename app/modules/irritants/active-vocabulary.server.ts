import type { DbOrTx } from "#db/client";
import { compileVocabulary, type Vocabulary } from "./vocabulary-synonyms";

/**
 * The vocabulary the engine folds with: the team's stored synonym groups (vocabulary.server.ts), compiled once per
 * version of the vocabulary. The version is read at each call (one row by its key), so a change made by any process
 * is used from the next look-up on, and the cache needs no other invalidation.
 */
type Client = import("better-sqlite3").Database;
/** The connection under a database or a transaction (a transaction has no `$client`, its session holds it). */
const clientOf = (db: DbOrTx) => {
  const handle = db as unknown as { $client?: Client; session?: { client: Client } };
  return handle.$client ?? handle.session!.client;
};

const vocabularyCaches = new WeakMap<Client, { version: () => number; cached?: { version: number; vocabulary: Vocabulary } }>();

/** The vocabulary the index is written and searched with: the stored groups, compiled once per version. */
export function activeVocabulary(db: DbOrTx): Vocabulary {
  const client = clientOf(db);
  let entry = vocabularyCaches.get(client);
  if (!entry) {
    const statement = client.prepare("select vocabulary_version as v from search_index_state where id = 1");
    entry = { version: () => (statement.get() as { v: number } | undefined)?.v ?? 0 };
    vocabularyCaches.set(client, entry);
  }
  const version = entry.version();
  if (entry.cached?.version !== version) {
    const rows = client.prepare("select concept, terms from synonym_groups order by id").all() as { concept: string; terms: string }[];
    const vocabulary = compileVocabulary(Object.fromEntries(rows.map((r) => [r.concept, JSON.parse(r.terms) as string[]])));
    entry.cached = { version, vocabulary };
  }
  return entry.cached.vocabulary;
}

