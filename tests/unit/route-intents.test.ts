import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { intentsOf } from "~/lib/intents";

/**
 * A route's `INTENTS` is a zod-free literal (so a browser bundle never carries the action's schema for it); the
 * permission matrix posts every intent it lists. Held here to the action's schema (`ACTION_SCHEMA`): the same intents,
 * in the same order, so an intent the action accepts cannot escape the matrix.
 */
const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = fs.readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));

async function routesWith(name: string) {
  const found: { file: string; module: Record<string, unknown> }[] = [];
  for (const file of routeFiles) {
    if (!fs.readFileSync(path.join(ROUTES_DIR, file), "utf8").includes(name)) continue;
    found.push({ file, module: (await import(path.join(ROUTES_DIR, file))) as Record<string, unknown> });
  }
  return found;
}

describe("route intents", () => {
  it("every route's INTENTS equals the intents its ACTION_SCHEMA accepts", async () => {
    const routes = await routesWith("INTENTS");
    expect(routes.length).toBeGreaterThan(20);
    const mismatches = routes.flatMap(({ file, module }) => {
      const schema = module.ACTION_SCHEMA;
      if (!(schema instanceof z.ZodDiscriminatedUnion)) return [`${file}: exports INTENTS but no intent-union ACTION_SCHEMA`];
      const accepted = intentsOf(schema as Parameters<typeof intentsOf>[0]);
      return JSON.stringify(module.INTENTS) === JSON.stringify(accepted) ? [] : [`${file}: INTENTS ${JSON.stringify(module.INTENTS)} ≠ schema ${JSON.stringify(accepted)}`];
    });
    expect(mismatches).toEqual([]);
  });

  it("every route with an ACTION_SCHEMA on intents declares its INTENTS", async () => {
    const missing = (await routesWith("ACTION_SCHEMA"))
      .filter(({ module }) => module.ACTION_SCHEMA instanceof z.ZodDiscriminatedUnion && !Array.isArray(module.INTENTS))
      .map(({ file }) => file);
    expect(missing).toEqual([]);
  });

  it("INTENTS is plain data, not computed from a schema", () => {
    // The browser build keeps a route's exports' initialisers; a literal array has none that pulls zod in.
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
      const declaration = source.split("\n").find((line) => line.startsWith("export const INTENTS"));
      if (declaration) expect(declaration, file).toMatch(/^export const INTENTS = \[("[\w-]+"(, )?)*\] as const;$/);
    }
  });
});
