import { z } from "zod";
import { irritantPageSchema } from "~/modules/irritants";
import { attachmentFilesField, attachmentUploadSchema, coverAreaSchema } from "./schemas";

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

const asList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);
const CELL = /^(\d{1,3})-(\d{1,3})$/;

/**
 * The cover page's form: ticked cells of the grid laid over the image (`cells`, « ligne-colonne »), and with
 * JavaScript the rectangles drawn on it (`areas`, « x y largeur hauteur » in fractions of the image). At least one.
 */
export const coverPageSchema = z
  .object({
    cells: z.preprocess(
      asList,
      z.array(
        z
          .string({ error: "Case inconnue : rechargez la page." })
          .regex(CELL, { error: "Case inconnue : rechargez la page." })
          .transform((value) => {
            const [, row, column] = CELL.exec(value) ?? [];
            return { row: Number(row), column: Number(column) };
          }),
      ),
    ),
    areas: z.preprocess(
      asList,
      z.array(
        z.string({ error: "Zone dessinée illisible : dessinez-la à nouveau." }).transform((value, ctx) => {
          const [x, y, width, height] = value.trim().split(/\s+/).map(Number);
          const parsed = coverAreaSchema.safeParse({ x, y, width, height });
          if (!parsed.success) {
            ctx.addIssue({ code: "custom", message: "Une zone dessinée sort de l'image : dessinez-la à nouveau." });
            return z.NEVER;
          }
          return parsed.data;
        }),
      ),
    ),
  })
  .refine((v) => v.cells.length + v.areas.length > 0, { error: "Cochez au moins une case, ou dessinez une zone, à masquer.", path: ["cells"] })
  .refine((v) => v.cells.length + v.areas.length <= 24 * 60, { error: "Trop de zones à la fois.", path: ["cells"] });
