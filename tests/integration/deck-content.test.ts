import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { themeResources } from "#db/schema";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue 20, "the deck's content, complete": the figures, resources, next steps and ambition of the point d'étape of
 * 11 January 2024 (/work/shared/seed), read back through the public pages, the API and open data. Every expected value
 * below is typed from the deck itself, not read from the seed.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Row = { dataset: string; dimension1: string; dimension2: string; value: number; unit: string };
type Meta = { slug: string; title: string; unit: string; source: string; sourceDate: string | null; method: string; notes: string };

// slug → [period | dimension, value] as the deck writes them.
const DECK_FIGURES: Record<string, [string, number][]> = {
  "mes-profils-ouverts": [["", 68.1]], // « +97% des français ont un profil Mon espace santé ouvert (+68,1M) »
  "mes-part-profils-ouverts": [["", 97]],
  "mes-profils-actives": [["", 10.5]], // « +10,5 M des usagers l'ont activé (15,2%) »
  "mes-part-profils-actives": [["", 15.2]],
  "mes-activations-par-mois": [["", 300000]], // « +300 000 en moyenne par mois »
  "mes-telechargements-application": [["", 2.2]], // « + 2,2M de téléchargements de l'application mobile »
  "mes-documents-ajoutes-patients": [["", 13]], // « +13M de documents ajoutés par les patients »
  "mes-profil-medical-complete": [["", 27]], // « 27% des utilisateurs actifs ont complété leur profil médical »
  "mes-retour-mensuel": [
    ["Application mobile", 40], // « Près de 40% des utilisateurs du mobile reviennent d'un mois sur l'autre »
    ["Web", 10], // « et 10% sur le web »
  ],
  "documents-mes-rythme-annuel": [["2023-12", 231]], // « atteint 231M à fin décembre 2023 »
  "documents-dmp-par-couloir": [["2023-12 | Médecine de ville", 6.54]], // « 6.54M de documents à fin décembre 2023 »
  "documents-par-professionnel": [
    ["2023-09", 65], // « VS 65 documents par PS en septembre 2023 »
    ["2023-12", 115], // « 115 documents alimentés par PS à fin décembre 2023 »
  ],
  "mdv-documents-par-type": [["2023-12 | Prescriptions", 75]], // « 75% des documents alimentés en décembre sont des prescriptions »
  "vsm-alimentes-par-mois": [["2023-12", 700000]], // « Plus de 700 000 VSM en décembre 2023 »
  "vsm-alimentes-par-an": [["2023", 2.8]], // « plus de 2.8M VSM alimentés en 2023 »
  "dmp-professionnels-consultants": [["", 56276]], // « 56 276 professionnels de santé libéraux ayant consulté au moins 1 DMP »
  "dmp-consultes": [["", 700000]], // « 700k DMP consultés »
  "dmp-documents-consultes": [["", 1.5]], // « 1,5 M Documents consultés »
  "dmp-documents-consultes-par-mois": [["", 170000]], // « en moyenne de 170 000 sur les 3 derniers mois »
  "dmp-profils-consultes-par-mois": [["", 100000]], // « concernant près de 100 000 MES »
  "top-documents-consultes": [
    ["CR d'examens biologiques", 219874],
    ["CR ou fiche de consultation ou de visite", 209187],
    ["Prescription de médicaments", 157905],
    ["Historique de vaccinations", 136847],
    ["CR d'imagerie médicale", 136281],
    ["Synthèse", 103482],
    ["Lettre de sortie", 93221],
    ["Données de remboursement", 75156],
    ["CR opératoire", 45098],
    ["CR hospitalier (séjour)", 35053],
  ],
};

const openData = async () => (await (await fetch(`${server.url}/avancement/donnees.json`)).json()) as { indicators: Meta[]; rows: Row[] };
const text = async (path: string) => (await (await fetch(server.url + path)).text()).replace(/<!-- -->/g, "");

