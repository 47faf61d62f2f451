/**
 * `npm run surveys:tallies`: rebuilds the incremental tallies of every survey campaign of the database named by
 * DATABASE_URL from its responses (issue 21). The application keeps them as responses are stored and rebuilds a
 * campaign's on its own when their number or newest one disagrees with the tallies; this is for responses changed
 * out of band (the application never edits or deletes one).
 */
import { openDatabase, runMigrations, setDb } from "#db/client";
import { runDataMigrations } from "../app/data-migrations.server";
import { getEnv } from "../app/lib/env.server";
import { rebuildAllTallies } from "../app/modules/surveys/index.server";

const file = getEnv().DATABASE_URL;
const db = openDatabase(file);
runMigrations(db);
runDataMigrations(db);
setDb(db);
const started = performance.now();
const campaigns = rebuildAllTallies();
setDb(undefined);
db.$client.close();
console.log(`Rebuilt the tallies of ${campaigns} campaigns of ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
