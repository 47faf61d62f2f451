import { z } from "zod";
import { CARD_TEXT_MAX, CARD_TEXT_MIN, MAX_DOTS, SIDE_CHOICES, SIDES, SLOT_KINDS } from "./vocabulary";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const lines = (v: unknown) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : (v ?? []));
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true || v === "1", z.boolean());
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** A row id posted by a form (a workshop, a slot, a card…). */
const formIdField = z.coerce.number({ error: "Identifiant invalide." }).int().positive("Identifiant invalide.");

export const seminarFormSchema = z.object({
  title: z.string({ error: "Indiquez le titre du séminaire." }).trim().min(5, "Indiquez le titre du séminaire (5 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  date: z.iso.date({ error: "Indiquez la date au format AAAA-MM-JJ." }),
  place: z.preprocess((v) => v ?? "", z.string().trim().max(200, "Le lieu ne doit pas dépasser 200 caractères.")),
  description: z.preprocess((v) => v ?? "", z.string().trim().max(3000, "La présentation ne doit pas dépasser 3 000 caractères.")),
  objectives: z.preprocess(lines, z.array(z.string().max(300, "Un objectif ne doit pas dépasser 300 caractères.")).max(10, "Au plus 10 objectifs.")),
  published: checkbox.optional(),
  registrationOpen: checkbox.optional(),
});
export type SeminarInput = z.infer<typeof seminarFormSchema>;

const slotFormSchema = z.object({
  period: z.preprocess((v) => v ?? "", z.string().trim().max(60, "Le moment ne doit pas dépasser 60 caractères.")),
  kind: z.enum(SLOT_KINDS, { error: "Choisissez le type de séquence." }),
  title: z.string({ error: "Indiquez l'intitulé de la séquence." }).trim().min(3, "Indiquez l'intitulé de la séquence.").max(300, "L'intitulé ne doit pas dépasser 300 caractères."),
  workshopId: z.preprocess(blank, id("Atelier invalide.").optional()),
});
export type SlotInput = z.infer<typeof slotFormSchema>;

const workshopFormSchema = z.object({
  title: z.string({ error: "Indiquez le titre de l'atelier." }).trim().min(3, "Indiquez le titre de l'atelier.").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  question: z.string({ error: "Indiquez la question de l'atelier." }).trim().min(5, "Indiquez la question de l'atelier.").max(500, "La question ne doit pas dépasser 500 caractères."),
  facilitatorEmail: z.preprocess(blank, z.email({ error: "Indiquez l'adresse e-mail d'un compte Sentinelle." }).max(200).optional()),
  facilitatorLabel: z.preprocess((v) => v ?? "", z.string().trim().max(120, "Le libellé ne doit pas dépasser 120 caractères.")),
  capacity: z.preprocess(blank, z.coerce.number({ error: "Indiquez un nombre de places." }).int("Indiquez un nombre entier de places.").min(1, "Au moins 1 place.").max(1000, "Au plus 1 000 places.").optional()),
  dotsPerParticipant: z.coerce.number({ error: "Indiquez le nombre de points par participant." }).int("Nombre entier de points.").min(1, "Au moins 1 point.").max(MAX_DOTS, `Au plus ${MAX_DOTS} points.`),
});
export type WorkshopInput = z.infer<typeof workshopFormSchema>;

/** "practitioner:vip", "patient"… as one radio value. */
const sideChoiceSchema = z
  .string({ error: "Indiquez à quel titre vous participez." })
  .refine((v) => SIDE_CHOICES.some((c) => c.value === v), "Indiquez à quel titre vous participez.")
  .transform((v) => {
    const choice = SIDE_CHOICES.find((c) => c.value === v)!;
    return { side: choice.side, detail: choice.detail };
  });

export const registrationFormSchema = z.object({
  name: z.string({ error: "Indiquez votre nom." }).trim().min(2, "Indiquez votre nom.").max(120, "Le nom ne doit pas dépasser 120 caractères."),
  email: z.email({ error: "Indiquez une adresse e-mail valide." }).trim().toLowerCase().max(200, "Adresse trop longue."),
  sideChoice: sideChoiceSchema,
  organisation: z.preprocess((v) => v ?? "", z.string().trim().max(200, "L'organisation ne doit pas dépasser 200 caractères.")),
  workshopIds: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(id("Atelier invalide.")).max(20, "Trop d'ateliers.")),
});
export type RegistrationInput = z.infer<typeof registrationFormSchema>;

