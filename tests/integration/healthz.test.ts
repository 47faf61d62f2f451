import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleMemoryPeak } from "../../server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * With HEALTHZ_DETAILS on (the benchmark's setting), /healthz reports how full the render cache is and the process's
 * memory (decision 033), in headers of counts and bytes only, so that the benchmark can say "with the cache full" and
 * what the memory peak was made of. Off by default: tests/integration/healthz-private.test.ts.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { HEALTHZ_DETAILS: "true" } });
  sampleMemoryPeak(50);
});
afterAll(() => server.close());

const FIELDS = /^[a-z-]+=\d+(; [a-z-]+=\d+)*$/;
const fields = (header: string | null) => Object.fromEntries((header ?? "").split("; ").map((part) => part.split("=")).map(([k, v]) => [k, Number(v)]));

async function health() {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  for (const name of ["x-render-cache", "x-memory", "x-memory-peak"]) expect(response.headers.get(name)).toMatch(FIELDS);
  return { cache: fields(response.headers.get("x-render-cache")), memory: fields(response.headers.get("x-memory")), peak: fields(response.headers.get("x-memory-peak")) };
}

describe("/healthz", () => {
  it("reports the render cache's entries and bytes, which an anonymous public page fills and a signed-in visit does not", async () => {
    const before = (await health()).cache;
    expect(before["max-bytes"]).toBe(32 * 1024 * 1024);
    const cookie = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    await (await fetch(`${server.url}/a-propos`, { headers: { cookie } })).arrayBuffer();
    expect((await health()).cache).toEqual(before);
    const page = await fetch(`${server.url}/a-propos`);
    const length = (await page.arrayBuffer()).byteLength;
    expect(page.headers.get("x-cache")).toBe("miss");
    const after = (await health()).cache;
    expect(after.entries).toBe(before.entries + 1);
    expect(after.bytes - before.bytes).toBeGreaterThan(length);
  });

  it("reports the process's memory now and at its highest resident size", async () => {
    await new Promise((r) => setTimeout(r, 120));
    const { memory, peak } = await health();
    for (const m of [memory, peak]) {
      expect(Object.keys(m).sort()).toEqual(["array-buffers", "external", "heap-total", "heap-used", "rss"]);
      expect(m.rss).toBeGreaterThan(m["heap-used"]);
      expect(m["heap-total"]).toBeGreaterThanOrEqual(m["heap-used"]);
      expect(m.external).toBeGreaterThanOrEqual(m["array-buffers"]);
    }
    expect(peak.rss).toBeGreaterThan(0);
  });
});
