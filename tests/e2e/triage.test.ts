import { describe, expect, it } from "vitest";
import { apiToken, bearer } from "../support/http";
import { axeViolations, openPage, signIn, waitForNotice } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const ctx = useServerAndBrowser();
const TWIN = {
  title: "Le volet de synthèse médicale est trop long à remplir",
  body: "Pour chaque patient je dois ressaisir dans le VSM des informations déjà présentes dans le dossier : la reprise automatique ne marche pas.",
};

describe("team triage", () => {
  it("opens the queue on « À trier », finds the twin in the duplicate panel and merges it in one click", async () => {
    const url = ctx.server.url;
    // A practitioner files a twin of the demo's n°5 (through the API: the filing journey is tested elsewhere).
    const filed = await fetch(`${url}/api/v1/irritants`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...bearer(await apiToken(url, "medecin@demo.sentinelle.fr")) },
      body: JSON.stringify(TWIN),
    });
    const twinId = ((await filed.json()) as { id: number }).id;

    const team = await openPage(ctx.browser);
    await signIn(team.page, url, "equipe@demo.sentinelle.fr");
    // From the home page, by the header's team menu (a native <details>), never by a typed address.
    await team.page.goto(url + "/");
    const nav = team.page.getByRole("navigation", { name: "Menu principal" });
    await nav.getByText("Espace équipe", { exact: true }).click();
    await nav.getByRole("link", { name: "Tri des signalements" }).click();
    await team.page.waitForURL(/\/equipe\/signalements$/);
    await expect(team.page.getByLabel("Statut").evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).resolves.toBe("À trier");
    expect(await axeViolations(team.page)).toEqual([]);
    await team.page.getByRole("link", { name: TWIN.title }).click();
    await team.page.getByRole("heading", { level: 1, name: new RegExp(`N°${twinId}`) }).waitFor();
    const proposals = team.page.getByRole("list", { name: "Signalements proches" });
    await proposals.getByRole("button", { name: "Fusionner dans le n°5" }).waitFor();
    expect(await axeViolations(team.page)).toEqual([]);
    await proposals.getByRole("button", { name: "Fusionner dans le n°5" }).click();
    await waitForNotice(team.page, "Signalement fusionné dans le n°5.");
    await team.page.getByText("Ce signalement est un doublon fusionné dans le").waitFor();
    await expect(team.page.getByText("Doublon fusionné : il ne peut pas être publié.").count()).resolves.toBe(1);
    expect(team.problems).toEqual([]);
    await team.context.close();
  });
});
