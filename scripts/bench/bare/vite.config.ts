/**
 * The bare page the benchmark compares the application with: a Remix app of one route, built with the same Remix,
 * Vite and future flags as the application (see docs/performance.md). Built by `npm run bench` into build/bench-bare.
 */
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");

export default defineConfig({
  root,
  plugins: [
    remix({
      appDirectory: path.join(here, "app"),
      buildDirectory: path.join(root, "build/bench-bare"),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths({ root }),
  ],
  build: { target: "es2020", emptyOutDir: true },
});
