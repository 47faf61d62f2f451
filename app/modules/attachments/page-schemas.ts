import { z } from "zod";
import { irritantPageSchema } from "~/modules/irritants";
import { attachmentFilesField, attachmentUploadSchema } from "./schemas";

/**
 * The public irritant page's forms: the signed-in reader's (support, comment with up to 5 files in the multipart field
 * `files`, follow…) and the author's or the team's file upload (multipart, field `file`). Its own file, so a page that
 * only shows attachments does not carry it.
 */
const [supportOption, fixAnswerOption, followOption, unfollowOption, commentOption, withdrawOption] = irritantPageSchema.options;
export const irritantPageWithUploadSchema = z.discriminatedUnion("intent", [
  supportOption,
  fixAnswerOption,
  followOption,
  unfollowOption,
  commentOption.extend({ files: attachmentFilesField }),
  withdrawOption,
  attachmentUploadSchema.extend({ intent: z.literal("attach") }),
]);
