import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, runMigrations, setDb, type Db } from "#db/client";
import { connectCapabilities } from "~/capabilities.server";
import { runDataMigrations } from "~/data-migrations.server";

/** A fresh SQLite file for one test file, built by the real migrations, and set as the app's database (capabilities connected). */
export function createTestDatabase(): { db: Db; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_URL = file;
  process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-0123456789";
  const db = openDatabase(file);
  runMigrations(db);
  runDataMigrations(db);
  setDb(db);
  connectCapabilities();
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      setDb(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
