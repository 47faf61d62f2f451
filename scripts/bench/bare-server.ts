/**
 * The bare page's server, started by `npm run bench` like the application's (same Node and flags, same database
 * connection setup and compression): Express, compression, static assets and the Remix handler of a one-route app.
 * What the application adds on top (security headers, CSP nonce, session lookup, its queries and pages) is what the
 * benchmark's ratio measures. The application runs bundled (`npm start`'s entry) and this file through tsx: the
 * loader costs nothing per request here (session 34, six interleaved runs of 8 s at 50 connections: 935 req/s
 * through tsx, 951 bundled, within the runs' spread).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { openDatabase, setDb } from "#db/client";

const root = path.resolve(import.meta.dirname, "../..");
const database = process.env.DATABASE_URL;
if (!database) throw new Error("DATABASE_URL is required");
setDb(openDatabase(database));
const build = (await import(pathToFileURL(path.join(root, "build/bench-bare/server/index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static(path.join(root, "build/bench-bare/client/assets"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT ?? 3100), "127.0.0.1", () => console.log(`bare page listening on ${process.env.PORT}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
