import type { AttachmentStatus } from "#db/vocabularies/attachments";

/** What an attachment's status means to its author and the team (zod-free: public pages show it). */
export const ATTACHMENT_STATUS_LABELS: Record<AttachmentStatus, string> = {
  analysing: "Analyse en cours",
  pending_review: "En attente de validation par l'équipe",
  approved: "Validé",
  failed: "Analyse échouée : fichier non publié",
};

/** How many files a contribution (irritant, comment, ticket reply) may carry, and how large each may be. */
export const MAX_ATTACHMENTS = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
