import { describe, expect, it } from "vitest";
import { openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("render cache in a browser", () => {
  it("a cached page runs its scripts under the hashes' CSP: it hydrates and navigates on the client, without a CSP error", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      expect((await page.goto(ctx.server.url + "/"))?.headers()["x-cache"]).toBe("miss");
      const again = await page.reload();
      expect(again?.headers()["x-cache"]).toBe("hit");
      expect(again?.headers()["content-encoding"]).toBe("br");
      await page.waitForFunction(() => "__remixRouter" in window);
      // A client navigation: the page is not reloaded, its data comes from /signalements.data.
      await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
      await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Signalements" }).click();
      await page.getByRole("heading", { level: 1, name: /Signalements/ }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a visitor who signs in then gets the signed-in page, not the cached one", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/");
      expect((await page.reload())?.headers()["x-cache"]).toBe("hit");
      await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
      const home = await page.goto(ctx.server.url + "/");
      expect(home?.headers()["x-cache"]).toBeUndefined();
      await page.getByRole("link", { name: "Mes signalements" }).first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
