import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();
const TITLE = "Le DMP refuse l'envoi des ordonnances de kiné";

describe("from report to confirmed fix", () => {
  it("a practitioner files, the team forwards, the vendor answers and fixes, the practitioner says it is not fixed", async () => {
    const url = ctx.server.url;
    const practitioner = await openPage(ctx.browser);
    await signIn(practitioner.page, url, "medecin@demo.sentinelle.fr");
    await practitioner.page.goto(url + "/signalements/nouveau");
    // The usual software of the profile is proposed.
    await expect(practitioner.page.getByLabel("Logiciel concerné (facultatif)").inputValue()).resolves.not.toBe("");
    await practitioner.page.getByLabel("Titre").fill(TITLE);
    await practitioner.page.getByLabel("Description").fill("Depuis la dernière version, l'envoi au DMP des prescriptions de kinésithérapie échoue avec un code d'erreur.");
    await practitioner.page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await practitioner.page.getByRole("status").first().waitFor();
    const irritantId = Number(/\/signalements\/(\d+)/.exec(practitioner.page.url())![1]);

    const team = await openPage(ctx.browser);
    await signIn(team.page, url, "equipe@demo.sentinelle.fr");
    await team.page.goto(`${url}/equipe/signalements/${irritantId}`);
    await team.page.getByRole("button", { name: "Publier" }).click();
    await team.page.getByRole("status").waitFor();
    await team.page.getByLabel("Nouveau statut").selectOption("forwarded");
    await team.page.getByRole("button", { name: "Changer le statut" }).click();
    await waitForNotice(team.page, "Statut enregistré.");
    await team.page.getByRole("row").filter({ hasText: "AzurMed" }).first().waitFor();
    expect(await axeViolations(team.page)).toEqual([]);

    const vendor = await openPage(ctx.browser);
    await signIn(vendor.page, url, "editeur-a@demo.sentinelle.fr");
    // From the home page by clicking: the vendor's space is in the main menu.
    await vendor.page.goto(url + "/");
    await vendor.page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Espace éditeur" }).click();
    await vendor.page.waitForURL(/\/editeur$/);
    expect(await axeViolations(vendor.page)).toEqual([]);
    await vendor.page.getByRole("link", { name: TITLE }).click();
    await vendor.page.getByRole("button", { name: "Prendre en compte" }).click();
    await waitForNotice(vendor.page, "Prise en compte enregistrée.");
    await vendor.page.getByLabel("Message").fill("Le code d'erreur vient du nouveau format des prescriptions ; correctif en cours.");
    await vendor.page.getByRole("button", { name: "Envoyer" }).click();
    await waitForNotice(vendor.page, "Réponse publiée.");
    await vendor.page.getByLabel("Résolution", { exact: true }).selectOption("fixed");
    await vendor.page.getByLabel(/^Version/).fill("5.1");
    await vendor.page.getByRole("button", { name: "Enregistrer la résolution" }).click();
    await waitForNotice(vendor.page, "Résolution enregistrée.");
    expect(await axeViolations(vendor.page)).toEqual([]);
    expect(vendor.problems).toEqual([]);

    await practitioner.page.goto(`${url}/signalements/${irritantId}`);
    await practitioner.page.getByRole("region", { name: "Réponses des éditeurs" }).getByText("correctif en cours", { exact: false }).waitFor();
    const question = practitioner.page.getByRole("region", { name: "Est-ce corrigé pour vous ?" });
    await expect(question.textContent()).resolves.toContain("AzurMed 5.1");
    expect(await axeViolations(practitioner.page)).toEqual([]);
    await question.getByRole("button", { name: "Non, le problème persiste" }).click();
    await waitForNotice(practitioner.page, "Merci pour votre réponse.");
    await practitioner.page.getByRole("region", { name: "Est-ce corrigé pour vous ?" }).getByText("Votre réponse : « Non, le problème persiste »").waitFor();
    // Not confirmed by its people yet: the vendor's fix is announced, not established (issue 18).
    await expect(practitioner.page.getByRole("main").locator(".fr-badge").first().textContent()).resolves.toBe("Correctif annoncé");

    // The team sees the ticket and the vendor's figures.
    await team.page.goto(url + "/equipe/tickets");
    await team.page.getByRole("row", { name: /Azur Logiciels Santé/ }).filter({ has: team.page.getByRole("rowheader") }).waitFor();
    expect(await axeViolations(team.page)).toEqual([]);
    for (const p of [practitioner, team, vendor]) await p.context.close();
  });
});

describe("team catalogue and settings", () => {
  it("adds a vendor and a product, and changes the SLA target", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "admin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/catalogue");
    await page.getByLabel("Nom de l'éditeur").fill("Éole Télésanté (démo)");
    await page.getByLabel("Référencé Ségur (SONS)").check();
    await page.getByRole("button", { name: "Ajouter l'éditeur" }).click();
    await waitForNotice(page, "Éditeur « Éole Télésanté (démo) » ajouté.");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ajouter le logiciel" }) });
    await form.getByLabel("Éditeur").selectOption({ label: "Éole Télésanté (démo)" });
    await form.getByLabel("Nom").fill("Éole Visio");
    await form.getByLabel("Catégorie").selectOption("autre");
    await form.getByLabel(/^Versions/).fill("1.0, 1.1");
    await page.getByRole("button", { name: "Ajouter le logiciel" }).click();
    await waitForNotice(page, "Logiciel « Éole Visio » enregistré.");
    const catalogue = await (await fetch(ctx.server.url + "/api/v1/products")).json();
    expect(catalogue.items.map((p: { name: string }) => p.name)).toContain("Éole Visio");
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(ctx.server.url + "/equipe/reglages");
    await page.getByLabel(/Délai de première réponse/).fill("0");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await waitForNotice(page, "Au moins 1 jour ouvré.", "alert");
    await page.getByLabel(/Délai de première réponse/).fill("3");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await waitForNotice(page, "Réglages enregistrés.");
    await expect(page.getByLabel(/Délai de première réponse/).inputValue()).resolves.toBe("3");
    await context.close();
  });
});

describe("notifications", () => {
  it("show the vendor an unread count in the header, cleared once seen", async () => {
    const { deliverPendingEvents } = await import("~/modules/notifications/index.server");
    while (deliverPendingEvents().events > 0);
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "editeur-a@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/");
    const bell = page.getByRole("link", { name: /Notifications \d+ non lues?/ });
    await bell.waitFor();
    await bell.click();
    await page.getByRole("link", { name: /Nouveau ticket/ }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(ctx.server.url + "/");
    await expect(page.getByRole("link", { name: "Notifications", exact: true }).count()).resolves.toBe(1);
    await context.close();
  });
});
