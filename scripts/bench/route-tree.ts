/**
 * The application's route tree as Remix's server builds it (`createRoutes` of @remix-run/server-runtime: one object per
 * route file, nested by parent), read from the route files by Remix's own flat-routes convention (what `app/routes.ts`
 * declares). Used by the route-matching micro-benchmark and by the test of the router patch (decision 030).
 */
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import path from "node:path";

export type RouteNode = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteNode[] };

type ManifestEntry = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; parentId?: string };

const appDirectory = path.resolve(import.meta.dirname, "../../app");

function readManifest(): ManifestEntry[] {
  const manifest = flatRoutes(appDirectory, [], "routes") as Record<string, ManifestEntry>;
  return [{ id: "root", path: "" }, ...Object.values(manifest)];
}

/** A new tree on every call (new arrays and objects), as Remix's document render builds one per request. */
export function appRouteTree(): RouteNode[] {
  const entries = readManifest();
  const build = (parentId: string | undefined): RouteNode[] =>
    entries
      .filter((e) => e.parentId === parentId)
      .map((e) => {
        const children = build(e.id);
        return { id: e.id, path: e.path, index: e.index, caseSensitive: e.caseSensitive, ...(children.length ? { children } : {}) };
      });
  return build(undefined);
}

/** Paths that requests ask for: public pages, team pages, the API, an unknown path (the catch-all route). */
export const SAMPLE_PATHS = [
  "/",
  "/signalements",
  "/signalements/1234",
  "/plan-action",
  "/avancement",
  "/resultats",
  "/mentions-legales",
  "/connexion",
  "/compte",
  "/equipe/signalements",
  "/equipe/signalements/1234",
  "/equipe/tickets",
  "/equipe/enquetes/vague-2026",
  "/equipe/journal",
  "/equipe/journal.csv",
  "/equipe/plan-action",
  "/api/v1/irritants",
  "/api/v1/irritants/1234",
  "/une/page/inconnue",
];
