import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "3" } });
});
afterAll(() => server.close());

describe("rate limits", () => {
  it("stops sign-in attempts past the limit with 429, in French", async () => {
    const attempt = () =>
      fetch(`${server.url}/connexion`, {
        method: "POST",
        body: new URLSearchParams({ email: "medecin@demo.sentinelle.fr", password: "devinette" }),
        headers: { Accept: "text/html" },
        redirect: "manual",
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await blocked.text()).toContain("Trop de tentatives");
  });

  it("limits the token endpoint with the API error shape", async () => {
    const attempt = () =>
      fetch(`${server.url}/api/v1/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "personne@exemple.fr", password: "devinette" }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await blocked.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("leaves reading pages unlimited", async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/connexion`)).status).toBe(200);
  });
});
