import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();
const SLOW = "Lenteurs du logiciel de cabinet depuis la version Ségur";
const ASAP = "Loi « ASAP » du 7 décembre 2020";

describe("regulatory register", () => {
  it("lets the team link an irritant to an obligation without JavaScript; the entry's page then counts it", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/signalements?status=tous");
    await page.getByRole("link", { name: SLOW }).click();
    await page.getByRole("group", { name: /Obligations du référentiel/ }).getByLabel(ASAP).check();
    await page.getByRole("button", { name: "Enregistrer les obligations liées" }).click();
    await waitForNotice(page, "Obligations liées enregistrées.");
    expect(await page.getByRole("group", { name: /Obligations du référentiel/ }).getByLabel(ASAP).isChecked()).toBe(true);
    await context.close();

    const visitor = await openPage(ctx.browser);
    await visitor.page.goto(ctx.server.url + "/reglementation");
    await visitor.page.getByRole("region", { name: /^Documents concernés — Projet d'arrêté/ }).waitFor();
    await visitor.page.getByRole("link", { name: ASAP }).first().click();
    await visitor.page.waitForURL(/\/reglementation\/loi-asap$/);
    // The register lists link counts too: wait for the entry's own page before reading its sentence.
    await visitor.page.getByRole("heading", { level: 1, name: new RegExp(`^${ASAP}`) }).waitFor();
    await visitor.page.getByText("1 signalement concerne cette obligation.").waitFor();
    await visitor.page.getByRole("link", { name: SLOW }).click();
    await visitor.page.getByRole("heading", { name: "Réglementation concernée" }).waitFor();
    expect(await axeViolations(visitor.page)).toEqual([]);
    await visitor.context.close();
  });

  it("lets the team fix an entry with the keyboard, with French messages for what is wrong", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/reglementation/loi-asap");
    await page.getByLabel(/^Identifiant de l'adresse/).fill("Loi ASAP");
    await page.getByLabel(/^Identifiant de l'adresse/).press("Tab");
    await page.getByText("L'identifiant de l'adresse ne contient que des minuscules").first().waitFor();
    await page.getByLabel(/^Identifiant de l'adresse/).fill("loi-asap");
    await page.getByLabel(/^Date d'entrée en vigueur/).fill("7 décembre 2020");
    await page.getByRole("button", { name: "Enregistrer l'obligation" }).focus();
    await page.keyboard.press("Enter");
    await waitForNotice(page, "Obligation enregistrée.");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
