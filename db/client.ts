import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A drizzle transaction handle; synchronous, as better-sqlite3 transactions are. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: what module functions that write accept. */
export type DbOrTx = Db | Tx;

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable across application crashes (only an OS crash can lose the last commit).
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as Db;
}

export function runMigrations(db: Db, folder = MIGRATIONS_FOLDER) {
  migrate(db, { migrationsFolder: folder });
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
