// The action plan's fixed vocabularies, kept apart from the database schema so pages can import them.
import type { ActionStatus, LeadKind, StepStatus } from "#db/vocabularies/action-plan";
export { ACTION_STATUSES, LEAD_KINDS, STEP_STATUSES, type ActionStatus, type LeadKind, type StepStatus } from "#db/vocabularies/action-plan";

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  "a-lancer": "À lancer",
  "en-cours": "En cours",
  fait: "Fait",
  abandonne: "Abandonné",
};

/** The deck's lead labels, as it writes them. */
export const LEAD_LABELS: Record<LeadKind, string> = {
  "pouvoirs-publics": "Pouvoirs publics",
  editeurs: "Éditeurs",
  "editeurs-et-pouvoirs-publics": "Éditeurs & Pouvoirs publics",
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  "a-faire": "À faire",
  "en-cours": "En cours",
  fait: "Fait",
};

/** The action plan's CSV columns, in order (export and import); here so the import page shows them without the CSV reader. */
export const CSV_COLUMNS = ["chantier", "défi", "action", "pilote", "échéance", "statut", "vague", "thèmes", "signalements", "étapes"] as const;
