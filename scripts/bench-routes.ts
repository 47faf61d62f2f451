/**
 * `npm run bench:routes -- [--rounds 7] [--iterations 300]`
 *
 * CPU time of Remix's route matching (`matchRoutes` of @remix-run/router) over the application's route tree, with the
 * installed router (patched: decision 030) and with the same router without the patch (the patch reversed into a
 * temporary copy), both loaded in this process and measured in alternating rounds so that they share the machine's
 * load. Two cases:
 * - "same tree": the routes array Remix's request handler and static handler keep for the server's lifetime
 *   (matchServerRoutes, staticHandler.query) — the patch keeps its ranked branches;
 * - "new tree": a tree built for one request, as the document render builds one (createServerRoutes, then
 *   createStaticRouter) — the branches are computed again, only compiled patterns are reused.
 * Prints the median CPU microseconds per match (over the sample paths) and the ratio unpatched / patched.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { appRouteTree, SAMPLE_PATHS, type RouteNode } from "./bench/route-tree";

type MatchRoutes = (routes: RouteNode[], location: string) => { route: RouteNode }[] | null;

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

function option(name: string, fallback: number) {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number.`);
  return Math.round(value);
}

/** The installed router, and a copy of it with the patch reversed. */
function loadRouters(): { patched: MatchRoutes; unpatched: MatchRoutes } {
  const installed = path.dirname(require.resolve("@remix-run/router/package.json"));
  const version = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).version;
  const patchFile = path.join(root, "patches", `@remix-run+router+${version}.patch`);
  if (!fs.existsSync(patchFile)) throw new Error(`No patch for @remix-run/router ${version} (${patchFile}).`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "router-unpatched-"));
  const copy = path.join(tmp, "node_modules", "@remix-run", "router");
  fs.cpSync(installed, copy, { recursive: true });
  const reversed = spawnSync("patch", ["-R", "-p1", "-s", "-d", tmp, "-i", patchFile], { encoding: "utf8" });
  if (reversed.status !== 0) throw new Error(`Could not reverse the patch (is it applied? npm ci applies it):\n${reversed.stdout}${reversed.stderr}`);
  const patched = require(path.join(installed, "dist", "router.cjs.js")).matchRoutes as MatchRoutes;
  const unpatched = require(path.join(copy, "dist", "router.cjs.js")).matchRoutes as MatchRoutes;
  fs.rmSync(tmp, { recursive: true, force: true });
  return { patched, unpatched };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** CPU microseconds per match: every sample path matched once per tree, over `trees`. */
function measure(matchRoutes: MatchRoutes, trees: RouteNode[][]): number {
  const start = process.cpuUsage();
  let matched = 0;
  for (const tree of trees) for (const p of SAMPLE_PATHS) if (matchRoutes(tree, p)) matched++;
  const used = process.cpuUsage(start);
  if (matched !== trees.length * SAMPLE_PATHS.length) throw new Error("A sample path matched no route.");
  return (used.user + used.system) / matched;
}

function main() {
  const rounds = option("--rounds", 7);
  const iterations = option("--iterations", 300);
  const { patched, unpatched } = loadRouters();
  const routeCount = (nodes: RouteNode[]): number => nodes.reduce((n, r) => n + 1 + routeCount(r.children ?? []), 0);
  const sameTree = appRouteTree();
  const results = { same: { patched: [] as number[], unpatched: [] as number[] }, fresh: { patched: [] as number[], unpatched: [] as number[] } };
  // Warm both implementations up (JIT) before the measured rounds.
  measure(patched, Array.from({ length: 20 }, () => sameTree));
  measure(unpatched, Array.from({ length: 20 }, () => sameTree));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["patched", "unpatched"] as const) : (["unpatched", "patched"] as const);
    for (const which of order) {
      const fn = which === "patched" ? patched : unpatched;
      results.same[which].push(measure(fn, Array.from({ length: iterations }, () => sameTree)));
      const freshTrees = Array.from({ length: Math.max(1, Math.round(iterations / 5)) }, () => appRouteTree());
      results.fresh[which].push(measure(fn, freshTrees));
    }
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`Route matching over ${routeCount(sameTree)} routes, ${SAMPLE_PATHS.length} sample paths, ${rounds} rounds (load average ${load}, ${os.cpus().length} cores)`);
  console.log("| case | unpatched µs/match | patched µs/match | unpatched / patched |");
  console.log("|---|---:|---:|---:|");
  for (const [label, r] of [["same tree (request handler, static handler)", results.same], ["new tree per request (document render)", results.fresh]] as const) {
    const u = median(r.unpatched);
    const p = median(r.patched);
    console.log(`| ${label} | ${u.toFixed(1)} | ${p.toFixed(1)} | ${(u / p).toFixed(1)} |`);
  }
}

main();
