import { describe, expect, it } from "vitest";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("surveys", () => {
  it("the team invites the audience by e-mail; a practitioner answers through their personal link without JavaScript, resuming a draft", async () => {
    const team = await openPage(ctx.browser);
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await team.page.goto(ctx.server.url + "/equipe/enquetes/segur-en-cours");
    await team.page.getByRole("button", { name: "Inviter l'audience par e-mail" }).click();
    await waitForNotice(team.page, "invitations envoyées par e-mail");
    // Personal links reach their recipients only: the team's page shows none.
    expect(await team.page.content()).not.toContain("jeton=");
    expect(await axeViolations(team.page)).toEqual([]);

    // The worker delivers the invitations; the practitioner follows theirs from the notifications.
    while (deliverPendingEvents().events > 0);
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/notifications");
    const invitation = page.getByRole("link", { name: /Vous êtes invité à répondre à l'enquête « Satisfaction fonctions Ségur — vague en cours »/ });
    const link = new URL((await invitation.getAttribute("href"))!, ctx.server.url).href;
    expect(link).toContain("jeton=");
    await invitation.click();
    await page.getByText("Étape 1 sur").waitFor();
    // The personal link is read once: the address the practitioner then sees, and every later one, no longer holds it.
    expect(page.url()).toBe(ctx.server.url + "/enquetes/segur-en-cours");
    await page.getByLabel("Quel logiciel utilisez-vous au quotidien ?").selectOption({ label: "AzurMed (Azur Logiciels Santé (démo))" });
    await page.getByLabel("Infirmier").check();
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText("Étape 2 sur").waitFor();
    expect(page.url()).not.toContain("jeton");
    // Leave and come back with the same link: the first step is still filled in.
    await page.goto(link);
    await expect(page.getByLabel("Infirmier").isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Étape suivante" }).click();
    await page.getByText("Étape 2 sur").waitFor();
    for (const row of ["Qualification de l'INS", "Alimentation du dossier médical", "Envoi de documents", "Réception et intégration", "Production du volet", "Ordonnance numérique", "Consultation du dossier", "Rapidité du logiciel"]) {
      await page.getByRole("group", { name: new RegExp(row) }).getByLabel("Plutôt satisfait").check();
    }
    // Walk to the last step; the total comes from the progress text ("Étape 2 sur N").
    const total = Number(/Étape \d+ sur (\d+)/.exec((await page.getByText(/Étape 2 sur/).textContent()) ?? "")![1]);
    for (let step = 2; step < total; step++) {
      await page.getByRole("button", { name: "Étape suivante" }).click();
      await page.getByText(`Étape ${step + 1} sur ${total}`).waitFor();
      await page.waitForLoadState("load");
    }
    // Submitting with required questions unanswered shows where.
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.getByRole("alert").waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Certaines réponses sont manquantes ou invalides.");
    // The page goes back to the first step with a problem, and the questions say what is missing.
    await page.locator(".field-error").first().waitFor();
    await expect(page.getByText(/Étape \d sur/).textContent()).resolves.not.toContain(`Étape ${total} sur`);
    await context.close();
    await team.context.close();
  });

  it("the team publishes a closed wave and the public sees suppressed cells and intervals", async () => {
    const team = await openPage(ctx.browser);
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await team.page.goto(ctx.server.url + "/equipe/enquetes/segur-2025");
    await team.page.getByRole("button", { name: "Publier les résultats" }).click();
    await waitForNotice(team.page, "Résultats publiés");
    await team.context.close();

    const visitor = await openPage(ctx.browser);
    await visitor.page.goto(ctx.server.url + "/resultats");
    await visitor.page.getByRole("link", { name: "Satisfaction fonctions Ségur — vague 2025" }).click();
    const globale = visitor.page.getByRole("region", { name: /Globalement/ }).first();
    await expect(globale.textContent()).resolves.toMatch(/Satisfaits \(4 ou 5\) : \d+ %.*IC 95 %/);
    await globale.getByText("Par logiciel", { exact: true }).click();
    await expect(globale.getByRole("row", { name: /Brume Imagerie/ }).textContent()).resolves.toContain("masqué");
    await expect(visitor.page.getByRole("region", { name: /Que faudrait-il améliorer/ }).count()).resolves.toBe(0);
    expect(await axeViolations(visitor.page)).toEqual([]);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();

    const csv = await fetch(ctx.server.url + "/resultats/segur-2025.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text).toContain("satisfaction-globale");
    expect(text).toMatch(/Brume Imagerie;;oui/);
    const api = await (await fetch(ctx.server.url + "/api/v1/campaigns/segur-2025/results")).json();
    const item = api.items.find((i: { key: string }) => i.key === "recommandation");
    expect(item.stats.nps).toMatchObject({ value: expect.any(Number), low: expect.any(Number), high: expect.any(Number) });
    expect((await fetch(ctx.server.url + "/api/v1/campaigns/segur-en-cours/results")).status).toBe(404);
    const campaigns = await (await fetch(ctx.server.url + "/api/v1/campaigns")).json();
    expect(campaigns.items.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(["segur-2024", "segur-2025", "segur-en-cours"]));
  });

  it("a signed-in practitioner answers the open wave once", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/enquetes/segur-en-cours");
    // The usual software of the profile is proposed as the rated subject.
    await expect(page.getByLabel("Quel logiciel utilisez-vous au quotidien ?").inputValue()).resolves.not.toBe("");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    // A made-up link: the same redirect as a real one, then the refusal.
    const invalid = await fetch(ctx.server.url + "/enquetes/segur-en-cours?jeton=faux", { redirect: "manual" });
    const held = invalid.headers.get("set-cookie")!.split(";")[0];
    expect((await fetch(ctx.server.url + invalid.headers.get("location")!, { headers: { Cookie: held } })).status).toBe(403);
  });
});

describe("questionnaire editor", () => {
  it("builds a questionnaire with forms, previews it and saves it as a version, without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/enquetes/editeur");
    await page.getByLabel("Clé", { exact: true }).fill("essentiel");
    await page.getByLabel("Titre", { exact: true }).fill("L'essentiel");
    await page.getByRole("button", { name: "Ajouter la partie" }).click();
    await page.getByLabel("Type").waitFor();
    await page.getByLabel("Type").selectOption("nps");
    await page.getByLabel("Clé (stable d'une version à l'autre)").fill("recommandation");
    await page.getByLabel("Libellé", { exact: true }).fill("Recommanderiez-vous Sentinelle ?");
    await page.getByLabel("Obligatoire").check();
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await page.getByText("Le questionnaire est valide.").waitFor();
    await page.getByRole("group", { name: /Recommanderiez-vous Sentinelle/ }).waitFor();
    await page.getByLabel("Identifiant du questionnaire").fill("avis-sentinelle");
    await page.getByRole("button", { name: "Enregistrer comme nouvelle version" }).click();
    await page.getByText(/Version 1 du questionnaire « .* » enregistrée/).waitFor();
    await context.close();

    const js = await openPage(ctx.browser);
    await signIn(js.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await js.page.goto(ctx.server.url + "/equipe/enquetes");
    await js.page.getByText("avis-sentinelle").waitFor();
    await js.page.goto(ctx.server.url + "/equipe/enquetes/editeur?depuis=1");
    expect(await axeViolations(js.page)).toEqual([]);
    // With JavaScript the editor's forms check themselves with the action's schema before anything is posted.
    let posted = 0;
    js.page.on("request", (request) => void (request.method() === "POST" && posted++));
    await js.page.getByRole("button", { name: "Ajouter la partie" }).click();
    await js.page.locator(".field-error", { hasText: "Indiquez la clé de la partie." }).waitFor();
    expect(await js.page.getByLabel("Clé", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(posted).toBe(0);
    await js.context.close();
  });
});
