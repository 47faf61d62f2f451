import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { addFreeTexts } from "../support/surveys";

const ctx = useServerAndBrowser();

beforeAll(() => {
  // More distinct answers than one page holds (50), written as responses: the first view keeps their texts.
  addFreeTexts("segur-2025", Array.from({ length: 70 }, (_, i) => `Idée de la vague numéro ${String(i).padStart(2, "0")}`));
});

describe("the free-text answers of a wave, page after page (team)", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`follows « Réponses suivantes » by keyboard, and its address names no answer (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const team = await openPage(ctx.browser, { javaScriptEnabled });
      await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
      await team.page.goto(ctx.server.url + "/equipe/enquetes/segur-2025/reponses-libres");
      const firstPage = await team.page.locator("input[name=answer]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      const firstTexts = await team.page.locator("blockquote").allTextContents();
      expect(firstPage.length).toBe(50);
      const next = team.page.getByRole("link", { name: "Réponses suivantes de cette question" });
      await next.focus();
      await team.page.keyboard.press("Enter");
      await team.page.waitForURL(/apres=/);
      await team.page.getByRole("link", { name: "Revenir aux premières réponses" }).waitFor();
      const cursor = new URL(team.page.url()).searchParams.get("apres")!;
      // The access log sees this address: no answer's hash, sealed instead.
      expect(cursor).not.toMatch(/^[0-9a-f]{24}$/);
      for (const hash of firstPage) expect(cursor).not.toContain(hash);
      const secondTexts = await team.page.locator("blockquote").allTextContents();
      expect(secondTexts.length).toBeGreaterThan(0);
      expect(secondTexts.filter((t) => firstTexts.includes(t))).toEqual([]);
      if (javaScriptEnabled) expect(await axeViolations(team.page)).toEqual([]);
      expect(team.problems).toEqual([]);
      await team.context.close();
    });
  }
});
