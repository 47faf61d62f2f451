import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants } from "#db/schema";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The public irritant page loads the signed-in reader's forms (comment, file upload: Conform + zod) lazily in the
 * browser (issue 18's JavaScript budget), yet the server still renders them in place, so they work without
 * JavaScript, from the very first page the server renders.
 */
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
let server: TestServer;
let irritantId: number;

beforeAll(async () => {
  server = await startTestServer();
  irritantId = server.database.db
    .select({ id: irritants.id })
    .from(irritants)
    .where(and(eq(irritants.published, true), isNull(irritants.hiddenAt), isNull(irritants.mergedIntoId)))
    .limit(1)
    .get()!.id;
});
afterAll(() => server?.close());

const page = async (cookie?: string) => {
  const response = await fetch(`${server.url}/signalements/${irritantId}`, { headers: { "User-Agent": BROWSER, ...(cookie ? { Cookie: cookie } : {}) } });
  expect(response.status).toBe(200);
  return response.text();
};

describe("the public irritant page's reader forms", () => {
  it("are in the server's HTML for a signed-in reader, with their no-JavaScript form", async () => {
    const html = await page(await signInCookie(server.url, "medecin@demo.sentinelle.fr"));
    const form = /<form[^>]*method="post"[^>]*>(?:(?!<\/form>)[\s\S])*name="intent" value="comment"(?:(?!<\/form>)[\s\S])*<\/form>/.exec(html)?.[0];
    expect(form).toBeDefined();
    expect(form).toMatch(/<textarea[^>]*name="body"/);
    expect(form).toContain("Publier le commentaire");
  });

  it("posted without JavaScript, a comment is published on the page", async () => {
    const cookie = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    const response = await fetch(`${server.url}/signalements/${irritantId}`, {
      method: "POST",
      headers: { Origin: server.url, Cookie: cookie, "User-Agent": BROWSER, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "comment", body: "Même problème au cabinet depuis la dernière mise à jour." }),
      redirect: "manual",
    });
    expect(response.status).toBeLessThan(400);
    expect(await page(cookie)).toContain("Même problème au cabinet depuis la dernière mise à jour.");
  });

  it("leave their code out of an anonymous visitor's page", async () => {
    const html = await page();
    expect(html).not.toContain("Publier le commentaire");
    expect(html).not.toMatch(/irritant-forms/);
  });
});
