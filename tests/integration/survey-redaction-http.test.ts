import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEGUR_QUESTIONNAIRE_V2 } from "~/modules/surveys/demo-questionnaire";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
});
afterAll(() => server.close());

const text = (html: string) => html.replace(/<!-- -->/g, "");

describe("survey free text", () => {
  it("masks a NIR typed in a survey answer and tells the respondent on the next step, with only counts in the URL", async () => {
    const section = SEGUR_QUESTIONNAIRE_V2.sections.findIndex((s) => s.items.some((i) => i.key === "amelioration-prioritaire"));
    expect(section).toBeGreaterThan(0);
    const response = await fetch(`${server.url}/enquetes/segur-en-cours`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ section: String(section), intent: "previous", "q.amelioration-prioritaire": "Le dossier 2 85 05 2A 006 084 99 ne s'ouvre pas" }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toContain("masque=nir-1");
    expect(decodeURIComponent(location)).not.toMatch(/006|dossier/);
    const next = text(await (await fetch(server.url + location, { headers: { Cookie: cookie } })).text());
    expect(next).toContain("Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) : cette information permet d'identifier un patient et ne doit pas figurer dans une réponse d'enquête.");
  });

  it("shows the notice on the thank-you page from counts only, and ignores anything else", async () => {
    const told = text(await (await fetch(`${server.url}/enquetes/segur-en-cours/merci?masque=phone-2`)).text());
    expect(told).toContain("Nous avons masqué 2 numéros de téléphone");
    const forged = text(await (await fetch(`${server.url}/enquetes/segur-en-cours/merci?masque=${encodeURIComponent("<b>x</b>")}`)).text());
    expect(forged).not.toContain("Nous avons masqué");
    expect(forged).not.toContain("<b>x</b>");
  });
});
