import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BREADCRUMBS, crumbFrom, trailFor } from "~/components/breadcrumb";

const ROUTES = path.resolve("app/routes");
const routeIds = fs
  .readdirSync(ROUTES)
  .filter((f) => f.endsWith(".tsx"))
  .map((f) => `routes/${f.replace(/\.tsx$/, "")}`);

// Pages outside the site's tree: the home page, the catch-all 404, layouts, redirect-only or full-screen routes.
const WITHOUT_TRAIL = new Set([
  "routes/_index",
  "routes/$",
  "routes/compte",
  "routes/auth.psc._index",
  "routes/auth.psc.callback",
  "routes/atelier.$code",
  "routes/ateliers.$id.animation",
]);

/** The pathname a route file serves when its parameters are filled in (flat routes conventions). */
function pathOf(routeId: string) {
  const name = routeId.replace(/^routes\//, "");
  const segments = name
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/^\$.*/, "x"));
  return "/" + segments.join("/");
}

describe("breadcrumb table", () => {
  it("places every page of the site, and nothing that is not a page", () => {
    const missing = routeIds.filter((id) => !WITHOUT_TRAIL.has(id) && !BREADCRUMBS[id]);
    expect(missing).toEqual([]);
    const unknown = Object.keys(BREADCRUMBS).filter((id) => !routeIds.includes(id));
    expect(unknown).toEqual([]);
  });

  it("only links to pages that exist", () => {
    const paths = new Set(routeIds.map(pathOf));
    const parents = Object.values(BREADCRUMBS).flatMap((place) => place.parents.map((p) => p.to));
    expect(parents.filter((to) => !paths.has(to))).toEqual([]);
  });

  it("lists a page's parents from the top down, never the page itself", () => {
    expect(trailFor({ id: "routes/equipe.signalements.$id" })).toEqual({
      parents: [
        { label: "Espace équipe", to: "/equipe" },
        { label: "Tri des signalements", to: "/equipe/signalements" },
      ],
      label: "Signalement",
    });
    for (const [id, place] of Object.entries(BREADCRUMBS)) {
      expect(place.parents.map((p) => p.to), id).not.toContain(pathOf(id));
    }
  });

  it("names a page from its data when its handle can, from the table otherwise", () => {
    const handle = { breadcrumb: (data: unknown) => (data as { irritant?: { title: string } }).irritant?.title };
    expect(trailFor({ id: "routes/signalements.$id", data: { irritant: { title: "Lenteur du DMP" } }, handle })?.label).toBe("Lenteur du DMP");
    expect(trailFor({ id: "routes/signalements.$id", data: {}, handle })?.label).toBe("Signalement");
    expect(trailFor({ id: "routes/signalements.$id", handle })?.label).toBe("Signalement");
    // A refused action renders the error page with the route's data null: the table's label, not a crash.
    expect(trailFor({ id: "routes/signalements.$id", data: null, handle })?.label).toBe("Signalement");
  });

  it("places a page under the page its data names (a seminar's registrations under that seminar)", () => {
    const handle = crumbFrom<{ seminar?: { id: number; title: string } }>(
      () => undefined,
      (data) => (data.seminar ? { label: data.seminar.title, to: `/equipe/seminaires/${data.seminar.id}` } : undefined),
    );
    expect(trailFor({ id: "routes/equipe.seminaires.$id_.inscriptions", data: { seminar: { id: 3, title: "Séminaire de Lyon" } }, handle })).toEqual({
      parents: [
        { label: "Espace équipe", to: "/equipe" },
        { label: "Séminaires (équipe)", to: "/equipe/seminaires" },
        { label: "Séminaire de Lyon", to: "/equipe/seminaires/3" },
      ],
      label: "Inscriptions",
    });
    expect(trailFor({ id: "routes/equipe.seminaires.$id_.inscriptions", data: null, handle })?.parents).toHaveLength(2);
  });

  it("has no trail for the home page or an unknown route", () => {
    expect(trailFor({ id: "routes/_index" })).toBeNull();
    expect(trailFor({ id: "routes/inconnue" })).toBeNull();
    expect(trailFor(undefined)).toBeNull();
  });
});
