import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openPage, signedInState, type SignedInState } from "./browser";
import { seedAnalysedAttachment, textImage } from "./attachments";
import { useServerAndBrowser } from "./e2e";
import { PHONE_VIEWPORT, screenshotsDesktopAndPhone, sidewaysScroll } from "./phone";

/**
 * The server and Chromium of a page-list file (tests/e2e/pages-<n>.test.ts): with a Pro Santé Connect test provider
 * on loopback, so the sign-in pages are checked with its button shown, and the file the cover page needs: attachment
 * n°1, on one of the practitioner's irritants, as the worker leaves it. `session(email)` gives the cookies of that
 * account, signed in through the form once for the whole file.
 */
export function usePageServer() {
  const ctx = useServerAndBrowser({ psc: true });
  beforeAll(async () => {
    const irritantId = ctx.server.database.db.$client.prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = 'medecin@demo.sentinelle.fr' order by i.id limit 1").pluck().get() as number;
    await seedAnalysedAttachment(ctx.server, { email: "medecin@demo.sentinelle.fr", irritantId, png: await textImage(["Logiciel Cabinet - Agenda", "Renouvellement impossible"]) });
  });
  const sessions = new Map<string, Promise<SignedInState>>();
  const session = (email: string) => {
    if (!sessions.has(email)) sessions.set(email, signedInState(ctx.browser, ctx.server.url, email));
    return sessions.get(email)!;
  };
  return Object.assign(ctx, { session });
}

/** Screenshot name: test-results/screenshots/<role>-<page>-<bureau|telephone>.png. */
const shotName = (path: string, as: string | null) => `${as ? as.split("@")[0] : "visiteur"}-${path === "/" ? "accueil" : path.slice(1)}`;

/** One test per page, in a fresh context (signed in with the account's cookies when `as` is set). */
export function checkPages(ctx: ReturnType<typeof usePageServer>, pages: readonly { path: string; as: string | null; heading: RegExp }[]) {
  describe("every page", () => {
    for (const { path, as, heading } of pages) {
      it(`${path} as ${as ?? "a visitor"}: renders its heading, zero axe violations, no CSP error, no sideways scroll at 360 px`, async () => {
        const { page, context, problems } = await openPage(ctx.browser, as ? { storageState: await ctx.session(as) } : {});
        try {
          await page.goto(ctx.server.url + path);
          // Seen by that account: its cookies were taken, the header offers « Mon compte » (a visitor gets « Se connecter »).
          if (as) expect(await page.getByRole("banner").locator('a[href="/compte"]').count()).toBeGreaterThan(0);
          await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(heading);
          expect(await page.title()).toMatch(/Sentinelle/);
          expect(await axeViolations(page)).toEqual([]);
          expect(problems).toEqual([]);
          // Dates read in French: no ISO day in the text (machine values stay in <time dateTime> and form fields).
          expect((await page.locator("body").innerText()).match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).toEqual([]);
          await screenshotsDesktopAndPhone(page, shotName(path, as));
          const { scrollWidth, culprits } = await sidewaysScroll(page);
          expect(scrollWidth, `wider than the phone: ${culprits.join(", ")}`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
        } finally {
          await context.close();
        }
      });
    }
  });
}
