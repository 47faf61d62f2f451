import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Breadcrumbs name an inner page by what it shows (issue 18): an irritant's title, a campaign's, a seminar's…
let server: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  cookies.team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  cookies.practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
});
afterAll(() => server.close());

const decode = (html: string) => html.replaceAll("<!-- -->", "").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** The breadcrumb's links and current page, as text. */
async function trail(path: string, as?: string) {
  const html = decode(await (await fetch(server.url + path, { headers: as ? { Cookie: cookies[as] } : {} })).text());
  const nav = /<nav[^>]*class="fr-breadcrumb[^"]*"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  const items = [...nav.matchAll(/<a[^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1].trim());
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]*>/g, "").trim();
  return { items, current: /aria-current="page"[^>]*>([\s\S]*?)<\/a>/.exec(nav)?.[1].trim(), h1 };
}

describe("breadcrumbs of inner pages", () => {
  it("name a theme, a progress update and a questionnaire by their titles", async () => {
    const theme = await trail("/avancement/themes/mssante");
    expect(theme.items).toEqual(["Accueil", "Avancement", theme.h1]);
    expect(theme.current).toContain("MSSanté");
    const update = await trail("/points-etape/point-etape-11-janvier-2024");
    expect(update.current).toBe(update.h1);
    expect(update.current).toContain("11 janvier 2024");
    const survey = await trail("/enquetes/segur-en-cours", "practitioner");
    expect(survey.current).toMatch(/vague en cours/);
  });

  it("name a ticket by its number and a team page by what it edits", async () => {
    expect((await trail("/editeur/tickets/1", "team")).current).toBe("Ticket n°1");
    const campaign = await trail("/equipe/enquetes/segur-2025", "team");
    expect(campaign.current).toBe(campaign.h1);
    const seminar = await trail("/equipe/seminaires/1", "team");
    expect(seminar.current).toBe(seminar.h1);
    expect((await trail("/equipe/plan-action/nouvelle", "team")).current).toBe("Nouvelle action");
  });

  it("place a seminar's registrations under that seminar", async () => {
    const seminar = await trail("/equipe/seminaires/1", "team");
    const registrations = await trail("/equipe/seminaires/1/inscriptions", "team");
    expect(registrations.items).toEqual(["Accueil", "Espace équipe", "Séminaires (équipe)", seminar.current, "Inscriptions"]);
  });
});
