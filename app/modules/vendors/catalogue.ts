// The software catalogue's fixed vocabularies, kept apart from the database schema so pages can import them.
import type { ProductCategory, VendorGroup } from "#db/vocabularies/vendors";
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

export { VENDOR_GROUPS, type VendorGroup } from "#db/vocabularies/vendors";

/** The vendor groups the programme's webinars address (SONS: referenced under Ségur). */
export const VENDOR_GROUP_LABELS: Record<VendorGroup, string> = {
  sons: "Éditeurs SONS (référencés Ségur)",
  "non-sons": "Éditeurs hors SONS (non référencés)",
};
