import { z } from "zod";
import { irritantPageSchema } from "~/modules/irritants";
import { attachmentUploadSchema } from "./schemas";

/**
 * The public irritant page's forms: the signed-in reader's (support, comment, follow…) and the author's or the team's
 * file upload (multipart, field `file`). Its own file, so a page that only shows attachments does not carry it.
 */
export const irritantPageWithUploadSchema = z.discriminatedUnion("intent", [
  ...irritantPageSchema.options,
  attachmentUploadSchema.extend({ intent: z.literal("attach") }),
]);
