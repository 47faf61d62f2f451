// The software catalogue's fixed vocabularies, kept apart from the database schema so pages can import them.
export const PRODUCT_CATEGORIES = ["LGC", "SGL", "RIS", "LGO", "DPI", "DRIMbox", "operateur-mssante", "autre"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, string> = {
  LGC: "Logiciel de gestion de cabinet (LGC)",
  SGL: "Système de gestion de laboratoire (SGL)",
  RIS: "Système d'information de radiologie (RIS)",
  LGO: "Logiciel de gestion d'officine (LGO)",
  DPI: "Dossier patient informatisé (DPI)",
  DRIMbox: "DRIMbox",
  "operateur-mssante": "Opérateur MSSanté",
  autre: "Autre",
};
