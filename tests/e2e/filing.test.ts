import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("filing journeys, from the home page by clicking", () => {
  it("a practitioner files with the suggested themes, ticked, and they are the ones kept", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/");
    await page.getByRole("main").getByRole("link", { name: "Signaler un irritant" }).click();
    await page.waitForURL(/\/signalements\/nouveau$/);
    await page.getByLabel("Titre").fill("Messagerie sécurisée : envoi refusé");
    await page
      .getByLabel("Description")
      .pressSequentially("La messagerie sécurisée MSSanté refuse d'envoyer le compte rendu au confrère, l'annuaire ne trouve pas son adresse.", { delay: 2 });
    await page.getByText(/Thèmes suggérés d'après votre description : MSSanté/).waitFor();
    const themes = page.getByRole("group", { name: /Thèmes/ });
    const ticked = await themes.locator("input:checked").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? ""));
    expect(ticked).toContain("MSSanté (messagerie sécurisée)");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await waitForNotice(page, "a bien été reçu");
    const stored = await page.getByRole("list", { name: "Thèmes" }).getByRole("listitem").allTextContents();
    expect(stored.sort()).toEqual([...ticked].sort());
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a patient files about Mon espace santé, on a patient's form", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "patient@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/");
    await page.getByRole("main").getByRole("link", { name: "Signaler un irritant" }).click();
    await page.waitForURL(/\/signalements\/nouveau$/);
    await page.getByRole("heading", { level: 1, name: "Signaler une difficulté" }).waitFor();
    await page.getByRole("heading", { name: "Votre difficulté" }).waitFor();
    expect(await page.getByLabel("Logiciel concerné (facultatif)").count()).toBe(0);
    expect(await page.getByText("Moment de la consultation").count()).toBe(0);
    await page.getByLabel("Titre").fill("Mon compte rendu n'apparaît pas");
    await page.getByLabel("Description").fill("Le compte rendu de ma radio n'apparaît pas dans mes documents, trois semaines après l'examen.");
    await page.getByLabel("Mon espace santé (mes documents, mon profil médical)").check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await waitForNotice(page, "a bien été reçu");
    await expect(page.getByRole("list", { name: "Thèmes" }).textContent()).resolves.toContain("Mon espace santé / DMP");
    expect(problems).toEqual([]);
    await context.close();
  });
});
