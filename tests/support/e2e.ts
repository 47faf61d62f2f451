import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { listenPscTestProvider, type PscTestProvider } from "./psc-provider";
import { startTestServer, type TestServer } from "./server";

/**
 * One server (fresh database with demo data) and one Chromium for a browser test file.
 * With `psc: true`, a Pro Santé Connect test provider on loopback too, and the server configured to use it.
 */
export function useServerAndBrowser({ psc = false }: { psc?: boolean } = {}) {
  const ctx = {} as { server: TestServer; browser: Browser; psc: PscTestProvider };
  beforeAll(async () => {
    const provider = psc ? await listenPscTestProvider() : undefined;
    [ctx.server, ctx.browser] = await Promise.all([startTestServer({ env: provider?.env ?? {} }), launchBrowser()]);
    if (provider) {
      provider.start(ctx.server.url);
      ctx.psc = provider;
    }
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    await ctx.psc?.close();
  });
  return ctx;
}
