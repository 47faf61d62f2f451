export { analysePendingAttachments, approveAttachment, attachFile, getAttachment, readAttachmentFile } from "./attachments.server";
