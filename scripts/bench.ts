/**
 * `npm run bench -- [--db FILE] [--irritants N] [--json FILE] [--duration 10] [--sequential 5] [--warmup 2] [--only TEXT]`
 *
 * Starts the built application (build/node/serve.js, as `npm start` does) on a database seeded at scale, and in the same
 * run a bare page of the same framework (a one-route Remix app doing one indexed query, scripts/bench/bare), loads
 * both with autocannon and prints, per page or endpoint: the median latency with one connection (sequential
 * requests), requests per second and p50/p99 latency at 50 connections, the throughput ratio to the bare page, and
 * errors; then the server's peak memory, the compressed JavaScript of each public page and the database size.
 * See docs/performance.md for what each figure means and the targets.
 */
import { benchAttachmentMasking } from "./bench/attachments";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { openDatabase, setDb } from "#db/client";
import { createApiToken } from "../app/modules/accounts/index.server";
import { DEMO_PASSWORD } from "../app/seed/demo.server";

const DEMO_TEAM_EMAIL = "equipe@demo.sentinelle.fr";

const root = path.resolve(import.meta.dirname, "..");

// --- Options ---------------------------------------------------------------------------------------------------

type Options = { db: string; irritants?: number; json?: string; duration: number; sequential: number; warmup: number; connections: number; port: number; growth?: number[]; only?: string };

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: npm run bench -- [--db data/scale.db] [--irritants N] [--json FILE] [--duration 10] [--sequential 5] [--warmup 2] [--connections 50] [--port 3401] [--only TEXT]");
  console.error("       (--only TEXT: only the rows whose name contains TEXT, and neither the JavaScript sizes, the attachment analysis nor the cache fill)");
  console.error("       npm run bench -- --growth [--sizes 100000,1000000,3000000] [--json FILE] [--duration 10] [--sequential 5] [--warmup 2] [--connections 50]");
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const options: Options = { db: process.env.DATABASE_URL || "data/scale.db", duration: 10, sequential: 5, warmup: 2, connections: 50, port: 3401 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i] ?? usage(`${arg} needs a value.`);
    const number = () => {
      const v = Number(next());
      if (!Number.isFinite(v) || v <= 0) usage(`${arg} needs a positive number.`);
      return v;
    };
    if (arg === "--db") options.db = next();
    else if (arg === "--irritants") options.irritants = Math.round(number());
    else if (arg === "--json") options.json = next();
    else if (arg === "--duration") options.duration = number();
    else if (arg === "--sequential") options.sequential = number();
    else if (arg === "--warmup") options.warmup = number();
    else if (arg === "--connections") options.connections = Math.round(number());
    else if (arg === "--port") options.port = Math.round(number());
    else if (arg === "--only") options.only = next();
    else if (arg === "--growth") options.growth ??= [...GROWTH_SIZES];
    else if (arg === "--sizes") {
      const sizes = next().split(",").map(Number);
      if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) usage("--sizes needs at least two positive whole numbers, comma-separated.");
      options.growth = sizes;
    } else if (arg === "--help" || arg === "-h") usage();
    else usage(`Unknown option ${arg}.`);
  }
  return options;
}

/** The sizes `--growth` measures (issue 21), in irritants. */
const GROWTH_SIZES = [100_000, 1_000_000, 3_000_000];

// --- What is measured ------------------------------------------------------------------------------------------

const SEARCH_PAGE = "compte rendu biologie";
const SEARCH_API = "lenteur Ségur";
const SIMILAR_TEXT = "Depuis la mise à jour, l'envoi du VSM au DMP échoue et le logiciel se fige";

/**
 * `body`: a fixed JSON body (look-ups); a POST without one files a new irritant each time. `cache`: a public page asked
 * anonymously is served by the render cache ("hit", checked after the warm-up); "rendered" sends a cookie (any cookie
 * bypasses the cache, as a signed-in visitor's does), so the page is rendered on every request as before the cache.
 * `ratioTarget`: the throughput the issue asks for, as a share of the bare page's (issue 21).
 */
type Target = { name: string; path: string; method?: "GET" | "POST"; body?: unknown; publicPage?: boolean; cache?: "hit" | "rendered"; team?: boolean; vendor?: boolean; medianLimitMs: number; ratioTarget: number };

const PUBLIC_PAGES: [string, string][] = [
  ["/", "/"],
  ["/signalements", "/signalements"],
  ["/signalements?theme=mssante", "/signalements?theme=mssante"],
  [`/signalements?q=${SEARCH_PAGE}`, `/signalements?q=${encodeURIComponent(SEARCH_PAGE)}`],
  ["/plan-action", "/plan-action"],
  ["/avancement", "/avancement"],
];

