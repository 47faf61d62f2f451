import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** One copy of React and of Vite in the installed tree: two copies break hooks and the build in subtle ways. */
describe("dependency hygiene", () => {
  it("installs a single version of react, react-dom and vite", () => {
    const tree = JSON.parse(execFileSync("npm", ["ls", "react", "react-dom", "vite", "--all", "--json"], { encoding: "utf8" })) as { dependencies?: Record<string, Node> };
    type Node = { version?: string; dependencies?: Record<string, Node> };
    const versions: Record<string, Set<string>> = { react: new Set(), "react-dom": new Set(), vite: new Set() };
    const walk = (deps: Record<string, Node> | undefined) => {
      for (const [name, node] of Object.entries(deps ?? {})) {
        if (name in versions && node.version) versions[name].add(node.version);
        walk(node.dependencies);
      }
    };
    walk(tree.dependencies);
    expect(Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, [...v]]))).toEqual({ react: ["18.3.1"], "react-dom": ["18.3.1"], vite: [expect.stringMatching(/^6\./)] });
  });
});
