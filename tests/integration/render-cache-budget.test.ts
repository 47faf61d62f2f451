import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderCache, type RenderCache } from "../../render-cache";
import { createTestDatabase } from "../support/database";

/**
 * The render cache stays within its byte budget, counting every stored variant (identity, gzip, brotli), and evicts
 * the least recently used pages to do so (decision 033). A small Express app in front of canned public pages.
 */
const BUDGET = 400_000;
let url: string;
let cache: RenderCache;
let close: () => Promise<void>;

/** A page that does not compress to nothing: each path gets its own pseudo-random text. */
function pageFor(path: string) {
  let seed = [...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const words = Array.from({ length: 3000 }, () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed % 100000).toString(36);
  });
  return `<!doctype html><html><body><p>${words.join(" ")}</p></body></html>`;
}

beforeAll(async () => {
  const database = createTestDatabase();
  cache = createRenderCache({ maxBytes: BUDGET, maxAgeMs: 60_000, hostOf: (req) => req.get("host") });
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = "n0nce";
    next();
  });
  app.use(cache.middleware);
  app.get("*", async (req, res) => {
    if (await cache.fill(req, res, new Response(pageFor(req.path), { headers: { "Content-Type": "text/html; charset=utf-8" } }))) return;
    res.status(500).end();
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => (database.close(), resolve())));
});
afterAll(() => close());

const xCache = async (path: string) => {
  const response = await fetch(url + path);
  await response.arrayBuffer();
  return response.headers.get("x-cache");
};

describe("render cache budget", () => {
  it("counts each entry's three bodies against the budget", async () => {
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0, maxBytes: BUDGET });
    expect(await xCache("/signalements/1")).toBe("miss");
    const body = Buffer.from(pageFor("/signalements/1"));
    const gzip = gzipSync(body, { level: 6 }).length;
    const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }).length;
    const { entries, bytes } = cache.stats();
    expect(entries).toBe(1);
    expect(bytes).toBeGreaterThanOrEqual(body.length + gzip + br);
    // Headers, key and the allowance for the objects: a few kilobytes at most.
    expect(bytes).toBeLessThan(body.length + gzip + br + 4096);
  });

  it("evicts the least recently used pages to stay within the budget", async () => {
    const perEntry = cache.stats().bytes;
    const fits = Math.floor(BUDGET / perEntry);
    expect(fits).toBeGreaterThan(3);
    for (let id = 2; id <= fits + 5; id++) {
      expect(await xCache(`/signalements/${id}`)).toBe("miss");
      // Page 2 is read again each time, so it stays among the most recently used.
      if (id > 2) expect(await xCache("/signalements/2")).toBe("hit");
      expect(cache.stats().bytes).toBeLessThanOrEqual(BUDGET);
    }
    const { entries, bytes } = cache.stats();
    // Pages differ by a few bytes once compressed: about as many as fit, and fewer than were filled.
    expect(entries).toBeLessThanOrEqual(fits + 1);
    expect(entries).toBeGreaterThanOrEqual(fits - 2);
    expect(entries).toBeLessThan(fits + 4);
    expect(bytes).toBeGreaterThan(BUDGET - 2 * perEntry);
    // The first page, never read again, was evicted; the page read all along was not.
    expect(await xCache("/signalements/1")).toBe("miss");
    expect(await xCache("/signalements/2")).toBe("hit");
  });
});
