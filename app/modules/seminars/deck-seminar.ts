/**
 * The tripartite seminar of 20 November 2023, as the program's status deck reports it. It stands as content
 * until the seminars capability stores events; then it becomes that capability's first event.
 */
export const DECK_SEMINAR = {
  slug: "seminaire-20-novembre-2023",
  title: "Séminaire « Usages numériques en médecine de ville »",
  date: "2023-11-20",
  objectives: [
    "Recréer la confiance entre éditeurs, professionnels de la médecine de ville et pouvoirs publics",
    "Travailler collectivement sur les solutions opérationnelles répondant aux irritants majeurs",
    "Définir un processus de mise en commun des retours et d'amélioration continue",
  ],
  participants: ["Professionnels de santé : les représentants « VIP » de la médecine de ville et une dizaine d'autres professionnels intéressés par les enjeux numériques", "Éditeurs : SONS et hors SONS", "Patients", "Institutionnels"],
  agenda: [
    { when: "Matinée", items: ["Accueil café", "Plénière-débat sur les principaux irritants liés aux outils numériques et la trajectoire de résolution : contexte, points durs, résultats", "« Démonstrateurs »", "Atelier 1 — Quels usages des outils numériques lors d'une consultation médicale dans le monde du Ségur numérique ?"] },
    { when: "Après-midi", items: ["Atelier 2 — Comment capter des retours terrain pour améliorer les services numériques publics et privés en continu ?", "Atelier 3 — Comment sécuriser la bonne appropriation des nouveaux usages par les professionnels de santé ?", "Restitution et prochaines étapes", "Cocktail"] },
  ],
  positives: [
    "Très bonne dynamique collective et des retours très positifs sur le séminaire, avec une attente forte pour la suite",
    "Des professionnels de santé très constructifs identifiés et engagés pour poursuivre la réflexion",
    "Des irritants bien identifiés (pas de surprise !) et des pistes d'actions concrètes sur certains chantiers",
  ],
  improvements: [
    "Contenu très dense, grand nombre de sujets abordés : thématiser, focaliser pour les prochaines éditions",
    "Présence des personnes pertinentes à sécuriser (par implication en amont et choix du jour)",
  ],
  verbatims: [
    { text: "C'était bon, mais c'était court !", side: null },
    { text: "Merci à vous, c'était une journée vraiment passionnante !", side: null },
    { text: "Merci à vous et vos équipes, pour la qualité de l'accueil, des échanges et l'animation de la journée en impliquant ensemble les « 3 côtés du triangle ».", side: "Professionnel de santé" },
    { text: "Félicitations pour ce séminaire tant sur le fond des sujets traités que sur l'organisation.", side: "Éditeur" },
    {
      text: "Je crois effectivement que nous pouvons nous féliciter collectivement de la réussite de cet événement. J'ai depuis reçu quelques appels de professionnels qui me faisaient part du même avis et de leur volonté de s'inscrire dès lors durablement dans une démarche récurrente. Il semble que nous tenions enfin la bonne formule de mobilisation en prenant appui sur des acteurs issus des différents horizons impliqués.",
      side: "Éditeur",
    },
  ],
} as const;
