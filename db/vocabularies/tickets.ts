// The tickets' fixed vocabularies, stored as text columns; the tickets module re-exports them with labels.
export const TICKET_STATUSES = ["open", "acknowledged", "answered", "needs_info", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const RESOLUTIONS = ["fixed", "planned", "not_reproducible", "needs_info", "other_product"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const FIX_ANSWERS = ["yes", "no", "not_updated"] as const;
export type FixAnswer = (typeof FIX_ANSWERS)[number];
