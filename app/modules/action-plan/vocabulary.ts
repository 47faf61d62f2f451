// The action plan's fixed vocabularies, kept apart from the database schema so pages can import them.
import type { ActionStatus, LeadKind } from "#db/vocabularies/action-plan";
export { ACTION_STATUSES, LEAD_KINDS, type ActionStatus, type LeadKind } from "#db/vocabularies/action-plan";

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  "a-lancer": "À lancer",
  "en-cours": "En cours 🔧",
  fait: "Fait ✅",
  abandonne: "Abandonné",
};

export const LEAD_LABELS: Record<Exclude<LeadKind, "organisation">, string> = {
  editeurs: "Éditeurs",
  "pouvoirs-publics": "Pouvoirs publics",
  "editeurs-et-pouvoirs-publics": "Éditeurs et pouvoirs publics",
};
