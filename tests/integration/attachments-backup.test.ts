import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, runMigrations } from "#db/client";
import { runScript } from "../support/process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-attachments-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("backup and restore of attached files", () => {
  it("carries the files beside the database copy and puts them back on restore", async () => {
    const live = path.join(dir, "live", "sentinelle.db");
    fs.mkdirSync(path.dirname(live), { recursive: true });
    const db = openDatabase(live);
    runMigrations(db);
    db.$client.close();
    const files = path.join(dir, "live", "attachments");
    fs.mkdirSync(path.join(files, "pending"), { recursive: true });
    const image = Buffer.from("masked image bytes");
    fs.writeFileSync(path.join(files, "ab12.png"), image);
    fs.writeFileSync(path.join(files, "ab12.thumb.webp"), Buffer.from("thumbnail"));
    fs.writeFileSync(path.join(files, "pending", "7.png"), Buffer.from("waiting"));
    // Held between « Vérifier les doublons » and the submission: not yet masked, no row names it, gone within a day.
    fs.mkdirSync(path.join(files, "held"), { recursive: true });
    fs.writeFileSync(path.join(files, "held", "3-token.png"), Buffer.from("unmasked, held"));
    const env = { DATABASE_URL: live, SESSION_SECRET: "attachments-backup-secret-long-enough-0123456789" };

    const backupFile = path.join(dir, "copies", "backup.db");
    const backup = await runScript("scripts/backup.ts", [backupFile], env);
    expect(backup.code).toBe(0);
    expect(backup.output).toContain("Attached files: 3 copied");
    expect(fs.readFileSync(path.join(`${backupFile}.attachments`, "ab12.png"))).toEqual(image);
    expect(fs.existsSync(path.join(`${backupFile}.attachments`, "held"))).toBe(false);

    const restored = path.join(dir, "restored", "sentinelle.db");
    // A stale file in the target folder does not survive the restore: the folder is the backup's.
    fs.mkdirSync(path.join(dir, "restored", "attachments"), { recursive: true });
    fs.writeFileSync(path.join(dir, "restored", "attachments", "stale.png"), "stale");
    const restore = await runScript("scripts/restore.ts", [backupFile], { ...env, DATABASE_URL: restored });
    expect(restore.output).toContain("3 attached files");
    expect(restore.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "restored", "attachments", "ab12.png"))).toEqual(image);
    expect(fs.existsSync(path.join(dir, "restored", "attachments", "pending", "7.png"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "restored", "attachments", "stale.png"))).toBe(false);
  }, 60_000);
});
