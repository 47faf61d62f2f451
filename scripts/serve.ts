import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../app/seed/demo.server";
import { prepareDatabase } from "../app/bootstrap.server";
import { EnvError, getEnv } from "../app/lib/env.server";
import { getDb, scheduleWalCheckpoints } from "../db/client";
import { createApp, loadBuild, sampleMemoryPeak } from "../server";
import { startDeliveryLoop } from "../app/worker.server";

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (env.sessionSecretGenerated) {
    console.warn("⚠ SESSION_SECRET is not set: using a generated secret kept beside the database. Set it in deployments.");
  }
  const { demoLoaded } = await prepareDatabase(env);
  // The WAL is checkpointed by a thread beside the requests, not inside their commits (up to WAL_CAP_BYTES).
  scheduleWalCheckpoints(getDb(), { capBytes: env.WAL_CAP_BYTES });
  // Notifications are delivered inside the server process unless a separate worker does it.
  if (env.NOTIFICATIONS_IN_PROCESS) startDeliveryLoop();
  // What the memory peak is made of, reported by /healthz (decision 033).
  sampleMemoryPeak();
  const app = createApp({ build: await loadBuild(), env });
  const server = app.listen(env.PORT, () => {
    const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    console.log(`Sentinelle is serving ${url} (database: ${env.DATABASE_URL})`);
    if (env.DEMO_DATA) {
      console.log(demoLoaded ? "Demo data loaded into the empty database." : "Database already holds data; demo data not reloaded.");
      console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(13)} ${a.email}`);
    }
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
