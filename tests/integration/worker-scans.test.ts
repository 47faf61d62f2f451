/**
 * The notification worker runs inside the server every two seconds: a statement of its tick that reads a whole table
 * growing with the irritants blocks every request for as long as the table takes to read (a sweep of hidden irritants'
 * files read the million irritants on each tick). Every statement of a tick — the hourly retention pass included, which
 * runs on the first tick — must find its rows through an index: a plain scan of a growing table fails, a scan of a
 * partial index (only the rows the sweep is about) is allowed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateIrritant } from "~/modules/irritants/index.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { loadDemoData } from "~/seed/demo.server";
import { startDeliveryLoop } from "~/worker.server";
import { createTestDatabase } from "../support/database";
import { DEMO_EMAILS, demoUser } from "../support/demo";
import { capturePlans, scansOfGrowingTables } from "../support/queries";

const database = createTestDatabase();
beforeAll(async () => {
  await loadDemoData();
});
afterAll(() => database.close());

/** One tick of the worker, as the server runs it (the first tick also runs the hourly retention pass). */
async function oneTick() {
  return capturePlans(database.db, () => startDeliveryLoop(3_600_000)());
}

describe("the worker's tick reads no growing table whole", () => {
  it("the first tick (retention pass included) and the next ones use indexes", async () => {
    const first = await oneTick();
    expect(first.length).toBeGreaterThan(5);
    expect(scansOfGrowingTables(database.db, first)).toEqual([]);
    const next = await oneTick();
    expect(scansOfGrowingTables(database.db, next)).toEqual([]);
  });

  it("the retention pass that erases an irritant hidden over a year ago finds the messages citing it through indexes", async () => {
    const sql = database.db.$client;
    const irritantId = sql.prepare("select id from irritants where hidden_at is null order by id desc limit 1").pluck().get() as number;
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    sql.prepare("update irritants set hidden_at = ?, hidden_reason = 'test' where id = ?").run(longAgo, irritantId);
    const plans = await capturePlans(database.db, () => applyRetention(365));
    expect(sql.prepare("select body from irritants where id = ?").pluck().get(irritantId)).toBe("");
    // The erasure's own statements ran (the messages citing the irritant were looked for).
    expect(plans.some((p) => /notifications/.test(p.sql)) && plans.some((p) => /outbox_emails/.test(p.sql))).toBe(true);
    expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
  });

  it("an irritant hidden after the worker started still loses its files on a later tick", async () => {
    const sql = database.db.$client;
    const irritantId = sql.prepare("select id from irritants where hidden_at is null order by id limit 1").pluck().get() as number;
    const uploader = demoUser(DEMO_EMAILS.practitioner).id;
    const sha256 = "a".repeat(64);
    const dir = path.join(path.dirname(database.file), "attachments");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${sha256}.png`), "png");
    const attachmentId = sql
      .prepare("insert into attachments (owner_kind, owner_id, irritant_id, uploader_id, status, sha256, width, height) values ('irritant', ?, ?, ?, 'approved', ?, 1, 1) returning id")
      .pluck()
      .get(irritantId, irritantId, uploader, sha256) as number;
    // A running worker (ticks every 50 ms) has swept once already; the irritant is hidden after that, through the
    // module as the API's PATCH does (the team's page removes the files itself): a later tick must find it.
    const stop = startDeliveryLoop(50);
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      updateIrritant(demoUser(DEMO_EMAILS.team), irritantId, { hidden: { reason: "Données de patient" } });
      const gone = () => sql.prepare("select count(*) from attachments where id = ?").pluck().get(attachmentId) === 0;
      for (let waited = 0; !gone() && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(gone()).toBe(true);
    } finally {
      stop();
    }
    expect(fs.existsSync(path.join(dir, `${sha256}.png`))).toBe(false);
  });
});
