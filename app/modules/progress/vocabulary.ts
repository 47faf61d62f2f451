// Labels that pages show, kept out of the server-only modules.
export const RESOURCE_KINDS = { guide: "Guide", faq: "FAQ", fiche: "Fiche pratique", video: "Vidéo", autre: "Autre" } as const;
