// Seminar vocabularies, stored as text columns; the seminars module re-exports them with labels.

/** The sides of the "triangle" (plus patients): who a participant speaks for. */
export const SIDES = ["practitioner", "vendor", "patient", "institution"] as const;
export type Side = (typeof SIDES)[number];

/** Detail within a side: representatives ("VIP") or other professionals; SONS-referenced vendors or not. */
export const SIDE_DETAILS = ["vip", "other", "sons", "non-sons"] as const;
export type SideDetail = (typeof SIDE_DETAILS)[number];

export const SLOT_KINDS = ["plenary", "demonstrators", "workshop", "restitution", "break"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const WORKSHOP_STATUSES = ["draft", "open", "closed"] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const OUTCOME_TARGETS = ["irritant", "action"] as const;

export const OUTCOME_SOURCES = ["card", "cluster"] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];
