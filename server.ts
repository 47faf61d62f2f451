import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { getDb } from "./db/client";
import { pscFormActionOrigins, type Env } from "./app/lib/env.server";

const root = path.dirname(fileURLToPath(import.meta.url));

// originalUrl, not path: inside a mounted middleware, path is relative to the mount point.
const isApi = (req: Request) => req.originalUrl.startsWith("/api/");

/** Answers in the API's error shape, or as a short French page for browsers. */
function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  if (isApi(req) || req.accepts(["html", "json"]) === "json") {
    res.status(status).json({ error: { code, message } });
  } else {
    res.status(status).type("html").send(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${message} — Sentinelle</title></head>` +
        `<body><main><h1>${message}</h1><p><a href="/">Retour à l'accueil</a></p></main></body></html>`,
    );
  }
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
      const ownHost = publicUrl ? new URL(publicUrl).host : req.get("host");
      allowed = allowed && originHost !== null && originHost === ownHost;
    }
    if (allowed) return next();
    refuse(req, res, 403, "forbidden", "Requête refusée : elle ne vient pas de Sentinelle.");
  };
}

function bodySizeCap(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.get("content-length") ?? 0);
    if (length > maxBytes) {
      // Read and drop the upload so the client gets the answer instead of a reset connection, then close.
      res.setHeader("Connection", "close");
      req.resume();
      req.once("end", () => refuse(req, res, 413, "payload_too_large", "Le contenu envoyé est trop volumineux."));
      return;
    }
    next();
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
  return import(pathToFileURL(path.join(root, "build/server/index.js")).href);
}

/** The Express application; the database must already be set with setDb(). */
export function createApp({ build, env }: { build: ServerBuild; env: Env }) {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
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
          imgSrc: ["'self'", "data:"],
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
  app.use(compression());

  app.use(sameOriginOnly(env.PUBLIC_URL));
  app.use(bodySizeCap(env.MAX_BODY_BYTES));

  // One budget per endpoint group, so failed sign-ins do not block sign-up or token requests.
  const limitPosts = () =>
    rateLimit({
      windowMs: 60_000,
      limit: env.RATE_LIMIT_AUTH_PER_MINUTE,
      standardHeaders: "draft-7",
      legacyHeaders: false,
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
      skip: (req) => req.method !== "POST",
      handler: (req, res) => refuse(req, res, 429, "rate_limited", "Trop d'envois depuis cette connexion. Réessayez dans une minute."),
    }),
  );

  // Route paths cannot mix a parameter and a suffix: /resultats/:slug.csv is served by its export route.
  app.get(/^\/resultats\/([a-z0-9-]+)\.csv$/, (req, _res, next) => {
    req.url = req.originalUrl = `/resultats/${req.params[0]}/export.csv`;
    next();
  });

  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  // The few other public files (favicon…) are listed once: other requests do not pay a file-system lookup each.
  const clientDir = path.join(root, "build/client");
  const publicFiles = new Set(listFiles(clientDir, ["assets"]).map((file) => `/${file}`));
  const servePublicFile = express.static(clientDir, { maxAge: "1h", index: false, redirect: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublicFile(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    if (!res.headersSent) refuse(req, res, 500, "internal", "Une erreur inattendue est survenue.");
  });
  return app;
}
