import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxEmails } from "#db/schema";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();

describe("notifications in the browser", () => {
  it("lets a practitioner follow an action, choose a daily digest by keyboard, and read the news under the bell", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "medecin@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/plan-action/9");
    await page.getByRole("button", { name: "Suivre cette action" }).click();
    await waitForNotice(page, "Vous suivez cette action : vous serez prévenu quand elle sera réalisée ou si son échéance change.");
    await page.getByRole("button", { name: "Ne plus suivre" }).waitFor();

    await page.goto(ctx.server.url + "/compte/notifications");
    const digest = page.getByRole("group", { name: /^Actions du plan que vous suivez/ }).getByLabel("Dans un résumé quotidien");
    await digest.focus();
    await page.keyboard.press("Space");
    expect(await digest.isChecked()).toBe(true);
    await page.getByRole("button", { name: "Enregistrer mes choix" }).focus();
    await page.keyboard.press("Enter");
    await waitForNotice(page, "Vos choix de notification sont enregistrés.");
    expect(await axeViolations(page)).toEqual([]);

    // The team moves the action's deadline; the worker delivers.
    const team = await openPage(ctx.browser);
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await team.page.goto(ctx.server.url + "/equipe/plan-action/9");
    await team.page.getByRole("textbox", { name: /^Échéance/ }).fill("Mars 2027");
    await team.page.getByLabel(/^Raison du changement d'échéance/).fill("Calendrier des éditeurs revu.");
    await team.page.getByRole("button", { name: "Enregistrer l'action" }).click();
    await waitForNotice(team.page, "Action enregistrée.");
    await team.context.close();
    while (deliverPendingEvents().events > 0);

    await page.goto(ctx.server.url + "/");
    await page.getByRole("link", { name: /^Notifications \d+ non lues?$/ }).click();
    await page.getByRole("link", { name: /Échéance déplacée pour « Réunion haut niveau/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Held for the digest, not sent on its own.
    const held = ctx.server.database.db.select().from(outboxEmails).where(eq(outboxEmails.status, "held")).all();
    expect(held.map((e) => e.to)).toContain("medecin@demo.sentinelle.fr");
    await context.close();
  });

  it("resets a forgotten password from the e-mail link, without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await page.goto(ctx.server.url + "/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByLabel("Adresse e-mail").fill("patient@demo.sentinelle.fr");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByText("Si un compte existe avec cette adresse").waitFor();
    const email = ctx.server.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "patient@demo.sentinelle.fr")).all().find((e) => e.kind === "account")!;
    const link = email.text.match(/https?:\/\/\S+\/mot-de-passe\/nouveau\?jeton=[\w-]+/)![0];
    await page.goto(ctx.server.url + new URL(link).pathname + new URL(link).search);
    await page.getByLabel("Nouveau mot de passe", { exact: false }).first().fill("une phrase de passe toute neuve");
    await page.getByLabel("Confirmation du nouveau mot de passe").fill("une phrase de passe toute neuve");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Votre mot de passe est changé").waitFor();
    await page.getByLabel("Adresse e-mail").fill("patient@demo.sentinelle.fr");
    await page.getByLabel("Mot de passe", { exact: true }).fill("une phrase de passe toute neuve");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    await context.close();
  });
});
