import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seminarRegistrations, seminars, workshops } from "#db/schema";
import { resetMailerForTests, sendPendingEmails } from "~/lib/outbox.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { REGISTRATION_CONFIRMATION_HOURS, seminarBalance } from "~/modules/seminars/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { startSmtpServer } from "../support/smtp";
import { demoUser } from "../support/demo";

/**
 * Guest registration to a seminar: the page answers the same whether or not the address is known, a guest counts
 * only once the address is confirmed through the e-mailed link, a registration with an account's address is not that
 * account's until confirmed, and the form is rate-limited.
 */
const SLUG = "seminaire-tripartite-demonstration";
const PATH = `/seminaires/${SLUG}/inscription`;
const LIMIT = 25;

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let seminarId: number;
let workshopId: number;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ env: { SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_MINUTE: String(LIMIT) } });
  resetMailerForTests();
  const db = server.database.db;
  seminarId = db.select().from(seminars).where(eq(seminars.slug, SLUG)).get()!.id;
  const w = db.select().from(workshops).where(eq(workshops.seminarId, seminarId)).all()[0];
  workshopId = w.id;
  // One seat left in the workshop once the demo registrations are counted.
  const taken = seminarBalance(seminarId).workshops.find((x) => x.id === workshopId)!.balance.total;
  db.update(workshops).set({ capacity: taken + 1 }).where(eq(workshops.id, workshopId)).run();
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

let posts = 0;
const register = (fields: Record<string, string>, cookie?: string) => {
  posts++;
  return fetch(server.url + PATH, { method: "POST", headers: cookie ? { Cookie: cookie } : {}, body: new URLSearchParams(fields), redirect: "manual" });
};
const guest = (email: string, name = "Invitée d'essai", withWorkshop = true) =>
  register({ name, email, sideChoice: "patient", ...(withWorkshop ? { workshopIds: String(workshopId) } : {}) });
