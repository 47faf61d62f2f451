import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Paged lists share one DSFR pagination (issue 18): plain links (no JavaScript), the current page marked, and a
// « Page précédente » that leads back to the page before.
let server: TestServer;
let team: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
});
afterAll(() => server.close());

const decode = (html: string) => html.replaceAll("<!-- -->", "").replaceAll("&amp;", "&");

async function open(path: string) {
  const html = decode(await (await fetch(server.url + path, { headers: { Cookie: team } })).text());
  const nav = /<nav[^>]*class="fr-pagination[^"]*"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  const link = (name: string) => /href="([^"]*)"/.exec(new RegExp(`<a([^>]*)>${name}</a>`).exec(nav)?.[1] ?? "");
  const firstRow = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(html)?.[1];
  return {
    nav,
    current: /aria-current="page"[^>]*>(\d+)<\/a>/.exec(nav)?.[1],
    next: link("Page suivante")?.[1],
    previous: link("Page précédente")?.[1],
    firstRow,
  };
}

describe("the pagination of the audit log", () => {
  it("goes to the next page and back with plain links", async () => {
    const first = await open("/equipe/journal");
    expect(first.current).toBe("1");
    expect(first.nav).toMatch(/<a class="fr-pagination__link fr-pagination__link--prev[^"]*" aria-disabled="true" role="link">Page précédente<\/a>/);
    expect(first.next).toMatch(/^\/equipe\/journal\?avant=\d+$|^\?avant=\d+$/);

    const second = await open(`/equipe/journal${first.next!.replace(/^\/equipe\/journal/, "")}`);
    expect(second.current).toBe("2");
    expect(second.firstRow).not.toBe(first.firstRow);
    expect(second.previous).toBeDefined();

    const back = await open(`/equipe/journal${second.previous!.replace(/^\/equipe\/journal/, "")}`);
    expect(back.current).toBe("1");
    expect(back.firstRow).toBe(first.firstRow);
  });

  it("keeps the filters from page to page", async () => {
    const first = await open("/equipe/journal?categorie=Signalements");
    if (first.next) expect(first.next).toContain("categorie=Signalements");
    else expect(first.nav).toBe("");
  });
});
