import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

// « Vérifier les doublons » on the filing form, in Chromium: without JavaScript the files picked before the check are
// kept for the final submission; with JavaScript, they are not sent twice.

const ctx = useServerAndBrowser();
const png = (color: string) => sharp({ create: { width: 80, height: 50, channels: 3, background: color } }).png().toBuffer();
const attachmentsOf = (irritantId: number) => ctx.server.database.db.$client.prepare("select count(*) from attachments where owner_kind = 'irritant' and owner_id = ?").pluck().get(irritantId) as number;

async function fillAndCheck(javaScriptEnabled: boolean) {
  const { page, context, problems } = await openPage(ctx.browser, { javaScriptEnabled });
  await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
  await page.goto(`${ctx.server.url}/signalements/nouveau`);
  await page.getByLabel("Titre").fill("Erreur à l'ouverture du dossier patient");
  await page.getByLabel("Description").fill("Le logiciel affiche une erreur à chaque ouverture du dossier, voir les captures.");
  await page.getByLabel(/Joindre des captures d'écran/).setInputFiles([
    { name: "premiere.png", mimeType: "image/png", buffer: await png("#3366aa") },
    { name: "seconde.png", mimeType: "image/png", buffer: await png("#aa3366") },
  ]);
  await page.getByRole("button", { name: "Vérifier les doublons", exact: true }).click();
  const held = page.getByRole("list", { name: "2 fichiers déjà reçus, joints à l'envoi" });
  await held.waitFor();
  return { page, context, problems, held };
}

describe("files picked before « Vérifier les doublons »", () => {
  it("without JavaScript: listed after the check, one removed, the other attached on sending", async () => {
    const { page, context, held } = await fillAndCheck(false);
    expect(await held.getByRole("listitem").count()).toBe(2);
    await page.getByRole("button", { name: "Retirer premiere.png" }).click();
    await page.getByRole("list", { name: "Fichier déjà reçu, joint à l'envoi" }).waitFor();
    expect(await page.getByText(/^seconde\.png · /).count()).toBe(1);
    expect(await page.getByText(/^premiere\.png · /).count()).toBe(0);
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.waitForURL(/\/signalements\/\d+\?envoye=1/);
    const id = Number(/\/signalements\/(\d+)/.exec(page.url())?.[1]);
    expect(attachmentsOf(id)).toBe(1);
    await context.close();
  }, 60_000);

  it("with JavaScript: the picker lets go of the held files, so each is attached once", async () => {
    const { page, context, problems } = await fillAndCheck(true);
    expect(await page.getByLabel(/Joindre des captures d'écran/).evaluate((input) => (input as HTMLInputElement).files?.length ?? 0)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.waitForURL(/\/signalements\/\d+\?envoye=1/);
    const id = Number(/\/signalements\/(\d+)/.exec(page.url())?.[1]);
    expect(attachmentsOf(id)).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
