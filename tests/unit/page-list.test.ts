import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PAGE_FILES, PAGES, pagesOfFile } from "../e2e/page-list";

describe("the page list's split into test files", () => {
  it("checks every page exactly once across the files", () => {
    const slices = Array.from({ length: PAGE_FILES }, (_, i) => pagesOfFile(i + 1));
    const checked = slices.flat();
    expect(checked).toHaveLength(PAGES.length);
    expect(new Set(checked)).toEqual(new Set(PAGES));
    // Balanced within one page, so both workers get a fair share.
    const sizes = slices.map((slice) => slice.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("has one test file per slice, each taking its own", () => {
    const files = fs.readdirSync("tests/e2e").filter((name) => /^pages/.test(name)).sort();
    expect(files).toEqual(Array.from({ length: PAGE_FILES }, (_, i) => `pages-${i + 1}.test.ts`));
    for (const [i, name] of files.entries()) {
      const calls = [...fs.readFileSync(`tests/e2e/${name}`, "utf8").matchAll(/pagesOfFile\((\d+)\)/g)].map((m) => Number(m[1]));
      expect(calls, name).toEqual([i + 1]);
    }
  });

  it("lists each page and account once (screenshot names stay unique)", () => {
    const keys = PAGES.map(({ path, as }) => `${as ?? "visiteur"} ${path}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it("refuses a file number outside 1 … PAGE_FILES", () => {
    expect(() => pagesOfFile(0)).toThrow();
    expect(() => pagesOfFile(PAGE_FILES + 1)).toThrow();
  });
});
