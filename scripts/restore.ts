/**
 * `npm run restore -- <file> [--force]`: replaces the database named by DATABASE_URL with a checked backup, then
 * brings its schema up to date, and puts the backup's attached files (`<file>.attachments/`) in place. Stop the server first.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { restoreAttachments, restoreDatabase, checkDatabaseFile } from "../db/backup";
import { openDatabase, runMigrations } from "../db/client";
import { getEnv } from "../app/lib/env.server";

const args = process.argv.slice(2);
const backup = args.find((a) => !a.startsWith("--"));
if (!backup) {
  console.error("Usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}
const target = getEnv().DATABASE_URL;
const journal = path.join(path.dirname(fileURLToPath(import.meta.url)), "../db/migrations/meta/_journal.json");
const knownMigrations = (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: unknown[] }).entries.length;
try {
  restoreDatabase(backup, target, knownMigrations, { force: args.includes("--force") });
  const db = openDatabase(target);
  runMigrations(db);
  db.$client.close();
  const after = checkDatabaseFile(target);
  if (!after.ok) throw new Error(`the restored database failed its checks: ${after.problems.join("; ")}`);
  const files = restoreAttachments(backup, target);
  console.log(`Restored ${backup} into ${target}: ${after.irritants} irritants, checks passed; ${files} attached files.`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
