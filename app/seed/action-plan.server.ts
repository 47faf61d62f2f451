import type { ActionStatus, LeadKind, StepStatus } from "~/modules/action-plan";

/**
 * The institutions the deck and the programme name, beside the vendors (organisations of kind "institution"). They
 * lead or co-lead an action only where the action's own wording names them (the API LPS "par les opérateurs MSS", the
 * "concertation VSM de la HAS", the meeting of the "opérateurs MSS / SGL / LGC"): the deck's tables give lead labels
 * ("Pouvoirs publics"…), not organisations, and no other attribution is made up.
 */
export const DEMO_INSTITUTIONS = [
  { slug: "dns", name: "Délégation au numérique en santé (DNS)" },
  { slug: "ans", name: "Agence du numérique en santé (ANS)" },
  { slug: "assurance-maladie", name: "Assurance Maladie" },
  { slug: "has", name: "Haute Autorité de santé (HAS)" },
  { slug: "operateurs-mssante", name: "Opérateurs de messagerie MSSanté" },
] as const;
/** The demo's team member responsible for actions (no password: a person the team names, not a demo sign-in). */
export const DEMO_PLAN_OWNER = { email: "plan-action@demo.sentinelle.fr", displayName: "Chargée de mission plan d'action (démo)", role: "team" as const };
type InstitutionSlug = (typeof DEMO_INSTITUTIONS)[number]["slug"];

/**
 * The action plan as the program's status deck of 11 January 2024 shows it ("Chantiers prioritaires"
 * tables). 🔧 is en-cours, ✅ is fait; actions without a mark sit under "Solutions en cours de discussion /
 * mise en oeuvre" and are taken as en-cours. A deadline written once for a whole challenge applies to each
 * of its actions; the section labels of the first table ("Aujourd'hui - fin de la Vague 1", "Vague 2")
 * stand in for actions without their own deadline.
 */
type DemoAction = {
  title: string;
  description?: string;
  lead: LeadKind;
  deadline: string;
  status: ActionStatus;
  wave?: number;
  steps?: { title: string; status: StepStatus }[];
  // A deadline the deck shows as moved: the first label, then the current one.
  previousDeadline?: string;
  // Organisations the action's wording names: institutions by slug, vendors by slug too.
  leadOrganisations?: (InstitutionSlug | string)[];
  coLeadOrganisations?: (InstitutionSlug | string)[];
  // The demo's plan owner (DEMO_PLAN_OWNER) answers for the action's status (reminded when it goes stale).
  responsible?: boolean;
};
/**
 * The deck's deadline cell for the biology challenge reads « Décembre 23 Février - Mars 24 / Janvier 2024 / Janvier 2024 »
 * for four actions: it says neither which deadline goes with which action nor whether December 2023 moved to February -
 * March 2024. The first label is kept as written (so it is never counted late), and no move is recorded.
 */
const BIOLOGY_DEADLINES_NOTE =
  "Échéances telles qu'écrites dans le point d'étape du 11 janvier 2024 : « Décembre 23 Février - Mars 24 », « Janvier 2024 », « Janvier 2024 ». Le point d'étape ne dit pas à quelle action se rapporte chacune ni si l'échéance de décembre 2023 a été reportée à février - mars 2024 : la plateforme les montre telles quelles et n'en publie pas d'interprétation.";

type DemoChallenge = { title: string; description?: string; themes: string[]; actions: DemoAction[] };
type DemoWorkstream = { title: string; challenges: DemoChallenge[] };

const PP: LeadKind = "pouvoirs-publics";
const BOTH: LeadKind = "editeurs-et-pouvoirs-publics";

