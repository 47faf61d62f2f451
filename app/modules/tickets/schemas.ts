import { z } from "zod";
import { isCalendarDay, todayInParis } from "~/lib/dates";
import { FIX_ANSWERS, RESOLUTIONS, TICKET_STATUSES } from "./tickets";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const ticketReplySchema = z.object({
  body: z.string({ error: "Écrivez votre réponse." }).trim().min(2, "Écrivez votre réponse.").max(5000, "La réponse ne doit pas dépasser 5 000 caractères."),
  visibility: z.enum(["public", "internal"], { error: "Choisissez « publique » ou « interne »." }),
});

/** The vendor's planned date: a real day (the date field's value, AAAA-MM-JJ), today or later (Paris time). */
const plannedDate = z
  .string({ error: "Indiquez une date valide." })
  .refine(isCalendarDay, "Indiquez une date valide, par exemple 12/03/2027.")
  .refine((day) => day >= todayInParis(), "La date prévue ne peut pas être dans le passé.");

export const ticketResolutionSchema = z
  .object({
    resolution: z.enum(RESOLUTIONS, { error: "Choisissez une résolution dans la liste." }),
    version: z.preprocess(blank, z.string().trim().max(40, "La version ne doit pas dépasser 40 caractères.").optional()),
    date: z.preprocess(blank, plannedDate.optional()),
    note: z.preprocess(blank, z.string().trim().max(2000, "La note ne doit pas dépasser 2 000 caractères.").optional()),
    reassignToProductId: z.preprocess(blank, z.coerce.number({ error: "Choisissez un logiciel." }).int().positive("Choisissez un logiciel.").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === "fixed" && !v.version) ctx.addIssue({ code: "custom", path: ["version"], message: "Indiquez la version qui corrige le problème." });
    if (v.resolution === "planned" && !v.version && !v.date) ctx.addIssue({ code: "custom", path: ["version"], message: "Indiquez la version ou la date prévue." });
    if (v.resolution === "other_product" && !v.reassignToProductId) {
      ctx.addIssue({ code: "custom", path: ["reassignToProductId"], message: "Indiquez le logiciel en cause." });
    }
    if (v.resolution === "other_product" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Expliquez pourquoi la cause est dans un autre logiciel." });
  });

const reassignSchema = z.object({
  productId: z.coerce.number({ error: "Choisissez un logiciel." }).int().positive("Choisissez un logiciel."),
  reason: z.preprocess((v) => v ?? "", z.string().trim().max(1000, "Raison trop longue.")),
});

/** A ticket's page: the vendor (and the team) acknowledge, reply and resolve; the team reassigns and closes. */
export const ticketPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  ticketReplySchema.extend({ intent: z.literal("reply") }),
  ticketResolutionSchema.extend({ intent: z.literal("resolution") }),
  reassignSchema.extend({ intent: z.literal("reassign") }),
  z.object({ intent: z.literal("close") }),
]);

export const ticketFiltersSchema = z.object({
  status: z.preprocess(blank, z.enum(TICKET_STATUSES, { error: "Statut invalide." }).optional()),
  productId: z.preprocess(blank, z.coerce.number({ error: "Logiciel invalide." }).int().positive().optional()),
  vendorId: z.preprocess(blank, z.coerce.number({ error: "Éditeur invalide." }).int().positive().optional()),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === "on" || v === true, z.boolean()).optional(),
  cursor: z.preprocess(blank, z.coerce.number({ error: "Curseur invalide." }).int().positive().optional()),
});

export const apiTicketListQuery = ticketFiltersSchema.omit({ productId: true }).extend({
  product: z.preprocess(blank, z.coerce.number({ error: "product doit être un identifiant numérique." }).int().positive().optional()),
});

export const fixAnswerSchema = z.object({
  ticketId: z.coerce.number({ error: "Ticket inconnu." }).int().positive("Ticket inconnu."),
  answer: z.enum(FIX_ANSWERS, { error: "Choisissez une réponse." }),
});
