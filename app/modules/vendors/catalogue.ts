// The software catalogue's fixed vocabularies, kept apart from the database schema so pages can import them.
import type { ProductCategory } from "#db/vocabularies/vendors";
export { PRODUCT_CATEGORIES, type ProductCategory } from "#db/vocabularies/vendors";

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
