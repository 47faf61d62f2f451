import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("a survey wave's results page (team)", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`shows one question's per-software breakdown at a time, reached by its link (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const team = await openPage(ctx.browser, { javaScriptEnabled });
      await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
      await team.page.goto(ctx.server.url + "/equipe/enquetes/segur-2025");
      await expect(team.page.getByRole("region", { name: /^Résultats par logiciel/ }).count()).resolves.toBe(0);
      const link = team.page.getByRole("link", { name: /^Par logiciel : Globalement/ });
      await link.focus();
      await team.page.keyboard.press("Enter");
      await team.page.waitForURL(/logiciels=satisfaction-globale/);
      const breakdown = team.page.getByRole("region", { name: /^Résultats par logiciel : Globalement/ });
      // With JavaScript the address changes as the navigation commits: wait for the table rather than count at once.
      await breakdown.getByRole("row").first().waitFor();
      await expect(breakdown.getByRole("row").count()).resolves.toBeGreaterThan(3);
      await expect(team.page.getByRole("region", { name: /^Résultats par logiciel/ }).count()).resolves.toBe(1);
      // The other questions still link to theirs.
      await expect(team.page.getByRole("link", { name: /^Par logiciel : / }).count()).resolves.toBeGreaterThan(3);
      if (javaScriptEnabled) expect(await axeViolations(team.page)).toEqual([]);
      expect(team.problems).toEqual([]);
      await team.context.close();
    });
  }
});
