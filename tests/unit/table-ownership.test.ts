import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import capabilityLayers from "../../capability-layers.json";

/**
 * Tables follow ownership (decision 017): `db/schema/<capability>.ts` holds the tables of that capability, and a
 * capability's SQL uses its own tables and those of the capabilities below it. A read of a table owned by a capability
 * in the same or a higher layer is a dependency the import rules cannot see; today's are listed below, each may only be
 * removed, never added. The events outbox (`db/schema/events.ts`) belongs to app/lib and is written by everyone.
 * Seen through drizzle's table objects imported from #db/schema; a table named only inside a raw SQL string is not.
 */
const KNOWN_READS_ACROSS = [
  "action-plan -> irritants (actions link irritants and themes)",
  "indicators -> irritants (an indicator may be broken down by theme)",
  "irritants -> tickets (the irritant page's vendor answers)",
  "notifications -> irritants (who follows what an event is about)",
  "notifications -> progress (a progress update's followers)",
  "notifications -> tickets (a ticket's irritant's followers)",
  "privacy -> seminars (a person's registrations, erased with them)",
  "vendors -> accounts (vendors are organisations)",
  "action-plan -> accounts (the lead organisation of an action)",
];

const SCHEMA_DIR = path.resolve("db/schema");
const MODULES_DIR = path.resolve("app/modules");
const layerOf = new Map(capabilityLayers.layers.flatMap((layer, i) => layer.map((capability) => [capability, i] as const)));

function tableOwners() {
  const owners = new Map<string, string>();
  for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
    const owner = file.replace(/\.ts$/, "");
    for (const match of fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8").matchAll(/export const (\w+) = sqliteTable\(/g)) owners.set(match[1], owner);
  }
  return owners;
}

function schemaImports(file: string) {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"#db\/schema"/g)].flatMap((m) =>
    m[1]
      .split(",")
      .map((name) => name.trim().replace(/^type\s+/, ""))
      .filter(Boolean),
  );
}

function readsAcross() {
  const owners = tableOwners();
  const found = new Set<string>();
  for (const capability of fs.readdirSync(MODULES_DIR)) {
    const dir = path.join(MODULES_DIR, capability);
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f))) {
      for (const table of schemaImports(path.join(dir, file))) {
        const owner = owners.get(table);
        if (!owner || owner === capability || owner === "events") continue;
        const ownerLayer = layerOf.get(owner);
        const ownLayer = layerOf.get(capability);
        if (ownerLayer === undefined || ownLayer === undefined || ownerLayer >= ownLayer) found.add(`${capability} -> ${owner}`);
      }
    }
  }
  return found;
}

describe("table ownership", () => {
  it("knows every capability's layer and every schema file's owner", () => {
    const owners = new Set(tableOwners().values());
    expect(owners.size).toBeGreaterThan(8);
    for (const owner of owners) if (owner !== "events") expect(layerOf.has(owner), `${owner} is in capability-layers.json`).toBe(true);
    for (const capability of fs.readdirSync(MODULES_DIR)) expect(layerOf.has(capability), `${capability} is in capability-layers.json`).toBe(true);
  });

  it("reads tables of the same or a higher layer only where listed (the list only shrinks)", () => {
    const known = new Set(KNOWN_READS_ACROSS.map((entry) => entry.replace(/\s*\(.*\)$/, "")));
    expect([...readsAcross()].sort()).toEqual([...known].sort());
  });
});
