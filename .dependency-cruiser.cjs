/**
 * Architecture rules (issue 17), checked by `npm run lint:deps` inside `npm test`. Arrows point down
 * (routes/components -> modules -> lib -> db), capabilities are entered through their front door
 * (`app/modules/<cap>/index.server.ts` or `index.ts`), pure files never pull in server code, and nothing is circular.
 */

// The capabilities from the bottom up (decision 017). A capability's files may use the server files of capabilities
// in lower layers only; pure files (vocabularies, labels, schemas, text) may be shared across layers as long as
// nothing is circular (notifications read irritants' status labels, irritants use notifications' follows).
const { layers: LAYERS } = require("./capability-layers.json");
const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((capability) => ({
    name: `layers-${capability}`,
    comment: `${capability} uses the server side of lower capabilities only.`,
    severity: "error",
    from: { path: `^app/modules/${capability}/` },
    to: { path: `^app/modules/(${LAYERS.slice(i).flat().filter((c) => c !== capability).join("|")})/.*[.]server[.]tsx?$` },
  })),
);

/** Importers matching `from` reach a capability (other than the one `except` excludes) only through its front door. */
function frontDoorRule(name, comment, from, except = "") {
  return { name, comment, severity: "error", from: { path: from }, to: { path: `^app/modules/${except}[^/]+/(?!index([.]server)?[.]ts$)` } };
}

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    {
      name: "db-not-app",
      comment: "db/ is the bottom layer: it never imports the application.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-modules",
      comment: "app/lib is below the capabilities: it never imports app/modules.",
      severity: "error",
      from: { path: "^app/lib/" },
      to: { path: "^app/modules/" },
    },
    {
      name: "modules-and-lib-not-above",
      comment: "Routes, components, the seed, start-up, the worker and the wiring of capabilities sit above app/modules and app/lib.",
      severity: "error",
      from: { path: "^app/(modules|lib)/" },
      to: { path: "^app/(?!modules/|lib/)" },
    },
    ...layerRules,
    frontDoorRule(
      "no-deep-import-between-capabilities",
      "Another capability is entered through its front door (index.ts / index.server.ts) only.",
      "^app/modules/([^/]+)/",
      "(?!$1/)",
    ),
    frontDoorRule(
      "no-deep-import-into-capabilities",
      "Routes, components, app/lib, root, scripts, server.ts and db/ enter a capability through its front door only " +
        "(regenerate the doors with `npx tsx scripts/front-doors.ts`).",
      "^(app/(?!modules/)|scripts/|db/|server[.]ts$)",
    ),
    {
      name: "pure-not-server",
      comment: "Pure files (no .server in the name) may run in the browser: they never import server code.",
      severity: "error",
      from: { path: "^app/", pathNot: ["[.]server[.]tsx?$", "^app/entry[.]server[.]tsx$", "^app/root[.]tsx$", "^app/routes/"] },
      to: { path: ["[.]server[.]tsx?$", "/[.]server/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-not-server",
      severity: "error",
      from: { path: "^app/components/" },
      to: { path: ["[.]server[.]tsx?$", "^db/"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
