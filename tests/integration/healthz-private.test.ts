import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

// HEALTHZ_DETAILS off (the default): /healthz says whether the server answers, and nothing of its load or memory.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it("/healthz keeps the render cache's fill and the process's memory to itself by default", async () => {
  await (await fetch(`${server.url}/a-propos`)).arrayBuffer();
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  for (const name of ["x-render-cache", "x-memory", "x-memory-peak"]) expect(response.headers.get(name), name).toBeNull();
});
