/**
 * `npm run worker`: delivers notifications from the events log, for deployments that run it apart from the
 * web server. It resumes from its stored cursor.
 */
import { prepareDatabase } from "../app/bootstrap.server";
import { getEnv } from "../app/lib/env.server";
import { startDeliveryLoop } from "../app/worker.server";
import { getDb, scheduleWalCheckpoints } from "../db/client";

const env = getEnv();
await prepareDatabase({ ...env, DEMO_DATA: false });
// The worker's own writes are checkpointed beside its loop too.
const stopCheckpoints = scheduleWalCheckpoints(getDb(), { capBytes: env.WAL_CAP_BYTES });
const stop = startDeliveryLoop();
console.log("Notification worker running.");
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => (stop(), stopCheckpoints(), process.exit(0)));
