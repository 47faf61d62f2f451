/**
 * `npm test`: finds (or installs) Chromium for the browser tests, builds the app, checks with knip that no file,
 * export or dependency is unused (configuration in knip.json), checks the dependency rules with dependency-cruiser,
 * typechecks, then runs every Vitest suite — unit, integration
 * and browser.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error("Chromium is needed for the browser tests and was not found.\nInstall it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROMIUM_PATH to an existing Chromium binary.");
    process.exit(1);
  }
  console.log("Chromium not found: installing Debian's chromium package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const installed = findChromium();
  if (!installed) {
    console.error("apt-get finished but no Chromium binary was found at /usr/bin/chromium.");
    process.exit(1);
  }
  return installed;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const chromium = ensureChromium();
run("npx", ["remix", "vite:build"]);
// Dead code fails the run: knip exits non-zero on any unused file, export or dependency.
run("npx", ["knip", "--no-progress"]);
// Architecture rules (.dependency-cruiser.cjs): no cycle, no upward arrow, no deep import into another capability.
run("npm", ["run", "--silent", "lint:deps"]);
// The event catalogue's exhaustiveness (audit labels for now) is checked by the compiler.
run("npx", ["tsc", "--noEmit"]);
run("npx", ["vitest", "run", ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium });
