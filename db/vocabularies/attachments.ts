// The attachments' fixed vocabularies, stored as text columns (db/ never imports app/).
export const ATTACHMENT_STATUSES = ["analysing", "pending_review", "approved", "failed"] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** What a file is attached to: an irritant, one of its comments, or a reply in one of its tickets. */
export const ATTACHMENT_OWNER_KINDS = ["irritant", "comment", "ticket_reply"] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];
