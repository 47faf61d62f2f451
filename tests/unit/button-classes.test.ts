import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Buttons are DSFR buttons (`fr-btn`, decision 020). A class of our own that no style sheet defines leaves a bare,
// unstyled button: « btn btn-secondary » shipped that way on six forms before this test.
const appDir = path.resolve("app");
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx$/.test(e.name) ? [path.join(dir, e.name)] : []));
const styleSheets = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? styleSheets(path.join(dir, e.name)) : e.name.endsWith(".css") ? [path.join(dir, e.name)] : []));

describe("button classes", () => {
  it("uses only button classes a style sheet defines", () => {
    const css = styleSheets(appDir).map((file) => fs.readFileSync(file, "utf8")).join("\n");
    const undefinedClasses = sources(appDir).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/className="([^"]*)"/g)]
        .flatMap((m) => m[1].split(/\s+/))
        .filter((token) => /^btn(-|$)/.test(token) && !new RegExp(`\\.${token}(?![\\w-])`).test(css))
        .map((token) => `${path.relative(appDir, file)}: ${token}`),
    );
    expect(undefinedClasses).toEqual([]);
  });
});
