import { getDb } from "#db/client";
import { eq } from "drizzle-orm";
import { indicators, progressUpdates, themeResources, themes } from "#db/schema";
import type { BlockKind } from "#db/vocabularies/progress";
import type { SessionUser } from "~/lib/session-users.server";
import { addBlock, setUpdatePublished, type BlockConfig } from "~/modules/progress/index.server";

/**
 * The program's status deck of 11 January 2024, rebuilt from blocks: its figures, charts and tables come from the
 * platform's data as of that day (indicators, the action plan with its history, the seminar, the regulatory
 * register), its narrative in Markdown between them; published, hence frozen as it read that day. And a draft, which
 * reads today's data. Loaded after the data it reads.
 */
export function loadDemoProgressUpdates(team: SessionUser) {
  const db = getDb();
  const known = new Set(db.select({ slug: indicators.slug }).from(indicators).all().map((i) => i.slug));
  // The deck's national figures where the indicators exist (the deck's series), else the medicine-in-town ones.
  const figures = DECK_FIGURES.filter((slug) => known.has(slug));
  const deck = db
    .insert(progressUpdates)
    .values({
      slug: "point-etape-11-janvier-2024",
      title: "Point d'étape du 11 janvier 2024",
      summary:
        "Alimentation de Mon espace santé en forte hausse en médecine de ville, retour sur le séminaire tripartite du 20 novembre et premiers chantiers du plan d'action.",
      body: `Point d'étape sur les usages numériques en médecine de ville et retour sur le séminaire tripartite du 20 novembre.

Ordre du jour : état des lieux de l'alimentation et de la consultation de Mon espace santé en médecine de ville ; retour sur la démarche du séminaire ; zoom sur des chantiers du plan d'action ; point d'actualité ; prochaines étapes.`,
      status: "draft",
      asOf: "2024-01-11",
      authorId: team.id,
      createdAt: "2024-01-11T09:00:00.000Z",
      updatedAt: "2024-01-11T17:00:00.000Z",
    })
    .returning({ id: progressUpdates.id })
    .get().id;
  const blocks: { kind: BlockKind; title?: string; config?: BlockConfig }[] = [
    { kind: "figures", title: "Mon espace santé : les chiffres à fin décembre 2023", config: { indicators: figures } },
    ...DECK_CHARTS.filter(([slug]) => known.has(slug)).map(([indicator, title]) => ({ kind: "indicator" as const, title, config: { indicator } })),
    {
      kind: "narrative",
      title: "La médecine de ville, en passe de devenir le couloir le plus émetteur du Ségur",
      config: {
        markdown:
          "Cette croissance est fortement liée à la fin des déploiements des versions Ségur, mais surtout aux efforts des éditeurs dans l'amélioration de la performance de leurs solutions.\n\nDes actions ciblées accompagnent les acteurs de chaque couloir pour maximiser leurs envois au dossier médical de Mon espace santé, notamment autour de l'INS en biologie et en radiologie.",
      },
    },
    { kind: "seminar", title: "Retour sur le séminaire du 20 novembre", config: { seminar: "seminaire-20-novembre-2023" } },
    { kind: "plan", title: "Zoom sur les chantiers du plan d'action" },
    { kind: "changes" },
    { kind: "regulation", title: "Point d'actualité : le calendrier réglementaire" },
    {
      kind: "narrative",
      title: "Prochaines étapes",
      config: {
        markdown:
          "- Poursuite des travaux opérationnels et de la veille terrain.\n- Nouveau séminaire tripartite au printemps-été 2024.\n- Nouvel envoi du questionnaire de satisfaction sur les fonctions Ségur en janvier-février.",
      },
    },
  ];
  for (const b of blocks) addBlock(team, deck, b);
  // Published on the day, as the deck was: its blocks are frozen as they read on 11 January 2024.
  db.update(progressUpdates).set({ publishedAt: "2024-01-11T17:00:00.000Z" }).where(eq(progressUpdates.id, deck)).run();
  setUpdatePublished(team, deck, true);
  db.update(progressUpdates).set({ updatedAt: "2024-01-11T17:00:00.000Z" }).where(eq(progressUpdates.id, deck)).run();

  const draft = db
    .insert(progressUpdates)
    .values({
      slug: "point-etape-printemps-2024",
      title: "Point d'étape du printemps 2024 (brouillon)",
      summary: "À compléter après le prochain séminaire tripartite.",
      body: "Ce qui a changé depuis le point du 11 janvier 2024, et les résultats de la vague 2024 de l'enquête de satisfaction.",
      status: "draft",
      authorId: team.id,
    })
    .returning({ id: progressUpdates.id })
    .get().id;
  for (const b of [{ kind: "changes" as const }, { kind: "irritants" as const }, { kind: "survey" as const, config: { campaign: "segur-2024" } }, { kind: "plan" as const }]) addBlock(team, draft, b);
}

