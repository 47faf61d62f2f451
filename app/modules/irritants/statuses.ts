import type { Role } from "#db/schema";
import { CONSULTATION_STEPS, FREQUENCIES, SEVERITIES, type IrritantStatus } from "#db/vocabularies/irritants";
// Kept apart from the database schema so that pages can import it without drizzle.
export { CONSULTATION_STEPS, FREQUENCIES, IRRITANT_STATUSES, SEVERITIES, type IrritantStatus } from "#db/vocabularies/irritants";

export const STATUS_LABELS: Record<IrritantStatus, string> = {
  new: "Nouveau",
  triaged: "Qualifié",
  forwarded: "Transmis à l'éditeur",
  in_progress: "En cours de traitement",
  resolved: "Résolu",
  wont_fix: "Ne sera pas traité",
  duplicate: "Doublon",
};

/**
 * Allowed status changes. Closed irritants reopen to "triaged" on new evidence;
 * "duplicate" is reached only by merging, never set by hand.
 */
export const STATUS_TRANSITIONS: Record<IrritantStatus, readonly IrritantStatus[]> = {
  new: ["triaged", "forwarded", "in_progress", "resolved", "wont_fix"],
  triaged: ["forwarded", "in_progress", "resolved", "wont_fix"],
  forwarded: ["triaged", "in_progress", "resolved", "wont_fix"],
  in_progress: ["triaged", "forwarded", "resolved", "wont_fix"],
  resolved: ["triaged", "in_progress"],
  wont_fix: ["triaged"],
  duplicate: [],
};

/** How a resolved irritant whose fix its people have not confirmed yet is shown. */
const FIX_ANNOUNCED_LABEL = "Correctif annoncé";

/**
 * Whether an irritant shows as "Correctif annoncé": resolved by a vendor's fix that its reporter and supporters have
 * not confirmed, less than `days` days ago. Computed on read: the label turns into "Résolu" by itself.
 */
export function isFixAnnounced(row: { status: IrritantStatus; fixAnnouncedAt: string | null }, days: number, now = new Date()) {
  if (row.status !== "resolved" || !row.fixAnnouncedAt) return false;
  return now.getTime() < new Date(row.fixAnnouncedAt).getTime() + days * 86_400_000;
}

/** The label of an irritant's status, "Correctif annoncé" included. */
export function statusLabel(row: { status: IrritantStatus; fixAnnounced?: boolean }) {
  return row.fixAnnounced ? FIX_ANNOUNCED_LABEL : STATUS_LABELS[row.status];
}

export function canTransition(from: IrritantStatus, to: IrritantStatus) {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { bloquant: "Bloquant", genant: "Gênant", mineur: "Mineur" };

export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  "plusieurs-fois-par-jour": "Plusieurs fois par jour",
  quotidien: "Une fois par jour environ",
  hebdomadaire: "Chaque semaine",
  mensuel: "Chaque mois",
  rarement: "Rarement",
};

export const CONSULTATION_STEP_LABELS: Record<(typeof CONSULTATION_STEPS)[number], string> = {
  avant: "Avant la consultation",
  pendant: "Pendant la consultation",
  apres: "Après la consultation",
};

/** The lane an irritant or a support counts in: patients have their own; everyone else counts with the professionals. */
const LANE_OF_ROLE: Partial<Record<Role, "patient">> = { patient: "patient" };
export function laneOf(user: { role: Role }): "practitioner" | "patient" {
  return LANE_OF_ROLE[user.role] ?? "practitioner";
}
