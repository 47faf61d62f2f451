import { z } from "zod";

/** Every team setting, with its type and default; stored rows override the defaults. */
export const SETTINGS_SCHEMA = z.object({
  slaFirstResponseDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int().min(1, "Au moins 1 jour ouvré.").max(60, "Au plus 60 jours ouvrés.").default(5),
  slaResolutionDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int().min(1, "Au moins 1 jour ouvré.").max(365, "Au plus 365 jours ouvrés.").default(60),
  fixDenialsToReopen: z.coerce.number({ error: "Indiquez un nombre." }).int().min(1, "Au moins 1.").max(50, "Au plus 50.").default(3),
  // Days a vendor's fix shows as "Correctif annoncé" while its people have not confirmed it.
  fixConfirmationDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int().min(1, "Au moins 1 jour.").max(365, "Au plus 365 jours.").default(30),
  autoForwardProductIrritants: z.boolean().default(false),
  // Weeks without news of an action's status after which its responsible person is reminded (once per period).
  staleStatusWeeks: z.coerce.number({ error: "Indiquez un nombre de semaines." }).int().min(1, "Au moins 1 semaine.").max(52, "Au plus 52 semaines.").default(6),
  // Which headline blocks the public progress page shows, in this order.
  progressHeadlines: z.array(z.enum(["irritants", "actions", "vendors", "survey"])).default(["irritants", "actions", "vendors", "survey"]),
});

const HEADLINES = SETTINGS_SCHEMA.shape.progressHeadlines.unwrap();

/** The progress page's headline blocks, as the team's form posts them: one checkbox each, none ticked is none. */
export const headlinesFormSchema = z.object({
  progressHeadlines: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), HEADLINES),
});

/** The team's settings form (SLA targets, reopening threshold, automatic forwarding). */
export const settingsFormSchema = z.object({
  slaFirstResponseDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int("Nombre entier.").min(1, "Au moins 1 jour ouvré.").max(60, "Au plus 60 jours ouvrés."),
  slaResolutionDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int("Nombre entier.").min(1, "Au moins 1 jour ouvré.").max(365, "Au plus 365 jours ouvrés."),
  fixDenialsToReopen: z.coerce.number({ error: "Indiquez un nombre." }).int("Nombre entier.").min(1, "Au moins 1.").max(50, "Au plus 50."),
  fixConfirmationDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int("Nombre entier.").min(1, "Au moins 1 jour.").max(365, "Au plus 365 jours."),
  autoForwardProductIrritants: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  // Absent (a client that predates it) keeps the stored value.
  staleStatusWeeks: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: "Indiquez un nombre de semaines." }).int("Nombre entier.").min(1, "Au moins 1 semaine.").max(52, "Au plus 52 semaines.").optional(),
  ),
});
