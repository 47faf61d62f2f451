import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();
const png = (color: string) => sharp({ create: { width: 80, height: 50, channels: 3, background: color } }).png().toBuffer();

describe("attaching files from the pages", () => {
  it("previews the picked files (thumbnail, name, size), removes one, and files the irritant with the rest", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(`${ctx.server.url}/signalements/nouveau`);
    await page.getByLabel("Titre").fill("Erreur à l'ouverture du dossier patient");
    await page.getByLabel("Description").fill("Le logiciel affiche une erreur à chaque ouverture du dossier, voir les captures.");
    await page.getByLabel(/Joindre des captures d'écran/).setInputFiles([
      { name: "premiere.png", mimeType: "image/png", buffer: await png("#3366aa") },
      { name: "seconde.png", mimeType: "image/png", buffer: await png("#aa3366") },
    ]);
    const picked = page.getByRole("list", { name: "Fichiers choisis, pas encore envoyés" });
    await expect.poll(() => picked.getByRole("listitem").count()).toBe(2);
    // The thumbnail is an object URL the CSP lets through (img-src blob:): it loads.
    const thumbnail = page.getByRole("img", { name: "Aperçu de premiere.png" });
    expect(await thumbnail.getAttribute("src")).toMatch(/^blob:/);
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(80);
    expect(await picked.getByRole("listitem").first().textContent()).toMatch(/premiere\.png · \d+ ko/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Retirer seconde.png" }).click();
    await expect.poll(() => picked.getByRole("listitem").count()).toBe(1);
    expect(await page.getByLabel(/Joindre des captures d'écran/).evaluate((input) => [...((input as HTMLInputElement).files ?? [])].map((f) => f.name))).toEqual(["premiere.png"]);
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await waitForNotice(page, "a bien été reçu");
    const files = page.getByRole("list", { name: "Fichiers joints" }).getByRole("listitem");
    expect(await files.count()).toBe(1);
    expect(await files.first().textContent()).toContain("Analyse en cours");
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("attaches a file to a vendor's reply without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "editeur-a@demo.sentinelle.fr");
    await page.goto(`${ctx.server.url}/editeur/tickets/1`);
    await page.getByLabel("Message").fill("Voici la capture de l'écran corrigé.");
    await page.getByLabel(/Joindre des captures d'écran/).setInputFiles([{ name: "corrige.png", mimeType: "image/png", buffer: await png("#22aa22") }]);
    await page.getByRole("button", { name: "Envoyer" }).click();
    await page.getByText("Fichier joint : analyse en cours").first().waitFor();
    // The vendor's own file, under review: shown to its author with its status.
    await page.getByText("Analyse en cours").first().waitFor();
    await context.close();
  }, 60_000);

  it("refuses a comment whose file is not an image, keeps the text, and names the file", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "patient@demo.sentinelle.fr");
    await page.goto(`${ctx.server.url}/signalements/4`);
    await page.getByLabel("Ajouter un commentaire").fill("Chez moi aussi, voici l'écran.");
    await page.getByLabel(/Joindre des captures d'écran/).setInputFiles([{ name: "ecran.png", mimeType: "image/png", buffer: Buffer.from("pas une image") }]);
    await page.getByRole("button", { name: "Publier le commentaire" }).click();
    await page.getByText(/« ecran\.png » : Ce fichier n'est ni une image/).first().waitFor();
    expect(await page.getByLabel("Ajouter un commentaire").inputValue()).toBe("Chez moi aussi, voici l'écran.");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
