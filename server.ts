import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pathToFileURL } from "node:url";
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { getDb } from "./db/client";
import { PROJECT_ROOT } from "./root";
import { pscFormActionOrigins, type Env } from "./app/lib/env.server";
import { createRenderCache, type RenderCache } from "./render-cache";


// originalUrl, not path: inside a mounted middleware, path is relative to the mount point.
const isApi = (req: Request) => req.originalUrl.startsWith("/api/");

/** A refusal in the API's error shape, or as a short French page for browsers. */
function refusal(req: Request, code: string, message: string) {
  if (isApi(req) || req.accepts(["html", "json"]) === "json") {
    return { type: "application/json; charset=utf-8", body: JSON.stringify({ error: { code, message } }) };
  }
  return {
    type: "text/html; charset=utf-8",
    body:
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${message} — Sentinelle</title></head>` +
      `<body><main><h1>${message}</h1><p><a href="/">Retour à l'accueil</a></p></main></body></html>`,
  };
}

function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  const { type, body } = refusal(req, code, message);
  res.status(status).type(type).send(body);
}

/**
 * The host the client addressed: X-Forwarded-Host when the immediate peer is a trusted proxy (TRUST_PROXY),
 * Host otherwise. Like Express's req.hostname, but with the port.
 */
function requestHost(req: Request): string | undefined {
  const trusted = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded && trusted(req.socket.remoteAddress, 0) ? forwarded : req.get("host");
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses state-changing requests sent by another site (CSRF), on top of SameSite cookies. */
function sameOriginOnly(publicUrl: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const origin = req.get("origin");
    const fetchSite = req.get("sec-fetch-site");
    let allowed = fetchSite !== "cross-site";
    if (origin) {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      const ownHost = publicUrl ? new URL(publicUrl).host : requestHost(req);
      allowed = allowed && originHost !== null && originHost === ownHost;
    }
    if (allowed) return next();
    refuse(req, res, 403, "forbidden", "Requête refusée : elle ne vient pas de Sentinelle.");
  };
}

// How long a refused upload is still read (and dropped) so that the client reads the 413 rather than a reset.
const LINGER_MS = 10_000;

/** The capped copy of each request's body that the application reads (see bodyLimit). */
const cappedBodies = new WeakMap<Request, Transform>();
/** Aborts the application's work on a request, once 413 was answered. */
const applicationWork = new WeakMap<Request, AbortController>();

/**
 * Answers 413 at once with `Connection: close`, then keeps reading and dropping the rest of the upload until it ends
 * (or LINGER_MS passes) before closing: closing a socket with unread data resets it, and the client would lose the answer.
 */
function answerTooLarge(req: Request, res: Response) {
  applicationWork.get(req)?.abort();
  const { type, body } = refusal(req, "payload_too_large", "Le contenu envoyé est trop volumineux.");
  res.status(413).set({ "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), Connection: "close" });
  res.write(body);
  const close = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  req.unpipe();
  req.removeAllListeners("data");
  req.on("data", () => undefined);
  if (req.complete) return close();
  req.once("end", close);
  req.once("close", close);
  req.resume();
}

/**
 * Caps request bodies as they arrive, whatever their framing (Content-Length or chunked), on every route.
 * The application reads a counting copy of the body (cappedBodies), never the socket: past `maxBytes` it gets an
 * error and the client gets 413. Memory stays bounded (stream buffers only). When an answer is sent before the body
 * was read (401, 403, 404, 429…), the rest is read and dropped after it, so the connection stays usable for the
 * client's next request; past the cap, the client has LINGER_MS more to finish sending before the connection is closed.
 */
/**
 * Routes that take attached files (10 MB each, decision 024) get a larger cap than MAX_BODY_BYTES, counted the same
 * way: the files plus the multipart envelope and the form's other fields. The API's upload takes one file per request;
 * the API's comments and ticket replies, and the pages' forms (filing, irritant page and its comments, ticket replies), up to 5.
 */
const FILE_BYTES = 10 * 1024 * 1024;
const ENVELOPE_BYTES = 256 * 1024;
const ATTACHMENT_UPLOADS: readonly [RegExp, number][] = [
  [/^\/api\/v1\/irritants\/\d+\/attachments$/, FILE_BYTES + ENVELOPE_BYTES],
  // A comment or a ticket reply through the API: up to 5 files (multipart), like the pages.
  [/^\/api\/v1\/(irritants\/\d+\/comments|tickets\/\d+\/replies)$/, 5 * FILE_BYTES + ENVELOPE_BYTES],
  [/^\/(signalements\/(\d+|nouveau)|editeur\/tickets\/\d+)(\.data)?$/, 5 * FILE_BYTES + ENVELOPE_BYTES],
];

function bodyLimit(defaultMaxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const upload = ATTACHMENT_UPLOADS.find(([route]) => route.test(req.path));
    const maxBytes = upload ? Math.max(defaultMaxBytes, upload[1]) : defaultMaxBytes;
    const declared = req.get("content-length");
    const hasBody = req.get("transfer-encoding") !== undefined || (declared !== undefined && declared !== "0");
    if (!hasBody) return next();
    if (Number(declared) > maxBytes) return answerTooLarge(req, res);

    let received = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received <= maxBytes) return done(null, chunk);
        // Unpiped first: an error on a piped stream would pause the request after answerTooLarge resumed it.
        req.unpipe(capped);
        capped.destroy(new PayloadTooLargeError());
        if (!res.headersSent) answerTooLarge(req, res);
        else req.socket.destroy();
      },
    });
    // The application's read fails with this error; nobody else needs to hear of it.
    capped.on("error", () => undefined);
    cappedBodies.set(req, capped);
    req.pipe(capped);

    res.once("finish", () => {
      if (req.complete || res.getHeader("connection") === "close") return;
      // Answered before the body was read: drop the rest so that the client's next request on this connection can follow.
      req.unpipe(capped);
      capped.destroy();
      // Past the cap, the client still gets LINGER_MS to finish its upload before the connection is closed.
      let deadline: NodeJS.Timeout | undefined;
      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes && !deadline) deadline = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      });
      req.once("end", () => clearTimeout(deadline));
      req.resume();
    });
    next();
  };
}

