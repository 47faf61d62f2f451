import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Who may do what lives in one table (app/lib/permissions.ts), asked with `can()`. A raw comparison of a role in a
 * route, module or component would be a rule the permission matrix and the table cannot see: this guard refuses it.
 */
const ROOT = path.resolve("app");
const RAW_ROLE_CHECK = /\brole\s*[!=]==?|\brequireRole\s*\(/;
const ALLOWED = new Set([path.join("lib", "permissions.ts")]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("role comparisons", () => {
  it("finds the app sources", () => {
    expect(sources(ROOT).length).toBeGreaterThan(100);
  });

  it("go through the permission table: no raw `role ===` / `role !==` / requireRole outside it", () => {
    const offenders = sources(ROOT)
      .filter((file) => !ALLOWED.has(path.relative(ROOT, file)))
      .flatMap((file) =>
        fs
          .readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (RAW_ROLE_CHECK.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
