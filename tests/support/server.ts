import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { loadDemoData } from "~/seed/demo.server";
import { getEnv, resetEnvForTests } from "~/lib/env.server";
import { createApp, loadBuild } from "../../server";
import { createTestDatabase } from "./database";

/** `http`: the listening server itself, for a test that looks at its responses from the inside. */
export type TestServer = { url: string; http: Server; close: () => Promise<void>; database: ReturnType<typeof createTestDatabase> };

/**
 * The real Express app and Remix build on a loopback port, over a fresh database
 * (with the demo data unless `demo: false`). `env` overrides configuration.
 */
export async function startTestServer({ demo = true, env = {} }: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  if (!fs.existsSync(path.resolve("build/server/index.js"))) {
    throw new Error("No build found: run `npm test` (it builds first) or `npm run build`.");
  }
  const database = createTestDatabase();
  Object.assign(process.env, { NODE_ENV: "production", RATE_LIMIT_AUTH_PER_MINUTE: "1000", ...env });
  resetEnvForTests();
  if (demo) await loadDemoData();
  const app = createApp({ build: await loadBuild(), env: getEnv() });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    http: server,
    database,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          database.close();
          resolve();
        });
      }),
  };
}
