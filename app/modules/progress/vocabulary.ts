// Labels that pages show, kept out of the server-only modules.
export const RESOURCE_KINDS = { guide: "Guide", faq: "FAQ", fiche: "Fiche pratique", video: "Vidéo", autre: "Autre" } as const;

/** What a resource's date is: shown before it ("Mise à jour le 23 mai 2023"). */
export const RESOURCE_DATE_KINDS = { publication: "Publiée le", "mise-a-jour": "Mise à jour le", citation: "Citée par le programme le" } as const;

/** The kinds of block a point d'étape is composed of, with the heading each takes when its own is left blank. */
export const BLOCK_KIND_LABELS = {
  narrative: "Texte (Markdown)",
  figures: "Chiffres clés",
  indicator: "Indicateur (graphique et tableau)",
  plan: "Plan d'action par défi",
  irritants: "Signalements reçus et résolus par thème",
  changes: "Ce qui a changé depuis le point précédent",
  seminar: "Résultats d'un séminaire",
  survey: "Résultats d'enquête",
  regulation: "Calendrier réglementaire",
  "next-steps": "Prochaines étapes",
} as const;
