// The regulatory register's vocabularies, stored as text columns; the regulation module re-exports them with labels.

/** What kind of text an entry of the register is. */
export const OBLIGATION_KINDS = ["loi", "decret", "arrete", "exigence"] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** In force (or adopted), or still a draft ("projet d'arrêté"). */
export const OBLIGATION_STATUSES = ["en-vigueur", "projet"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** Who an entry concerns. */
export const AUDIENCES = ["professionnels-de-sante", "medecins-traitants", "laboratoires", "etablissements", "editeurs", "operateurs-mssante"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What can link to an entry of the register. */
export const LINK_TARGETS = ["irritant", "action", "indicator"] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

/** How an effective date was read by the fuzzy-deadline parser of the action plan. */
export const EFFECTIVE_KINDS = ["date", "ongoing", "unparsed"] as const;
