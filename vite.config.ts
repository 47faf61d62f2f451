/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { BrowserFilesFirst } from "./tests/support/sequencer";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  // The Remix plugin must stay out of Vitest runs: it takes over the module graph.
  plugins: [
    tailwindcss(),
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/.*"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
    tsconfigPaths(),
  ],
  build: {
    target: "es2020",
    // Capabilities are entered through barrels (app/modules/<cap>/index.ts, decision 017). Their files run nothing
    // when imported, so a bundle may drop a barrel's unused re-exports, and with them e.g. zod schemas or csv-parse
    // that only a route's action uses. A `*.lazy.tsx` component file is loaded by a dynamic import in the browser: its
    // static import, for the server's render only (app/components/irritant-forms.tsx), must not keep it in the page.
    rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes("/app/modules/") && !id.endsWith(".lazy.tsx") } },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
    // Browser files first, so that the long ones do not end the run on one worker (tests/support/sequencer.ts).
    sequence: { sequencer: BrowserFilesFirst },
    // Generous: a browser journey on a busy 2-core machine can take several times its quiet duration.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
