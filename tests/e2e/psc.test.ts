import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~/seed/demo.server";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

// Pro Santé Connect sign-in end to end: Chromium, the app, and a real OpenID Connect provider on loopback
// configured like PSC (tests/support/psc-provider.ts). The provider's login page asks for a test card's RPPS.
const ctx = useServerAndBrowser({ psc: true });

const RPPS_LABEL = "Numéro RPPS de la carte de test";
const onApp = (path: string) => (url: URL) => url.origin === ctx.server.url && url.pathname === path;

type UserRow = { id: number; email: string; role: string; rpps: string | null; rpps_verified: number; password_hash: string | null; profession: string | null };
const usersWithRpps = (rpps: string) => ctx.server.database.db.$client.prepare("select * from users where rpps = ?").all(rpps) as UserRow[];
const userByEmail = (email: string) => ctx.server.database.db.$client.prepare("select * from users where email = ?").get(email) as UserRow | undefined;

/** Clicks the PSC button on `from` and reaches the provider's login page. */
async function toProvider(page: Page, from = "/connexion") {
  await page.goto(ctx.server.url + from);
  await page.getByRole("link", { name: "Se connecter avec Pro Santé Connect" }).click();
  await page.getByLabel(RPPS_LABEL).waitFor();
  expect(new URL(page.url()).origin).toBe(new URL(ctx.psc.issuer).origin);
}

