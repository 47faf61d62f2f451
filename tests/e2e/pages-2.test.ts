import { describe, expect, it } from "vitest";
import { axeViolations, openPage } from "../support/browser";
import { checkPages, usePageServer } from "../support/page-checks";
import { pagesOfFile } from "./page-list";

// A third of the page list (tests/e2e/page-list.ts): the three files run on both of Vitest's workers.
const ctx = usePageServer();
checkPages(ctx, pagesOfFile(2));

describe("Pro Santé Connect pages reached through the provider", () => {
  // rpps: a test card of tests/support/psc-provider.ts; path: where the app lands.
  const FLOWS = [
    { rpps: "10000000002", path: "/auth/psc/finaliser", heading: /Finaliser votre connexion/, why: "completion form (no e-mail from PSC)" },
    { rpps: "10000000003", path: "/auth/psc/finaliser", heading: /Finaliser votre connexion/, why: "completion form (e-mail of an existing account)" },
    { rpps: "10000000004", path: "/auth/psc/callback", heading: /Profession non prise en charge/, why: "unknown profession" },
    { rpps: "10000000001", path: "/compte", heading: /Mon compte/, why: "profile of an account created through PSC" },
  ];
  for (const { rpps, path, heading, why } of FLOWS) {
    it(`${why}: renders its heading, zero axe violations, no CSP error`, async () => {
      const { page, context, problems } = await openPage(ctx.browser);
      try {
        await page.goto(ctx.server.url + "/connexion");
        await page.getByRole("link", { name: "Se connecter avec Pro Santé Connect" }).click();
        await page.getByLabel("Numéro RPPS de la carte de test").fill(rpps);
        await page.getByRole("button", { name: "S'authentifier" }).click();
        await page.waitForURL((url) => url.origin === ctx.server.url && url.pathname === path);
        await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(heading);
        expect(await page.title()).toMatch(/Sentinelle/);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
