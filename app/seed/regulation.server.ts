import type { SessionUser } from "~/modules/accounts/index.server";
import { type Audience, LINK_TARGETS, type LinkTarget, type ObligationInput } from "~/modules/regulation";
import { type DocumentRowInput, saveObligation, setDocumentRows, setObligationLinks } from "~/modules/regulation/index.server";

/**
 * The regulatory reference of the programme's deck of 11 January 2024 ("Point d'actualité"), with the deck's own
 * wording. The deck gives no web address for the texts it cites, except the Ségur wave 2 documents
 * ("esante.gouv.fr/segur/vague2"); effective dates are the deck's, as written. Where the deck is ambiguous the entry
 * keeps it as written and says so in its note.
 */
const PS: Audience = "professionnels-de-sante";

export const DEMO_OBLIGATIONS: (Omit<ObligationInput, "sourceUrl"> & { sourceUrl?: string })[] = [
  {
    slug: "csp-l1111-15",
    title: "Article L.1111-15 du Code de la santé publique : partage par voie numérique des documents de santé",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article L.1111-15",
    effectiveLabel: "Selon la liste des documents fixée par arrêté",
    audiences: [PS, "editeurs"],
    summary: [
      "L'article L.1111-15 du CSP porte les obligations pour les professionnels de santé de partage par voie numérique des « éléments diagnostiques et thérapeutiques nécessaires à la coordination des soins de la personne prise en charge » :",
      "- Alimentation du DMP / Mon espace santé",
      "- Envoi par messagerie sécurisée au médecin traitant, au médecin prescripteur s'il y a lieu, à tout professionnel dont l'intervention dans la prise en charge du patient lui paraît pertinente ainsi qu'au patient.",
      "",
      "La trajectoire vers le partage systématique des documents de santé entre professionnels et avec le patient :",
      "- Situation antérieure : obligations d'envoi vers le DMP et par messagerie sécurisée prévues par le code de la santé publique (notamment les articles L.1111-15, L.1112-1 et R6211-4) ; intégration très partielle des référentiels et services socles.",
      "- Etape transitoire de mise en conformité et de démarrage des usages : financement SONS pour faciliter la mise en conformité technique des logiciels de santé ; financement à l'usage (accords conventionnels).",
      "- Entrée en vigueur des obligations réglementaires : obligation pour les professionnels de santé de transmission par voie numérique des documents de santé ; possibilité de retenir un envoi quand souhaité.",
    ].join("\n"),
    note: "Le support ne date pas l'obligation de l'article lui-même : elle entre en vigueur document par document, aux dates des listes fixées par arrêté (voir l'arrêté du 26 avril 2022 et le projet d'arrêté). La trajectoire est reprise telle que le support la présente, sans dates.",
  },
  {
    slug: "loi-asap",
    title: "Loi « ASAP » du 7 décembre 2020",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Loi « ASAP » du 7 décembre 2020 (rédaction de l'article L.1111-15 du CSP)",
    effectiveLabel: "7 décembre 2020",
    audiences: [PS],
    summary:
      "Depuis sa rédaction issue de la loi « ASAP » du 7 décembre 2020, la liste des documents sur lesquels porte cette obligation est fixée par arrêté de la ministre chargée de la santé, en tenant compte du déploiement des mises à jour logicielles permettant de systématiser ces partages numériques (avec la possibilité laissée au professionnel de retenir un envoi lorsque souhaité).",
    note: "La date indiquée est celle de la loi telle que le support la cite ; le support n'en donne pas de date d'entrée en vigueur distincte.",
  },
  {
    slug: "arrete-26-avril-2022",
    title: "Arrêté du 26 avril 2022 pris en application de l'article L.1111-15",
    kind: "arrete",
    status: "en-vigueur",
    sourceReference: "Arrêté du 26 avril 2022 (article L.1111-15 du Code de la santé publique)",
    effectiveLabel: "26 avril 2022",
    audiences: [PS, "laboratoires", "editeurs"],
    summary: [
      "Un 1er arrêté a été pris en date du 26 avril 2022, et fixait :",
      "- Une 1re liste de documents pour lesquels l'obligation rentrait en vigueur au 31/12/2022",
      "- Une 2e liste de documents pour lesquels l'obligation rentrait en vigueur au 31/12/2023",
    ].join("\n"),
    note: "Le support ne détaille pas les deux listes de cet arrêté ; il présente la nouvelle version du tableau, celle du projet d'arrêté.",
  },
  {
    slug: "projet-arrete-l1111-15",
    title: "Projet d'arrêté pris en application de l'article L.1111-15 : mise à jour de la liste des documents concernés",
    kind: "arrete",
    status: "projet",
    sourceReference: "Projet d'arrêté pris en application de l'article L.1111-15 du Code de la santé publique",
    effectiveLabel: "En cours",
    audiences: [PS, "laboratoires", "editeurs"],
    summary: [
      "Un projet d'arrêté est en cours pour venir adapter ce texte au vu de l'avancée du Ségur numérique, des retours du terrain et du calendrier prévisionnel de la vague 2. Modifications envisagées :",
      "- Exclusion des comptes rendus des examens de génétique constitutionnelle du périmètre des comptes rendus des examens de biologie médicale soumis à l'obligation. En effet, l'article L. 1131-1-3 précise que seul le médecin prescripteur peut communiquer les résultats au patient, dérogeant par conséquent à l'obligation portée par l'article L. 1111-15",
      "- Report au 31/12/2025 de la date d'entrée en vigueur de l'obligation pour les demandes d'examen de radiologie ainsi que pour les lettres et courriers adressés à un professionnel hospitalier (hors séjour hospitalier). Ces documents faisant partie du périmètre de la vague 2 du Ségur numérique, ce report de l'échéance permettra de laisser le temps de déployer les mises à jour nécessaires pour sécuriser la diffusion systématique de ces documents, vers Mon espace santé et par messagerie sécurisée de santé",
      "- Ajout des « autres prescriptions » (prescriptions d'actes de kinésithérapies, d'actes infirmiers, d'actes de pédicurie, d'actes d'orthophonie et d'actes d'orthoptie) dans la liste des documents devant être reportés dans le DMP et envoyés par messagerie sécurisée aux autres professionnels et aux patients, avec une date d'entrée en vigueur au 31/12/2024. Ces documents font partie du périmètre la vague 1 du Ségur numérique, et peuvent donc d'ores et déjà faire l'objet d'un partage numérique systématique par les professionnels, tout comme les prescriptions de produits de santé qui faisaient déjà partie du périmètre du 1er arrêté",
      "- Suppression des « autres certificats et déclarations mentionnés à l'article R.4127-76 du code de la santé publique ». Cette formulation couvre potentiellement l'ensemble des documents produits par les médecins ; il est donc jugé préférable de limiter l'arrêté à des types de documents précis, pour lesquels les freins à l'usage sont effectivement levés, en particulier grâce au déploiement des dispositifs du Ségur numérique.",
      "",
      "Le projet d'arrêté viendra également rappeler les autres obligations déjà présentes dans le Code de la santé publique.",
    ].join("\n"),
    note:
      "Projet, pas un texte adopté : le tableau est la « nouvelle version » que présente le support. Le support parle, dans les modifications envisagées, des « lettres et courriers adressés à un professionnel hospitalier » et, dans le tableau, des « lettres et courriers adressés à un professionnel de santé » : les deux libellés sont gardés tels quels. L'astérisque de la colonne « aux autres professionnels » renvoie à : « dans le respect des dispositions de l'article R. 4127-6 du code de la santé publique ».",
  },
  {
    slug: "csp-l1111-15-resume-sejour",
    title: "Article L.1111-15 : résumé du séjour reporté dans le DMP par les établissements de santé",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article L.1111-15",
    effectiveLabel: "Déjà en vigueur",
    audiences: ["etablissements"],
    summary:
      "« A l'occasion du séjour d'une personne prise en charge, les professionnels de santé habilités des établissements de santé doivent reporter dans le dossier médical partagé, dans le respect des obligations définies par la Haute Autorité de santé, un résumé des principaux éléments relatifs à ce séjour. »",
    note: "Le support cite cette obligation parmi celles « déjà présentes dans le Code de la santé publique », sans date.",
  },
  {
    slug: "csp-l1111-15-synthese-medecin-traitant",
    title: "Article L.1111-15 : synthèse annuelle versée par le médecin traitant",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article L.1111-15",
    effectiveLabel: "Déjà en vigueur",
    audiences: ["medecins-traitants"],
    summary:
      "« Le médecin traitant mentionné à l'article L. 162-5-3 du code de la sécurité sociale doit verser périodiquement, au moins une fois par an, une synthèse dont le contenu est défini par la Haute Autorité de santé. »",
    note: "Le support cite cette obligation parmi celles « déjà présentes dans le Code de la santé publique », sans date.",
  },
  {
    slug: "csp-l1112-1-lettres-de-liaison",
    title: "Article L.1112-1 : lettres de liaison dématérialisées",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article L.1112-1",
    effectiveLabel: "Déjà en vigueur",
    audiences: ["etablissements"],
    summary:
      "« Lorsque les lettres de liaison sont dématérialisées, elles doivent être déposées dans le dossier médical partagé du patient et envoyées par messagerie sécurisée au praticien qui a adressé le patient à l'établissement de santé en vue de son hospitalisation ainsi qu'au médecin traitant et au patient. »",
    note: "Le support cite cette obligation parmi celles « déjà présentes dans le Code de la santé publique », sans date.",
  },
  {
    slug: "csp-l1112-1-biologie",
    title: "Article L.1112-1 (tel que cité) : compte rendu des examens de biologie médicale par messagerie sécurisée et dans le DMP",
    kind: "loi",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article L. 1112-1 (référence telle que le support la donne)",
    effectiveLabel: "Déjà en vigueur",
    audiences: ["laboratoires"],
    summary:
      "« Lorsque le compte rendu des examens de biologie médicale est communiqué au prescripteur par voie électronique, l'échange se fait en utilisant une messagerie électronique sécurisée de santé. Dès lors qu'il contribue à la coordination des soins, le compte rendu des examens de biologie médicale est inséré dans le dossier médical personnel mentionné à l'article L. 1111-14. »",
    note: "Le support attribue cette citation, comme celle des lettres de liaison, à l'article L. 1112-1 ; la référence est gardée telle quelle, sans vérification ici.",
  },
  {
    slug: "csp-r6211-4",
    title: "Article R6211-4 du Code de la santé publique : compte rendu des examens de biologie médicale",
    kind: "decret",
    status: "en-vigueur",
    sourceReference: "Code de la santé publique, article R6211-4",
    effectiveLabel: "Déjà en vigueur",
    audiences: ["laboratoires"],
    summary:
      "Cité par le support parmi les « obligations d'envoi vers le DMP et par messagerie sécurisée prévues par le code de la santé publique (notamment les articles L.1111-15, L.1112-1 et R6211-4) ». Le tableau des documents vise « le compte rendu des examens de biologie médicale mentionné à l'article R. 6211-4 du code de la santé publique ».",
    note: "Le support ne cite pas le texte de l'article ; le résumé reprend seulement ce qu'il en dit.",
  },
  {
    slug: "segur-vague-2-tronc-commun",
    title: "Ségur numérique, vague 2 : tronc commun",
    kind: "exigence",
    status: "projet",
    sourceReference: "Ségur numérique, vague 2 — tous les documents accessibles sur esante.gouv.fr/segur/vague2",
    sourceUrl: "https://esante.gouv.fr/segur/vague2",
    effectiveLabel: "Vague 2",
    audiences: ["editeurs", "operateurs-mssante"],
    summary: [
      "La Vague 2 - un nouveau cycle d'évolution logicielles notamment pour faciliter la consultation du DMP/MES et améliorer les fonctionnalités actuelles.",
      "- Faciliter la consultation de l'information disponible dans Mon espace santé par les professionnels : permettre au professionnel de consulter l'espace santé du patient, directement depuis son logiciel (savoir sans clic si le patient a un profil Mon espace santé ouvert et si son accès est autorisé ; connaître sans clic la provenance et le statut des documents envoyés et intégrés ; disposer facilement des informations minimales pour orienter son choix dans la lecture des documents ; télécharger manuellement un document de Mon espace santé pour le visualiser et l'intégrer dans son Logiciel ; …)",
      "- Faciliter l'intégration des documents médicaux reçus par MSSanté : assurer l'interopérabilité des Logiciels avec l'ensemble des opérateurs de messagerie ; permettre au professionnel de gérer le canal de communication avec le patient ; permettre de retrouver facilement l'adresse d'un correspondant, y compris quand ce dernier dispose de plusieurs adresses ; …",
      "- Renforcer la sécurité des systèmes d'information",
      "- Améliorer les usages clés vague 1 (gestion INS, alimentation systématique du DMP), au vu des retours terrain",
    ].join("\n"),
    note: "Le support ne donne pas de date d'entrée en vigueur de la vague 2 ; il annonce « T1 24 : Reprise des ateliers Vague 2 MdV ». L'adresse est écrite sans « https:// » dans le support.",
  },
  {
    slug: "segur-vague-2-exigences-specifiques",
    title: "Ségur numérique, vague 2 : exigences spécifiques",
    kind: "exigence",
    status: "projet",
    sourceReference: "Ségur numérique, vague 2 — tous les documents accessibles sur esante.gouv.fr/segur/vague2",
    sourceUrl: "https://esante.gouv.fr/segur/vague2",
    effectiveLabel: "Vague 2",
    audiences: ["editeurs"],
    summary: ["Exigences spécifiques :", "- Carnet de santé de santé de l'enfant", "- Vaccination"].join("\n"),
    note: "« Carnet de santé de santé de l'enfant » est écrit ainsi dans le support (répétition gardée telle quelle). Pas de date d'entrée en vigueur dans le support.",
  },
];

const X = { dmp: true, mssProfessionals: true, mssPatient: true };

/** "Nouvelle version du tableau des documents concernés par l'obligation portée par l'article L. 1111-15" (the draft's). */
export const DEMO_DOCUMENT_ROWS: DocumentRowInput[] = [
  { documentType: "Le compte rendu des examens de biologie médicale mentionné à l'article R. 6211-4 du code de la santé publique (hors compte rendu produit dans le cadre d'un séjour hospitalier et hors compte rendu de génétique constitutionnelle)", ...X, effectiveLabel: "31 décembre 2022" },
  { documentType: "Le compte rendu des examens radio-diagnostiques (hors compte rendu produit dans le cadre d'un séjour hospitalier)", ...X, effectiveLabel: "31 décembre 2022" },
  { documentType: "La prescription de produits de santé (hors prescription soumise à entente préalable)", ...X, effectiveLabel: "31 décembre 2022" },
  { documentType: "Le compte rendu opératoire", ...X, effectiveLabel: "31 décembre 2023" },
  { documentType: "La prescription d'examen de biologie médicale (pour les actes ayant vocation à être pratiqués hors séjour hospitalier)", ...X, effectiveLabel: "31 décembre 2023" },
  { documentType: "La prescription d'actes de kinésithérapie, d'actes infirmiers, d'actes de pédicurie, d'actes d'orthophonie et d'actes d'orthoptie", ...X, effectiveLabel: "31 décembre 2024" },
  { documentType: "La demande d'examen de radiologie (pour les actes ayant vocation à être pratiqués hors séjour hospitalier)", ...X, effectiveLabel: "31 décembre 2025" },
  { documentType: "Les lettres et courriers adressés à un professionnel de santé (hors séjour hospitalier)", ...X, effectiveLabel: "31 décembre 2025" },
];

/** A few links, for the demo: the irritants (by title), actions (by title) and indicators (by slug) that concern an entry. */
const DEMO_LINKS = {
  irritant: {
    "csp-l1112-1-biologie": ["Comptes rendus de biologie non reçus par MSSanté"],
    "projet-arrete-l1111-15": ["Comptes rendus de biologie non reçus par MSSanté"],
    "segur-vague-2-tronc-commun": ["Adresse MSSanté du correspondant introuvable dans l'annuaire", "Noms des documents incompréhensibles dans Mon espace santé"],
  },
  action: {
    "csp-l1112-1-biologie": [
      "Réunion haut niveau opérateurs MSS / SGL / LGC pour qualifier point par point les causes racines et construire un plan d'action collectif pour chaque étape",
    ],
    "segur-vague-2-tronc-commun": [
      "Implémentation de l'API LPS dans les LGC, prévue dans la vague 2 Ségur",
      "Exigences Vague 2 sur les critères de recherche minimum dans les logiciels",
      "Promouvoir auprès des éditeurs le cahier des charges Vague 2 permettant la diminution de certains irritants (consentement, paraphe…)",
    ],
  },
  indicator: { "csp-l1111-15": ["documents-dmp-par-couloir"] },
} as const;

/**
 * The register, its document table and a few links. `idOf` finds a demo irritant, action or indicator (by title or
 * slug) and throws when the demo data no longer has it, so a renamed item cannot silently lose its link.
 */
export function loadDemoRegulation(team: SessionUser, idOf: (kind: LinkTarget, key: string) => number) {
  for (const { sourceUrl, ...entry } of DEMO_OBLIGATIONS) saveObligation(team, null, { ...entry, sourceUrl });
  setDocumentRows(team, "projet-arrete-l1111-15", DEMO_DOCUMENT_ROWS);
  for (const kind of LINK_TARGETS) {
    const bySlug: Record<string, readonly string[]> = DEMO_LINKS[kind];
    const slugsOf = new Map<number, string[]>();
    for (const [slug, keys] of Object.entries(bySlug)) for (const key of keys) slugsOf.set(idOf(kind, key), [...(slugsOf.get(idOf(kind, key)) ?? []), slug]);
    for (const [id, slugs] of slugsOf) setObligationLinks(team, kind, id, slugs);
  }
}
