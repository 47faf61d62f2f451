// The action plan's fixed vocabularies, stored as text columns; the action-plan module re-exports them with labels.
export const ACTION_STATUSES = ["a-lancer", "en-cours", "fait", "abandonne"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// The deck's lead labels ("Pouvoirs publics", "Éditeurs", "Éditeurs & Pouvoirs publics"); named organisations are apart.
export const LEAD_KINDS = ["pouvoirs-publics", "editeurs", "editeurs-et-pouvoirs-publics"] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

export const STEP_STATUSES = ["a-faire", "en-cours", "fait"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const ACTION_ORGANISATION_ROLES = ["lead", "co-lead"] as const;
