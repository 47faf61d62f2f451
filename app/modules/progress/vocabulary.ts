// Labels that pages show, kept out of the server-only modules.
export const RESOURCE_KINDS = { guide: "Guide", faq: "FAQ", fiche: "Fiche pratique", video: "Vidéo", autre: "Autre" } as const;

/** What a resource's date is: shown before it ("Mise à jour le 23 mai 2023"). */
export const RESOURCE_DATE_KINDS = { publication: "Publiée le", "mise-a-jour": "Mise à jour le", citation: "Citée par le programme le" } as const;
