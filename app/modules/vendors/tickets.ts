// The ticket vocabularies, kept apart from the database schema so pages can import them.
export const TICKET_STATUSES = ["open", "acknowledged", "answered", "needs_info", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: "Ouvert",
  acknowledged: "Pris en compte",
  answered: "Répondu",
  needs_info: "Informations demandées",
  resolved: "Résolu par l'éditeur",
  closed: "Clos",
};

export const RESOLUTIONS = ["fixed", "planned", "not_reproducible", "needs_info", "other_product"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RESOLUTION_LABELS: Record<Resolution, string> = {
  fixed: "Corrigé",
  planned: "Correction planifiée",
  not_reproducible: "Non reproductible",
  needs_info: "Informations nécessaires",
  other_product: "Cause dans un autre logiciel",
};

export const FIX_ANSWERS = ["yes", "no", "not_updated"] as const;
export type FixAnswer = (typeof FIX_ANSWERS)[number];
export const FIX_ANSWER_LABELS: Record<FixAnswer, string> = {
  yes: "Oui, c'est corrigé",
  no: "Non, le problème persiste",
  not_updated: "Je n'ai pas encore la mise à jour",
};

/** Statuses in which the vendor still owes an answer or a fix. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ["open", "acknowledged", "answered", "needs_info"];
