import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 18's budget: a public page's JavaScript stays under 100 kB compressed. Measured on the build the tests serve,
 * from Remix's browser manifest: the entry, the root and the route, with every chunk they import (what the page's
 * HTML preloads). `npm run bench` prints the same sum fetched over HTTP.
 */
const BUDGET_BYTES = 100_000;

/** The routes an anonymous visitor reads (the render cache's pages). */
const PUBLIC_ROUTES = [
  "routes/_index",
  "routes/signalements._index",
  "routes/signalements.$id",
  "routes/plan-action._index",
  "routes/plan-action.$id",
  "routes/avancement._index",
  "routes/avancement.donnees",
  "routes/avancement.editeurs",
  "routes/avancement.indicateurs",
  "routes/avancement.themes.$slug",
  "routes/points-etape._index",
  "routes/points-etape.$slug",
  "routes/resultats._index",
  "routes/resultats.$slug",
  "routes/seminaires._index",
  "routes/seminaires.$slug",
  "routes/reglementation._index",
  "routes/reglementation.$slug",
  "routes/enquetes._index",
  "routes/mentions-legales",
  "routes/accessibilite",
  "routes/donnees-personnelles",
  "routes/plan-du-site",
  "routes/a-propos",
];

/**
 * Known misses, each with its size when listed; this list may only shrink. (Empty since the public irritant page loads
 * the signed-in reader's forms, with Conform and zod, only for a signed-in reader: app/components/irritant-forms.tsx.)
 */
const KNOWN_OVER_BUDGET: Record<string, string> = {};

type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> };

let manifest: Manifest;
const clientDir = path.resolve("build/client");

function gzipSize(asset: string) {
  return zlib.gzipSync(fs.readFileSync(path.join(clientDir, asset))).length;
}

function pageJavaScript(routeId: string) {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`No route ${routeId} in the build`);
  const root = manifest.routes.root;
  const assets = new Set([manifest.entry.module, ...manifest.entry.imports, root.module, ...(root.imports ?? []), route.module, ...(route.imports ?? [])]);
  return [...assets].reduce((sum, asset) => sum + gzipSize(asset), 0);
}

beforeAll(() => {
  if (!fs.existsSync(path.join(clientDir, "assets"))) throw new Error("No build found: run `npm test` (it builds first) or `npm run build`.");
  const file = fs.readdirSync(path.join(clientDir, "assets")).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) throw new Error("No Remix browser manifest in build/client/assets");
  const sandbox: { window: { __remixManifest?: Manifest } } = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(clientDir, "assets", file), "utf8"), sandbox);
  manifest = sandbox.window.__remixManifest!;
});

describe("public pages' JavaScript", () => {
  it.each(PUBLIC_ROUTES.filter((id) => !(id in KNOWN_OVER_BUDGET)))("%s stays under 100 kB compressed", (routeId) => {
    expect(pageJavaScript(routeId)).toBeLessThan(BUDGET_BYTES);
  });

  it("lists as over budget only pages that are", () => {
    for (const routeId of Object.keys(KNOWN_OVER_BUDGET)) expect(pageJavaScript(routeId), routeId).toBeGreaterThanOrEqual(BUDGET_BYTES);
  });

  it("keeps zod out of the public lists' bundles", () => {
    // Filter forms and route INTENTS once pulled Conform and zod into /signalements and /plan-action (INTENTS is now a literal).
    for (const routeId of ["routes/signalements._index", "routes/plan-action._index", "routes/avancement.themes.$slug"]) {
      const route = manifest.routes[routeId];
      const code = [route.module, ...(route.imports ?? [])].map((asset) => fs.readFileSync(path.join(clientDir, asset), "utf8")).join("\n");
      expect(code, routeId).not.toMatch(/discriminatedUnion|ZodError/);
    }
  });
});
