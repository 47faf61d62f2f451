// The action plan's fixed vocabularies, stored as text columns; the action-plan module re-exports them with labels.
export const ACTION_STATUSES = ["a-lancer", "en-cours", "fait", "abandonne"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LEAD_KINDS = ["editeurs", "pouvoirs-publics", "editeurs-et-pouvoirs-publics", "organisation"] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];