export const DEMO_ACTION_PLAN: DemoWorkstream[] = [
  {
    title: "Expérience utilisateurs des LGC",
    challenges: [
      {
        title: "Améliorer la qualité des versions Ségur des LGC (ex : performance, bugs, lenteurs)",
        themes: ["performance-lgc"],
        actions: [
          {
            title:
              "Optimisations en continu menées par les LGC pour continuer à simplifier l'expérience utilisateurs et améliorer la performance (partage des apprentissages Sentinelle dans un webinaire dédié aux éditeurs non référencés)",
            lead: BOTH,
            deadline: "T1 2024",
            status: "en-cours",
            wave: 1,
          },
          { title: "Diagnostic approfondi sur les difficultés en matière de performance -> leviers d'action", lead: "editeurs", deadline: "Aujourd'hui - fin de la Vague 1", status: "en-cours", wave: 1 },
          {
            title:
              "Mise en visibilité de la qualité des logiciels en améliorant la transparence du secteur et l'évaluation par les pairs : financement pluriannuel de 100000medecins.org et communication auprès de l'écosystème",
            lead: PP,
            deadline: "Aujourd'hui - fin de la Vague 1",
            status: "en-cours",
            wave: 1,
          },
          {
            title:
              "Poursuite de l'évaluation de la satisfaction sur les fonctions Ségur : nouvel envoi du questionnaire en janvier-février, complété de quelques éléments clés Sentinelle pour démontrer l'écoute terrain",
            lead: PP,
            deadline: "T1 2024",
            status: "en-cours",
            wave: 1,
          },
          {
            title:
              "Exigences « Sentinelle » dans la Vague 2 Ségur, notamment sur l'INS, l'envoi en tâche de fond et l'envoi asynchrone des documents au DMP pour fluidifier l'expérience utilisateur et la performance",
            lead: PP,
            deadline: "S2 2024",
            status: "en-cours",
            wave: 2,
          },
          { title: "Mise en place d'une phase pilote / test avant déploiement vague 2 avec des pilotes afin de garantir des déploiements fluides", lead: PP, deadline: "Vague 2", status: "en-cours", wave: 2 },
        ],
      },
    ],
  },
  {
    title: "MSSanté",
    challenges: [
      {
        title: "Problématiques de qualité et d'intégration des documents transmis par messagerie, notamment en biologie médicale",
        description: `Non-réception des CR de biologie ; réception de formats qui se multiplient et sont difficilement lisibles ; difficultés d'intégration dans le logiciel métier ; réception de nombreux doublons ; délai de réception ; régression de l'exploitation des données structurées (valeurs anormales, suivi des courbes). ${BIOLOGY_DEADLINES_NOTE}`,
        themes: ["mssante"],
        actions: [
          {
            title: "Tests en vie réelle et signalement si objectivation de problème de CDA produit par un autre éditeur",
            lead: BOTH,
            // As written in the deck's deadline cell: not read as a date, nor as a move from December 2023 (see BIOLOGY_DEADLINES_NOTE).
            deadline: "Décembre 23 Février - Mars 24",
            description: BIOLOGY_DEADLINES_NOTE,
            status: "en-cours",
          },
          { title: "Projectathon usages SGL/LGC pour objectivation des difficultés", lead: BOTH, deadline: "Janvier 2024", status: "en-cours" },
          {
            title:
              "Réunion haut niveau opérateurs MSS / SGL / LGC pour qualifier point par point les causes racines et construire un plan d'action collectif pour chaque étape",
            lead: BOTH,
            deadline: "Janvier 2024",
            status: "fait",
            coLeadOrganisations: ["operateurs-mssante", "cedre-biologie"],
            // The meeting (✅ in the deck) qualified the root causes of each of the chain's five steps.
            steps: [
              "Produire des CR de biologie conformes au CI-SIS (document CDA N1 et N3, avec codification LOINC et UCUM)",
              "Transmettre systématiquement par MSSanté les CR au médecin prescripteur (N3 et PDF)",
              "Recevoir le CR dans une BAL MSSanté « interopérable », donc facilement intégrable à son logiciel",
              "Consulter le CR et pouvoir l'intégrer au dossier patient « en 1 clic »",
              "Disposer de fonctionnalités valorisant les données structurées du format N3",
            ].map((title) => ({ title, status: "fait" as const })),
          },
          { title: "Construire le plan d'action collectif pour chacune des étapes", lead: BOTH, deadline: "En cours", status: "en-cours", responsible: true },
        ],
      },
      {
        title: "Correction des régressions ressenties sur MSS, notamment l'absence d'interopérabilité entre les opérateurs MSS (implémentation de l'API LPS)",
        themes: ["mssante"],
        actions: [
          { title: "Mise en production de l'API LPS par les opérateurs MSS", lead: BOTH, deadline: "Janvier 2024", status: "fait", leadOrganisations: ["operateurs-mssante"] },
          { title: "Implémentation de l'API LPS dans les LGC, prévue dans la vague 2 Ségur", lead: BOTH, deadline: "2025", status: "en-cours", wave: 2 },
        ],
      },
      {
        title: "Problématique d'identification des destinataires : adresses MSS multiples, annuaire non mis à jour, correspondants non trouvés",
        themes: ["mssante"],
        actions: [
          { title: "Exigences Vague 2 sur les critères de recherche minimum dans les logiciels", lead: PP, deadline: "S1 2024", status: "en-cours", wave: 2 },
          { title: "Actions de « nettoyage » des adresses MSSanté existantes (dépublication, suppression)", lead: PP, deadline: "S1 2024", status: "en-cours" },
          { title: "Actions de communication auprès des professionnels pour les aider à connaître et gérer leurs adresses MSS", lead: PP, deadline: "S1 2024", status: "en-cours" },
          { title: "Travaux d'optimisation de l'annuaire santé (technique, processus de mise à jour, etc.)", lead: PP, deadline: "S1 2024", status: "en-cours" },
        ],
      },
    ],
  },
  {
    title: "Chantiers transverses",
    challenges: [
      {
        title: "Faciliter la qualification de l'INS des patients",
        themes: ["ins"],
        actions: [
          { title: "Poursuite de la campagne des DNS à destination des professionnels et de leur formation sur les enjeux de l'identitovigilance", lead: PP, deadline: "S1 2024", status: "en-cours" },
          { title: "Poursuite de l'amélioration des retours TLSi (appel nom d'usage / nom de naissance ; appel par NIR / empreinte CV)", lead: PP, deadline: "S1 2024", status: "en-cours" },
          {
            title:
              "Accompagnement à la mise en place des dispositions organisationnelles et techniques (équipements en moyens d'identification adaptés) au niveau des structures d'exercice coordonné pour favoriser la délégation de cette tâche",
            lead: PP,
            deadline: "S1 2024",
            status: "en-cours",
          },
          { title: "Amélioration de la transitivité de l'INS dans l'espace de confiance", lead: PP, deadline: "S1 2024", status: "en-cours" },
        ],
      },
      {
        title: "Délégation des tâches essentielles",
        themes: ["delegation"],
        actions: [
          { title: "Diagnostic des besoins de délégation essentiels sur les outils numériques, des obstacles actuels et des évolutions à mettre en oeuvre", lead: PP, deadline: "S1 2024", status: "en-cours" },
          { title: "Clarification des problématiques des cartes CPE ne permettant pas de qualifier l'INS ni d'alimenter MES", lead: PP, deadline: "S1 2024", status: "en-cours" },
        ],
      },
      {
        title: "Problématiques de nommage des documents transmis via la MSS et/ou Mon espace santé",
        themes: ["nommage-documents"],
        actions: [
          { title: "Collecte des retours terrain", lead: PP, deadline: "Janvier / février 2024", status: "en-cours" },
          { title: "Atelier de consolidation des problèmes et de travail sur les solutions", lead: PP, deadline: "Janvier / février 2024", status: "en-cours" },
          { title: "En fonction : travaux de clarification des règles et du nommage des documents alimentés dans le DMP et la MSS", lead: PP, deadline: "Janvier / février 2024", status: "en-cours" },
        ],
      },
      {
        title: "Faciliter la complétion et la prise en main du VSM",
        themes: ["vsm"],
        actions: [
          { title: "Publication de la concertation VSM de la HAS -> participez", lead: PP, deadline: "Décembre 2023", status: "en-cours", leadOrganisations: ["has"], responsible: true },
          { title: "Lancement prochain de la refonte du CI-SIS VSM et des terminologies", lead: PP, deadline: "Février 2024", status: "en-cours" },
          { title: "Étude en cours des DNS experts Ségur sur les modalités d'utilisation du VSM et les éventuelles difficultés rencontrées", lead: PP, deadline: "T1 2024", status: "en-cours" },
          { title: "Poursuivre la promotion via les dispositifs conventionnels", lead: PP, deadline: "En cours", status: "en-cours" },
        ],
      },
      {
        title: "Faciliter la prise en main de l'ordonnance numérique",
        themes: ["ordonnance-numerique"],
        actions: [
          { title: "Publication du décret en Conseil d'État sur l'ordonnance numérique", lead: PP, deadline: "Décembre 2023", status: "en-cours" },
          {
            title:
              "Promotion des implémentations facilitantes auprès des éditeurs lors du webinaire Sentinelle SONS / hors SONS (ex : pas de datamatrix, DM, mention manuscrite, etc.)",
            lead: PP,
            deadline: "Décembre 2023",
            status: "en-cours",
          },
          { title: "Promouvoir auprès des éditeurs le cahier des charges Vague 2 permettant la diminution de certains irritants (consentement, paraphe…)", lead: PP, deadline: "Janvier 2024", status: "en-cours", wave: 2 },
        ],
      },
    ],
  },
];

/** Progress notes of the demo, dated as in the deck's period. */
export const DEMO_NOTES: { action: string; at: string; body: string }[] = [
  {
    action: "Réunion haut niveau opérateurs MSS / SGL / LGC pour qualifier point par point les causes racines et construire un plan d'action collectif pour chaque étape",
    at: "2024-01-09T10:00:00.000Z",
    body: "Réunion tenue : les cinq étapes de la chaîne du compte rendu de biologie sont partagées par les opérateurs, les SGL et les LGC.",
  },
  {
    action: "Mise en production de l'API LPS par les opérateurs MSS",
    at: "2024-01-10T10:00:00.000Z",
    body: "API LPS en production chez les opérateurs MSSanté.",
  },
];