/** The page without what changes on every response (CSP nonce). */
const comparable = async (response: Response) => ({ status: response.status, body: (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""') });
const deliver = async () => {
  await sendPendingEmails(1000);
};
const mailsTo = (address: string) => smtp.to(address).map((m) => m.body);
const tokenIn = (body: string) => /confirmer-inscription\?jeton=([A-Za-z0-9_-]+)/.exec(body)?.[1];
const registration = (email: string) =>
  server.database.db.select().from(seminarRegistrations).where(and(eq(seminarRegistrations.seminarId, seminarId), eq(seminarRegistrations.email, email))).get();
const seatsTaken = () => seminarBalance(seminarId).workshops.find((x) => x.id === workshopId)!.balance.total;
const confirm = (token: string) => fetch(`${server.url}/confirmer-inscription`, { method: "POST", body: new URLSearchParams({ jeton: token }), redirect: "manual" });

describe("guest registration", () => {
  it("answers the same page for a new address, an account's address and an address already registered", async () => {
    // An address already registered and confirmed: the practitioner, signed in.
    const practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    expect((await register({ sideChoice: "practitioner:other" }, practitioner)).status).toBe(200);
    expect(registration("medecin@demo.sentinelle.fr")?.confirmedAt).toBeTruthy();

    const fresh = await comparable(await guest("nouvelle.adresse@example.org", "Même nom"));
    const account = await comparable(await guest("editeur-b@demo.sentinelle.fr", "Même nom"));
    const already = await comparable(await guest("medecin@demo.sentinelle.fr", "Même nom"));
    expect(fresh.status).toBe(200);
    expect(fresh.body).toContain("Vérifiez votre messagerie");
    expect(fresh.body).not.toMatch(/déjà inscrit/);
    expect(account).toEqual(fresh);
    expect(already).toEqual(fresh);

    // The person already registered learns it by e-mail, not the one who typed the address.
    await deliver();
    expect(mailsTo("medecin@demo.sentinelle.fr").some((b) => /déjà inscrit/.test(b))).toBe(true);
    expect(tokenIn(mailsTo("nouvelle.adresse@example.org")[0] ?? "")).toBeTruthy();
    // The already-registered address keeps its one registration.
    expect(registration("medecin@demo.sentinelle.fr")!.userId).not.toBeNull();
  });

  it("counts a guest only once the address is confirmed, and once", async () => {
    const before = seatsTaken();
    const overall = seminarBalance(seminarId).overall.total;
    for (let i = 0; i < 3; i++) expect((await guest(`faux-${i}@example.org`)).status).toBe(200);
    // Three unconfirmed guests: no seat taken, the balance unchanged, the last seat still offered.
    expect(seatsTaken()).toBe(before);
    expect(seminarBalance(seminarId).overall.total).toBe(overall);
    const page = await (await fetch(server.url + PATH)).text();
    expect(page).toContain("1 place restante");

    expect((await guest("vraie.personne@example.org", "Vraie Personne")).status).toBe(200);
    await deliver();
    const token = tokenIn(mailsTo("vraie.personne@example.org").at(-1)!)!;
    expect(token).toBeTruthy();
    // Opening the link shows a button: a mail scanner following it confirms nothing.
    expect((await fetch(`${server.url}/confirmer-inscription?jeton=${token}`)).status).toBe(200);
    expect(registration("vraie.personne@example.org")!.confirmedAt).toBeNull();
    expect((await confirm(token)).status).toBe(303);
    expect(registration("vraie.personne@example.org")!.confirmedAt).toBeTruthy();
    expect(seatsTaken()).toBe(before + 1);
    expect(seminarBalance(seminarId).overall.total).toBe(overall + 1);
    // The link is single-use: a second confirmation counts nothing more.
    expect((await confirm(token)).status).toBe(410);
    expect(seatsTaken()).toBe(before + 1);

    // The workshop is now full: a pending guest confirming later keeps the seminar, not the full workshop.
    const late = tokenIn(mailsTo("faux-0@example.org").at(-1)!)!;
    expect((await confirm(late)).status).toBe(303);
    expect(seatsTaken()).toBe(before + 1);
    expect(seminarBalance(seminarId).overall.total).toBe(overall + 2);
  });

  it("does not attach a registration made with an account's address to that account until the link is used", async () => {
    const patient = await signInCookie(server.url, "patient@demo.sentinelle.fr");
    const patientId = demoUser("patient@demo.sentinelle.fr").id;
    expect((await guest("patient@demo.sentinelle.fr", "Quelqu'un d'autre", false)).status).toBe(200);
    const row = registration("patient@demo.sentinelle.fr")!;
    expect(row.userId).toBeNull();
    expect(row.confirmedAt).toBeNull();
    // Signed in, the patient is not told they are registered.
    const page = await (await fetch(server.url + PATH, { headers: { Cookie: patient } })).text();
    expect(page).not.toContain("Vous êtes inscrit");
    await deliver();
    const mail = mailsTo("patient@demo.sentinelle.fr").at(-1)!;
    expect(mail).toMatch(/compte Sentinelle/);
    expect((await confirm(tokenIn(mail)!)).status).toBe(303);
    const confirmed = registration("patient@demo.sentinelle.fr")!;
    expect(confirmed.userId).toBe(patientId);
    expect(confirmed.confirmedAt).toBeTruthy();
  });

  it("erases registrations never confirmed once their link expired (retention), and keeps confirmed ones", async () => {
    expect(registration("faux-1@example.org")).toBeDefined();
    applyRetention(365, new Date(Date.now() + 2 * 86_400_000));
    expect(registration("faux-1@example.org")).toBeDefined();
    applyRetention(365, new Date(Date.now() + (REGISTRATION_CONFIRMATION_HOURS + 1) * 3_600_000));
    expect(registration("faux-1@example.org")).toBeUndefined();
    expect(registration("faux-2@example.org")).toBeUndefined();
    expect(registration("vraie.personne@example.org")?.confirmedAt).toBeTruthy();
    expect(registration("faux-0@example.org")?.confirmedAt).toBeTruthy();
  });

  it("limits registration attempts per address (429 with Retry-After)", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = posts; i <= LIMIT + 1; i++) {
      const response = await guest(`rafale-${i}@example.org`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
      await response.body?.cancel();
    }
    expect(statuses.at(-1)).toBe(429);
    expect(retryAfter).toMatch(/^\d+$/);
    expect(registration(`rafale-${LIMIT + 1}@example.org`)).toBeUndefined();
  });
});