/** Signed-in people register without retyping their name and address. */
export const memberRegistrationSchema = registrationFormSchema.pick({ sideChoice: true, organisation: true, workshopIds: true });

const cardFormSchema = z.object({
  text: z
    .string({ error: "Écrivez votre idée sur la carte." })
    .trim()
    .min(CARD_TEXT_MIN, `Écrivez votre idée sur la carte (${CARD_TEXT_MIN} caractères au moins).`)
    .max(CARD_TEXT_MAX, `Une carte tient en ${CARD_TEXT_MAX} caractères au plus : raccourcissez-la ou faites-en deux.`),
  theme: z.preprocess(blank, z.string().max(60, "Thème invalide.").optional()),
});
export type CardInput = z.infer<typeof cardFormSchema>;

const voteFormSchema = z.object({
  target: z.enum(["card", "cluster"], { error: "Choisissez une carte ou un regroupement." }),
  targetId: id("Choisissez une carte ou un regroupement."),
  direction: z.enum(["add", "remove"]).default("add"),
});

/** A workshop's board, for its participants: post a card (the default), or place or take back a dot. */
export const workshopBoardPageSchema = z.discriminatedUnion("intent", [
  cardFormSchema.extend({ intent: z.literal("card") }),
  voteFormSchema.extend({ intent: z.literal("vote") }),
]);

const clusterTitleSchema = z.object({
  title: z.string({ error: "Nommez le regroupement." }).trim().min(2, "Nommez le regroupement.").max(160, "Le nom ne doit pas dépasser 160 caractères."),
});

const moveCardSchema = z.object({
  cardId: id("Carte invalide."),
  // "" or "none" takes the card out of its cluster; "new" opens a new cluster named after the card.
  clusterId: z.preprocess((v) => (v === "" || v === "none" ? null : v), z.union([z.literal("new"), id("Regroupement invalide."), z.null()])),
});

const verbatimFormSchema = z.object({
  text: z.string({ error: "Écrivez la citation." }).trim().min(3, "Écrivez la citation.").max(2000, "La citation ne doit pas dépasser 2 000 caractères."),
  side: z.preprocess(blank, z.enum(SIDES, { error: "Côté inconnu." }).optional()),
  consent: checkbox.optional(),
  published: checkbox.optional(),
});

const feedbackFormSchema = z.object({
  positives: z.preprocess(lines, z.array(z.string().max(500, "Un point ne doit pas dépasser 500 caractères.")).max(20, "Au plus 20 points positifs.")),
  improvements: z.preprocess(lines, z.array(z.string().max(500, "Un point ne doit pas dépasser 500 caractères.")).max(20, "Au plus 20 axes d'amélioration.")),
  campaignSlug: z.preprocess(blank, z.string().max(80).optional()),
});

const restitutionIrritantSchema = z.object({
  source: z.enum(["card", "cluster"], { error: "Source invalide." }),
  sourceId: id("Source invalide."),
  title: z.string({ error: "Donnez un titre au signalement." }).trim().min(5, "Le titre doit contenir au moins 5 caractères.").max(160, "Le titre ne doit pas dépasser 160 caractères."),
  body: z.string({ error: "Décrivez le problème." }).trim().min(10, "Décrivez le problème (10 caractères au moins).").max(5000, "La description ne doit pas dépasser 5 000 caractères."),
  themes: z.preprocess((v) => (typeof v === "string" ? (v ? [v] : []) : (v ?? [])), z.array(z.string().max(60)).max(5, "Au plus 5 thèmes.")),
  published: checkbox.optional(),
});

const restitutionActionSchema = z.object({
  source: z.enum(["card", "cluster"], { error: "Source invalide." }),
  sourceId: id("Source invalide."),
  challengeId: id("Choisissez un défi du plan d'action."),
  title: z.string({ error: "Indiquez le titre de l'action." }).trim().min(3, "Indiquez le titre de l'action (3 caractères au moins).").max(500, "Le titre ne doit pas dépasser 500 caractères."),
  leadKind: z.enum(["editeurs", "pouvoirs-publics", "editeurs-et-pouvoirs-publics"], { error: "Choisissez le pilote." }),
  deadlineLabel: z.preprocess((v) => v ?? "", z.string().trim().max(80, "L'échéance ne doit pas dépasser 80 caractères.")),
});

