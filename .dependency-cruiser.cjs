/**
 * Architecture rules (issue 17), checked by `npm run lint:deps` inside `npm test`. Arrows point down
 * (routes/components -> modules -> lib -> db), capabilities are entered through their front door
 * (`app/modules/<cap>/index.server.ts` or `index.ts`), pure files never pull in server code, and nothing is circular.
 * KNOWN_DEEP_IMPORTERS holds today's deep imports so they cannot grow; remove an entry when you fix it, never add one.
 */
// Files that still reach into another capability's inner files: to rewrite to the front doors (step 5 of issue 17).
const KNOWN_DEEP_IMPORTERS = [
  "^app/modules/privacy/personal-data[.]server[.]ts$",
  "^app/modules/irritants/engagement[.]server[.]ts$",
  "^app/modules/irritants/irritants[.]server[.]ts$",
  "^app/modules/irritants/masking[.]server[.]ts$",
  "^app/modules/notifications/delivery[.]server[.]ts$",
  "^app/modules/progress/figures[.]server[.]ts$",
  "^app/modules/progress/open-data[.]server[.]ts$",
  "^app/modules/progress/themes[.]server[.]ts$",
  "^app/modules/seminars/board[.]server[.]ts$",
  "^app/modules/seminars/restitution[.]server[.]ts$",
  "^app/modules/seminars/(agenda|feedback|internal|outcomes|public|registrations)[.]server[.]ts$", // split of seminars.server.ts
  "^app/modules/tickets/(ticket-scorecards|ticket-messages|ticket-responses|fix-questions)[.]server[.]ts$", // split of tickets.server.ts
  "^app/modules/surveys/schemas[.]ts$",
  "^app/modules/progress/schemas[.]ts$",
  "^app/modules/api/openapi[.]server[.]ts$", // documents every capability's API schemas
  "^app/modules/surveys/campaigns[.]server[.]ts$",
  "^app/modules/tickets/tickets[.]server[.]ts$",
];

// The capabilities from the bottom up (decision 017). A capability's files may use the server files of capabilities
// in lower layers only; pure files (vocabularies, labels, schemas, text) may be shared across layers as long as
// nothing is circular (notifications read irritants' status labels, irritants use notifications' follows).
const LAYERS = [
  ["accounts", "settings", "vendors", "audit", "action-plan", "indicators"],
  ["surveys"],
  ["notifications"],
  ["irritants"],
  ["tickets"],
  ["privacy", "seminars", "progress"],
  ["api"],
];
const layerRules = LAYERS.flatMap((layer, i) =>
  layer.map((capability) => ({
    name: `layers-${capability}`,
    comment: `${capability} uses the server side of lower capabilities only.`,
    severity: "error",
    from: { path: `^app/modules/${capability}/` },
    to: { path: `^app/modules/(${LAYERS.slice(i).flat().filter((c) => c !== capability).join("|")})/.*[.]server[.]tsx?$` },
  })),
);

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
    {
      name: "no-deep-import-between-capabilities",
      comment: "Another capability is entered through its front door (index.ts / index.server.ts) only.",
      severity: "error",
      from: { path: "^app/modules/([^/]+)/", pathNot: KNOWN_DEEP_IMPORTERS },
      to: { path: "^app/modules/(?!$1/)[^/]+/(?!index)" },
    },
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
