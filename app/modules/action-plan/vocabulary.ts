// The action plan's fixed vocabularies, kept apart from the database schema so pages can import them.
import type { ActionStatus, LeadKind } from "#db/vocabularies/action-plan";
export { ACTION_STATUSES, LEAD_KINDS, type ActionStatus, type LeadKind } from "#db/vocabularies/action-plan";

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  "a-lancer": "À lancer",
  "en-cours": "En cours",
  fait: "Fait",
  abandonne: "Abandonné",
};

export const LEAD_LABELS: Record<Exclude<LeadKind, "organisation">, string> = {
  editeurs: "Éditeurs",
  "pouvoirs-publics": "Pouvoirs publics",
  "editeurs-et-pouvoirs-publics": "Éditeurs et pouvoirs publics",
};

/** The action plan's CSV columns, in order (export and import); here so the import page shows them without the CSV reader. */
export const CSV_COLUMNS = ["chantier", "défi", "action", "pilote", "échéance", "statut", "vague", "thèmes", "signalements", "étapes"] as const;
