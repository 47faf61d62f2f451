import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

// The State's design system (decision 020): header, footer, breadcrumb, the phone menu without JavaScript and the
// error summary of a form.
const ctx = useServerAndBrowser();

const PHONE = { viewport: { width: 360, height: 740 } };

describe("DSFR layout", () => {
  it("shows the State's header, footer and a breadcrumb named from the page's data, with zero axe violations", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/signalements/1");
      const banner = page.getByRole("banner");
      await expect(banner.getByText("République").first().isVisible()).resolves.toBe(true);
      await expect(banner.getByText("Sentinelle", { exact: true }).isVisible()).resolves.toBe(true);
      await expect(banner.getByRole("link", { name: "Se connecter" }).first().isVisible()).resolves.toBe(true);
      await expect(banner.getByRole("search").getByRole("searchbox").count()).resolves.toBe(1);
      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("link", { name: "Accessibilité : non conforme" }).isVisible()).resolves.toBe(true);
      const crumbs = await page.getByRole("navigation", { name: "vous êtes ici :" }).getByRole("listitem").allTextContents();
      const title = await page.getByRole("heading", { level: 1 }).textContent();
      expect(crumbs).toEqual(["Accueil", "Signalements", title]);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("has no breadcrumb on the home page", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/");
      await expect(page.getByRole("navigation", { name: "vous êtes ici :" }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it("searches from the header with a plain GET to the irritants' page", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    try {
      await page.goto(ctx.server.url + "/plan-du-site");
      await page.getByRole("banner").getByLabel("Rechercher un signalement").fill("lenteur");
      await page.getByRole("banner").getByRole("button", { name: "Rechercher" }).click();
      await page.waitForURL((url) => url.pathname === "/signalements" && url.searchParams.get("q") === "lenteur");
    } finally {
      await context.close();
    }
  });

  it("opens the phone menu without JavaScript at 360 px, with the team's sub-menus, and closes it", async () => {
    const { page, context } = await openPage(ctx.browser, { ...PHONE, javaScriptEnabled: false });
    try {
      await signIn(page, ctx.server.url, "admin@demo.sentinelle.fr");
      await page.goto(ctx.server.url + "/signalements");
      const nav = page.getByRole("navigation", { name: "Menu principal" });
      await expect(nav.isVisible()).resolves.toBe(false);
      // The menu and search links show their icons inside their own 40 px boxes (not stretched over the logo).
      const iconsInPlace = await page.evaluate(() =>
        [...document.querySelectorAll(".fr-header__navbar a.fr-btn")].map((a) => getComputedStyle(a, "::before").position !== "absolute" && a.getBoundingClientRect().width <= 48),
      );
      expect(iconsInPlace).toEqual([true, true]);
      await page.getByRole("link", { name: "Menu", exact: true }).click();
      expect(new URL(page.url()).hash).toBe("#menu");
      await nav.waitFor({ state: "visible" });
      await expect(nav.getByRole("link", { name: "Signalements" }).isVisible()).resolves.toBe(true);
      // Quick links are in the menu too.
      await expect(page.locator("#menu").getByRole("button", { name: "Se déconnecter" }).isVisible()).resolves.toBe(true);
      // The team's links are grouped in closed sub-menus.
      const triage = nav.getByRole("link", { name: "Tri des signalements" });
      await expect(triage.isVisible()).resolves.toBe(false);
      await nav.getByText("Espace équipe").click();
      await expect(triage.isVisible()).resolves.toBe(true);
      await nav.getByText("Administration").click();
      await expect(nav.getByRole("link", { name: "Comptes" }).isVisible()).resolves.toBe(true);
      await triage.click();
      await page.waitForURL((url) => url.pathname === "/equipe/signalements");
      // A new page: the menu is closed again; it also closes with its own link.
      await expect(nav.isVisible()).resolves.toBe(false);
      await page.getByRole("link", { name: "Menu", exact: true }).click();
      await nav.waitFor({ state: "visible" });
      await page.locator("#menu").getByRole("link", { name: "Fermer" }).click();
      await nav.waitFor({ state: "hidden" });
    } finally {
      await context.close();
    }
  });

  it("opens the phone search without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser, { ...PHONE, javaScriptEnabled: false });
    try {
      await page.goto(ctx.server.url + "/");
      const box = page.getByRole("banner").getByLabel("Rechercher un signalement");
      await expect(box.isVisible()).resolves.toBe(false);
      await page.getByRole("link", { name: "Rechercher" }).click();
      await box.waitFor({ state: "visible" });
    } finally {
      await context.close();
    }
  });

  it("has zero axe violations with the phone menu open", async () => {
    const { page, context, problems } = await openPage(ctx.browser, PHONE);
    try {
      await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
      await page.goto(ctx.server.url + "/equipe/signalements#menu");
      await page.getByRole("navigation", { name: "Menu principal" }).waitFor({ state: "visible" });
      await page.getByRole("navigation", { name: "Menu principal" }).getByText("Espace équipe").click();
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("answers an invalid form with an error summary whose links take the focus to each field (without JavaScript)", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    try {
      await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
      await page.goto(ctx.server.url + "/signalements/nouveau");
      await page.getByRole("button", { name: /Envoyer/ }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient" });
      await summary.waitFor();
      const links = summary.getByRole("link");
      expect(await links.count()).toBeGreaterThanOrEqual(2);
      await summary.getByRole("link").first().click();
      const focusedId = await page.evaluate(() => document.activeElement?.id);
      const target = (await links.first().getAttribute("href"))?.slice(1);
      expect(focusedId).toBe(target);
      await expect(page.getByLabel(/^Titre/).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it("has zero axe violations with the error summary shown", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
      await page.goto(ctx.server.url + "/signalements/nouveau");
      await page.getByRole("button", { name: /Envoyer/ }).click();
      await page.getByRole("alert").filter({ hasText: "Le formulaire contient" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