describe("the deck's national figures", () => {
  it("are published in open data exactly as the deck gives them, and nothing more", async () => {
    const { rows } = await openData();
    for (const [slug, expected] of Object.entries(DECK_FIGURES)) {
      const published = rows.filter((r) => r.dataset === "indicateurs" && r.dimension1 === slug).map((r) => [r.dimension2, r.value]);
      expect(published.sort(), slug).toEqual([...expected].sort());
    }
  });

  it("each carry the deck as source with its date, and notes where the deck leaves something unsaid", async () => {
    const { indicators } = await openData();
    for (const slug of Object.keys(DECK_FIGURES)) {
      const meta = indicators.find((i) => i.slug === slug);
      expect(meta, slug).toBeDefined();
      expect(meta!.source, slug).toContain("11 janvier 2024");
      expect(meta!.sourceDate, slug).toBe("2024-01-11");
    }
    const notes = (slug: string) => indicators.find((i) => i.slug === slug)!.notes;
    expect(notes("mes-profils-ouverts")).toContain("plus de 68,1 millions");
    expect(notes("vsm-alimentes-par-mois")).toContain("Plus de 700 000");
    // The ratio to August is the deck's, not a stored August value.
    expect(notes("documents-dmp-par-couloir")).toContain("3 fois plus de documents qu'en août dernier");
    expect(notes("documents-dmp-par-couloir")).toContain("n'est pas déduite");
  });

  it("replace the generated demonstration series: no demonstration badge, the deck's 6,54 million on the page", async () => {
    const page = await text("/avancement/indicateurs");
    expect(page).not.toContain("Série de démonstration");
    expect(page).toContain("6,54");
    expect(page).toContain("68,1");
    expect(page).toContain("56\u202f276");
    expect(page).toContain("Source : Point d&#x27;étape du programme, 11 janvier 2024");
    expect(page).toContain("Note : Le point d&#x27;étape écrit « +68,1M » : plus de 68,1 millions.");
  });
});

// Typed from the deck's resource slides: title fragments, and the three addresses the deck gives.
const DECK_RESOURCES = [
  "page 100 % dédiée aux professionnels de santé",
  "Tout comprendre sur Mon espace santé",
  "Sensibiliser votre patientèle",
  "Top 15 des questions posées par les professionnels de santé à propos de Mon espace santé",
  "Foire aux questions des professionnels de santé et établissements à propos de Mon espace santé",
  "Mode d&#x27;emploi Mon espace santé / DMP, MSSanté",
  "Fiche pratique pour comprendre les droits et règles d&#x27;accès à Mon espace santé",
  "Principales questions de patients",
  "Mode d&#x27;emploi des échanges entre MSSanté et Mon espace santé",
  "Les usages Mon espace santé en fonction du statut du profil",
  "Mon espace santé et les adolescents",
  "Affiches Mon espace santé",
  "Top 15 des questions les plus posées par les professionnels de santé",
  "Mémo INS",
  "Fiche réflexe selon les retours du téléservice INSi",
  "Fiche réflexe en cas de discordance",
  "vague 2",
  "Formulaire de contact",
];

