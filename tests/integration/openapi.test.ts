import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, openApiDocument } from "~/modules/api/openapi.server";

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
});
