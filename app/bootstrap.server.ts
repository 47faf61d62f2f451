import { openDatabase, runMigrations, setDb } from "#db/client";
import { runDataMigrations } from "~/data-migrations.server";
import { isDatabaseEmpty, loadDemoData } from "~/seed/demo.server";
import type { Env } from "~/lib/env.server";
import { connectCapabilities } from "./capabilities.server";

/** Connects the capabilities, opens the database, brings its schema up to date and, when empty, loads the demo data. */
export async function prepareDatabase(env: Env) {
  connectCapabilities();
  const db = openDatabase(env.DATABASE_URL);
  runMigrations(db);
  runDataMigrations(db);
  setDb(db);
  let demoLoaded = false;
  if (env.DEMO_DATA && isDatabaseEmpty()) {
    await loadDemoData();
    demoLoaded = true;
  }
  return { db, demoLoaded };
}
