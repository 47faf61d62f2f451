// Kept apart from the database schema so that pages can import it without drizzle.
export const IRRITANT_STATUSES = ["new", "triaged", "forwarded", "in_progress", "resolved", "wont_fix", "duplicate"] as const;
export type IrritantStatus = (typeof IRRITANT_STATUSES)[number];

export const STATUS_LABELS: Record<IrritantStatus, string> = {
  new: "Nouveau",
  triaged: "Qualifié",
  forwarded: "Transmis à l'éditeur",
  in_progress: "En cours de traitement",
  resolved: "Résolu",
  wont_fix: "Ne sera pas traité",
  duplicate: "Doublon",
};
