import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations } from "#db/schema";
import { emailedInvitationToken, inviteAudienceByEmail, saveDraft } from "~/modules/surveys/index.server";
import { demoUser } from "../support/demo";
import { DEMO_ANSWERS } from "../support/surveys";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A personal invitation link is a secret until its response is sent: whoever holds it can answer in the invitee's
 * place. It must reach the server once (the e-mailed link), and no later address may carry it, since addresses are
 * what access logs, proxies and browser histories keep.
 */

let server: TestServer;
const SLUG = "segur-en-cours";
const PAGE = `/enquetes/${SLUG}`;

beforeAll(async () => {
  server = await startTestServer({ env: { SMTP_URL: "" } });
});
afterAll(() => server.close());

function invitationTokenOf(email: string) {
  const invitee = demoUser(email);
  const row = server.database.db.select().from(invitations).where(and(eq(invitations.inviteeId, invitee.id))).get()!;
  return emailedInvitationToken(row.id);
}

const get = (path: string, cookie?: string) => fetch(server.url + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  fetch(server.url + path, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body: new URLSearchParams(fields), redirect: "manual" });

/** The `name=value` part of the response's one cookie, as a browser would send it back. */
function cookieFrom(response: Response) {
  const header = response.headers.get("set-cookie");
  expect(header, "the response sets a cookie").toBeTruthy();
  return { pair: header!.split(";")[0], header: header! };
}

describe("a survey invitation link", () => {
  it("is read from the address once: the token moves to a cookie, and no later address, page or payload carries it", async () => {
    const team = demoUser("equipe@demo.sentinelle.fr");
    inviteAudienceByEmail(team, SLUG);
    const token = invitationTokenOf("medecin@demo.sentinelle.fr");

    // The e-mailed link: answered by a redirect to the bare address, the token kept in an HTTP-only cookie for the survey.
    const followed = await get(`${PAGE}?jeton=${token}`);
    expect([302, 303]).toContain(followed.status);
    expect(followed.headers.get("location")).toBe(PAGE);
    const { pair, header } = cookieFrom(followed);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/Path=\/enquetes(;|$)/i); // the surveys' pages and their data requests only
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Max-Age|Expires/i); // gone when the browser closes: practice PCs are shared
    // The personal-data page names it among the cookies the platform sets.
    expect(await (await get("/donnees-personnelles")).text()).toContain(`<strong>${pair.split("=")[0]}</strong>`);

    // The page answers the invitee without a sign-in, and neither its HTML nor its data payload holds the token.
    const page = await get(PAGE, pair);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Étape 1 sur");
    expect(html).not.toContain(token);
    const data = await get(`${PAGE}.data?_routes=routes%2Fenquetes.%24slug`, pair);
    expect(data.status).toBe(200);
    expect(await data.text()).not.toContain(token);

    // Each step's redirect names the step only.
    const next = await post(PAGE, { intent: "next", section: "0", "q.profession": "medecin" }, pair);
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toBe(`${PAGE}?section=1`);
    const second = await get(`${PAGE}?section=1`, pair);
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("Étape 2 sur");

    // Without the cookie the bare address is the signed-in questionnaire: an anonymous visitor is sent to sign in.
    const bare = await get(PAGE);
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toMatch(/^\/connexion/);

    // Sending the response forgets the cookie; the link cannot answer twice.
    saveDraft(SLUG, { kind: "invitation", token }, DEMO_ANSWERS);
    const last = String(5);
    const sent = await post(PAGE, { intent: "submit", section: last }, pair);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${PAGE}/merci`);
    const cleared = cookieFrom(sent).header;
    expect(cleared).toMatch(new RegExp(`^${pair.split("=")[0]}=;`));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  // Follows the first test: the medecin's invitation is used by now.
  it("answers a used link and a forged one alike, after the same redirect", async () => {
    const used = invitationTokenOf("medecin@demo.sentinelle.fr");
    const forged = used.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const outcomes = [];
    for (const token of [used, forged]) {
      const followed = await get(`${PAGE}?jeton=${token}`);
      expect(followed.headers.get("location")).toBe(PAGE);
      const page = await get(PAGE, cookieFrom(followed).pair);
      outcomes.push({ status: page.status, main: /<main[\s\S]*<\/main>/.exec((await page.text()).replace(/<!-- -->/g, ""))?.[0] });
    }
    expect(outcomes[0].status).toBe(403);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it("keeps the step and the masking counts when the link carries them, and drops nothing else into the address", async () => {
    const followed = await get(`${PAGE}?jeton=quelconque&section=2&masque=nir-1`);
    expect(followed.headers.get("location")).toBe(`${PAGE}?section=2&masque=nir-1`);
    // A link longer than any token is refused, with no cookie.
    const oversized = await get(`${PAGE}?jeton=${"a".repeat(300)}`);
    expect(oversized.status).toBe(422);
    expect(oversized.headers.get("set-cookie")).toBeNull();
    expect(await oversized.text()).toContain("Ce lien d'invitation n'est pas valide.");
  });
});
