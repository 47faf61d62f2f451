import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, runMigrations, scheduleWalCheckpoints, type Db } from "#db/client";

const opened: { db: Db; dir: string; stop: () => void }[] = [];
afterEach(() => {
  for (const { db, dir, stop } of opened.splice(0)) {
    stop();
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
  const stop = schedule ? scheduleWalCheckpoints(db, schedule) : () => undefined;
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
  return { write, walSize: () => size("-wal"), fileSize: () => size() };
}

const CAP = 512 * 1024;

describe("WAL checkpoints outside request commits", () => {
  it("keeps the WAL file under its cap through thousands of commits without an idle moment", () => {
    const capped = database({ capBytes: CAP, idle: () => false });
    expect(capped.write(3000)).toBeLessThanOrEqual(CAP);
    // SQLite's default (1,000 pages) lets the same writes grow the WAL well past the cap.
    const unscheduled = database();
    expect(unscheduled.write(3000)).toBeGreaterThan(CAP);
  });

  it("checkpoints when the server is idle, not inside the commits", async () => {
    let idle = false;
    const { write, fileSize, walSize } = database({ capBytes: 64 * 1024 * 1024, idle: () => idle, intervalMs: 20 });
    const before = fileSize();
    write(300);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Busy: nothing was copied into the database file, the rows are in the WAL.
    expect(fileSize()).toBe(before);
    expect(walSize()).toBeGreaterThan(300 * 1200);
    idle = true;
    await expect.poll(fileSize, { timeout: 2000, interval: 20 }).toBeGreaterThan(before + 300 * 1200);
    // Wholly copied: the next commit starts the WAL again from its beginning instead of appending (which would double it).
    const walAfterCheckpoint = walSize();
    write(300);
    expect(walSize()).toBeLessThan(walAfterCheckpoint * 1.2);
  });
});
