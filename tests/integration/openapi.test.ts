import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, openApiDocument } from "~/modules/api/index.server";

/** The API path a flat-route file serves: api.v1.irritants.$id.supports.ts → /irritants/{id}/supports. */
function pathOfRouteFile(file: string) {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/^api\.v1\.?/, "")
    .split(".")
    .filter(Boolean);
  return "/" + segments.map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s)).join("/");
}

describe("OpenAPI document", () => {
  const routeFiles = fs.readdirSync("app/routes").filter((f) => f.startsWith("api.v1.") && !f.includes("openapi") && f !== "api.v1.$.ts");

  it("describes every API route file, so a new endpoint cannot be left out", () => {
    const documented = new Set(API_OPERATIONS.map((op) => op.path));
    const missing = routeFiles.map(pathOfRouteFile).filter((p) => !documented.has(p));
    expect(routeFiles.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it("is OpenAPI 3.1 with request schemas generated from the zod schemas", () => {
    const doc = openApiDocument("http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    const post = doc.paths["/irritants"].post as { requestBody: { content: { "application/json": { schema: { required: string[]; properties: Record<string, unknown> } } } } };
    const schema = post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["title", "body"]);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["themes", "productId", "severity", "frequency"]));
    // Draft text is never a query parameter: the look-ups take it in the body.
    for (const path of ["/irritants/similar", "/themes/suggestions"]) {
      expect(Object.keys(doc.paths[path])).toEqual(["post"]);
      const op = doc.paths[path].post as { requestBody: { content: { "application/json": { schema: { required: string[] } } } }; parameters?: unknown[] };
      expect(op.requestBody.content["application/json"].schema.required).toEqual(["text"]);
      expect(op.parameters ?? []).toEqual([]);
    }
    const patch = doc.paths["/irritants/{id}"].patch as { parameters: { name: string }[] };
    expect(patch.parameters.map((p) => p.name)).toEqual(["id"]);
  });

  it("takes each request schema from the handler itself: what readQuery/readJson parse is what the document lists", async () => {
    const mismatches: string[] = [];
    for (const file of routeFiles) {
      const path = pathOfRouteFile(file);
      const source = fs.readFileSync(`app/routes/${file}`, "utf8");
      // Where each imported name comes from, to load the very object the handler parses with.
      const importedFrom = new Map<string, string>();
      for (const [, names, from] of source.matchAll(/import \{([^}]+)\} from "([^"]+)"/g)) for (const name of names.split(",")) importedFrom.set(name.trim(), from);
      const parsed = [...source.matchAll(/read(Query|Json)\(request, (\w+)\)/g)].map(([, kind, name]) => ({ kind, name }));
      const ops = API_OPERATIONS.filter((op) => op.path === path);
      for (const { kind, name } of parsed) {
        const from = importedFrom.get(name);
        if (!from) {
          mismatches.push(`${file}: ${name} is declared in the route, not imported from a module the document can share`);
          continue;
        }
        const schema = ((await import(from)) as Record<string, unknown>)[name];
        const documented = ops.some((op) => (kind === "Query" ? op.method === "get" && op.query === schema : op.method !== "get" && op.body === schema));
        if (!documented) mismatches.push(`${file}: parses with ${name}, which the document does not list for ${path}`);
      }
      for (const op of ops) {
        const expected = (op.query ? ["Query"] : []).concat(op.body ? ["Json"] : []);
        for (const kind of expected) if (!parsed.some((p) => p.kind === kind)) mismatches.push(`${file}: the document lists a ${kind} schema for ${op.method} ${path}, the handler parses none`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
