import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();
const PROJECTATHON = "Projectathon usages SGL/LGC pour objectivation des difficultés";

describe("action plan", () => {
  it("is browsable and filterable by anyone, without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await page.goto(ctx.server.url + "/plan-action");
    await page.getByLabel("Statut").selectOption("fait");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/status=fait/);
    const links = await page.locator("main table a").allTextContents();
    expect(links).toEqual([expect.stringContaining("Réunion haut niveau"), "Mise en production de l'API LPS par les opérateurs MSS"]);
    await page.getByRole("link", { name: "Calendrier des échéances" }).click();
    await page.getByRole("heading", { name: "janvier 2024" }).waitFor();
    await context.close();
  });

  it("lets the team slip a deadline and mark an action done with a dated note; the slip shows publicly", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/plan-action");
    await page.getByRole("link", { name: PROJECTATHON }).click();
    await page.getByRole("textbox", { name: /^Échéance/ }).fill("T2 2024");
    await page.getByLabel(/^Raison du changement d'échéance/).fill("Projectathon décalé au printemps.");
    await page.getByLabel("Statut", { exact: true }).selectOption("fait");
    await page.getByLabel(/^Point d'avancement daté/).fill("Projectathon tenu avec quatre éditeurs de LGC et deux SGL.");
    await page.getByRole("button", { name: "Enregistrer l'action" }).click();
    await waitForNotice(page, "Action enregistrée.");
    expect(await axeViolations(page)).toEqual([]);

    const visitor = await openPage(ctx.browser);
    await visitor.page.goto(ctx.server.url + "/plan-action");
    await visitor.page.getByRole("link", { name: PROJECTATHON }).click();
    await visitor.page.getByText("échéance reportée de Janvier 2024 à T2 2024").waitFor();
    await visitor.page.getByText("Projectathon tenu avec quatre éditeurs").waitFor();
    await visitor.page.getByText("Fait", { exact: true }).first().waitFor();
    expect(await axeViolations(visitor.page)).toEqual([]);
    await visitor.context.close();
    await context.close();
  });

  it("lets the team reorder a chapter's actions with « Monter » and « Descendre », with and without JavaScript", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await page.goto(ctx.server.url + "/equipe/plan-action");
    // The first chapter's actions, in order, read from their buttons' accessible names.
    const firstChapterOrder = async (p: typeof page) => {
      const list = p.locator("li", { has: p.getByRole("button", { name: /^Descendre l'action / }) }).first().locator("xpath=..");
      const names = await list.getByRole("button", { name: /^Descendre l'action / }).allTextContents();
      return names.map((n) => n.replace(/^Descendre l'action /, ""));
    };
    const before = await firstChapterOrder(page);
    expect(before.length).toBeGreaterThan(1);
    await page.getByRole("button", { name: `Descendre l'action ${before[0]}`, exact: true }).click();
    await expect.poll(() => firstChapterOrder(page)).toEqual([before[1], before[0], ...before.slice(2)]);

    // Without JavaScript, the plain form posts the pressed button's direction.
    const plain = await openPage(ctx.browser, { javaScriptEnabled: false, storageState: await context.storageState() });
    await plain.page.goto(ctx.server.url + "/equipe/plan-action");
    await plain.page.getByRole("button", { name: `Monter l'action ${before[0]}`, exact: true }).click();
    await plain.page.waitForLoadState();
    expect(await firstChapterOrder(plain.page)).toEqual(before);
    await plain.context.close();
    await context.close();
  });

  it("imports a CSV after a preview", async () => {
    const { page, context } = await openPage(ctx.browser);
    await signIn(page, ctx.server.url, "equipe@demo.sentinelle.fr");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), "plan.csv");
    fs.writeFileSync(
      file,
      "\uFEFFchantier;défi;action;pilote;échéance;statut;vague;thèmes;signalements;étapes\r\nChantiers transverses;Formation des secrétaires;Webinaire sur la qualification de l'INS;Pouvoirs publics;T3 2024;À lancer;;ins | formation;1;\r\n",
    );
    await page.goto(ctx.server.url + "/equipe/plan-action/import");
    // No file chosen: said under the field (by the browser with the server's schema, or by the server without JavaScript).
    await page.getByRole("button", { name: "Voir l'aperçu" }).click();
    await page.locator(".field-error", { hasText: "Choisissez un fichier CSV." }).waitFor();
    expect(await page.getByLabel("Fichier CSV").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Fichier CSV").setInputFiles(file);
    await page.getByRole("button", { name: "Voir l'aperçu" }).click();
    await page.getByRole("cell", { name: "Création" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Appliquer l'import" }).click();
    await waitForNotice(page, "Import terminé : 1 action créée, 0 mise à jour.");
    const plan = await (await fetch(ctx.server.url + "/api/v1/action-plan?theme=formation")).json();
    const action = plan.workstreams[0].challenges[0].actions[0];
    expect(action).toMatchObject({ title: "Webinaire sur la qualification de l'INS", deadline: { label: "T3 2024", due: "2024-09-30" }, irritantIds: [1] });
    await context.close();
  });
});
