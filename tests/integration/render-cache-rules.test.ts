import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderCache } from "../../render-cache";
import { createTestDatabase } from "../support/database";

/**
 * What the render cache keeps, on a small Express app in front of canned responses (the application's pages never
 * send these answers to an anonymous visitor on a public path, so the real server cannot show it).
 */
let url: string;
let close: () => Promise<void>;
let answer: () => Response;
let nonce = "";

beforeAll(async () => {
  const database = createTestDatabase();
  const cache = createRenderCache({ maxBytes: 1024 * 1024, maxAgeMs: 60_000, hostOf: (req) => req.get("host") });
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = nonce = `nonce${Math.random().toString(36).slice(2)}`;
    res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}'`);
    next();
  });
  app.use(cache.middleware);
  app.get("*", async (req, res) => {
    const response = answer();
    if (await cache.fill(req, res, response)) return;
    res.status(response.status);
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => (database.close(), resolve())));
});
afterAll(() => close());

const html = (body: string, init: ResponseInit = {}) => () =>
  new Response(`<!doctype html><html><body>${body}<script nonce="${nonce}">console.log(1)</script></body></html>`, { ...init, headers: { "Content-Type": "text/html; charset=utf-8", ...init.headers } });

/** Two requests to a fresh address; returns the second's X-Cache. */
async function twice(path: string) {
  await fetch(url + path);
  return (await fetch(url + path)).headers.get("x-cache");
}

describe("what the render cache keeps", () => {
  it("keeps a plain 200 of a public path", async () => {
    answer = html("ok");
    expect(await twice("/mentions-legales?a=1")).toBe("hit");
  });

  it("never keeps an answer that sets a cookie", async () => {
    answer = html("cookie", { headers: { "Set-Cookie": "x=1; Path=/" } });
    expect(await twice("/mentions-legales?a=2")).toBe("miss");
  });

  it("never keeps a private or no-store answer, nor another status than 200", async () => {
    answer = html("private", { headers: { "Cache-Control": "private" } });
    expect(await twice("/mentions-legales?a=3")).toBe("miss");
    answer = html("no-store", { headers: { "Cache-Control": "no-store" } });
    expect(await twice("/mentions-legales?a=4")).toBe("miss");
    answer = html("created", { status: 201 });
    expect(await twice("/mentions-legales?a=5")).toBe("miss");
  });

  it("never keeps a page in which the response's nonce appears outside the nonce attributes", async () => {
    answer = () => html(`<p data-x="${nonce}">nonce in text</p>`)();
    expect(await twice("/mentions-legales?a=6")).toBe("miss");
  });

  it("never keeps a path that is not public", async () => {
    answer = html("ok");
    expect(await twice("/compte")).toBeNull();
    expect(await twice("/equipe/signalements")).toBeNull();
  });
});