describe("the deck's resources, next steps and ambition", () => {
  it("lists every resource on the about page, with the addresses the deck gives and a date for each", async () => {
    const page = await text("/a-propos");
    for (const title of DECK_RESOURCES) expect(page).toContain(title);
    expect(page).toContain('href="https://esante.gouv.fr/strategie-nationale/mon-espace-sante/professionnel-de-sante"');
    expect(page).toContain('href="https://esante.gouv.fr/contact"');
    expect(page).toContain('href="https://esante.gouv.fr/segur/vague2"');
    // « dernière mise à jour : 23/05/2023 »
    expect(page).toContain("mise à jour le 23 mai 2023");
    const stored = server.database.db.select().from(themeResources).all();
    expect(stored).toHaveLength(DECK_RESOURCES.length);
    expect(stored.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date ?? ""))).toBe(true);
    // No resource shares another's address: those the deck does not give stay empty, and say so.
    const addresses = stored.map((r) => r.url).filter(Boolean);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(page.match(/adresse non donnée par la source/g)).toHaveLength(stored.length - addresses.length);
  });

  it("lets the team complete a resource the deck cites without its address (422 for a bad one, 403 for others)", async () => {
    const memo = server.database.db.select().from(themeResources).where(eq(themeResources.title, "Mémo INS")).get()!;
    expect(memo.url).toBe("");
    const complete = (cookie: string, fields: Record<string, string>) =>
      fetch(`${server.url}/equipe/avancement/ressources`, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "complete", id: String(memo.id), date: "2023-10-02", dateKind: "mise-a-jour", ...fields }),
        redirect: "manual",
      });
    const team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    const bad = await complete(team, { url: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Indiquez une adresse web complète");
    const practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
    expect((await complete(practitioner, { url: "https://example.org/memo-ins" })).status).toBe(403);
    expect((await complete(team, { url: "https://example.org/memo-ins" })).status).toBe(200);
    const page = await text("/a-propos");
    expect(page).toContain('<a href="https://example.org/memo-ins" rel="noopener noreferrer">Mémo INS</a> (fiche pratique, mise à jour le 2 octobre 2023');
  });

  it("shows the deck's « Prochaines étapes » on the public progress page", async () => {
    const page = await text("/avancement");
    expect(page).toContain("Prochaines étapes");
    for (const step of [
      "Poursuite des travaux opérationnels pour résoudre les irritants",
      "Mobilisations des parties prenantes dans le cadre d&#x27;ateliers de travail selon les besoins / sujets",
      "Nouveau séminaire tripartite de travail",
      "printemps-été 2024",
      "Mise à jour de la page Sentinelle pour informer des avancées",
      "Lancement de l&#x27;enquête sur l&#x27;évolution du label e-santé",
      "Reprise des ateliers Vague 2 MdV",
      "T1 24",
    ])
      expect(page).toContain(step);
  });

  it("gives the ambition and its four target uses on the about page, linked from every page's footer", async () => {
    const page = await text("/a-propos");
    expect(page).toContain("Généraliser le partage fluide et sécurisé des données de santé, entre professionnels et avec l&#x27;utilisateur.");
    for (const use of [
      "dispose dans son profil Mon espace santé d&#x27;une copie numérique de ses documents de santé",
      "peuvent consulter les documents de santé dans le profil Mon espace santé de leur patient",
      "destinataires, par messagerie sécurisée de santé (MSSanté), des résultats des examens prescrits",
      "copie des résultats d&#x27;examen et des documents de sortie d&#x27;hospitalisation",
    ])
      expect(page).toContain(use);
    expect(await text("/")).toMatch(/<a [^>]*href="\/a-propos"[^>]*>À propos<\/a>/);
  });
});

describe("the deck's ambiguous biology deadlines", () => {
  type ApiAction = { id: number; title: string; overdue: boolean; deadline: { label: string; due: string | null } };
  const tests = async (query = "") => {
    const body = await (await fetch(`${server.url}/api/v1/action-plan${query}`)).json();
    const all: ApiAction[] = body.workstreams.flatMap((w: { challenges: { actions: ApiAction[] }[] }) => w.challenges.flatMap((c) => c.actions));
    return all.find((a) => a.title.startsWith("Tests en vie réelle"))!;
  };

  it("are shown as written, never read as a date nor as a move from December 2023, and the notes say so", async () => {
    const today = await tests();
    expect(today.deadline).toEqual({ label: "Décembre 23 Février - Mars 24", due: null });
    expect(today.overdue).toBe(false);
    expect((await tests("?au=2024-01-10")).deadline.label).toBe("Décembre 23 Février - Mars 24");
    const page = await text(`/plan-action/${today.id}`);
    expect(page).toContain("Décembre 23 Février - Mars 24");
    expect(page).not.toContain("échéance reportée de Décembre 23");
    expect(page).toContain("n&#x27;en publie pas d&#x27;interprétation");
    expect(await text("/plan-action")).toContain("« Décembre 23 Février - Mars 24 », « Janvier 2024 », « Janvier 2024 »");
    expect(await text("/points-etape/point-etape-11-janvier-2024")).not.toMatch(/reportée de décembre 2023/i);
  });
});
