import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, openPage, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

/** From the home page, signs in by clicking « Se connecter » (the demo password). */
async function signInFromHome(page: Page, email: string) {
  await page.goto(ctx.server.url + "/");
  await page.getByRole("link", { name: "Se connecter" }).click();
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("sentinelle-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

const menu = (page: Page) => page.getByRole("navigation", { name: "Menu principal" });

describe("a practitioner's journey, from the home page and only by clicking", () => {
  it("files an irritant, finds it under « Mes signalements », then finds and answers the open questionnaire; the notice is then gone", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      await signInFromHome(page, "medecin@demo.sentinelle.fr");
      await menu(page).getByRole("link", { name: "Accueil" }).click();

      // Filing, from the home page's button.
      const title = "Le lecteur de carte Vitale se déconnecte pendant la consultation";
      await page.getByRole("main").getByRole("link", { name: "Signaler un irritant" }).click();
      await page.getByLabel("Titre").fill(title);
      await page.getByLabel("Description").fill("Depuis la dernière mise à jour, le lecteur se déconnecte et il faut relancer le logiciel à chaque patient.");
      await page.getByRole("button", { name: "Envoyer le signalement" }).click();
      await waitForNotice(page, "a bien été reçu");

      // « Mes signalements », from the menu: the new report is there, not published yet, with its news.
      await menu(page).getByRole("link", { name: "Mes signalements" }).click();
      await page.getByRole("heading", { level: 1, name: "Mes signalements" }).waitFor();
      const mine = page.getByRole("list", { name: "Mes signalements" }).getByRole("listitem").first();
      await expect(mine.getByRole("link").textContent()).resolves.toBe(title);
      await expect(mine.textContent()).resolves.toContain("Non publié");
      await expect(mine.textContent()).resolves.toMatch(/Dernière actualité, le \d{1,2} \S+ \d{4} : Signalement déposé/);
      expect(await axeViolations(page)).toEqual([]);
      await mine.getByRole("link", { name: title }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText("Non publié : visible par vous et l'équipe programme.").waitFor();

      // The home page says a questionnaire awaits; its link leads to it.
      await menu(page).getByRole("link", { name: "Accueil" }).click();
      await page.getByText("Un questionnaire vous attend").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Voir le questionnaire" }).click();
      await page.getByRole("heading", { level: 1, name: "Mes enquêtes" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: /Répondre au questionnaire « Satisfaction fonctions Ségur — vague en cours »/ }).click();

      await page.getByText("Étape 1 sur").waitFor();
      const total = Number(/Étape 1 sur (\d+)/.exec((await page.getByText(/Étape 1 sur/).textContent()) ?? "")![1]);
      await page.getByLabel("Quel logiciel utilisez-vous au quotidien ?").selectOption({ label: "AzurMed (Azur Logiciels Santé (démo))" });
      await page.getByLabel("Médecin").check();
      const next = async (step: number) => {
        await page.getByRole("button", { name: "Étape suivante" }).click();
        await page.getByText(`Étape ${step} sur ${total}`).waitFor();
      };
      await next(2);
      for (const row of ["Qualification de l'INS", "Alimentation du dossier médical", "Envoi de documents", "Réception et intégration", "Production du volet", "Ordonnance numérique", "Consultation du dossier", "Rapidité du logiciel"]) {
        await page.getByRole("group", { name: new RegExp(row) }).getByLabel("Plutôt satisfait").check();
      }
      await next(3);
      await page.getByRole("group", { name: /Globalement/ }).getByLabel("D'accord", { exact: true }).check();
      await page.getByRole("group", { name: /Recommanderiez-vous/ }).getByLabel("8", { exact: true }).check();
      await next(4);
      await page.getByRole("group", { name: /Avez-vous signalé un problème/ }).getByLabel("Non", { exact: true }).check();
      await next(5);
      await page.getByRole("group", { name: /Connaissez-vous Sentinelle/ }).getByLabel("Oui", { exact: true }).check();
      await next(6);
      await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
      await page.waitForURL(/\/enquetes\/segur-en-cours\/merci/);

      // Answered: the home page no longer says a questionnaire awaits; « Mes enquêtes » marks it answered.
      await menu(page).getByRole("link", { name: "Accueil" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.getByRole("heading", { level: 1, name: /irritants du numérique en santé/ }).waitFor();
      expect(await page.getByText("Un questionnaire vous attend").count()).toBe(0);
      await menu(page).getByRole("link", { name: /^Mes enquêtes/ }).click();
      await page.getByText("Aucun questionnaire ne vous attend pour l'instant.").waitFor();
      await expect(page.getByRole("region", { name: "Déjà répondus" }).textContent()).resolves.toContain("Satisfaction fonctions Ségur — vague en cours");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("/resultats links the open wave to its questionnaire", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/");
      await menu(page).getByRole("link", { name: "Enquêtes" }).click();
      await page.getByRole("link", { name: "Répondre au questionnaire « Satisfaction fonctions Ségur — vague en cours »" }).click();
      // Answering needs an account: the sign-in page, which brings the person back to the questionnaire.
      await page.waitForURL(/\/connexion\?redirectTo=%2Fenquetes%2Fsegur-en-cours/);
    } finally {
      await context.close();
    }
  });
});