const TARGETS: Target[] = [
  ...PUBLIC_PAGES.flatMap(([name, pagePath]): Target[] => [
    { name: `${name} (cache hit)`, path: pagePath, publicPage: true, cache: "hit", medianLimitMs: 20, ratioTarget: 2 },
    { name: `${name} (rendered)`, path: pagePath, cache: "rendered", medianLimitMs: 20, ratioTarget: 0.5 },
  ]),
  { name: "/api/v1/irritants?theme=mssante", path: "/api/v1/irritants?theme=mssante", medianLimitMs: 20, ratioTarget: 0.8 },
  { name: `/api/v1/irritants?q=${SEARCH_API}`, path: `/api/v1/irritants?q=${encodeURIComponent(SEARCH_API)}`, medianLimitMs: 20, ratioTarget: 0.8 },
  // Draft text goes in the body, never in the URL (GET answers 405).
  { name: "POST /api/v1/irritants/similar", path: "/api/v1/irritants/similar", method: "POST", body: { text: SIMILAR_TEXT }, medianLimitMs: 50, ratioTarget: 0.8 },
  { name: "POST /api/v1/irritants", path: "/api/v1/irritants", method: "POST", medianLimitMs: 20, ratioTarget: 0.4 },
];

/**
 * The team's pages, signed in as the demo team member (the seed gives the demo accounts the demo password). `{irritant}`
 * and `{campaign}` are filled in at start: the newest irritant, and the newest survey wave (its provisional results).
 */
const TEAM_TARGETS: Target[] = [
  { name: "team: /equipe/signalements", path: "/equipe/signalements", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/signalements/:id", path: "/equipe/signalements/{irritant}", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/tickets", path: "/equipe/tickets", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  // Vendors' scorecards: the team's ticket page shows every vendor's; a vendor's own on its home page; the public ones.
  { name: "vendor: /editeur", path: "/editeur", vendor: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "/avancement/editeurs (rendered)", path: "/avancement/editeurs", cache: "rendered", medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/enquetes/:slug", path: "/equipe/enquetes/{campaign}", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/journal", path: "/equipe/journal", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/journal.csv", path: "/equipe/journal.csv", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
  { name: "team: /equipe/plan-action", path: "/equipe/plan-action", team: true, medianLimitMs: 20, ratioTarget: 0.5 },
];

/** The team member's and a vendor's session cookies, once signed in. */
let teamCookie = "";
let vendorCookie = "";
const DEMO_VENDOR_EMAIL = "editeur-a@demo.sentinelle.fr";

/** Request headers of a GET target: browsers' compression; a cookie that no session matches to bypass the cache. */
const getHeaders = (target: Target | null): Record<string, string> => ({
  "accept-encoding": "gzip",
  ...(target?.cache === "rendered" ? { cookie: "bench=rendered" } : {}),
  ...(target?.team ? { cookie: teamCookie } : {}),
  ...(target?.vendor ? { cookie: vendorCookie } : {}),
});

/** Signs in through the sign-in form, as a browser without JavaScript does. */
async function signIn(url: string, email: string, password: string) {
  const response = await fetch(`${url}/connexion`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in of ${email} failed (${response.status}): is the database seeded by seed:scale?`);
  return cookie.split(";")[0];
}

// --- Helpers -----------------------------------------------------------------------------------------------------

const log = (message: string) => process.stderr.write(`${message}\n`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the application and the bare page when their build is missing or older than their sources. */
function ensureBuilds() {
  const builds = [
    { label: "application", output: "build/server/index.js", sources: ["app", "vite.config.ts", "db"], args: ["remix", "vite:build"] },
    { label: "bare page", output: "build/bench-bare/server/index.js", sources: ["scripts/bench/bare", "db"], args: ["remix", "vite:build", "--config", "scripts/bench/bare/vite.config.ts"] },
    // The server entry as `npm start` runs it: bundled, without tsx (whose source maps, once an error's stack is
    // printed, kept about 78 MiB of parsed mappings in the measured heap).
    {
      label: "server entry",
      output: "build/node/serve.js",
      sources: ["scripts/serve.ts", "server.ts", "render-cache.ts", "root.ts", "app", "db"],
      // package.json's `build:node`: one copy of the bundler's arguments.
      command: "npm",
      args: ["run", "build:node", "--silent"],
    },
  ];
  for (const b of builds) {
    const output = path.join(root, b.output);
    const sourceTime = Math.max(...b.sources.map((s) => {
      const full = path.join(root, s);
      return fs.statSync(full).isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    }));
    if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= sourceTime) continue;
    log(`Building the ${b.label}…`);
    const result = spawnSync(b.command ?? "npx", b.args, { cwd: root, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`Build of the ${b.label} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function countIrritants(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("select 1 from sqlite_master where name = 'irritants'").get();
    return table ? (db.prepare("select count(*) as n from irritants").get() as { n: number }).n : null;
  } finally {
    db.close();
  }
}

function ensureDatabase(options: Options) {
  const count = countIrritants(options.db);
  if (count) return count;
  if (!options.irritants) {
    console.error(
      `No seeded database at ${options.db}.\nSeed one first:\n  DATABASE_URL=${options.db} npm run seed:scale -- --irritants 1000000\n` +
        `or let the benchmark do it:\n  npm run bench -- --db ${options.db} --irritants 1000000`,
    );
    process.exit(1);
  }
  log(`Seeding ${options.db} with ${options.irritants} irritants…`);
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-scale.ts", "--irritants", String(options.irritants), ...(fs.existsSync(options.db) ? ["--force"] : [])], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: options.db },
  });
  if (result.status !== 0) throw new Error("Seeding failed.");
  return countIrritants(options.db)!;
}

type Server = { name: string; url: string; process: ChildProcess; peakRss: number; close: () => Promise<void> };

/** Resident memory of a process split as Linux counts it: anonymous (heap, buffers, malloc) and file-backed (the binary's and libraries' pages). */
function rssSplitOf(pid: number): { anon: number; file: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
    return { anon: kb("RssAnon"), file: kb("RssFile") + kb("RssShmem") };
  } catch {
    return null;
  }
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
    return Number(ps.stdout.trim() || 0) * 1024;
  }
}

