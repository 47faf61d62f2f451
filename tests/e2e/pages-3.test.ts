import { describe, expect, it } from "vitest";
import { openPage } from "../support/browser";
import { checkPages, usePageServer } from "../support/page-checks";
import { pagesOfFile } from "./page-list";

// A third of the page list (tests/e2e/page-list.ts): the three files run on both of Vitest's workers.
const ctx = usePageServer();
checkPages(ctx, pagesOfFile(3));

describe("layout", () => {
  it("offers a skip link as the first keyboard stop, which moves focus to the content", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/");
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused.textContent()).resolves.toBe("Aller au contenu");
      await page.keyboard.press("Enter");
      expect(page.url()).toMatch(/#contenu$/);
    } finally {
      await context.close();
    }
  });

  it("shows the navigation each role needs", async () => {
    const navFor = async (email: string | null) => {
      // Signed in with the cookies of the file's one sign-in per account (the sign-in form is tested elsewhere).
      const { page, context } = await openPage(ctx.browser, email ? { storageState: await ctx.session(email) } : {});
      await page.goto(ctx.server.url + "/");
      // Sub-menus ("Espace équipe", "Administration") are closed <details>: their links count too.
      const items = await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { includeHidden: true }).allTextContents();
      await context.close();
      return items;
    };
    expect(await navFor(null)).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation"]);
    // The practitioner's count: the open questionnaire awaits them. "Mon compte" is a quick link of the header.
    expect(await navFor("medecin@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Signaler un irritant", "Mes signalements", "Mes enquêtes 1 questionnaire à remplir"]);
    expect(await navFor("patient@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Signaler un irritant", "Mes signalements", "Mes enquêtes"]);
    // A vendor files about other vendors' software (issue 20) and follows those reports in « Mes signalements ».
    expect(await navFor("editeur-b@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Mes signalements", "Espace éditeur"]);
    const team = ["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Tri des signalements", "Recueillir un signalement", "Tickets", "Édition du plan", "Enquêtes (équipe)", "Séminaires", "Points d'étape", "Référentiel réglementaire", "Thèmes", "Vocabulaire", "Catalogue", "Annonces aux éditeurs", "Réglages", "Journal"];
    expect(await navFor("equipe@demo.sentinelle.fr")).toEqual(team);
    expect(await navFor("admin@demo.sentinelle.fr")).toEqual([...team, "Comptes", "Courriels"]);
  });

  it("carries the accessibility status and the legal pages in the footer", async () => {
    const { page, context } = await openPage(ctx.browser);
    await page.goto(ctx.server.url + "/");
    const links = await page.getByRole("contentinfo").getByRole("list").getByRole("link").allTextContents();
    expect(links).toEqual(["Accessibilité : non conforme", "Mentions légales", "Données personnelles", "À propos", "Plan du site"]);
    await context.close();
  });
});