class PayloadTooLargeError extends Error {
  constructor() {
    super("Request body larger than MAX_BODY_BYTES");
  }
}

/**
 * The Remix handler of @remix-run/express (same request and response conversion), except that:
 * - the application reads the capped body (bodyLimit), never the socket;
 * - the host comes from X-Forwarded-Host only behind a trusted proxy (the adapter took its port from it regardless);
 * - the request carries no Origin: sameOriginOnly already checked it against PUBLIC_URL or the trusted forwarded
 *   host, while Remix's own check compares it with X-Forwarded-Host or Host, knows neither PUBLIC_URL nor
 *   TRUST_PROXY, and throws (a 500) for every form behind a proxy that passes its own Host.
 */
function remixHandler(build: ServerBuild, renderCache: RenderCache) {
  const handleRequest = createRemixHandler(build, "production");
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const controller = new AbortController();
      // Stop loaders and actions once no answer can be written any more, or once 413 was answered.
      applicationWork.set(req, controller);
      res.once("close", () => controller.abort());
      if (res.headersSent) return;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (name === "origin" || value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      }
      const host = requestHost(req) ?? "localhost";
      const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        init.body = createReadableStreamFromReadable(cappedBodies.get(req) ?? req);
        init.duplex = "half";
      }
      const response = await handleRequest(new Request(url.href, init), { cspNonce: res.locals.cspNonce as string });
      if (res.headersSent) {
        // 413 was answered while the application read the body; its own answer is dropped.
        await response.body?.cancel();
        return;
      }
      // An anonymous public page is kept by the render cache, which then answers from it.
      if (await renderCache.fill(req, res, response)) return;
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** Files under `dir` (relative paths with "/"), skipping the top-level directories named in `skip`. */
function listFiles(dir: string, skip: string[] = [], prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.includes(entry.name)) return [];
    const relative = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), [], `${relative}/`) : [relative];
  });
}

export async function loadBuild(): Promise<ServerBuild> {
  return import(pathToFileURL(path.join(PROJECT_ROOT, "build/server/index.js")).href);
}

type MemorySample = Pick<NodeJS.MemoryUsage, "rss" | "heapUsed" | "heapTotal" | "external" | "arrayBuffers">;

/** The process's memory at its highest resident size so far, when sampleMemoryPeak() runs (scripts/serve.ts). */
let memoryPeak: MemorySample | null = null;

/**
 * Samples the process's memory every `intervalMs` and keeps the sample with the highest RSS, so that /healthz can say
 * what the peak was made of (V8 heap, buffers outside it, the rest native) without anyone polling it under load.
 */
export function sampleMemoryPeak(intervalMs = 200) {
  const sample = () => {
    const usage = process.memoryUsage();
    if (!memoryPeak || usage.rss > memoryPeak.rss) memoryPeak = usage;
  };
  sample();
  setInterval(sample, intervalMs).unref();
}

/** `rss=…; heap-used=…; …` in bytes. */
const memoryHeader = (m: MemorySample) =>
  `rss=${m.rss}; heap-used=${m.heapUsed}; heap-total=${m.heapTotal}; external=${m.external}; array-buffers=${m.arrayBuffers}`;

