import { z } from "zod";
import { AUDIENCES, OBLIGATION_KINDS, OBLIGATION_STATUSES } from "./vocabulary";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const list = (v: unknown) => (typeof v === "string" ? [v] : (v ?? []));
const text = (v: unknown) => v ?? "";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One entry of the register, as the team writes it (`/equipe/reglementation/:slug`). */
const obligationFormSchema = z.object({
  slug: z
    .string({ error: "Indiquez l'identifiant de l'adresse." })
    .trim()
    .min(3, "L'identifiant de l'adresse fait 3 caractères au moins.")
    .max(80, "L'identifiant de l'adresse ne doit pas dépasser 80 caractères.")
    .regex(SLUG, "L'identifiant de l'adresse ne contient que des minuscules sans accent, des chiffres et des tirets (ex. : csp-l1111-15)."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre (3 caractères au moins).").max(300, "Le titre ne doit pas dépasser 300 caractères."),
  summary: z.preprocess(text, z.string().trim().min(10, "Résumez le texte (10 caractères au moins).").max(8000, "Le résumé ne doit pas dépasser 8 000 caractères.")),
  kind: z.enum(OBLIGATION_KINDS, { error: "Choisissez la nature du texte." }),
  status: z.enum(OBLIGATION_STATUSES, { error: "Choisissez le statut du texte." }),
  sourceReference: z
    .string({ error: "Indiquez la source (référence du texte)." })
    .trim()
    .min(3, "Indiquez la source (référence du texte).")
    .max(300, "La source ne doit pas dépasser 300 caractères."),
  sourceUrl: z.preprocess(
    blank,
    z
      .url({ protocol: /^https?$/, error: "L'adresse de la source doit commencer par https:// ou http://." })
      .max(500, "L'adresse de la source ne doit pas dépasser 500 caractères.")
      .optional(),
  ),
  effectiveLabel: z.preprocess(text, z.string().trim().max(120, "La date d'entrée en vigueur ne doit pas dépasser 120 caractères.")),
  audiences: z.preprocess(
    list,
    z.array(z.enum(AUDIENCES, { error: "Public inconnu." }), { error: "Choisissez qui est concerné." }).min(1, "Choisissez qui est concerné (un public au moins)."),
  ),
  note: z.preprocess(text, z.string().trim().max(2000, "La note ne doit pas dépasser 2 000 caractères.")),
});

export type ObligationInput = z.output<typeof obligationFormSchema>;

const CHANNEL_MARK = /^(x|oui)?$/i;

/**
 * The document table as the team types it: one line per document type, five fields separated by ";" — the
 * document, then "X" (or "oui") or nothing for the DMP, MSSanté to professionals and MSSanté to the patient, then
 * the effective date as written. An empty text empties the table.
 */
const documentLines = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : (v ?? [])),
  z
    .array(z.string())
    .max(60, "Au plus 60 lignes.")
    .transform((lines, ctx) =>
      lines.flatMap((line, index) => {
        const cells = line.split(";").map((cell) => cell.trim());
        const where = `Ligne ${index + 1}`;
        if (cells.length !== 5) {
          ctx.addIssue({ code: "custom", message: `${where} : il faut 5 champs séparés par « ; » (document ; DMP ; MSSanté professionnels ; MSSanté patient ; date).` });
          return [];
        }
        const [documentType, dmp, mssProfessionals, mssPatient, effectiveLabel] = cells;
        if (documentType.length < 3 || documentType.length > 500) ctx.addIssue({ code: "custom", message: `${where} : le document fait de 3 à 500 caractères.` });
        if (![dmp, mssProfessionals, mssPatient].every((c) => CHANNEL_MARK.test(c))) ctx.addIssue({ code: "custom", message: `${where} : chaque canal vaut « X » ou reste vide.` });
        if (effectiveLabel.length > 120) ctx.addIssue({ code: "custom", message: `${where} : la date ne doit pas dépasser 120 caractères.` });
        const on = (c: string) => c !== "";
        return [{ documentType, dmp: on(dmp), mssProfessionals: on(mssProfessionals), mssPatient: on(mssPatient), effectiveLabel }];
      }),
    ),
);

/** The team's page of one entry: create or save it; set its document table; set the indicators that concern it. */
export const obligationPageSchema = z.discriminatedUnion("intent", [
  obligationFormSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("documents"), documents: documentLines }),
  z.object({
    intent: z.literal("indicators"),
    indicators: z.preprocess(list, z.array(z.coerce.number({ error: "Indicateur inconnu." }).int("Indicateur inconnu.").positive("Indicateur inconnu.")).max(100, "Au plus 100 indicateurs.")),
  }),
]);

/**
 * The form that sets which entries an irritant or an action links to: it joins the page's own intents (the team's
 * irritant page, the action editor). No box ticked removes every link.
 */
export const obligationLinksSchema = z.object({
  intent: z.literal("obligations"),
  obligations: z.preprocess(
    list,
    z.array(z.string().max(80, "Obligation inconnue.").regex(SLUG, "Obligation inconnue."), { error: "Obligations invalides." }).max(50, "Au plus 50 obligations."),
  ),
});

/** GET /api/v1/obligations: filter by kind or by who is concerned. */
export const apiObligationListQuery = z.object({
  kind: z.preprocess(blank, z.enum(OBLIGATION_KINDS, { error: "Nature inconnue (loi, decret, arrete, exigence)." }).optional()),
  audience: z.preprocess(blank, z.enum(AUDIENCES, { error: "Public inconnu." }).optional()),
});
