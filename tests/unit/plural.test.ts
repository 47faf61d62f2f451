import { describe, expect, it } from "vitest";
import { counted, plural } from "~/lib/text/plural";

describe("plural", () => {
  it("uses the singular for 0 and 1, as French does", () => {
    expect(plural(0, "signalement", "signalements")).toBe("signalement");
    expect(plural(1, "signalement", "signalements")).toBe("signalement");
  });

  it("uses the plural from 2 on", () => {
    expect(plural(2, "signalement", "signalements")).toBe("signalements");
    expect(plural(1000, "point", "points")).toBe("points");
  });

  it("keeps fractions under 2 singular", () => {
    expect(plural(1.5, "jour", "jours")).toBe("jour");
  });
});

describe("counted", () => {
  it("puts the count before the agreeing phrase", () => {
    expect(counted(1, "signalement", "signalements")).toBe("1 signalement");
    expect(counted(6, "signalement publié", "signalements publiés")).toBe("6 signalements publiés");
    expect(counted(0, "action réalisée", "actions réalisées")).toBe("0 action réalisée");
  });
});

// Matcher tables: constants that list what a reader types or an OCR reads (« Né(e) le »), not interface text. Each
// entry names a file and the constant declared on one line there; the test checks the entry still exists.
const MATCHER_TABLES: Record<string, readonly string[]> = {
  "modules/attachments/cover.ts": ["BIRTH_WORDS"],
};
const declares = (line: string, names: readonly string[]) => names.some((name) => new RegExp(`^\\s*(export\\s+)?const\\s+${name}\\b`).test(line));

describe("the interface's words", () => {
  // a lowercase word (not a method call: no dot or capital before it) followed by "(s)" and then prose
  const pattern = /(?<![\p{L}\w.$])\p{Ll}+\((?:s|e|es|x|ne)\)s?(?=[ ,:!?'"`<}\u00a0]|$)(?! =>| \|\|| &&| \?)/u;

  it("never writes a plural as « (s) », « (e)s » or « (x) »", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const files = (readdirSync("app", { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f));
    const offenders = files.flatMap((f) =>
      readFileSync(join("app", f), "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => pattern.test(line) && !/^\s*(\/\/|\*)/.test(line) && !/\/\/.*\(s\)/.test(line))
        .filter(({ line }) => !declares(line, MATCHER_TABLES[f.split("\\").join("/")] ?? []))
        .map(({ line, i }) => `${f}:${i + 1}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("exempts only the matcher tables it lists, each still declared where it says", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    for (const [file, names] of Object.entries(MATCHER_TABLES)) {
      const lines = readFileSync(join("app", file), "utf8").split("\n");
      for (const name of names) expect(lines.some((line) => declares(line, [name])), `${file}: ${name}`).toBe(true);
    }
    // The exemption is by declaration, not by file: the same spelling elsewhere in the file is still caught.
    const elsewhere = 'const LABEL = "ne(e) le";';
    expect(pattern.test(elsewhere)).toBe(true);
    expect(declares(elsewhere, MATCHER_TABLES["modules/attachments/cover.ts"])).toBe(false);
  });

  it("never glues a plural ending on with a ternary (« signalement{n > 1 ? \"s\" : \"\"} », « point${n > 1 ? \"s\" : \"\"} »)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const files = (readdirSync("app", { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f));
    // a ternary on a count whose branches are an ending and nothing ("s" : "", "" : "s", "nt" : "", "x" : "")
    const suffixTernary = /\?\s*(["'`])(?:s|x|es|e|nt|ent)\1\s*:\s*(["'`])\2|\?\s*(["'`])\3\s*:\s*(["'`])(?:s|x|es|e|nt|ent)\4/;
    // a count compared with 1 choosing between a singular and a plural word (`n > 1 ? "sont" : "est"`)
    const countTernary = /(?:>\s*1|[=!]==\s*1|<\s*2|>=\s*2)\s*\?\s*(["'`])[\p{L} ]+\1\s*:\s*(["'`])[\p{L} ]+\2/u;
    const offenders = files.flatMap((f) =>
      readFileSync(join("app", f), "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => (suffixTernary.test(line) || countTernary.test(line)) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ line, i }) => `${f}:${i + 1}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
