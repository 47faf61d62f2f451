import { describe, expect, it } from "vitest";
import { openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("points d'étape", () => {
  it("asks for a confirmation before publishing a draft, without JavaScript; cancelling publishes nothing", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/avancement");
    const draft = page.getByRole("listitem").filter({ hasText: "brouillon" }).first().getByRole("link");
    const title = (await draft.textContent()) ?? "";
    await draft.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("link", { name: "Publier…" }).click();
    const confirmation = page.locator("section", { has: page.getByRole("heading", { level: 2, name: /^Publier « / }) });
    await confirmation.getByText("Il apparaîtra aussitôt sur la page Avancement").waitFor();
    // Axe and the phone width are checked on this step by the page list (tests/e2e/page-list.ts), where scripts run.
    await confirmation.getByRole("link", { name: "Annuler" }).click();
    await page.getByText("Brouillon : visible par l'équipe seulement.").waitFor();
    expect(await page.locator("section", { has: page.getByRole("heading", { level: 2, name: /^Publier « / }) }).count()).toBe(0);

    await page.getByRole("link", { name: "Publier…" }).click();
    await page.getByRole("button", { name: "Confirmer la publication" }).click();
    await waitForNotice(page, "Point d'étape publié");
    await page.getByRole("button", { name: "Repasser en brouillon" }).waitFor();
    await context.close();
  });
});