/** The Express application; the database must already be set with setDb(). */
export function createApp({ build, env }: { build: ServerBuild; env: Env }) {
  const app = express();
  app.disable("x-powered-by");
  // Number of reverse proxies in front (0: none). Client addresses (rate limits), the forwarded host and protocol are
  // read from X-Forwarded-* only that many hops deep, so a client cannot choose them by sending the headers itself.
  app.set("trust proxy", env.TRUST_PROXY);

  // Anonymous public pages from the render cache (decision 023), mounted below.
  const renderCache = createRenderCache({ maxBytes: env.RENDER_CACHE_BYTES, maxAgeMs: env.RENDER_CACHE_MAX_AGE_SECONDS * 1000, hostOf: requestHost });

  app.get("/healthz", (_req, res) => {
    // Counts and bytes only (decision 033), when HEALTHZ_DETAILS is on: how full the render cache is, and the process's
    // memory now and at its peak.
    if (env.HEALTHZ_DETAILS) {
      const cache = renderCache.stats();
      res.setHeader("X-Render-Cache", `entries=${cache.entries}; bytes=${cache.bytes}; max-bytes=${cache.maxBytes}`);
      res.setHeader("X-Memory", memoryHeader(process.memoryUsage()));
      if (memoryPeak) res.setHeader("X-Memory-Peak", memoryHeader(memoryPeak));
    }
    try {
      getDb().$client.prepare("select 1").get();
      res.status(200).json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "indisponible" });
    }
  });

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          // blob: for the preview of the files picked in a form, before they are sent (object URLs of the person's own files).
          imgSrc: ["'self'", "data:", "blob:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'", ...pscFormActionOrigins(env)],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    next();
  });
  // The render cache answers its hits here: before compression, since entries are compressed once.
  app.use(renderCache.middleware);
  app.use(compression());

  app.use(bodyLimit(env.MAX_BODY_BYTES)); // larger on the attachment uploads
  app.use(sameOriginOnly(env.PUBLIC_URL));

  // One budget per endpoint group, so failed sign-ins do not block sign-up or token requests.
  const limitPosts = () =>
    rateLimit({
      windowMs: 60_000,
      limit: env.RATE_LIMIT_AUTH_PER_MINUTE,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      // Clients control the Forwarded header and Express reads only X-Forwarded-For (TRUST_PROXY): no warning for it.
      validate: { forwardedHeader: false },
      skip: (req) => req.method !== "POST",
      handler: (req, res) => refuse(req, res, 429, "rate_limited", "Trop de tentatives. Réessayez dans une minute."),
    });
  app.use(["/connexion", "/connexion.data"], limitPosts());
  app.use(["/inscription", "/inscription.data"], limitPosts());
  app.use(["/auth/psc/finaliser", "/auth/psc/finaliser.data"], limitPosts());
  app.use("/api/v1/tokens", limitPosts());
  app.use(["/mot-de-passe-oublie", "/mot-de-passe-oublie.data"], limitPosts());
  app.use([/^\/seminaires\/[^/]+\/inscription(\.data)?$/, "/confirmer-inscription", "/confirmer-inscription.data"], limitPosts());
  // Workshop boards: a whole room may share one address (venue Wi-Fi), so the budget per address is wide;
  // the seminars module limits cards per participant (cookie) on top of it.
  app.use(
    "/atelier",
    rateLimit({
      windowMs: 60_000,
      limit: env.RATE_LIMIT_WORKSHOP_PER_MINUTE,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      // Clients control the Forwarded header and Express reads only X-Forwarded-For (TRUST_PROXY): no warning for it.
      validate: { forwardedHeader: false },
      skip: (req) => req.method !== "POST",
      handler: (req, res) => refuse(req, res, 429, "rate_limited", "Trop d'envois depuis cette connexion. Réessayez dans une minute."),
    }),
  );

  // Route paths cannot mix a parameter and a suffix: /resultats/:slug.csv is served by its export route.
  app.get(/^\/resultats\/([a-z0-9-]+)\.csv$/, (req, _res, next) => {
    req.url = req.originalUrl = `/resultats/${req.params[0]}/export.csv`;
    next();
  });

  app.use("/assets", express.static(path.join(PROJECT_ROOT, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  // The few other public files (favicon…) are listed once: other requests do not pay a file-system lookup each.
  const clientDir = path.join(PROJECT_ROOT, "build/client");
  const publicFiles = new Set(listFiles(clientDir, ["assets"]).map((file) => `/${file}`));
  const servePublicFile = express.static(clientDir, { maxAge: "1h", index: false, redirect: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublicFile(req, res, next) : next()));

  app.all("*", remixHandler(build, renderCache));

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    if (!res.headersSent) refuse(req, res, 500, "internal", "Une erreur inattendue est survenue.");
  });
  return app;
}
