/**
 * The patch of @remix-run/router (patches/, applied by `npm ci` through patch-package; decision 030): route matching
 * keeps the ranked branches of a routes array and the compiled patterns instead of rebuilding them on every match.
 * These tests fail when the patch is not applied (the cache is not used) and check that it changes no match.
 */
import { matchPath, matchRoutes as remixMatchRoutes } from "@remix-run/react";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { appRouteTree, SAMPLE_PATHS, type RouteNode } from "../../scripts/bench/route-tree";

/** Remix's `matchRoutes`, given the route tree read from the route files. */
const matchRoutes = (tree: RouteNode[], pathname: string) => remixMatchRoutes(tree as Parameters<typeof remixMatchRoutes>[0], pathname);

const summary = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));

/** A copy of the tree whose routes count how often their `path` is read (only flattening the tree reads it). */
function countingTree(nodes: RouteNode[], counter: { reads: number }): RouteNode[] {
  return nodes.map((node) => {
    const { path: routePath, children, ...rest } = node;
    const copy = { ...rest, ...(children ? { children: countingTree(children, counter) } : {}) };
    Object.defineProperty(copy, "path", { enumerable: true, get: () => (counter.reads++, routePath) });
    return copy as RouteNode;
  });
}

describe("route matching patch", () => {
  it("reuses a routes array's ranked branches: matching again reads no route", () => {
    const counter = { reads: 0 };
    const tree = countingTree(appRouteTree(), counter);
    expect(matchRoutes(tree, "/signalements")?.at(-1)?.route.id).toBe("routes/signalements._index");
    expect(counter.reads).toBeGreaterThan(100);
    counter.reads = 0;
    for (const p of SAMPLE_PATHS) expect(matchRoutes(tree, p)).not.toBeNull();
    expect(counter.reads).toBe(0);
  });

  it("gives the same matches from the cache as from a tree matched for the first time", () => {
    const tree = appRouteTree();
    for (let round = 0; round < 3; round++) {
      for (const p of [...SAMPLE_PATHS, "/signalements/12/", "/SIGNALEMENTS", "/equipe/enquetes/vague%202", "/api/v1/irritants/abc/x"]) {
        expect(summary(matchRoutes(tree, p)), p).toEqual(summary(matchRoutes(appRouteTree(), p)));
      }
    }
  });

  it("keeps the cache when nothing changes the routes: a new pattern compiled, a patch that adds no route", () => {
    const counter = { reads: 0 };
    const tree = countingTree(appRouteTree(), counter);
    const matchAgain = () => {
      counter.reads = 0;
      expect(matchRoutes(tree, "/signalements")).not.toBeNull();
      return counter.reads;
    };
    matchAgain();
    expect(matchAgain()).toBe(0);
    // A pattern never compiled before (matchPath compiles the paths of links, NavLink's active state).
    expect(matchPath("/essai-jamais-vu/:id", "/essai-jamais-vu/3")?.params).toEqual({ id: "3" });
    expect(matchAgain()).toBe(0);
    // patchRoutesOnNavigation may patch the routes it already gave (the router calls it again for matched routes with params).
    const router = createRequire(import.meta.url)("@remix-run/router");
    const instance = router
      .createRouter({ routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }, { id: "connu", path: "connu" }] }], history: router.createMemoryHistory() })
      .initialize();
    instance.patchRoutes("root", [{ id: "connu", path: "connu" }]);
    expect(matchAgain()).toBe(0);
    // A patch that adds a route is seen (the cache is rebuilt).
    instance.patchRoutes("root", [{ id: "nouveau", path: "nouveau" }]);
    expect(matchAgain()).toBeGreaterThan(100);
    instance.dispose();
  });

  it("sees routes added in place by lazy route discovery (patchRoutesOnNavigation)", async () => {
    // The router the application loads (the only copy installed, checked by the version pinned in package.json).
    const router = createRequire(import.meta.url)("@remix-run/router");
    const instance = router
      .createRouter({
        routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
        history: router.createMemoryHistory(),
        patchRoutesOnNavigation: ({ patch }: { patch: (id: string, children: RouteNode[]) => void }) => patch("root", [{ id: "nouveau", path: "nouveau" }]),
      })
      .initialize();
    await instance.navigate("/nouveau");
    expect(instance.state.matches.map((m: { route: RouteNode }) => m.route.id)).toEqual(["root", "nouveau"]);
    instance.dispose();
  });
});
