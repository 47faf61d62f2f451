import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { seedAnalysedAttachment, textImage } from "../support/attachments";
import { PHONE_VIEWPORT, sidewaysScroll } from "../support/phone";

// Covering areas of an attached file by hand (issue 22), in Chromium: drawing with the mouse, ticking cells with the
// keyboard, and the grid alone without JavaScript.

const ctx = useServerAndBrowser();
const AUTHOR = "medecin@demo.sentinelle.fr";

async function seed() {
  const irritantId = ctx.server.database.db.$client.prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = ? order by i.id limit 1").pluck().get(AUTHOR) as number;
  const png = await textImage(["Logiciel Cabinet - Agenda", "Rendez-vous avec Jeanne MARTINEAU", "Renouvellement impossible"]);
  return { irritantId, id: await seedAnalysedAttachment(ctx.server, { email: AUTHOR, irritantId, png }) };
}

describe("covering areas of an attached file", () => {
  it("draws a rectangle with the mouse, shows it before saving, removes one, ticks a cell from the keyboard, and covers them", async () => {
    const { irritantId, id } = await seed();
    const { page, context, problems } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, AUTHOR);
    // From the irritant's page, the author's link to the cover page.
    await page.goto(`${ctx.server.url}/signalements/${irritantId}`);
    await page.getByRole("link", { name: `Masquer d'autres zones du fichier n°${id}` }).click();
    await page.getByRole("heading", { level: 1, name: `Masquer des zones du fichier n°${id}` }).waitFor();
    const image = page.getByRole("img", { name: `Fichier joint n°${id}, version masquée` });
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(640);
    expect(await axeViolations(page)).toEqual([]);
    // Two rectangles drawn with the mouse, one removed again.
    const box = (await image.boundingBox())!;
    const drag = async (x0: number, y0: number, x1: number, y1: number) => {
      await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * ((x0 + x1) / 2), box.y + box.height * ((y0 + y1) / 2), { steps: 3 });
      await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1, { steps: 3 });
      await page.mouse.up();
    };
    await drag(0.05, 0.4, 0.95, 0.6);
    await drag(0.5, 0.05, 0.6, 0.15);
    const drawn = page.getByRole("list", { name: "Zones dessinées, pas encore masquées" }).getByRole("listitem");
    await expect.poll(() => drawn.count()).toBe(2);
    await page.getByRole("button", { name: "Retirer la zone dessinée n°2" }).click();
    await expect.poll(() => drawn.count()).toBe(1);
    // Before saving, the drawn area shows black over the image (what will be covered).
    const shot = await sharp(await image.locator("xpath=..").screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (fx: number, fy: number) => shot.data[(Math.floor(fy * shot.info.height) * shot.info.width + Math.floor(fx * shot.info.width)) * 3];
    expect(at(0.5, 0.5)).toBeLessThan(20);
    expect(at(0.55, 0.1)).toBeGreaterThan(200);
    // The keyboard's way: the grid's cells, ticked with Space.
    const cell = page.getByRole("checkbox", { name: "Masquer la zone ligne 1, colonne 24" });
    await cell.focus();
    await page.keyboard.press("Space");
    expect(await cell.isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Masquer ces zones" }).click();
    await waitForNotice(page, "2 zones masquées");
    // Stored: the drawn band and the ticked cell are black in the served image; the rest of the first line is not.
    const response = await page.request.get(`${ctx.server.url}/api/v1/attachments/${id}/file`);
    const stored = await sharp(Buffer.from(await response.body())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const px = (fx: number, fy: number) => stored.data[(Math.floor(fy * stored.info.height) * stored.info.width + Math.floor(fx * stored.info.width)) * 3];
    expect(px(0.5, 0.5)).toBe(0);
    expect(px(0.99, 0.05)).toBe(0);
    expect(px(0.55, 0.1)).toBe(255);
    expect(await drawn.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it("works without JavaScript: tick cells, see them black, cover them", async () => {
    const { id } = await seed();
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, AUTHOR);
    await page.goto(`${ctx.server.url}/pieces-jointes/${id}/masquer`);
    // No drawing without JavaScript: only the grid.
    expect(await page.getByRole("button", { name: /Cocher des cases à la souris/ }).count()).toBe(0);
    await page.getByRole("checkbox", { name: "Masquer la zone ligne 2, colonne 5" }).check();
    await page.getByRole("checkbox", { name: "Masquer la zone ligne 2, colonne 6" }).check();
    await page.getByRole("button", { name: "Masquer ces zones" }).click();
    await page.getByText("2 zones masquées").first().waitFor();
    const response = await page.request.get(`${ctx.server.url}/api/v1/attachments/${id}/file`);
    const stored = await sharp(Buffer.from(await response.body())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const { width, height } = stored.info;
    const rows = Math.round((24 * height) / width);
    const px = (col: number, row: number) => stored.data[(Math.floor((row - 0.5) * (height / rows)) * width + Math.floor((col - 0.5) * (width / 24))) * 3];
    expect(px(5, 2)).toBe(0);
    expect(px(6, 2)).toBe(0);
    expect(px(7, 2)).toBe(255);
    await context.close();
  }, 60_000);

  it("keeps its states accessible and phone-sized: the form, a refusal, and after approval", async () => {
    const { id } = await seed();
    const { page, context, problems } = await openPage(ctx.browser, { viewport: PHONE_VIEWPORT });
    await signIn(page, ctx.server.url, AUTHOR);
    await page.goto(`${ctx.server.url}/pieces-jointes/${id}/masquer`);
    expect((await sidewaysScroll(page)).scrollWidth).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    // Nothing ticked: the summary says so.
    await page.getByRole("button", { name: "Masquer ces zones" }).click();
    await page.getByText("Cochez au moins une case, ou dessinez une zone, à masquer.").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    ctx.server.database.db.$client.prepare("update attachments set status = 'approved' where id = ?").run(id);
    await page.goto(`${ctx.server.url}/pieces-jointes/${id}/masquer`);
    await page.getByText("L'équipe programme a déjà validé ce fichier").waitFor();
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
