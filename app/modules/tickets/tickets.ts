// The ticket vocabularies, kept apart from the database schema so pages can import them.
import type { FixAnswer, Resolution, TicketStatus } from "#db/vocabularies/tickets";
export { FIX_ANSWERS, RESOLUTIONS, TICKET_STATUSES, type FixAnswer, type Resolution, type TicketStatus } from "#db/vocabularies/tickets";

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: "Ouvert",
  acknowledged: "Pris en compte",
  answered: "Répondu",
  needs_info: "Informations demandées",
  resolved: "Résolu par l'éditeur",
  closed: "Clos",
};


export const RESOLUTION_LABELS: Record<Resolution, string> = {
  fixed: "Corrigé",
  planned: "Correction planifiée",
  not_reproducible: "Non reproductible",
  needs_info: "Informations nécessaires",
  other_product: "Cause dans un autre logiciel",
};

export const FIX_ANSWER_LABELS: Record<FixAnswer, string> = {
  yes: "Oui, c'est corrigé",
  no: "Non, le problème persiste",
  not_updated: "Je n'ai pas encore la mise à jour",
};

/** Statuses in which the vendor still owes an answer or a fix. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ["open", "acknowledged", "answered", "needs_info"];