/** Authenticates at the provider with a test card; resolves with the app's answer to the callback. */
async function authenticate(page: Page, rpps: string) {
  const callback = page.waitForResponse((r) => r.url().startsWith(ctx.server.url + "/auth/psc/callback"));
  await page.getByLabel(RPPS_LABEL).fill(rpps);
  await page.getByRole("button", { name: "S'authentifier" }).click();
  return callback;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("first sign-in", () => {
  it("creates the practitioner with a verified RPPS from PSC's claims and lands on the profile", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      expect(usersWithRpps("10000000001")).toEqual([]);
      await toProvider(page);
      const callback = await authenticate(page, "10000000001");
      expect(callback.status()).toBe(302);
      await page.waitForURL(onApp("/compte"));
      expect(page.url()).toContain("bienvenue=1");
      expect(await heading(page)).toMatch(/Mon compte/);
      await page.getByText("Votre compte est créé").waitFor();
      await page.getByText("camille.martin@medecin.mssante.test").waitFor();
      const rpps = page.locator("dt", { hasText: "RPPS" }).locator("xpath=following-sibling::dd[1]");
      expect(await rpps.textContent()).toMatch(/10000000001\s+vérifié \(Pro Santé Connect\)/);
      expect(await page.getByLabel("Profession").inputValue()).toBe("medecin");
      expect(await page.getByLabel("Spécialité (facultatif)").inputValue()).toBe("Médecine générale");
      expect(await page.getByLabel("Mode d'exercice (facultatif)").inputValue()).toBe("liberal");
      expect(await page.getByLabel("Région (facultatif)").inputValue()).toBe("Auvergne-Rhône-Alpes");
      expect(await page.getByLabel("Nom et prénom").inputValue()).toBe("Camille MARTIN");
      expect(await axeViolations(page)).toEqual([]);
      // The account's password section says it has none: it signs in through PSC.
      await page.getByRole("link", { name: "Mot de passe", exact: true }).click();
      await page.getByText("Vous vous connectez avec Pro Santé Connect").waitFor();
      expect(problems).toEqual([]);

      const [user] = usersWithRpps("10000000001");
      expect(user).toMatchObject({ role: "practitioner", rpps_verified: 1, password_hash: null, profession: "medecin", email: "camille.martin@medecin.mssante.test" });

      // The provider's answer is single use: replaying it is refused.
      const replay = await page.goto(callback.url());
      expect(replay?.status()).toBe(400);
      expect(await heading(page)).toMatch(/Connexion avec Pro Santé Connect refusée/);
    } finally {
      await context.close();
    }
  });

  it("a later sign-in reaches the same account, and goes back to the page that asked for it", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/signalements/nouveau");
      await page.waitForURL(onApp("/connexion"));
      await toProvider(page, new URL(page.url()).pathname + new URL(page.url()).search);
      await authenticate(page, "10000000001");
      await page.waitForURL(onApp("/signalements/nouveau"));
      expect(await heading(page)).toMatch(/Signaler un irritant/);
      await page.getByText("Camille MARTIN").first().waitFor();
      expect(usersWithRpps("10000000001")).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it("asks for an e-mail when PSC gives none, then creates the account", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/inscription");
      await toProvider(page, "/inscription");
      await authenticate(page, "10000000002");
      await page.waitForURL(onApp("/auth/psc/finaliser"));
      expect(await heading(page)).toMatch(/Finaliser votre connexion avec Pro Santé Connect/);
      await page.getByText("Inès DUBOIS").waitFor();
      await page.getByText("CABINET INFIRMIER DU PORT").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(usersWithRpps("10000000002")).toEqual([]);

      const create = page.getByRole("form", { name: "Créer mon compte Sentinelle" });
      await create.getByLabel("Adresse e-mail du nouveau compte").fill("patient@demo.sentinelle.fr");
      await create.getByRole("button", { name: "Créer mon compte" }).click();
      await create.getByText("Un compte existe déjà avec cette adresse e-mail").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(usersWithRpps("10000000002")).toEqual([]);

      await create.getByLabel("Adresse e-mail du nouveau compte").fill("Ines.Dubois@Exemple.test");
      await create.getByRole("button", { name: "Créer mon compte" }).click();
      await page.waitForURL(onApp("/compte"));
      await page.getByText("ines.dubois@exemple.test").waitFor();
      expect(await page.getByLabel("Profession").inputValue()).toBe("infirmier");
      expect(await page.getByLabel("Mode d'exercice (facultatif)").inputValue()).toBe("mixte");
      expect(await page.getByLabel("Région (facultatif)").inputValue()).toBe("Bretagne");
      expect(usersWithRpps("10000000002")).toMatchObject([{ email: "ines.dubois@exemple.test", rpps_verified: 1, password_hash: null }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("linking an existing account", () => {
  it("links the account with the same e-mail only once its password is confirmed", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      expect(userByEmail("medecin@demo.sentinelle.fr")).toMatchObject({ rpps: null, rpps_verified: 0 });
      await toProvider(page);
      await authenticate(page, "10000000003");
      await page.waitForURL(onApp("/auth/psc/finaliser"));
      await page.getByRole("status").filter({ hasText: "Un compte Sentinelle existe déjà avec l'adresse medecin@demo.sentinelle.fr" }).waitFor();
      const link = page.getByRole("form", { name: "J'ai déjà un compte Sentinelle" });
      expect(await link.getByLabel("Adresse e-mail du compte existant").inputValue()).toBe("medecin@demo.sentinelle.fr");

      await link.getByLabel("Mot de passe du compte existant").fill("pas le bon mot de passe");
      await link.getByRole("button", { name: "Relier mon compte" }).click();
      await link.getByText("Adresse e-mail ou mot de passe incorrect.").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(userByEmail("medecin@demo.sentinelle.fr")).toMatchObject({ rpps: null, rpps_verified: 0 });

      await link.getByLabel("Mot de passe du compte existant").fill(DEMO_PASSWORD);
      await link.getByRole("button", { name: "Relier mon compte" }).click();
      await page.waitForURL(onApp("/compte"));
      await page.getByText("Votre compte est désormais relié à Pro Santé Connect").waitFor();
      await page.getByText("medecin@demo.sentinelle.fr").waitFor();
      await page.getByText("vérifié (Pro Santé Connect)").waitFor();
      const linked = userByEmail("medecin@demo.sentinelle.fr")!;
      expect(linked).toMatchObject({ rpps: "10000000003", rpps_verified: 1, profession: "medecin" });
      // The account keeps its password, and no second account was created.
      expect(linked.password_hash).toMatch(/^\$argon2id\$/);
      expect(usersWithRpps("10000000003")).toHaveLength(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // From now on, PSC reaches that account directly.
    const again = await openPage(ctx.browser);
    try {
      await toProvider(again.page);
      await authenticate(again.page, "10000000003");
      await again.page.waitForURL(onApp("/"));
      await again.page.goto(ctx.server.url + "/compte");
      await again.page.getByText("medecin@demo.sentinelle.fr").waitFor();
    } finally {
      await again.context.close();
    }
  });
});

describe("refusals", () => {
  it("says so in French when the person cancels at the provider, with a way back", async () => {
    const { page, context, problems } = await openPage(ctx.browser);
    try {
      await toProvider(page);
      const callback = page.waitForResponse((r) => r.url().startsWith(ctx.server.url + "/auth/psc/callback"));
      await page.getByRole("link", { name: "Annuler" }).click();
      expect((await callback).status()).toBe(400);
      expect(await heading(page)).toBe("Connexion annulée");
      expect(await page.title()).toMatch(/Connexion annulée — Sentinelle/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.getByRole("link", { name: "Retour à la page de connexion" }).click();
      await page.waitForURL(onApp("/connexion"));
      expect(usersWithRpps("10000000005")).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("refuses an answer whose state was forged, and another browser's genuine answer", async () => {
    const tokenRequests = () => ctx.psc.requests.filter((r) => r.method === "POST" && r.path.endsWith("/token")).length;
    const a = await openPage(ctx.browser);
    const victim = await openPage(ctx.browser);
    try {
      // Browser A starts a sign-in; its flow cookie is put aside so that the provider's genuine answer
      // (code + state) reaches the app without being usable, and stays unexchanged.
      await toProvider(a.page);
      const flowCookie = (await a.context.cookies()).find((c) => c.name === "sentinelle_psc_flow")!;
      expect(flowCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/auth/psc" });
      await a.context.clearCookies({ name: "sentinelle_psc_flow" });
      const callback = await authenticate(a.page, "10000000005");
      expect(callback.status()).toBe(400);
      await a.page.getByText("ne correspond à aucune connexion en cours").waitFor();
      const genuine = new URL(callback.url());
      const exchanged = tokenRequests();

      // Browser B started its own sign-in: A's answer does not match B's state (login CSRF).
      await toProvider(victim.page);
      expect((await victim.page.goto(genuine.href))?.status()).toBe(400);
      await victim.page.getByText("ne correspond pas à votre demande de connexion").waitFor();
      expect(await axeViolations(victim.page)).toEqual([]);

      // In A, the answer with a forged state is refused.
      await a.context.addCookies([flowCookie]);
      const forged = new URL(genuine);
      forged.searchParams.set("state", "etat-contrefait-etat-contrefait-0123");
      expect((await a.page.goto(forged.href))?.status()).toBe(400);
      await a.page.getByText("ne correspond pas à votre demande de connexion").waitFor();

      // Neither refusal reached the provider's token endpoint…
      expect(tokenRequests()).toBe(exchanged);
      expect(usersWithRpps("10000000005")).toEqual([]);
      for (const browser of [a, victim]) {
        await browser.page.goto(ctx.server.url + "/compte");
        await browser.page.waitForURL(onApp("/connexion"));
      }

      // …and the same genuine answer, with A's own flow, is accepted: the refusals were about the state.
      await a.context.addCookies([flowCookie]);
      expect((await a.page.goto(genuine.href))?.status()).toBe(200);
      expect(a.page.url()).toBe(ctx.server.url + "/auth/psc/finaliser");
      expect(tokenRequests()).toBe(exchanged + 1);
      // B never got A's identity.
      expect((await victim.page.goto(ctx.server.url + "/auth/psc/finaliser"))?.status()).toBe(400);
    } finally {
      await a.context.close();
      await victim.context.close();
    }
  });

  it("refuses a profession Sentinelle does not know, without creating an account", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await toProvider(page);
      const callback = await authenticate(page, "10000000004");
      expect(callback.status()).toBe(422);
      expect(await heading(page)).toBe("Profession non prise en charge");
      await page.getByText("code RPPS 26").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(usersWithRpps("10000000004")).toEqual([]);
      expect(userByEmail("hugo.petit@audio.mssante.test")).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it("refuses an authentication weaker than the configured acr (eidas1)", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await toProvider(page);
      const callback = await authenticate(page, "10000000006");
      expect(callback.status()).toBe(403);
      expect(await heading(page)).toBe("Niveau d'authentification insuffisant");
      expect(usersWithRpps("10000000006")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("signing out", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`ends the app session and the PSC session (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async () => {
      const { page, context, problems } = await openPage(ctx.browser, { javaScriptEnabled });
      try {
        await toProvider(page);
        await authenticate(page, "10000000001");
        await page.waitForURL(onApp("/"));

        // While the provider's session lives, losing the app session alone signs straight back in.
        await context.clearCookies({ name: "sentinelle_session" });
        await page.goto(ctx.server.url + "/connexion");
        await page.getByRole("link", { name: "Se connecter avec Pro Santé Connect" }).click();
        await page.waitForURL(onApp("/"));
        await page.getByRole("button", { name: "Se déconnecter" }).waitFor();

        await page.getByRole("button", { name: "Se déconnecter" }).click();
        await page.getByRole("heading", { name: "Se déconnecter de Pro Santé Connect ?" }).waitFor();
        await page.getByRole("button", { name: "Oui, me déconnecter" }).click();
        await page.waitForURL(onApp("/"));
        await page.getByRole("link", { name: "Se connecter" }).first().waitFor();
        await page.goto(ctx.server.url + "/compte");
        await page.waitForURL(onApp("/connexion"));

        // The provider forgot the session: it asks for the card again.
        await page.getByRole("link", { name: "Se connecter avec Pro Santé Connect" }).click();
        await page.getByLabel(RPPS_LABEL).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("does not send a password sign-in to the provider", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      const before = ctx.psc.requests.length;
      await signIn(page, ctx.server.url, "patient@demo.sentinelle.fr");
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.getByRole("link", { name: "Se connecter" }).first().waitFor();
      expect(new URL(page.url()).origin).toBe(ctx.server.url);
      expect(ctx.psc.requests.slice(before)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
