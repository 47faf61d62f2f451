import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openPage, signIn } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { seedAnalysedAttachment, textImage } from "../support/attachments";
import { PHONE_VIEWPORT, screenshotsDesktopAndPhone, sidewaysScroll } from "../support/phone";

// With a Pro Santé Connect test provider on loopback, so the sign-in pages are checked with its button shown.
const ctx = useServerAndBrowser({ psc: true });
// The cover page needs a file: attachment n°1, on one of the practitioner's irritants, as the worker leaves it.
beforeAll(async () => {
  const irritantId = ctx.server.database.db.$client.prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = 'medecin@demo.sentinelle.fr' order by i.id limit 1").pluck().get() as number;
  await seedAnalysedAttachment(ctx.server, { email: "medecin@demo.sentinelle.fr", irritantId, png: await textImage(["Logiciel Cabinet - Agenda", "Renouvellement impossible"]) });
});

// Every page of the foundation, by who can see it. A new page belongs here.
const PAGES: { path: string; as: string | null; heading: RegExp }[] = [
  { path: "/", as: null, heading: /irritants du numérique en santé/ },
  { path: "/connexion", as: null, heading: /Se connecter/ },
  { path: "/inscription", as: null, heading: /Créer un compte/ },
  { path: "/accessibilite", as: null, heading: /accessibilité/i },
  { path: "/mentions-legales", as: null, heading: /Mentions légales/ },
  { path: "/donnees-personnelles", as: null, heading: /données personnelles/i },
  { path: "/plan-du-site", as: null, heading: /Plan du site/ },
  { path: "/a-propos", as: null, heading: /À propos du programme/ },
  { path: "/signalements/1", as: null, heading: /INS/ },
  { path: "/page-inexistante", as: null, heading: /Page introuvable/ },
  { path: "/deconnexion", as: "medecin@demo.sentinelle.fr", heading: /Se déconnecter/ },
  { path: "/compte", as: "medecin@demo.sentinelle.fr", heading: /Mon compte/ },
  { path: "/signalements/nouveau", as: "medecin@demo.sentinelle.fr", heading: /Signaler un irritant/ },
  { path: "/", as: "medecin@demo.sentinelle.fr", heading: /irritants du numérique en santé/ },
  { path: "/mes-signalements", as: "medecin@demo.sentinelle.fr", heading: /Mes signalements/ },
  { path: "/mes-signalements", as: "patient@demo.sentinelle.fr", heading: /Mes signalements/ },
  { path: "/enquetes", as: "medecin@demo.sentinelle.fr", heading: /Mes enquêtes/ },
  { path: "/enquetes", as: "patient@demo.sentinelle.fr", heading: /Mes enquêtes/ },
  { path: "/signalements/4", as: "patient@demo.sentinelle.fr", heading: /Noms des documents/ },
  { path: "/compte", as: "editeur-a@demo.sentinelle.fr", heading: /Mon compte/ },
  { path: "/mot-de-passe-oublie", as: null, heading: /Mot de passe oublié/ },
  { path: "/mot-de-passe/nouveau?jeton=lien-qui-n-existe-pas", as: null, heading: /Choisir un nouveau mot de passe/ },
  { path: "/confirmer-email?jeton=lien-a-confirmer-0000", as: null, heading: /Confirmer votre adresse/ },
  { path: "/confirmer-inscription?jeton=lien-a-confirmer-0000", as: null, heading: /Confirmer votre inscription/ },
  { path: "/inscription?envoye=1", as: null, heading: /Vérifiez votre messagerie/ },
  { path: "/inscription/confirmer?jeton=lien-a-confirmer-0000", as: null, heading: /Terminer votre inscription|Lien/ },
  { path: "/equipe/masquer?signalement=4", as: "equipe@demo.sentinelle.fr", heading: /Masquer un passage/ },
  { path: "/pieces-jointes/1/masquer", as: "medecin@demo.sentinelle.fr", heading: /Masquer des zones du fichier n°1/ },
  { path: "/pieces-jointes/1/masquer", as: "equipe@demo.sentinelle.fr", heading: /Masquer des zones du fichier n°1/ },
  { path: "/desabonnement?jeton=faux.lien", as: null, heading: /Se désabonner/ },
  { path: "/plan-action/9", as: "medecin@demo.sentinelle.fr", heading: /Réunion haut niveau/ },
  { path: "/avancement/themes/mssante", as: "patient@demo.sentinelle.fr", heading: /MSSanté/ },
  { path: "/equipe/enquetes/segur-en-cours", as: "equipe@demo.sentinelle.fr", heading: /vague en cours/ },
  { path: "/equipe", as: "equipe@demo.sentinelle.fr", heading: /Tri des signalements/ },
  { path: "/equipe/signalements?status=tous", as: "admin@demo.sentinelle.fr", heading: /Tri des signalements/ },
  { path: "/equipe/signalements/4", as: "equipe@demo.sentinelle.fr", heading: /N°4/ },
  { path: "/equipe/signalements/recueillir", as: "equipe@demo.sentinelle.fr", heading: /Recueillir un signalement/ },
  { path: "/equipe/signalements/import", as: "equipe@demo.sentinelle.fr", heading: /Importer des signalements existants/ },
  { path: "/equipe/themes", as: "equipe@demo.sentinelle.fr", heading: /Thèmes/ },
  { path: "/equipe/vocabulaire", as: "equipe@demo.sentinelle.fr", heading: /Vocabulaire du terrain/ },
  { path: "/signalements", as: null, heading: /Signalements publiés/ },
  { path: "/signalements?q=lenteur&sort=supports", as: null, heading: /Signalements publiés/ },
  { path: "/signalements/2", as: "patient@demo.sentinelle.fr", heading: /Lenteurs/ },
  { path: "/signalements/6", as: "medecin@demo.sentinelle.fr", heading: /Ordonnance numérique/ },
  { path: "/editeur", as: "editeur-a@demo.sentinelle.fr", heading: /Espace éditeur/ },
  { path: "/editeur/signaler", as: "editeur-a@demo.sentinelle.fr", heading: /logiciel d'un autre éditeur/ },
  { path: "/editeur/tickets/2", as: "editeur-b@demo.sentinelle.fr", heading: /Ticket n°2/ },
  { path: "/editeur/tickets/2", as: "editeur-a@demo.sentinelle.fr", heading: /Page introuvable/ },
  { path: "/editeur/tickets/1", as: "equipe@demo.sentinelle.fr", heading: /Ticket n°1/ },
  { path: "/equipe/tickets", as: "equipe@demo.sentinelle.fr", heading: /Tickets des éditeurs/ },
  { path: "/equipe/catalogue", as: "admin@demo.sentinelle.fr", heading: /Catalogue/ },
  { path: "/equipe/reglages", as: "equipe@demo.sentinelle.fr", heading: /Réglages/ },
  { path: "/editeur", as: "medecin@demo.sentinelle.fr", heading: /Accès refusé/ },
  { path: "/plan-action", as: null, heading: /Plan d'action/ },
  { path: "/plan-action?vue=calendrier", as: null, heading: /Plan d'action/ },
  { path: "/plan-action?status=fait&theme=mssante", as: null, heading: /Plan d'action/ },
  { path: "/plan-action?au=2024-01-11", as: null, heading: /Plan d'action/ },
  { path: "/plan-action/9", as: null, heading: /Réunion haut niveau/ },
  { path: "/equipe/plan-action", as: "equipe@demo.sentinelle.fr", heading: /Modifier le plan d'action/ },
  { path: "/equipe/plan-action/7", as: "equipe@demo.sentinelle.fr", heading: /Modifier l'action/ },
  { path: "/equipe/plan-action/9", as: "equipe@demo.sentinelle.fr", heading: /Modifier l'action/ },
  { path: "/equipe/plan-action/nouvelle", as: "equipe@demo.sentinelle.fr", heading: /Nouvelle action/ },
  { path: "/equipe/plan-action/import", as: "equipe@demo.sentinelle.fr", heading: /Importer le plan d'action/ },
  { path: "/reglementation", as: null, heading: /Référentiel réglementaire/ },
  { path: "/reglementation/segur-vague-2-tronc-commun", as: null, heading: /Ségur numérique, vague 2 : tronc commun/ },
  { path: "/reglementation/projet-arrete-l1111-15", as: "medecin@demo.sentinelle.fr", heading: /Projet d'arrêté/ },
  { path: "/equipe/reglementation", as: "equipe@demo.sentinelle.fr", heading: /Modifier le référentiel réglementaire/ },
  { path: "/equipe/reglementation/projet-arrete-l1111-15", as: "equipe@demo.sentinelle.fr", heading: /Modifier l'obligation/ },
  { path: "/equipe/reglementation/nouvelle", as: "equipe@demo.sentinelle.fr", heading: /Nouvelle obligation/ },
  { path: "/resultats", as: null, heading: /Résultats des enquêtes/ },
  { path: "/resultats/segur-2024", as: null, heading: /vague 2024/ },
  { path: "/enquetes/segur-en-cours", as: "medecin@demo.sentinelle.fr", heading: /vague en cours/ },
  { path: "/enquetes/segur-en-cours?section=2", as: "medecin@demo.sentinelle.fr", heading: /vague en cours/ },
  { path: "/enquetes/segur-en-cours/merci", as: null, heading: /Merci/ },
  { path: "/equipe/enquetes", as: "equipe@demo.sentinelle.fr", heading: /Enquêtes/ },
  { path: "/equipe/enquetes/segur-2025", as: "equipe@demo.sentinelle.fr", heading: /vague 2025/ },
  { path: "/equipe/enquetes/editeur?depuis=2", as: "equipe@demo.sentinelle.fr", heading: /Éditeur de questionnaire/ },
  { path: "/equipe/enquetes/segur-2025/reponses-libres", as: "equipe@demo.sentinelle.fr", heading: /Réponses libres/ },
  { path: "/equipe/annonces", as: "equipe@demo.sentinelle.fr", heading: /Annonces aux éditeurs/ },
  { path: "/editeur/annonces/1", as: "editeur-a@demo.sentinelle.fr", heading: /Webinaire Sentinelle/ },
  { path: "/equipe/enquetes/editeur", as: "admin@demo.sentinelle.fr", heading: /Éditeur de questionnaire/ },
  { path: "/avancement", as: null, heading: /Où en est le programme/ },
  { path: "/avancement/editeurs", as: null, heading: /Tableaux de bord des éditeurs/ },
  { path: "/points-etape", as: null, heading: /Points d'étape/ },
  { path: "/points-etape/point-etape-11-janvier-2024", as: null, heading: /11 janvier 2024/ },
  { path: "/points-etape/point-etape-11-janvier-2024?impression=1", as: null, heading: /11 janvier 2024/ },
  { path: "/equipe/avancement", as: "equipe@demo.sentinelle.fr", heading: /Points d'étape/ },
  { path: "/equipe/avancement/1", as: "equipe@demo.sentinelle.fr", heading: /11 janvier 2024/ },
  { path: "/equipe/avancement/2?confirmer=publication", as: "equipe@demo.sentinelle.fr", heading: /printemps 2024/ },
  { path: "/equipe/avancement/2", as: "equipe@demo.sentinelle.fr", heading: /printemps 2024/ },
  { path: "/points-etape/point-etape-printemps-2024", as: "equipe@demo.sentinelle.fr", heading: /printemps 2024/ },
  { path: "/equipe/avancement/ressources", as: "equipe@demo.sentinelle.fr", heading: /Ressources par thème/ },
  { path: "/avancement/themes/mssante", as: null, heading: /MSSanté/ },
  { path: "/avancement/themes/ins", as: null, heading: /INS/ },
  { path: "/avancement/donnees", as: null, heading: /Données ouvertes/ },
  { path: "/avancement/indicateurs", as: null, heading: /Indicateurs/ },
  { path: "/avancement/themes/mes-dmp", as: null, heading: /Mon espace santé/ },
  { path: "/equipe/avancement/indicateurs", as: "equipe@demo.sentinelle.fr", heading: /Indicateurs/ },
  { path: "/seminaires", as: null, heading: /Séminaires tripartites/ },
  { path: "/notifications", as: "editeur-a@demo.sentinelle.fr", heading: /Notifications/ },
  { path: "/equipe/courriels", as: "admin@demo.sentinelle.fr", heading: /Courriels/ },
  { path: "/equipe/journal", as: "equipe@demo.sentinelle.fr", heading: /Journal des actions/ },
  { path: "/equipe/comptes", as: "admin@demo.sentinelle.fr", heading: /Comptes/ },
  { path: "/equipe/comptes", as: "equipe@demo.sentinelle.fr", heading: /Accès refusé/ },
  { path: "/equipe/journal?categorie=Comptes&qui=medecin", as: "admin@demo.sentinelle.fr", heading: /Journal des actions/ },
  { path: "/equipe/courriels", as: "equipe@demo.sentinelle.fr", heading: /Accès refusé/ },
  { path: "/seminaires/seminaire-20-novembre-2023", as: null, heading: /Usages numériques en médecine de ville/ },
  { path: "/signalements/nouveau", as: "equipe@demo.sentinelle.fr", heading: /Accès refusé/ },
  { path: "/auth/psc/callback?error=access_denied", as: null, heading: /Connexion annulée/ },
  { path: "/auth/psc/callback?code=abc&state=inconnu", as: null, heading: /Connexion avec Pro Santé Connect refusée/ },
  { path: "/auth/psc/finaliser", as: null, heading: /Aucune connexion Pro Santé Connect en cours/ },
  { path: "/seminaires/seminaire-tripartite-demonstration", as: null, heading: /démonstration/ },
  { path: "/seminaires/seminaire-tripartite-demonstration/inscription", as: null, heading: /S'inscrire/ },
  { path: "/seminaires/seminaire-tripartite-demonstration/inscription", as: "patient@demo.sentinelle.fr", heading: /S'inscrire/ },
  { path: "/atelier", as: null, heading: /Rejoindre un atelier/ },
  { path: "/atelier?code=AB0", as: null, heading: /Rejoindre un atelier/ },
  { path: "/atelier/ATE347", as: null, heading: /Atelier 1/ },
  { path: "/atelier/AAAAAA", as: null, heading: /Atelier introuvable/ },
  { path: "/signalements/8", as: null, heading: /Délégation au secrétariat/ },
  { path: "/equipe/seminaires", as: "equipe@demo.sentinelle.fr", heading: /Séminaires et ateliers/ },
  { path: "/equipe/seminaires/1", as: "equipe@demo.sentinelle.fr", heading: /Usages numériques/ },
  { path: "/equipe/seminaires/1/inscriptions", as: "equipe@demo.sentinelle.fr", heading: /Inscriptions/ },
  { path: "/equipe/seminaires/1/bilan", as: "admin@demo.sentinelle.fr", heading: /Bilan du séminaire/ },
  { path: "/ateliers/1/animation", as: "equipe@demo.sentinelle.fr", heading: /Animation de l'atelier 1/ },
  { path: "/ateliers/4/animation", as: "equipe@demo.sentinelle.fr", heading: /Animation de l'atelier 1/ },
  { path: "/equipe/seminaires", as: "editeur-a@demo.sentinelle.fr", heading: /Accès refusé/ },
  { path: "/signalements/nouveau", as: "patient@demo.sentinelle.fr", heading: /Signaler/ },
  { path: "/equipe/journal?avant=60&pages=160", as: "equipe@demo.sentinelle.fr", heading: /Journal des actions/ },
];

/** Screenshot name: test-results/screenshots/<role>-<page>-<bureau|telephone>.png. */
const shotName = (path: string, as: string | null) => `${as ? as.split("@")[0] : "visiteur"}-${path === "/" ? "accueil" : path.slice(1)}`;

describe("every page", () => {
  for (const { path, as, heading } of PAGES) {
    it(`${path} as ${as ?? "a visitor"}: renders its heading, zero axe violations, no CSP error, no sideways scroll at 360 px`, async () => {
      const { page, context, problems } = await openPage(ctx.browser);
      try {
        if (as) await signIn(page, ctx.server.url, as);
        await page.goto(ctx.server.url + path);
        await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(heading);
        expect(await page.title()).toMatch(/Sentinelle/);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        // Dates read in French: no ISO day in the text (machine values stay in <time dateTime> and form fields).
        expect((await page.locator("body").innerText()).match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).toEqual([]);
        await screenshotsDesktopAndPhone(page, shotName(path, as));
        const { scrollWidth, culprits } = await sidewaysScroll(page);
        expect(scrollWidth, `wider than the phone: ${culprits.join(", ")}`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      } finally {
        await context.close();
      }
    });
  }
});

describe("Pro Santé Connect pages reached through the provider", () => {
  // rpps: a test card of tests/support/psc-provider.ts; path: where the app lands.
  const FLOWS = [
    { rpps: "10000000002", path: "/auth/psc/finaliser", heading: /Finaliser votre connexion/, why: "completion form (no e-mail from PSC)" },
    { rpps: "10000000003", path: "/auth/psc/finaliser", heading: /Finaliser votre connexion/, why: "completion form (e-mail of an existing account)" },
    { rpps: "10000000004", path: "/auth/psc/callback", heading: /Profession non prise en charge/, why: "unknown profession" },
    { rpps: "10000000001", path: "/compte", heading: /Mon compte/, why: "profile of an account created through PSC" },
  ];
  for (const { rpps, path, heading, why } of FLOWS) {
    it(`${why}: renders its heading, zero axe violations, no CSP error`, async () => {
      const { page, context, problems } = await openPage(ctx.browser);
      try {
        await page.goto(ctx.server.url + "/connexion");
        await page.getByRole("link", { name: "Se connecter avec Pro Santé Connect" }).click();
        await page.getByLabel("Numéro RPPS de la carte de test").fill(rpps);
        await page.getByRole("button", { name: "S'authentifier" }).click();
        await page.waitForURL((url) => url.origin === ctx.server.url && url.pathname === path);
        await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(heading);
        expect(await page.title()).toMatch(/Sentinelle/);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("layout", () => {
  it("offers a skip link as the first keyboard stop, which moves focus to the content", async () => {
    const { page, context } = await openPage(ctx.browser);
    try {
      await page.goto(ctx.server.url + "/");
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused.textContent()).resolves.toBe("Aller au contenu");
      await page.keyboard.press("Enter");
      expect(page.url()).toMatch(/#contenu$/);
    } finally {
      await context.close();
    }
  });

  it("shows the navigation each role needs", async () => {
    const navFor = async (email: string | null) => {
      const { page, context } = await openPage(ctx.browser);
      if (email) await signIn(page, ctx.server.url, email);
      await page.goto(ctx.server.url + "/");
      // Sub-menus ("Espace équipe", "Administration") are closed <details>: their links count too.
      const items = await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { includeHidden: true }).allTextContents();
      await context.close();
      return items;
    };
    expect(await navFor(null)).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation"]);
    // The practitioner's count: the open questionnaire awaits them. "Mon compte" is a quick link of the header.
    expect(await navFor("medecin@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Signaler un irritant", "Mes signalements", "Mes enquêtes 1 questionnaire à remplir"]);
    expect(await navFor("patient@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Signaler un irritant", "Mes signalements", "Mes enquêtes"]);
    // A vendor files about other vendors' software (issue 20) and follows those reports in « Mes signalements ».
    expect(await navFor("editeur-b@demo.sentinelle.fr")).toEqual(["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Mes signalements", "Espace éditeur"]);
    const team = ["Accueil", "Signalements", "Plan d'action", "Enquêtes", "Avancement", "Réglementation", "Tri des signalements", "Recueillir un signalement", "Tickets", "Édition du plan", "Enquêtes (équipe)", "Séminaires", "Points d'étape", "Référentiel réglementaire", "Thèmes", "Vocabulaire", "Catalogue", "Annonces aux éditeurs", "Réglages", "Journal"];
    expect(await navFor("equipe@demo.sentinelle.fr")).toEqual(team);
    expect(await navFor("admin@demo.sentinelle.fr")).toEqual([...team, "Comptes", "Courriels"]);
  });

  it("carries the accessibility status and the legal pages in the footer", async () => {
    const { page, context } = await openPage(ctx.browser);
    await page.goto(ctx.server.url + "/");
    const links = await page.getByRole("contentinfo").getByRole("list").getByRole("link").allTextContents();
    expect(links).toEqual(["Accessibilité : non conforme", "Mentions légales", "Données personnelles", "À propos", "Plan du site"]);
    await context.close();
  });
});
