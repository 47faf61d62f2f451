import { getDb } from "#db/client";
import { eq } from "drizzle-orm";
import { progressUpdates, themeResources, themes } from "#db/schema";

/** The program's status deck of 11 January 2024, as a published progress update; and a draft. */
export function loadDemoProgressUpdates(teamId: number) {
  getDb()
    .insert(progressUpdates)
    .values([
      {
        slug: "point-etape-11-janvier-2024",
        title: "Point d'étape du 11 janvier 2024",
        summary:
          "Alimentation de Mon espace santé en forte hausse en médecine de ville, retour sur le séminaire tripartite du 20 novembre et premiers chantiers du plan d'action.",
        body: `## Mon espace santé en médecine de ville

- **231 millions** de documents mis à disposition dans Mon espace santé à fin décembre 2023.
- Médecine de ville : **6,54 millions** de documents à fin décembre 2023, soit 3 fois plus qu'en août.
- **115 documents par professionnel** en moyenne à fin décembre, contre 65 en septembre (+77 %).
- Plus de **700 000 VSM** alimentés en décembre 2023, plus de 2,8 millions sur l'année.
- **56 276** professionnels de santé libéraux ont consulté au moins un DMP.

## Séminaire tripartite du 20 novembre

Professionnels de santé, éditeurs (SONS et hors SONS), patients et institutionnels ont travaillé ensemble autour de trois objectifs :

1. recréer la confiance entre éditeurs, professionnels de la médecine de ville et pouvoirs publics ;
2. travailler collectivement sur les solutions opérationnelles aux irritants majeurs ;
3. définir un processus de mise en commun des retours et d'amélioration continue.

Les irritants principaux : qualification de l'INS, versions Ségur des logiciels de cabinet, appropriation de Mon espace santé, MSSanté, délégation de tâches, formation, VSM et ordonnance numérique.

## Plan d'action

- Réunion haut niveau opérateurs MSS, SGL et LGC tenue : les cinq étapes du compte rendu de biologie sont partagées.
- API LPS en production chez les opérateurs MSSanté.
- Tests en vie réelle sur les CDA : échéance écrite « Décembre 23 Février - Mars 24 » par le point d'étape, qui ne dit pas s'il s'agit d'un report.

## Prochaines étapes

- Poursuite des travaux opérationnels et de la veille terrain.
- Nouveau séminaire tripartite au printemps-été 2024.
- Nouvel envoi du questionnaire de satisfaction sur les fonctions Ségur en janvier-février.
`,
        status: "published",
        publishedAt: "2024-01-11T17:00:00.000Z",
        authorId: teamId,
        createdAt: "2024-01-11T09:00:00.000Z",
        updatedAt: "2024-01-11T17:00:00.000Z",
      },
      {
        slug: "point-etape-printemps-2024",
        title: "Point d'étape du printemps 2024 (brouillon)",
        summary: "À compléter après le prochain séminaire tripartite.",
        body: "## À compléter\n\n- Résultats de la vague 2024 de l'enquête de satisfaction.\n",
        status: "draft",
        authorId: teamId,
      },
    ])
    .run();
}

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