// The deck's headline figures (its national Mon espace santé series when they exist, else medicine-in-town ones).
const DECK_FIGURES = [
  "mes-profils-ouverts",
  "mes-profils-actives",
  "mes-telechargements-application",
  "documents-mes-rythme-annuel",
  "documents-par-professionnel",
  "vsm-alimentes-par-mois",
  "dmp-professionnels-consultants",
  "dmp-documents-consultes",
];
// The deck's charts, with its headings.
const DECK_CHARTS: [string, string][] = [
  ["documents-dmp-par-couloir", "En médecine de ville, une alimentation de Mon espace santé en hausse à fin décembre 2023"],
  ["mdv-documents-par-type", "Les documents les plus alimentés par les médecins de ville : les prescriptions de médicaments"],
  ["top-documents-consultes", "Les documents les plus consultés par les professionnels de santé libéraux"],
];


// Every resource the program's deck of 11 January 2024 lists, titles as in the deck. The deck gives the address of three
// of them only (its other links are not in it): those stay without an address, shown as such, never guessed. Their
// date is the deck's (the day it cited them), except the FAQ's, whose last update the deck gives.
const DECK_SOURCE = "Point d'étape du 11 janvier 2024";
const PS_PAGE = "https://esante.gouv.fr/strategie-nationale/mon-espace-sante/professionnel-de-sante";
type DemoResource = { theme: string; title: string; kind: "guide" | "faq" | "fiche" | "video" | "autre"; url?: string; updatedOn?: string };
const RESOURCES: DemoResource[] = [
  { theme: "mes-dmp", title: "Mon espace santé : la page 100 % dédiée aux professionnels de santé", kind: "guide", url: PS_PAGE },
  { theme: "mes-dmp", title: "Tout comprendre sur Mon espace santé", kind: "guide" },
  { theme: "mes-dmp", title: "Sensibiliser votre patientèle", kind: "guide" },
  { theme: "mes-dmp", title: "Top 15 des questions posées par les professionnels de santé à propos de Mon espace santé", kind: "faq" },
  {
    theme: "mes-dmp",
    title: "Foire aux questions des professionnels de santé et établissements à propos de Mon espace santé",
    kind: "faq",
    updatedOn: "2023-05-23",
  },
  { theme: "mes-dmp", title: "Mode d'emploi Mon espace santé / DMP, MSSanté", kind: "guide" },
  { theme: "mes-dmp", title: "Fiche pratique pour comprendre les droits et règles d'accès à Mon espace santé", kind: "fiche" },
  { theme: "mes-dmp", title: "Principales questions de patients", kind: "faq" },
  { theme: "mssante", title: "Mode d'emploi des échanges entre MSSanté et Mon espace santé", kind: "guide" },
  { theme: "mes-dmp", title: "Les usages Mon espace santé en fonction du statut du profil", kind: "fiche" },
  { theme: "mes-dmp", title: "Mon espace santé et les adolescents", kind: "fiche" },
  { theme: "mes-dmp", title: "Affiches Mon espace santé pour les cabinets de ville", kind: "autre" },
  { theme: "ins", title: "Top 15 des questions les plus posées par les professionnels de santé sur l'INS", kind: "faq" },
  { theme: "ins", title: "Mémo INS", kind: "fiche" },
  { theme: "ins", title: "Fiche réflexe selon les retours du téléservice INSi", kind: "fiche" },
  { theme: "ins", title: "Fiche réflexe en cas de discordance", kind: "fiche" },
  { theme: "performance-lgc", title: "Ségur numérique, vague 2 : tous les documents", kind: "guide", url: "https://esante.gouv.fr/segur/vague2" },
  { theme: "autre", title: "Formulaire de contact du site esante.gouv.fr, pour toute question", kind: "autre", url: "https://esante.gouv.fr/contact" },
];

export function loadDemoResources() {
  const db = getDb();
  RESOURCES.forEach((r, position) => {
    const theme = db.select({ id: themes.id }).from(themes).where(eq(themes.slug, r.theme)).get()!;
    db.insert(themeResources)
      .values({
        themeId: theme.id,
        title: r.title,
        url: r.url ?? "",
        kind: r.kind,
        date: r.updatedOn ?? "2024-01-11",
        dateKind: r.updatedOn ? "mise-a-jour" : "citation",
        source: DECK_SOURCE,
        position,
      })
      .run();
  });
}
