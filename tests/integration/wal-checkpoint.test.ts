import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, runMigrations, scheduleWalCheckpoints, type Db } from "#db/client";

const opened: { db: Db; dir: string; stop: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { db, dir, stop } of opened.splice(0)) {
    await stop();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A database file through the real migrations, with a scratch table to write to. */
function database(schedule?: Parameters<typeof scheduleWalCheckpoints>[1]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-wal-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  runMigrations(db);
  db.$client.exec("create table scratch (id integer primary key, body text not null)");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  const stop = schedule ? scheduleWalCheckpoints(db, schedule) : () => Promise.resolve();
  opened.push({ db, dir, stop });
  const insert = db.$client.prepare("insert into scratch (body) values (?)");
  const size = (suffix = "") => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0);
  /** `count` commits of one row each, as requests commit; returns the largest WAL file seen. */
  const write = (count: number) => {
    let largest = 0;
    for (let i = 0; i < count; i++) {
      insert.run(`${i} `.repeat(400));
      if (i % 25 === 0) largest = Math.max(largest, size("-wal"));
    }
    return Math.max(largest, size("-wal"));
  };
  return { write, walSize: () => size("-wal"), fileSize: () => size(), stop };
}

const CAP = 512 * 1024;

/** Blocks this thread (as a long request would) until `done()` or `ms` pass; true when `done()` came first. */
function busyUntil(done: () => boolean, ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) if (done()) return true;
  return false;
}

describe("WAL checkpoints beside the request thread", () => {
  it("brings the WAL file back under its cap after thousands of commits without an idle moment", async () => {
    const capped = database({ capBytes: CAP, intervalMs: 20 });
    capped.write(3000);
    // During the burst the bound is soft: commits made while the thread's checkpoint is under way cannot checkpoint,
    // and how far they go past the cap depends on how the machine schedules the thread (decision 035; a loaded CI saw
    // 1.4 MiB), so it is not asserted. What is: once the thread has copied the WAL, the next commit starts it again and
    // cuts the file back to the cap.
    const end = performance.now() + 5000;
    while (capped.walSize() > CAP && performance.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      capped.write(1);
    }
    expect(capped.walSize()).toBeLessThanOrEqual(CAP);
    // SQLite's default (1,000 pages, no size limit) lets the same writes grow the WAL far past the cap, and keeps it.
    const unscheduled = database();
    expect(unscheduled.write(3000)).toBeGreaterThan(3 * CAP);
    unscheduled.write(1);
    expect(unscheduled.walSize()).toBeGreaterThan(3 * CAP);
  });

  it("copies the WAL into the database file while the request thread is busy, and no commit checkpoints", () => {
    const { write, fileSize, walSize } = database({ capBytes: 64 * 1024 * 1024, intervalMs: 20 });
    const before = fileSize();
    write(300);
    expect(walSize()).toBeGreaterThan(300 * 1200);
    // This thread never yields: neither a timer of its own nor a commit (far under the cap) can have copied the rows.
    expect(busyUntil(() => fileSize() > before + 300 * 1200, 5000)).toBe(true);
    // The copy may still be under way when the file has grown: wait until it has stopped growing for 200 ms.
    let size = fileSize();
    let stableSince = performance.now();
    busyUntil(() => {
      if (fileSize() !== size) (size = fileSize()), (stableSince = performance.now());
      return performance.now() - stableSince > 200;
    }, 3000);
    // Wholly copied: the next commit starts the WAL again from its beginning instead of appending (which would double it).
    const walAfterCheckpoint = walSize();
    write(300);
    expect(walSize()).toBeLessThan(walAfterCheckpoint * 1.2);
  });

  it("stops its thread when asked, leaving SQLite's own checkpoint under the cap", async () => {
    const { write, fileSize, walSize, stop } = database({ capBytes: CAP, intervalMs: 20 });
    await stop();
    const before = fileSize();
    // Each commit adds at least one page to the WAL: 50 stay under the 96 frames of three quarters of the cap.
    write(50);
    // Nothing copies the rows now that the thread is stopped…
    expect(busyUntil(() => fileSize() > before, 300)).toBe(false);
    // …until the WAL reaches the cap, where the commit that crosses it checkpoints.
    expect(write(3000)).toBeLessThanOrEqual(CAP);
    expect(fileSize()).toBeGreaterThan(before + 2000 * 1200);
    expect(walSize()).toBeLessThanOrEqual(CAP);
  });
});
