// The action plan's fixed vocabularies, kept apart from the database schema so pages can import them.
export const ACTION_STATUSES = ["a-lancer", "en-cours", "fait", "abandonne"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  "a-lancer": "À lancer",
  "en-cours": "En cours 🔧",
  fait: "Fait ✅",
  abandonne: "Abandonné",
};

export const LEAD_KINDS = ["editeurs", "pouvoirs-publics", "editeurs-et-pouvoirs-publics", "organisation"] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

export const LEAD_LABELS: Record<Exclude<LeadKind, "organisation">, string> = {
  editeurs: "Éditeurs",
  "pouvoirs-publics": "Pouvoirs publics",
  "editeurs-et-pouvoirs-publics": "Éditeurs et pouvoirs publics",
};
