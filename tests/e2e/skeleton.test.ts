import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxEmails } from "#db/schema";
import { DEMO_ACCOUNTS } from "~/seed/demo.server";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

const receivedCount = async (page: import("playwright-core").Page) => {
  await page.goto(ctx.server.url + "/");
  const figure = await page.locator("#chiffres + .card p").first().textContent();
  return Number(figure?.replace(/\s/g, ""));
};

describe("signing in", () => {
  for (const account of DEMO_ACCOUNTS) {
    it(`works for the ${account.role} demo account ${account.email}`, async () => {
      const { page, context } = await openPage(ctx.browser);
      await signIn(page, ctx.server.url, account.email);
      await page.goto(ctx.server.url + "/compte");
      await page.getByText(account.email).first().waitFor();
      await context.close();
    });
  }

  it("says so, in French and without saying which part was wrong, on a bad password", async () => {
    const { page, context } = await openPage(ctx.browser);
    await page.goto(ctx.server.url + "/connexion");
    await page.getByLabel("Adresse e-mail").fill("medecin@demo.sentinelle.fr");
    await page.getByLabel("Mot de passe").fill("pas le bon");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await waitForNotice(page, "Adresse e-mail ou mot de passe incorrect.", "alert");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("walking skeleton", () => {
  it("a practitioner files an irritant, the team triages it, the public count grows", async () => {
    const visitor = await openPage(ctx.browser);
    const before = await receivedCount(visitor.page);

    const practitioner = await openPage(ctx.browser);
    await signIn(practitioner.page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await practitioner.page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Signaler un irritant" }).click();
    await practitioner.page.getByLabel("Titre").fill("La messagerie n'intègre pas les CR de radiologie");
    await practitioner.page.getByLabel("Description").fill("Les comptes rendus arrivent mais restent en pièce jointe, sans intégration au dossier.");
    await practitioner.page.getByLabel("MSSanté (messagerie sécurisée)").check();
    await practitioner.page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(practitioner.page.getByRole("status").first().textContent()).resolves.toMatch(/a bien été reçu/);
    const id = Number(/\/signalements\/(\d+)/.exec(practitioner.page.url())![1]);
    expect(await axeViolations(practitioner.page)).toEqual([]);
    expect(practitioner.problems).toEqual([]);

    expect(await receivedCount(visitor.page)).toBe(before + 1);

    const team = await openPage(ctx.browser);
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    expect(team.page.url()).toBe(ctx.server.url + "/equipe/signalements");
    await team.page.getByRole("link", { name: "La messagerie n'intègre pas les CR de radiologie" }).click();
    await team.page.getByLabel("Nouveau statut").selectOption("triaged");
    await team.page.getByRole("button", { name: "Changer le statut" }).click();
    await waitForNotice(team.page, "Statut enregistré.");
    expect(await axeViolations(team.page)).toEqual([]);

    await practitioner.page.goto(`${ctx.server.url}/signalements/${id}`);
    await expect(practitioner.page.getByRole("main").locator(".fr-badge").first().textContent()).resolves.toBe("Qualifié");
    for (const p of [visitor, practitioner, team]) await p.context.close();
  });

  it("shows field errors next to the fields when the form is incomplete", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "patient@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/signalements/nouveau");
    await page.getByLabel("Titre").fill("Trop");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.locator(".field-error", { hasText: "Le titre doit contenir au moins 5 caractères." }).waitFor();
    await expect(page.getByLabel("Titre").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("sends visitors who are not signed in to the sign-in page, then back", async () => {
    const { page, context } = await openPage(ctx.browser);
    await page.goto(ctx.server.url + "/signalements/nouveau");
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await page.getByLabel("Adresse e-mail").fill("medecin@demo.sentinelle.fr");
    await page.getByLabel("Mot de passe").fill("sentinelle-demo");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(ctx.server.url + "/signalements/nouveau");
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("signs in, files an irritant and signs out", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/signalements/nouveau");
    await page.getByLabel("Titre").fill("Formulaire testé sans JavaScript");
    await page.getByLabel("Description").fill("Un poste ancien sans JavaScript doit pouvoir signaler.");
    await page.getByLabel("Autre", { exact: true }).check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/a bien été reçu/);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(ctx.server.url + "/");
    await page.getByRole("link", { name: "Se connecter" }).waitFor();
    await context.close();
  });

  it("creates an account", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await page.goto(ctx.server.url + "/inscription");
    await page.getByLabel("Je suis patient ou usager de Mon espace santé").check();
    await page.getByLabel("Nom et prénom").fill("Usager de test");
    await page.getByLabel("Adresse e-mail").fill("usager@test.fr");
    await page.getByLabel(/^Mot de passe\s*12 caractères/).fill("une phrase de passe");
    await page.getByLabel("Confirmation du mot de passe").fill("une phrase de passe");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { name: "Vérifiez votre messagerie" }).waitFor();
    // The account is created from the link in the e-mail (read from the outbox), after a click.
    const mail = ctx.server.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "usager@test.fr")).get()!;
    const link = mail.text.match(/\/inscription\/confirmer\?jeton=[\w-]+/)![0];
    await page.goto(ctx.server.url + link);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await waitForNotice(page, "Votre compte est créé");
    await context.close();
  });
});

describe("account page", () => {
  it("changes the password and creates then revokes an API token", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "editeur-b@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/compte");
    await page.getByRole("link", { name: "Jetons d'accès à l'API" }).click();
    await page.getByLabel("Nom du jeton").fill("outil de support");
    await page.getByRole("button", { name: "Créer un jeton" }).click();
    const token = await page.locator("code.break-all").textContent();
    expect(token).toMatch(/^snt_/);
    const api = await fetch(`${ctx.server.url}/api/v1/irritants`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    await page.getByRole("button", { name: "Révoquer le jeton outil de support" }).click();
    await page.getByText("Le jeton a été révoqué.").waitFor();
    const revoked = await fetch(`${ctx.server.url}/api/v1/irritants`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: "{}" });
    expect(revoked.status).toBe(401);

    await page.getByRole("link", { name: "Mot de passe", exact: true }).click();
    await page.getByLabel("Mot de passe actuel").fill("sentinelle-demo");
    await page.getByLabel(/^Nouveau mot de passe\s*12 caractères/).fill("nouvelle phrase de passe");
    await page.getByLabel("Confirmation du nouveau mot de passe").fill("nouvelle phrase de passe");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Votre mot de passe a été changé.", { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    const other = await openPage(ctx.browser);
    await signIn(other.page, ctx.server.url, "editeur-b@demo.sentinelle.fr", "nouvelle phrase de passe");
    await other.context.close();
  });
});