// As `npm start` and `npm run serve` run the server (package.json): the old generation capped at 384 MiB, so that V8
// collects garbage before the process grows far beyond what it uses. Both servers get the same setup.
const SERVER_NODE_FLAGS = ["--max-old-space-size=384"];

async function startServer(name: string, script: string, port: number, env: Record<string, string>, readyPath: string): Promise<Server> {
  // A built entry (.js) runs as `npm start` runs it; a TypeScript one (the bare page's) through tsx.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(script.endsWith(".js") ? [] : ["--import", "tsx"]), script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  serverPids.set(url, child.pid!);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The ${name} server stopped:\n${output}`);
    try {
      const response = await fetch(url + readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The ${name} server did not answer within 10 minutes:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const server: Server = {
    name,
    url,
    process: child,
    peakRss: 0,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
  return server;
}

/**
 * `p99Connected`: the p99 of the answers that were not their connection's first. libuv accepts one connection per
 * event-loop turn (libuv pull request 3696), so when 50 connections open at once on a saturated server, the last ones
 * wait seconds to be accepted and their first answer carries that wait (decision 035).
 */
type Load = { requests: number; rps: number; p50: number; p99: number; p99Connected: number; errors: number; non2xx: number };

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** One autocannon run; latencies of the 2xx answers are kept exactly (autocannon's histogram rounds to 1 ms). */
function load(url: string, target: Target | null, connections: number, seconds: number, token?: string): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const connectedLatencies: number[] = [];
    const answered = new Set<unknown>();
    let counter = 0;
    const post = target?.method === "POST";
    const instance = autocannon(
      {
        url: url + (target?.path ?? "/"),
        connections,
        duration: seconds,
        method: post ? "POST" : "GET",
        headers: post ? { "content-type": "application/json", authorization: `Bearer ${token}` } : getHeaders(target),
        body: post && target?.body !== undefined ? JSON.stringify(target.body) : undefined,
        requests: post && target?.body === undefined
          ? [
              {
                setupRequest: (request: autocannon.Request) => {
                  counter++;
                  request.body = JSON.stringify({
                    title: `Envoi au DMP bloqué après la mise à jour ${counter}`,
                    body: `Depuis la dernière mise à jour, l'envoi des comptes rendus au DMP échoue sans message clair (essai ${counter}). Je dois recommencer plusieurs fois par jour.`,
                    severity: "genant",
                  });
                  return request;
                },
              },
            ]
          : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        connectedLatencies.sort((a, b) => a - b);
        const ok = latencies.length;
        resolve({
          requests: ok,
          rps: ok / (result.duration || seconds),
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          p99Connected: percentile(connectedLatencies, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime);
        if (answered.has(client)) connectedLatencies.push(responseTime);
      }
      answered.add(client);
    });
  });
}

type Measure = { sequentialMedianMs: number; sequentialRequests: number; load: Load; errors: number; non2xx: number; bareLoad?: Load; cacheSeen?: string | null; drainMs?: number };

/**
 * Warm-up, then one connection (sequential requests), then 50 connections. When `bareUrl` is given, the bare page is
 * loaded at 50 connections just before the target: the two throughputs are measured under the same conditions on a
 * machine whose other load changes, and the ratio compares those two.
 */
async function measure(url: string, target: Target | null, options: Options, token?: string, bareUrl?: string): Promise<Measure> {
  // Warm-up at full concurrency: connections, caches and compiled code are cold only once.
  await load(url, target, options.connections, options.warmup, token);
  // Each phase starts on an idle server: requests of the previous phase still in its queue are not this one's time.
  await drain(url);
  // What the render cache said about this target after the warm-up (X-Cache: hit, miss, or none when bypassed).
  const cacheSeen = target?.cache ? (await fetch(url + target.path, { headers: getHeaders(target) })).headers.get("x-cache") : undefined;
  const sequential = await load(url, target, 1, options.sequential, token);
  const bareLoad = bareUrl ? await load(bareUrl, null, options.connections, options.duration) : undefined;
  if (bareUrl) await drain(bareUrl);
  const loaded = await load(url, target, options.connections, options.duration, token);
  return {
    sequentialMedianMs: sequential.p50,
    sequentialRequests: sequential.requests,
    load: loaded,
    errors: sequential.errors + loaded.errors,
    non2xx: sequential.non2xx + loaded.non2xx,
    bareLoad,
    cacheSeen,
  };
}

/** Each server's process id by its URL, to read its CPU time. */
const serverPids = new Map<string, number>();

/** CPU time (user + system) of a process so far, in clock ticks, or null when it cannot be read. */
function cpuTicks(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the server is idle — it answers its health check within a second and used under a tenth of a core over
 * the last half-second (the health check alone can be answered between the steps of streamed renders still in
 * progress) — for at most `limitMs`; returns how long that took.
 */
async function drain(url: string, limitMs = 10 * 60_000) {
  const started = performance.now();
  const pid = serverPids.get(url);
  for (;;) {
    const asked = performance.now();
    try {
      const response = await fetch(url + "/healthz", { signal: AbortSignal.timeout(limitMs) });
      await response.arrayBuffer();
      const before = pid ? cpuTicks(pid) : null;
      if (performance.now() - asked < 1000 && before !== null) await new Promise((r) => setTimeout(r, 500));
      const after = pid ? cpuTicks(pid) : null;
      // Clock ticks are hundredths of a second on Linux: 5 ticks over 500 ms is a tenth of a core.
      const idle = before === null || after === null || after - before <= 5;
      if (performance.now() - asked < 1600 && idle) return performance.now() - started;
    } catch {
      // not answering yet
    }
    if (performance.now() - started > limitMs) throw new Error(`The server at ${url} stayed busy for ${limitMs / 1000} s after a measurement.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Sum of the gzip sizes of the JavaScript a browser loads for the page: its module preloads (entry, root, route and
 * their chunks). Not every `/assets/….js` the HTML names: with lazy route discovery the inlined partial manifest also
 * names the full manifest's file and parent routes' modules, which the browser never fetches for this page.
 */
async function pageJavaScript(url: string, pagePath: string) {
  const html = await (await fetch(url + pagePath)).text();
  const assets = [...new Set([...html.matchAll(/<link rel="modulepreload" href="(\/assets\/[\w./-]+?\.js)"/g)].map((m) => m[1]))];
  let bytes = 0;
  for (const asset of assets) bytes += gzipSync(Buffer.from(await (await fetch(url + asset)).arrayBuffer())).length;
  return { assets: assets.length, gzipBytes: bytes };
}

/** How many published irritants' pages the fill may ask for, and the share of the budget that counts as full. */
const FILL_PAGES = 5000;
const FILL_SHARE = 0.95;

/** `a=1; b=2` as numbers by name. */
const headerFields = (header: string | null) =>
  header ? Object.fromEntries(header.split(";").map((part) => part.trim().split("=")).map(([name, value]) => [name, Number(value)])) : null;

/** What the application's /healthz reports: how full its render cache is, and its memory at its highest RSS so far. */
async function serverReport(url: string) {
  const response = await fetch(url + "/healthz");
  await response.arrayBuffer();
  const cache = headerFields(response.headers.get("x-render-cache"));
  const peak = headerFields(response.headers.get("x-memory-peak"));
  return {
    cache: { entries: cache?.entries ?? 0, bytes: cache?.bytes ?? 0, maxBytes: cache?.["max-bytes"] ?? 0 },
    peak: peak && { rss: peak.rss, heapUsed: peak["heap-used"], heapTotal: peak["heap-total"], external: peak.external, arrayBuffers: peak["array-buffers"] },
  };
}

/**
 * Fills the render cache to its byte budget: anonymous GETs (no cookie) of distinct public pages, `connections` at a
 * time, in batches, until /healthz counts FILL_SHARE of the budget in the cache or the pages run out.
 */
async function fillRenderCache(url: string, paths: string[], connections: number) {
  const started = performance.now();
  let next = 0;
  let requests = 0;
  let failed = 0;
  for (;;) {
    const { cache } = await serverReport(url);
    if (cache.maxBytes === 0 || cache.bytes >= FILL_SHARE * cache.maxBytes || next >= paths.length) {
      return { cache, requests, failed, seconds: (performance.now() - started) / 1000 };
    }
    const batch = paths.slice(next, next + 10 * connections);
    next += batch.length;
    let i = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (i < batch.length) {
          const response = await fetch(url + batch[i++], { headers: { "accept-encoding": "gzip" } }).catch(() => null);
          await response?.arrayBuffer().catch(() => undefined);
          requests++;
          if (response?.status !== 200) failed++;
        }
      }),
    );
  }
}

// --- Main --------------------------------------------------------------------------------------------------------

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "—");
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

/**
 * `--growth`: for each size, a database `data/growth-<size>.db` (seeded by `seed:scale` when missing, timed), then a
 * complete run of this benchmark on it as a child process (same options); then, per page or endpoint, how its median
 * alone and its throughput change from the smallest size to the largest. Issue 21's bar: no median more than 1.5 ×.
 */
async function growth(options: Options, argv: string[]) {
  const sizes = [...options.growth!].sort((a, b) => a - b);
  const passed: string[] = [];
  for (const name of ["--duration", "--sequential", "--warmup", "--connections", "--port"]) {
    const i = argv.indexOf(name);
    if (i >= 0) passed.push(name, argv[i + 1]);
  }
  ensureBuilds();
  const runs: { size: number; seedSeconds: number | null; json: BenchJson }[] = [];
  for (const size of sizes) {
    const db = path.join(root, "data", `growth-${size}.db`);
    fs.mkdirSync(path.dirname(db), { recursive: true });
    let seedSeconds: number | null = null;
    // A database seeded at this size is reused when it holds at most a hundredth more irritants: those the previous
    // runs' filing rows posted (a few thousand per run). Anything else is seeded again.
    const held = countIrritants(db);
    if (held === null || held < size || held > size * 1.01) {
      log(`Seeding ${db} with ${size.toLocaleString("en")} irritants (about 150 s per million on a quiet machine; ${((size / 1_000_000) * 3.3).toFixed(1)} GB)…`);
      const started = performance.now();
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed-scale.ts", "--irritants", String(size), "--force"], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: db },
      });
      if (result.status !== 0) throw new Error(`Seeding ${size} irritants failed.`);
      seedSeconds = (performance.now() - started) / 1000;
    }
    const jsonFile = path.join(os.tmpdir(), `sentinelle-growth-${process.pid}-${size}.json`);
    log(`Measuring at ${size.toLocaleString("en")} irritants…`);
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--db", db, "--json", jsonFile, ...passed], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
    if (result.status !== 0) {
      // The other sizes are still measured and compared: one failed run must not lose the whole table.
      log(`The benchmark at ${size.toLocaleString("en")} irritants failed (exit ${result.status}); left out of the table.`);
      continue;
    }
    runs.push({ size, seedSeconds, json: JSON.parse(fs.readFileSync(jsonFile, "utf8")) as BenchJson });
    fs.rmSync(jsonFile, { force: true });
  }
  if (runs.length === 0) throw new Error("No size could be measured.");
  const first = runs[0];
  const last = runs.at(-1)!;
  const header = [
    "page or endpoint",
    ...runs.map((r) => `median ms @${compact(r.size)}`),
    `median ${compact(last.size)}/${compact(first.size)}`,
    ...runs.map((r) => `ratio to bare @${compact(r.size)}`),
    `ratio ${compact(last.size)}/${compact(first.size)}`,
    "flat (median ≤ 1.5×)",
  ];
  const rows = first.json.endpoints.map((e) => {
    const at = runs.map((r) => r.json.endpoints.find((x) => x.name === e.name));
    const medianChange = (at.at(-1)?.sequentialMedianMs ?? NaN) / e.sequentialMedianMs;
    const ratioChange = (at.at(-1)?.ratioToBare ?? NaN) / e.ratioToBare;
    return [
      e.name,
      ...at.map((x) => fmt(x?.sequentialMedianMs ?? NaN, 2)),
      fmt(medianChange, 2),
      ...at.map((x) => fmt(x?.ratioToBare ?? NaN, 2)),
      fmt(ratioChange, 2),
      Number.isFinite(medianChange) ? (medianChange <= 1.5 ? "yes" : "no") : "—",
    ];
  });
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
  const out = [
    "",
    `Sentinelle growth benchmark — ${new Date().toISOString()} — ${os.cpus().length} CPU, Node ${process.version}`,
    ...runs.map(
      (r) =>
        `${compact(r.size)}: ${r.json.database.file}, ${mib(r.json.database.sizeBytes)}, seeded ${r.seedSeconds === null ? "before this run" : `in ${r.seedSeconds.toFixed(0)} s`}; ` +
        `load average ${r.json.machine.loadAverageBefore.map((l) => l.toFixed(2)).join(" ")} → ${r.json.machine.loadAverageAfter.map((l) => l.toFixed(2)).join(" ")}; ` +
        `bare page median ${fmt(r.json.bare.medianRps, 0)} req/s; application peak RSS ${mib(r.json.memory.applicationPeakRssBytes)}` +
        (r.json.memory.renderCache
          ? ` (during ${r.json.memory.peakPhase}; cache ${r.json.memory.renderCache.full ? "full" : "not full"}: ${mib(r.json.memory.renderCache.bytes)} in ${r.json.memory.renderCache.entries} entries)`
          : ""),
    ),
    "Throughput is compared as each size's ratio to the bare page measured just before it (the machine's other load changes between sizes).",
    "",
    line(table[0]),
    `|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map(line),
  ];
  console.log(out.join("\n"));
  if (options.json) {
    fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
    fs.writeFileSync(options.json, JSON.stringify({ date: new Date().toISOString(), sizes, runs }, null, 2) + "\n");
    log(`Figures written to ${options.json}`);
  }
}

/** What `--json` writes (the parts `--growth` reads). */
type BenchJson = {
  machine: { loadAverageBefore: number[]; loadAverageAfter: number[] };
  database: { file: string; irritants: number; sizeBytes: number };
  bare: { medianRps: number };
  memory: { applicationPeakRssBytes: number; peakPhase?: string; renderCache?: { entries: number; bytes: number; full: boolean } };
  endpoints: { name: string; sequentialMedianMs: number; rps: number; ratioToBare: number }[];
};

const compact = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

async function main() {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.growth) return growth(options, argv);
  options.db = path.resolve(options.db);
  const irritantCount = ensureDatabase(options);
  ensureBuilds();
  const dbBytes = fs.statSync(options.db).size;
  const loadBefore = os.loadavg();
  log(`Database ${options.db}: ${irritantCount.toLocaleString("en")} irritants, ${mib(dbBytes)}.`);

  const env = {
    DATABASE_URL: options.db,
    DEMO_DATA: "false",
    SESSION_SECRET: "benchmark-session-secret-0123456789abcdef0123456789",
    // None of the measured endpoints is rate-limited (server.ts limits sign-in, sign-up, password reset and token
    // requests); the limit is raised anyway so that no run is ever cut short by it.
    RATE_LIMIT_AUTH_PER_MINUTE: "1000000",
    // The render cache's fill and the memory peak are read from /healthz.
    HEALTHZ_DETAILS: "true",
  };
  log("Starting the application and the bare page…");
  // --port: the application's port, the bare page's is the next one (two runs on one machine need two pairs).
  const app = await startServer("application", "build/node/serve.js", options.port, env, "/healthz");
  const bare = await startServer("bare page", "scripts/bench/bare-server.ts", options.port + 1, env, "/");
  const servers = [app, bare];
  // The application's peak per phase (each row, the JavaScript sizes, the cache fill): which one makes the peak.
  let phase = "start";
  const phasePeaks = new Map<string, number>();
  // The RSS split at the application's peak, set by the sampler.
  const peakSplit: { at: { anon: number; file: number } | null } = { at: null };
  const sampler = setInterval(() => {
    for (const s of servers) s.peakRss = Math.max(s.peakRss, rssOf(s.process.pid!));
    const rss = rssOf(app.process.pid!);
    if (rss >= (phasePeaks.get(phase) ?? 0) && rss >= Math.max(0, ...phasePeaks.values())) peakSplit.at = rssSplitOf(app.process.pid!);
    phasePeaks.set(phase, Math.max(phasePeaks.get(phase) ?? 0, rss));
  }, 200);
  let fillPaths: string[] = [];

  try {
    // A personal API token for a seeded practitioner, made by the accounts module as `/compte` makes it.
    const token = (() => {
      const db = openDatabase(options.db);
      setDb(db);
      try {
        // Another practitioner on each run: the irritants a run posts are visible to their author only, and must not
        // become the next run's similar irritants.
        const user = db.$client.prepare("select id from users where role = 'practitioner' and password_hash is null order by random() limit 1").get() as { id: number };
        const newestIrritant = db.$client.prepare("select max(id) from irritants").pluck().get() as number;
        const newestCampaign = db.$client.prepare("select slug from campaigns order by id desc limit 1").pluck().get() as string;
        for (const t of TEAM_TARGETS) t.path = t.path.replace("{irritant}", String(newestIrritant)).replace("{campaign}", newestCampaign);
        // Distinct public pages to fill the render cache with: the themes' lists, then published irritants' pages.
        const themes = db.$client.prepare("select slug from themes order by id").pluck().all() as string[];
        const published = db.$client
          .prepare("select id from irritants where published = 1 and hidden_at is null and merged_into_id is null order by id desc limit ?")
          .pluck()
          .all(FILL_PAGES) as number[];
        fillPaths = [...themes.map((slug) => `/signalements?theme=${encodeURIComponent(slug)}`), ...published.map((id) => `/signalements/${id}`)];
        return createApiToken(user.id, "benchmark").token;
      } finally {
        setDb(undefined);
        db.$client.close();
      }
    })();

    teamCookie = await signIn(app.url, DEMO_TEAM_EMAIL, DEMO_PASSWORD);
    vendorCookie = await signIn(app.url, DEMO_VENDOR_EMAIL, DEMO_PASSWORD);
    const targets = [...TARGETS, ...TEAM_TARGETS].filter((t) => !options.only || t.name.includes(options.only));
    if (!targets.length) throw new Error(`No row's name contains "${options.only}".`);
    const bareAlone = await measure(bare.url, null, options);
    log(`  bare page: ${fmt(bareAlone.sequentialMedianMs, 2)} ms alone, ${fmt(bareAlone.load.rps, 0)} req/s, p50 ${fmt(bareAlone.load.p50)} ms, p99 ${fmt(bareAlone.load.p99)} ms`);
    const results: { target: Target; measure: Measure }[] = [];
    for (const target of targets) {
      phase = target.name;
      const m = await measure(app.url, target, options, token, bare.url);
      results.push({ target, measure: m });
      // The server may still be answering requests autocannon has given up on (it closes its connections at the end
      // of a phase, but a request already read is computed to the end): wait for it before the next row, or that
      // backlog is measured as the next rows' time (issue 21: the growth run that "stalled" at 100,000 irritants).
      m.drainMs = await drain(app.url);
      if (m.drainMs > 1000) log(`    (the application was still busy ${fmt(m.drainMs / 1000)} s after this row)`);
      log(
        `  ${target.name}: ${fmt(m.sequentialMedianMs, 2)} ms alone, ${fmt(m.load.rps, 0)} req/s (bare page just before: ${fmt(m.bareLoad!.rps, 0)}), ` +
          `p50 ${fmt(m.load.p50)} ms, p99 ${fmt(m.load.p99)} ms, ${m.errors} errors, ${m.non2xx} non-2xx`,
      );
    }
    if (options.only) {
      // A subset of the rows (--only): their medians and throughputs, without the run's other phases.
      const loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(" ");
      console.log(`\nLoad average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}; after: ${loadAfter}; bare page ${fmt(bareAlone.sequentialMedianMs, 2)} ms alone`);
      for (const { target, measure: m } of results) {
        console.log(`${target.name}: ${fmt(m.sequentialMedianMs, 2)} ms median alone (${m.sequentialRequests} requests), ${fmt(m.load.rps, 0)} req/s, ratio ${fmt(m.load.rps / m.bareLoad!.rps, 2)}, ${m.errors} errors, ${m.non2xx} non-2xx`);
      }
      return;
    }
    const bareRuns = [bareAlone.load, ...results.map((r) => r.measure.bareLoad!)];
    const bareMedianRps = [...bareRuns.map((r) => r.rps)].sort((a, b) => a - b)[Math.floor(bareRuns.length / 2)];

    phase = "compressed JavaScript";
    const javascript: { page: string; assets: number; gzipBytes: number }[] = [];
    for (const t of TARGETS.filter((t) => t.publicPage)) javascript.push({ page: t.name.replace(" (cache hit)", ""), ...(await pageJavaScript(app.url, t.path)) });

    // The worker's time per screenshot (OCR + masking), in this process, after the servers' rows so it does not disturb them.
    phase = "attachment analysis (in the benchmark's process)";
    log("Measuring the attachment analysis (OCR + masking)…");
    const attachmentAnalysis = await benchAttachmentMasking();

    // Last, so that it changes none of the figures above: the render cache filled to its budget before memory is read.
    phase = "render cache fill";
    log(`Filling the render cache (${fillPaths.length} distinct public pages available)…`);
    const fill = await fillRenderCache(app.url, fillPaths, options.connections);
    log(`  ${fill.requests} pages asked in ${fmt(fill.seconds)} s (${fill.failed} not 200): the cache holds ${mib(fill.cache.bytes)} in ${fill.cache.entries} entries (budget ${mib(fill.cache.maxBytes)})`);
    await drain(app.url);
    // The full cache at rest: the process still grew for a few seconds after the fill in the first runs.
    phase = "render cache full, at rest";
    await new Promise((r) => setTimeout(r, 5000));
    clearInterval(sampler);
    const report = await serverReport(app.url);
    // The server's own sampler sees moments the benchmark's may miss.
    if (report.peak && report.peak.rss > app.peakRss) app.peakRss = report.peak.rss;
    const peakPhase = [...phasePeaks].reduce((a, b) => (b[1] > a[1] ? b : a), ["start", 0] as [string, number]);
    const cacheFull = fill.cache.maxBytes > 0 && fill.cache.bytes >= FILL_SHARE * fill.cache.maxBytes;
    const loadAfter = os.loadavg();

    // --- Report ----------------------------------------------------------------------------------------------
    const rows = results.map(({ target, measure: m }) => {
      const ratio = m.load.rps / m.bareLoad!.rps;
      const tail = m.load.p99 / m.load.p50;
      // The tail target is judged on established connections: the first answers measure libuv's accept pace (decision 035).
      const connectedTail = m.load.p99Connected / m.load.p50;
      const met = {
        median: m.sequentialMedianMs < target.medianLimitMs,
        ratio: ratio >= target.ratioTarget,
        // A cache-hit row measures the cache only if the page was served from it; a rendered row only if it was not.
        cache: target.cache === undefined || m.cacheSeen === (target.cache === "hit" ? "hit" : null),
        tail: connectedTail < 3,
        errors: m.errors === 0 && m.non2xx === 0,
      };
      return { target, m, ratio, tail, connectedTail, met };
    });
    const header = ["page or endpoint", "1 conn median ms", "req/s @" + options.connections, "bare req/s", "ratio", "p50 ms", "p99 ms", "p99/p50", "p99 connected", "/p50", "errors/non-2xx", "targets"];
    const table = [
      header,
      [
        "bare page",
        fmt(bareAlone.sequentialMedianMs, 2),
        fmt(bareAlone.load.rps, 0),
        "",
        "",
        fmt(bareAlone.load.p50),
        fmt(bareAlone.load.p99),
        fmt(bareAlone.load.p99 / bareAlone.load.p50, 2),
        fmt(bareAlone.load.p99Connected),
        fmt(bareAlone.load.p99Connected / bareAlone.load.p50, 2),
        `${bareAlone.errors}/${bareAlone.non2xx}`,
        "",
      ],
      ...rows.map((r) => [
        r.target.name,
        fmt(r.m.sequentialMedianMs, 2),
        fmt(r.m.load.rps, 0),
        fmt(r.m.bareLoad!.rps, 0),
        fmt(r.ratio, 2),
        fmt(r.m.load.p50),
        fmt(r.m.load.p99),
        fmt(r.tail, 2),
        fmt(r.m.load.p99Connected),
        fmt(r.connectedTail, 2),
        `${r.m.errors}/${r.m.non2xx}`,
        [
          r.met.median ? "" : `median≥${r.target.medianLimitMs}`,
          r.met.ratio ? "" : `ratio<${r.target.ratioTarget.toFixed(2)}`,
          r.met.tail ? "" : "connected p99≥3×p50",
          r.met.errors ? "" : "errors",
          r.met.cache ? "" : `X-Cache: ${r.m.cacheSeen ?? "none"}`,
        ]
          .filter(Boolean)
          .join(", ") || "met",
      ]),
    ];
    const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
    const line = (row: string[]) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
    const out: string[] = [];
    out.push("");
    out.push(`Sentinelle benchmark — ${new Date().toISOString()} — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}`);
    out.push(`Database: ${options.db} — ${irritantCount.toLocaleString("en")} irritants — ${mib(dbBytes)}`);
    out.push(`Load average (1/5/15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}; after: ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
    out.push(
      `Ratio: requests per second at ${options.connections} connections over those of the bare page measured just before it (bare page over the run: ` +
        `median ${fmt(bareMedianRps, 0)} req/s, from ${fmt(Math.min(...bareRuns.map((b) => b.rps)), 0)} to ${fmt(Math.max(...bareRuns.map((b) => b.rps)), 0)})`,
    );
    out.push("");
    out.push(line(table[0]));
    out.push(`|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
    for (const row of table.slice(1)) out.push(line(row));
    out.push("");
    out.push(
      `Server memory (RSS, peak sampled every 200 ms): application ${mib(app.peakRss)} ` +
        `${cacheFull ? "with the cache full" : "with the cache NOT full"} (${mib(fill.cache.bytes)} in ${fill.cache.entries} entries, budget ${mib(fill.cache.maxBytes)}), ` +
        `bare page ${mib(bare.peakRss)} — target < 500 MiB: ${app.peakRss < 500 * 1024 ** 2 && cacheFull ? "met" : "missed"}`,
    );
    out.push(
      `  peak during: ${peakPhase[0]} (${mib(peakPhase[1])}); filling the cache: ${mib(phasePeaks.get("render cache fill") ?? 0)}, full at rest: ${mib(phasePeaks.get("render cache full, at rest") ?? 0)}` +
        (peakSplit.at ? `; at the peak ${mib(peakSplit.at.anon)} anonymous, ${mib(peakSplit.at.file)} file-backed` : ""),
    );
    out.push(`  the application's peak by phase: ${[...phasePeaks].map(([name, bytes]) => `${name} ${mib(bytes)}`).join(", ")}`);
    if (report.peak) {
      const p = report.peak;
      out.push(
        `  the application's own highest sample (${mib(p.rss)} RSS): V8 heap ${mib(p.heapUsed)} used of ${mib(p.heapTotal)}, ` +
          `outside the heap ${mib(p.external)} (array buffers ${mib(p.arrayBuffers)}), the rest ${mib(p.rss - p.heapTotal - p.external)} (code, stacks, SQLite, allocator)`,
      );
    }
    out.push("Compressed JavaScript per public page (gzip, sum of the assets the HTML references) — target < 100 kB:");
    for (const j of javascript) out.push(`  ${j.page.padEnd(40)} ${(j.gzipBytes / 1000).toFixed(1).padStart(6)} kB in ${j.assets} files — ${j.gzipBytes < 100_000 ? "met" : "missed"}`);
    out.push(`Database file: ${mib(dbBytes)} (${dbBytes.toLocaleString("en")} bytes)`);
    out.push(
      `Attachment analysis per screenshot (worker: French OCR + masking, 1280×720): median ${attachmentAnalysis.medianMs.toFixed(0)} ms over ${attachmentAnalysis.runs} runs; first run with model load ${attachmentAnalysis.firstMs.toFixed(0)} ms`,
    );
    console.log(out.join("\n"));

    if (options.json) {
      const json = {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, memoryBytes: os.totalmem(), node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
        options: { duration: options.duration, sequential: options.sequential, warmup: options.warmup, connections: options.connections },
        database: { file: options.db, irritants: irritantCount, sizeBytes: dbBytes },
        bare: { sequentialMedianMs: bareAlone.sequentialMedianMs, load: bareAlone.load, medianRps: bareMedianRps },
        endpoints: rows.map((r) => ({
          name: r.target.name,
          method: r.target.method ?? "GET",
          path: r.target.path,
          sequentialMedianMs: r.m.sequentialMedianMs,
          sequentialRequests: r.m.sequentialRequests,
          rps: r.m.load.rps,
          p50Ms: r.m.load.p50,
          p99Ms: r.m.load.p99,
          p99OverP50: r.tail,
          p99ConnectedMs: r.m.load.p99Connected,
          p99ConnectedOverP50: r.connectedTail,
          bareRps: r.m.bareLoad!.rps,
          ratioToBare: r.ratio,
          errors: r.m.errors,
          non2xx: r.m.non2xx,
          medianLimitMs: r.target.medianLimitMs,
          ratioTarget: r.target.ratioTarget,
          cache: r.target.cache ?? null,
          cacheSeen: r.m.cacheSeen ?? null,
          drainMs: r.m.drainMs ?? null,
          met: r.met,
        })),
        attachmentAnalysis,
        memory: {
          applicationPeakRssBytes: app.peakRss,
          barePeakRssBytes: bare.peakRss,
          peakPhase: peakPhase[0],
          peakRssByPhase: Object.fromEntries(phasePeaks),
          peakRssSplit: peakSplit.at,
          applicationPeakSample: report.peak,
          renderCache: { ...fill.cache, full: cacheFull, requests: fill.requests, failed: fill.failed, seconds: fill.seconds },
        },
        javascript,
      };
      fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
      fs.writeFileSync(options.json, JSON.stringify(json, null, 2) + "\n");
      log(`Figures written to ${options.json}`);
    }
  } finally {
    clearInterval(sampler);
    await Promise.all(servers.map((s) => s.close()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
