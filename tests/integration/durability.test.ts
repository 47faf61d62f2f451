import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "#db/backup";
import { runScript, startServerProcess, type ServerProcess } from "../support/process";

// Slow by nature (real processes, SIGKILL, restarts), and run in CI like every other test.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-durability-"));
const dbFile = path.join(dir, "live.db");
const env = { DATABASE_URL: dbFile, SESSION_SECRET: "durability-test-secret-long-enough-0123456789", DEMO_DATA: "true", SMTP_URL: "" };
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.stop("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tokenFor(url: string, email: string) {
  const response = await fetch(`${url}/api/v1/tokens`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password: "sentinelle-demo", label: "test" }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** Concurrent submissions until `stop()`; `acknowledged` fills with the ids the server acknowledged (201). */
function startLoad(url: string, token: string, workers = 6) {
  const acknowledged: number[] = [];
  let stop = false;
  let n = 0;
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stop) {
        const i = n++;
        try {
          const response = await fetch(`${url}/api/v1/irritants`, {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ title: `Signalement de charge n°${i}`, body: `Description du signalement envoyé sous charge, numéro ${i}.`, themes: ["mssante"] }),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        } catch {
          // the server died mid-request: not acknowledged
          if (stop) return;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
  return {
    acknowledged,
    stop: async () => {
      stop = true;
      await done;
    },
    /** Resolves once `count` writes are acknowledged, so what follows happens under load. */
    warmed: async (count: number) => {
      while (acknowledged.length < count) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

describe("durability", () => {
  it("keeps every acknowledged submission when the server is killed with SIGKILL under load", async () => {
    const first = await startServerProcess(env);
    running.push(first);
    const token = await tokenFor(first.url, "medecin@demo.sentinelle.fr");
    const load = startLoad(first.url, token);
    await load.warmed(20);
    await first.stop("SIGKILL"); // mid-load: requests are in flight
    await load.stop();
    const acknowledged = load.acknowledged;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThan(5);

    const second = await startServerProcess(env);
    running.push(second);
    const db = new Database(dbFile, { readonly: true });
    const present = new Set((db.prepare("select id from irritants").pluck().all() as number[]));
    db.close();
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    const check = checkDatabaseFile(dbFile);
    expect(check.problems).toEqual([]);
    await second.stop();
  }, 120_000);

  it("takes a consistent backup while the app writes, and restores it", async () => {
    const server = await startServerProcess(env);
    running.push(server);
    const token = await tokenFor(server.url, "patient@demo.sentinelle.fr");
    const backupFile = path.join(dir, "copies", "backup.db");
    const load = startLoad(server.url, token, 4);
    await load.warmed(3);
    const atStart = load.acknowledged.length;
    const result = await runScript("scripts/backup.ts", [backupFile], env);
    // The app kept acknowledging writes while the copy was taken.
    expect(load.acknowledged.length).toBeGreaterThan(atStart);
    await load.stop();
    expect(result.output).toContain("checks passed");
    expect(result.code).toBe(0);
    await server.stop();

    const copy = checkDatabaseFile(backupFile);
    expect(copy.problems).toEqual([]);
    expect(copy.irritants).toBeGreaterThan(0);

    // Restore into another place and serve it.
    const restoredFile = path.join(dir, "restored", "sentinelle.db");
    const restoredEnv = { ...env, DATABASE_URL: restoredFile };
    const restore = await runScript("scripts/restore.ts", [backupFile], restoredEnv);
    expect(restore.output).toContain("checks passed");
    expect(restore.code).toBe(0);
    expect((await runScript("scripts/restore.ts", [backupFile], restoredEnv)).code).toBe(1); // exists: needs --force
    fs.writeFileSync(path.join(dir, "not-a-database.db"), "bonjour");
    const refused = await runScript("scripts/restore.ts", [path.join(dir, "not-a-database.db"), "--force"], restoredEnv);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("failed its checks");
    const restored = await startServerProcess(restoredEnv);
    running.push(restored);
    const figures = (await (await fetch(`${restored.url}/api/v1/progress`)).json()) as { irritants: { received: number } };
    expect(figures.irritants.received).toBe(copy.irritants);
    await restored.stop();
  }, 120_000);
});
