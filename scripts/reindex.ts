/**
 * `npm run reindex`: rewrites the full-text index of the database named by DATABASE_URL from every irritant's title
 * and body with the stored vocabulary (edited on /equipe/vocabulaire), after the vocabulary or the stemmer changed,
 * with a progress bar. The same rebuild as the vocabulary page's button, at once. Safe while the app serves: each
 * batch is its own short transaction, and an entry is always either the old text or the new one.
 */
import { openDatabase, runMigrations } from "#db/client";
import { runDataMigrations } from "../app/data-migrations.server";
import { getEnv } from "../app/lib/env.server";
import { rebuildSearchIndex } from "../app/modules/irritants/index.server";

const file = getEnv().DATABASE_URL;
const db = openDatabase(file);
runMigrations(db);
runDataMigrations(db);
const started = performance.now();
const width = 30;
const count = rebuildSearchIndex(db, (done, total) => {
  if (!process.stderr.isTTY) return;
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  process.stderr.write(`\rReindexing [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(100 * share)} % (${done.toLocaleString("en")}/${total.toLocaleString("en")})`);
});
if (process.stderr.isTTY) process.stderr.write("\n");
db.$client.close();
console.log(`Reindexed ${count.toLocaleString("en")} irritants of ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