export const seminarListQuery = z.object({
  cursor: z.preprocess(blank, z.string().max(40, "Curseur invalide.").optional()),
  limit: z.preprocess(blank, z.coerce.number({ error: "limit doit être un nombre." }).int("limit doit être un entier.").min(1, "limit vaut au moins 1.").max(100, "limit vaut au plus 100.").optional()),
});

const INVALID_LINK = "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.";

/** A registration's confirmation link: its token, in its address or posted back by its page's button. */
export const registrationLinkSchema = z.object({ jeton: z.string({ error: INVALID_LINK }).min(10, INVALID_LINK).max(200, INVALID_LINK) });

/** Where a confirmed registration lands: which seminar, and the workshops that filled up meanwhile. */
export const registrationDoneSchema = z.object({
  seminaire: z.string().regex(/^[a-z0-9-]{1,120}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  complets: z.string().regex(/^[\d,]{0,60}$/).default(""),
});

/** The team's registrations page: register someone (the form's default), or remove a registration. */
export const registrationsPageSchema = z.discriminatedUnion("intent", [
  registrationFormSchema.extend({ intent: z.literal("register") }),
  z.object({ intent: z.literal("remove"), registrationId: formIdField }),
]);

const verbatimIdSchema = z.object({ verbatimId: formIdField });

/** The seminar's report page: the feedback, and the verbatims (add, publish, unpublish, remove). */
export const reportPageSchema = z.discriminatedUnion("intent", [
  feedbackFormSchema.extend({ intent: z.literal("feedback") }),
  verbatimFormSchema.extend({ intent: z.literal("verbatim-add") }),
  verbatimIdSchema.extend({ intent: z.literal("verbatim-publish") }),
  verbatimIdSchema.extend({ intent: z.literal("verbatim-unpublish") }),
  verbatimIdSchema.extend({ intent: z.literal("verbatim-remove") }),
]);

const workshopIdSchema = z.object({ workshopId: formIdField });
const slotIdSchema = z.object({ slotId: formIdField });

/** The team's page of one seminar: the seminar itself, its workshops, and its running order. */
export const seminarPageSchema = z.discriminatedUnion("intent", [
  seminarFormSchema.extend({ intent: z.literal("seminar") }),
  workshopFormSchema.extend({ intent: z.literal("workshop-add") }),
  workshopFormSchema.extend({ intent: z.literal("workshop-edit"), workshopId: formIdField }),
  workshopIdSchema.extend({ intent: z.literal("workshop-code") }),
  slotFormSchema.extend({ intent: z.literal("slot-add") }),
  slotIdSchema.extend({ intent: z.literal("slot-remove") }),
  slotIdSchema.extend({ intent: z.literal("slot-up") }),
  slotIdSchema.extend({ intent: z.literal("slot-down") }),
]);

const linkSchema = z.object({
  source: z.enum(["card", "cluster"], { error: "Source invalide." }),
  sourceId: formIdField,
  targetKind: z.enum(["irritant", "action"], { error: "Choisissez signalement ou action." }),
  targetId: z.coerce.number({ error: "Indiquez le numéro." }).int("Indiquez le numéro.").positive("Indiquez le numéro."),
});

/**
 * A workshop's facilitation board: open or close the workshop and the vote, group the cards into clusters, hide a
 * card, and (the team) turn a card or a cluster into an irritant or an action of the plan, or link it to one.
 */
export const boardPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), status: z.enum(["open", "closed"], { error: "État inconnu." }) }),
  z.object({ intent: z.literal("voting"), open: z.enum(["1", "0"], { error: "Choix inconnu." }) }),
  clusterTitleSchema.extend({ intent: z.literal("cluster-create") }),
  clusterTitleSchema.extend({ intent: z.literal("cluster-rename"), clusterId: formIdField }),
  moveCardSchema.extend({ intent: z.literal("move") }),
  z.object({ intent: z.literal("hide"), cardId: formIdField }),
  z.object({ intent: z.literal("show"), cardId: formIdField }),
  restitutionIrritantSchema.extend({ intent: z.literal("irritant") }),
  restitutionActionSchema.extend({ intent: z.literal("action") }),
  linkSchema.extend({ intent: z.literal("link") }),
]);

/** The workshop join form (a GET, so it works without JavaScript and from a bookmark). */
export const joinCodeQuerySchema = z.object({ code: z.string().max(40, "Ce code est trop long.").optional() });
