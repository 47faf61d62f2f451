import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../root";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A drizzle transaction handle; synchronous, as better-sqlite3 transactions are. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: what module functions that write accept. */
export type DbOrTx = Db | Tx;

const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, "db/migrations");

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable across application crashes (only an OS crash can lose the last commit).
  sqlite.pragma("synchronous = NORMAL");
  // Deleted and overwritten content is zeroed instead of left in free space: erased texts, drafts and accounts
  // must not be readable from the file or a copy of it. A per-connection setting, so every connection sets it.
  sqlite.pragma("secure_delete = ON");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Copies the WAL into the database file and empties it, after an erasure: until then the WAL holds the pages as
 * they were before, erased content included. Best effort: a reader in another process (the worker) can keep part
 * of the WAL from being emptied; the next checkpoint finishes the job.
 */
export function checkpointAfterErasure(db: Db) {
  if (db.$client.memory) return;
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
}

/**
 * The checkpointer's thread: its own connection to the database file, a passive checkpoint every `intervalMs`. It
 * loads nothing but better-sqlite3, so it stays small (decision 035).
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const sqlite = new Database(workerData.file, { fileMustExist: true });
sqlite.pragma("busy_timeout = 1000");
let failures = 0;
const timer = setInterval(() => {
  try {
    sqlite.pragma("wal_checkpoint(PASSIVE)");
    failures = 0;
  } catch (error) {
    if (failures++ === 0) parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  sqlite.close();
  parentPort.close();
});
`;

/**
 * Checkpoints the write-ahead log beside the request thread, never inside request commits. By default SQLite copies
 * the WAL into the database file inside the commit that takes it past 1,000 pages, and that request (with every
 * request queued behind it) waits for the copy and its sync; a checkpoint run by the request thread between requests
 * still stops the event loop for its duration (10 to 30 ms, sometimes 170, under filing load). Here a worker thread
 * with its own connection runs a passive checkpoint every `intervalMs`: it copies what the WAL holds while requests
 * go on, and the next commit restarts the WAL from its beginning once it is wholly copied. SQLite's own in-commit
 * checkpoint stays as a backstop, at three quarters of `capBytes` (the checkpointer stopped, or a reader in another process holding old
 * frames); the WAL file is truncated back to `capBytes` when it restarts. Returns a function that stops the thread
 * (its promise settles once the thread has closed its connection).
 */
export function scheduleWalCheckpoints(db: Db, { capBytes, intervalMs = 100 }: { capBytes: number; intervalMs?: number }) {
  const sqlite = db.$client;
  if (sqlite.memory) return () => Promise.resolve();
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  // Each frame of the WAL is a page and a 24-byte header; the commit that crosses the threshold adds its own frames
  // before it checkpoints, hence a quarter of margin.
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(16, Math.floor((0.75 * capBytes) / (pageSize + 24)))}`);
  sqlite.pragma(`journal_size_limit = ${capBytes}`);
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file: sqlite.name, driver: createRequire(import.meta.url).resolve("better-sqlite3"), intervalMs },
    // A passive checkpoint needs almost no JavaScript memory: the heap stays a few MiB.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  worker.on("message", (message: { error?: string }) => {
    if (message.error) console.error(`WAL checkpoint failed; it will be retried. ${message.error}`);
  });
  worker.on("error", (error) => console.error("The WAL checkpointer stopped; SQLite checkpoints inside commits from now on.", error));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return () => {
    worker.postMessage("stop");
    return exited;
  };
}

export function runMigrations(db: Db, folder = MIGRATIONS_FOLDER) {
  migrate(db, { migrationsFolder: folder });
  // Planner statistics for tables whose indexes changed (or never analysed): without them a new index can look more
  // selective than it is and be preferred to the right one. Cheap when nothing changed (sampled, with a row limit).
  db.$client.pragma("optimize=0x10002");
}

// One connection per process, shared by the server entry and the Remix bundle
// (they are separate module graphs, so a module-level variable would not be shared).
const globalForDb = globalThis as unknown as { __sentinelleDb?: Db };

export function setDb(db: Db | undefined) {
  globalForDb.__sentinelleDb = db;
}

export function getDb(): Db {
  const db = globalForDb.__sentinelleDb;
  if (!db) throw new Error("Database not initialised: call setDb(openDatabase(...)) at start-up");
  return db;
}

/**
 * A query prepared once per connection with drizzle's `.prepare()` (its values as `sql.placeholder`s) and reused:
 * otherwise drizzle builds the SQL text and SQLite compiles it on every call. For the queries that run on every
 * request. `shape` picks a variant whose clauses depend on the arguments (which filters are set, who reads); each
 * variant is prepared once, on first use. Run on the shared connection (`getDb()`), outside transactions.
 */
export function preparedQueries<Shape, Query>(build: (db: Db, shape: Shape) => Query): (shape: Shape) => Query {
  const byConnection = new WeakMap<Db, Map<string, Query>>();
  return (shape) => {
    const db = getDb();
    let queries = byConnection.get(db);
    if (!queries) byConnection.set(db, (queries = new Map()));
    const key = JSON.stringify(shape);
    let query = queries.get(key);
    if (!query) queries.set(key, (query = build(db, shape)));
    return query;
  };
}

/** `preparedQueries` for a query of one shape. */
export function preparedQuery<Query>(build: (db: Db) => Query): () => Query {
  const queries = preparedQueries<null, Query>((db) => build(db));
  return () => queries(null);
}
