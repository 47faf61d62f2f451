import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { PHONE_VIEWPORT, sidewaysScroll } from "../support/phone";

const ctx = useServerAndBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function joinAsParticipant(browser: Browser, baseUrl: string, code: string) {
  const participant = await openPage(browser, PHONE);
  await participant.page.goto(`${baseUrl}/atelier`);
  // Typed as people type it: lower case, with the dash.
  await participant.page.getByLabel("Code de l'atelier").fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
  await participant.page.getByRole("button", { name: "Rejoindre" }).click();
  await participant.page.waitForURL(`**/atelier/${code}`);
  await participant.page.getByRole("heading", { level: 1, name: /Atelier 1/ }).waitFor();
  return participant;
}

describe("seminars: live workshop board", () => {
  it("the team prepares a seminar; two phones join with the code, post and vote; the board updates live; a cluster becomes an irritant and an action", async () => {
    const team = await openPage(ctx.browser);
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await team.page.goto(`${ctx.server.url}/equipe/seminaires`);
    await team.page.getByLabel("Titre").fill("Séminaire tripartite de printemps (essai)");
    await team.page.getByLabel("Date").fill("2031-04-15");
    await team.page.getByRole("button", { name: "Créer le séminaire" }).click();
    await waitForNotice(team.page, "Séminaire créé");
    const addForm = team.page.locator("form").filter({ has: team.page.getByRole("button", { name: "Ajouter l'atelier" }) });
    await addForm.getByLabel("Titre").fill("Irritants du quotidien");
    await addForm.getByLabel("Question de l'atelier").fill("Quels irritants du numérique vivez-vous en consultation ?");
    await addForm.getByLabel("Points de vote").fill("3");
    await addForm.getByRole("button", { name: "Ajouter l'atelier" }).click();
    await waitForNotice(team.page, "Atelier 1 ajouté");
    expect(await axeViolations(team.page)).toEqual([]);
    await team.page.getByRole("link", { name: "Tableau d'animation de l'atelier 1" }).click();
    await team.page.getByRole("heading", { level: 1, name: /Animation de l'atelier 1/ }).waitFor();
    await team.page.getByRole("button", { name: "Ouvrir l'atelier" }).click();
    await waitForNotice(team.page, "Atelier ouvert");
    const shown = (await team.page.locator("p.text-4xl").textContent()) ?? "";
    const code = shown.replace(/^Code : /, "").replace("-", "");
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await team.page.getByRole("img", { name: /QR code pour rejoindre l'atelier/ }).waitFor();

    const first = await joinAsParticipant(ctx.browser, ctx.server.url, code);
    const second = await joinAsParticipant(ctx.browser, ctx.server.url, code);
    await first.page.getByLabel("Votre carte").fill("Le logiciel fige pendant l'envoi au DMP");
    await first.page.getByLabel("Thème (facultatif)").selectOption({ label: "Performance et ergonomie des LGC (versions Ségur)" }).catch(() => undefined);
    await first.page.getByRole("button", { name: "Publier la carte" }).click();
    await waitForNotice(first.page, "Carte publiée.");
    await second.page.getByLabel("Votre carte").fill("Attendre la fin de l'envoi avant le patient suivant");
    await second.page.getByRole("button", { name: "Publier la carte" }).click();
    await waitForNotice(second.page, "Carte publiée.");
    // Each phone sees the other's card without reloading.
    await first.page.getByText("Attendre la fin de l'envoi avant le patient suivant", { exact: true }).waitFor();

    // The facilitator's board shows both cards live, without a reload.
    await team.page.getByText("Le logiciel fige pendant l'envoi au DMP", { exact: true }).waitFor();
    await team.page.getByText("Attendre la fin de l'envoi avant le patient suivant", { exact: true }).waitFor();
    const cardIds = await team.page.locator("select[name=clusterId]").evaluateAll((els) => els.map((e) => e.id.replace("move-", "")));
    expect(cardIds).toHaveLength(2);
    await team.page.locator(`#move-${cardIds[0]}`).selectOption("new");
    await team.page.getByRole("button", { name: `Déplacer la carte n°${cardIds[0]}` }).click();
    await waitForNotice(team.page, "Carte regroupée.");
    await team.page.locator(`#move-${cardIds[1]}`).selectOption({ label: "Le logiciel fige pendant l'envoi au DMP" });
    await team.page.getByRole("button", { name: `Déplacer la carte n°${cardIds[1]}` }).click();
    await waitForNotice(team.page, "Carte regroupée.");
    await team.page.getByLabel(/Nom du regroupement/).fill("Envoi au DMP bloquant");
    await team.page.getByRole("button", { name: /Renommer/ }).click();
    await waitForNotice(team.page, "Regroupement renommé « Envoi au DMP bloquant ».");
    await team.page.getByRole("button", { name: "Ouvrir le vote" }).click();
    await waitForNotice(team.page, "Vote ouvert.");

    // The phones see the cluster and the vote open, live; the first places all its dots, the second one.
    const vote = (p: typeof first) => p.page.getByRole("button", { name: "+ 1 point pour « Envoi au DMP bloquant »" });
    await vote(first).waitFor();
    for (const left of [2, 1, 0]) {
      await vote(first).click();
      await waitForNotice(first.page, `Point placé. Il vous reste ${left} point`);
    }
    // No dot left: the button is disabled once the page has its fresh data (waited for, not sampled).
    await vote(first).and(first.page.locator("button:disabled")).waitFor();
    await vote(second).waitFor();
    await vote(second).click();
    await waitForNotice(second.page, "Point placé. Il vous reste 2 points.");
    expect(await axeViolations(first.page)).toEqual([]);
    expect(first.problems).toEqual([]);

    // The board counts the four dots without a reload.
    await team.page.getByRole("heading", { name: /Envoi au DMP bloquant · 4 points/ }).waitFor();

    // Restitution: the cluster becomes an irritant, then an action, each in one step.
    const cluster = team.page.getByRole("region", { name: /Envoi au DMP bloquant/ });
    const toIrritant = team.page.locator("details", { has: team.page.locator("summary", { hasText: "Transformer en signalement : Envoi au DMP bloquant" }) });
    await toIrritant.locator("summary").click();
    await toIrritant.getByRole("button", { name: "Créer le signalement" }).click();
    await waitForNotice(team.page, "créé et relié à l'atelier");
    const irritantId = /Signalement n°(\d+)/.exec((await team.page.getByRole("status").first().textContent()) ?? "")![1];
    const toAction = team.page.locator("details", { has: team.page.locator("summary", { hasText: "Transformer en action du plan : Envoi au DMP bloquant" }) });
    await toAction.locator("summary").click();
    await toAction.getByLabel("Défi du plan").selectOption({ index: 1 });
    await toAction.getByLabel(/Échéance/).fill("S2 2031");
    await toAction.getByRole("button", { name: "Créer l'action" }).click();
    await waitForNotice(team.page, "ajoutée au plan et reliée à l'atelier");
    const actionId = /Action n°(\d+)/.exec((await team.page.getByRole("status").first().textContent()) ?? "")![1];
    await cluster.getByRole("link", { name: `signalement n°${irritantId}` }).last().waitFor();
    expect(await axeViolations(team.page)).toEqual([]);
    expect(team.problems).toEqual([]);

    // Linked both ways: the irritant and the action say where they came from.
    await team.page.goto(`${ctx.server.url}/signalements/${irritantId}`);
    await team.page.getByRole("link", { name: "l'atelier 1 du séminaire du 15 avril 2031" }).waitFor();
    await team.page.goto(`${ctx.server.url}/plan-action/${actionId}`);
    await team.page.getByRole("link", { name: "l'atelier 1 du séminaire du 15 avril 2031" }).waitFor();
    await team.page.getByRole("link", { name: "Envoi au DMP bloquant" }).waitFor();

    await first.context.close();
    await second.context.close();
    await team.context.close();
  });

  it("on a 360 px phone, a participant who joins sees the board first, the card form one tap away, and no sideways scroll", async () => {
    const { page, context, problems } = await openPage(ctx.browser, { ...PHONE, viewport: PHONE_VIEWPORT });
    try {
      await page.goto(`${ctx.server.url}/atelier`);
      await page.getByLabel("Code de l'atelier").fill("ate-347");
      await page.getByRole("button", { name: "Rejoindre" }).click();
      await page.waitForURL("**/atelier/ATE347");
      const board = page.getByRole("heading", { level: 2, name: "Tableau de l'atelier" });
      const form = page.getByLabel("Votre carte");
      const top = async (locator: typeof board) => (await locator.boundingBox())!.y;
      expect(await top(board)).toBeLessThan(await top(form));
      // The board fills the first screen; the form is one tap away, from a link above the board.
      const add = page.getByRole("link", { name: "Ajouter une carte" });
      expect(await top(add)).toBeLessThan(await top(board));
      await add.click();
      expect(page.url()).toMatch(/#nouvelle-carte$/);
      await expect(form.isVisible()).resolves.toBe(true);
      const { scrollWidth, culprits } = await sidewaysScroll(page);
      expect(scrollWidth, `wider than the phone: ${culprits.join(", ")}`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      await form.fill("Le lecteur de carte Vitale décroche en pleine consultation");
      await page.getByRole("button", { name: "Publier la carte" }).click();
      await waitForNotice(page, "Carte publiée.");
      await page.getByText("Le lecteur de carte Vitale décroche en pleine consultation", { exact: true }).waitFor();
      expect((await sidewaysScroll(page)).scrollWidth).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("posts a card without JavaScript, and offers a link to refresh the board", async () => {
    const { page, context } = await openPage(ctx.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(`${ctx.server.url}/atelier`);
    await page.getByLabel("Code de l'atelier").fill("ATE 347");
    await page.getByRole("button", { name: "Rejoindre" }).click();
    await page.getByRole("heading", { level: 1, name: /Nommage des documents/ }).waitFor();
    await page.getByLabel("Votre carte").fill("Nommer les documents par type et date, sans jargon");
    await page.getByRole("button", { name: "Publier la carte" }).click();
    await page.getByText("Carte publiée.").waitFor();
    await page.getByText("Nommer les documents par type et date, sans jargon").waitFor();
    // An oversized card is refused with its reason, and comes back in the form.
    const long = "Trop long ".repeat(30);
    await page.getByLabel("Votre carte").fill(long);
    await page.getByRole("button", { name: "Publier la carte" }).click();
    await page.getByText("Une carte tient en 280 caractères au plus").first().waitFor();
    await expect(page.getByLabel("Votre carte").inputValue()).resolves.toBe(long);
    await page.getByRole("link", { name: "Actualiser" }).click();
    await page.getByText("Nommer les documents par type et date, sans jargon").waitFor();
    await page.getByText("· votre carte").first().waitFor();
    await context.close();
  });

  it("the facilitator's board shows clusters as columns: cards are dragged between them, the forms stay the way without a mouse", async () => {
    const post = (text: string) => fetch(`${ctx.server.url}/atelier/ATE347`, { method: "POST", body: new URLSearchParams({ intent: "card", text }) });
    for (const text of ["Un nom de fichier lisible : type, date, émetteur", "Le nom du patient jamais dans le nom du fichier"]) expect((await post(text)).status).toBe(200);
    // Tall enough that a drag needs no scrolling (a scroll between the press and the move would drag another card).
    const team = await openPage(ctx.browser, { viewport: { width: 1280, height: 2400 } });
    await signIn(team.page, ctx.server.url, "equipe@demo.sentinelle.fr");
    await team.page.goto(`${ctx.server.url}/equipe/seminaires`);
    await team.page.getByRole("link", { name: "Séminaire tripartite de travail (démonstration)" }).first().click();
    await team.page.getByRole("link", { name: "Tableau d'animation de l'atelier 1" }).click();
    const columns = team.page.getByRole("region", { name: "Colonnes du tableau" });
    const card = (text: string) => columns.locator("li", { hasText: text });
    const loose = columns.getByRole("region", { name: "Cartes non regroupées" });
    await loose.getByText("Un nom de fichier lisible : type, date, émetteur", { exact: true }).waitFor();
    // Cards become draggable once the page runs, and the page says so.
    await team.page.getByText("Glissez une carte d'une colonne à l'autre").waitFor();
    // Dropped on the last column, a card opens a cluster named after it.
    await card("Un nom de fichier lisible").dragTo(columns.getByRole("region", { name: "Nouveau regroupement" }));
    await waitForNotice(team.page, "Carte regroupée.");
    const cluster = columns.getByRole("region", { name: /^Un nom de fichier lisible/ });
    await cluster.locator("li > p").getByText("Un nom de fichier lisible : type, date, émetteur", { exact: true }).waitFor();
    // Dropped on a cluster's column, a card joins it.
    await card("Le nom du patient jamais").dragTo(cluster);
    await cluster.getByText("Le nom du patient jamais dans le nom du fichier", { exact: true }).waitFor();
    expect(await loose.getByText("Le nom du patient jamais dans le nom du fichier", { exact: true }).count()).toBe(0);
    // A cluster's name is checked in the browser with the server's schema, beside that cluster's own field.
    const rename = cluster.getByLabel(/Nom du regroupement/);
    await rename.fill("");
    await cluster.getByRole("button", { name: /Renommer/ }).click();
    await cluster.locator(".field-error").getByText("Nommez le regroupement.").waitFor();
    expect(await rename.getAttribute("aria-invalid")).toBe("true");
    await rename.fill("Règles de nommage");
    await cluster.getByRole("button", { name: /Renommer/ }).click();
    await waitForNotice(team.page, "Regroupement renommé « Règles de nommage ».");
    expect(await axeViolations(team.page)).toEqual([]);
    // On a phone, the columns scroll inside their region; the page itself never scrolls sideways.
    await team.page.setViewportSize({ width: 360, height: 740 });
    expect(await team.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(team.problems).toEqual([]);
    await team.context.close();
  });

  it("registers a guest without JavaScript, pending the confirmation sent by e-mail", async () => {
    const { page, context } = await openPage(ctx.browser, { javaScriptEnabled: false });
    await page.goto(`${ctx.server.url}/seminaires/seminaire-tripartite-demonstration`);
    await page.getByRole("link", { name: "S'inscrire" }).click();
    await page.getByLabel("Nom et prénom").fill("Invité de démonstration");
    await page.getByLabel("Adresse e-mail").fill("invite-e2e@example.org");
    await page.getByLabel("Éditeur — hors SONS").check();
    await page.getByLabel(/Atelier 1 — Nommage des documents/).check();
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page.getByText("Vérifiez votre messagerie pour confirmer votre inscription").waitFor();
    await context.close();
  });
});
