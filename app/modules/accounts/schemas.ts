import { can } from "~/lib/permissions";
import { z } from "zod";
import { weakPasswordReason } from "./password-rules";
import { PRACTICE_MODE_VALUES, PROFESSION_VALUES } from "./professions";

const email = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .trim()
  .min(1, "Indiquez votre adresse e-mail.")
  .max(254, "L'adresse e-mail est trop longue.")
  .pipe(z.email("Cette adresse e-mail n'est pas valide."))
  .transform((v) => v.toLowerCase());

const newPassword = z
  .string({ error: "Choisissez un mot de passe." })
  .min(12, "Le mot de passe doit contenir au moins 12 caractères.")
  .max(200, "Le mot de passe ne doit pas dépasser 200 caractères.")
  .superRefine((value, ctx) => {
    const reason = weakPasswordReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });

/** A blank form field is an absent one (form strings are parsed as they come, shared with the JSON API). */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const optionalText = (max: number, tooLong: string) => z.preprocess(blank, z.string().trim().max(max, tooLong).optional());

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200, "Mot de passe trop long."),
  redirectTo: z.string().optional(),
});

export const rppsSchema = z.string().regex(/^\d{11}$/, "Le numéro RPPS comporte 11 chiffres.");

export const profileSchema = z.object({
  displayName: z.preprocess(
    blank,
    z.string({ error: "Indiquez votre nom." }).trim().min(2, "Indiquez votre nom (2 caractères au moins).").max(120, "Le nom ne doit pas dépasser 120 caractères."),
  ),
  profession: z.preprocess(blank, z.enum(PROFESSION_VALUES, { error: "Choisissez une profession dans la liste." }).optional()),
  specialty: optionalText(120, "La spécialité ne doit pas dépasser 120 caractères."),
  practiceMode: z.preprocess(blank, z.enum(PRACTICE_MODE_VALUES, { error: "Choisissez un mode d'exercice dans la liste." }).optional()),
  region: optionalText(80, "La région ne doit pas dépasser 80 caractères."),
  rpps: z.preprocess(blank, rppsSchema.optional()),
  usualProductId: z.preprocess(
    blank,
    z.coerce.number({ error: "Choisissez un logiciel dans la liste." }).int().positive("Choisissez un logiciel dans la liste.").optional(),
  ),
  usualProductVersion: optionalText(40, "La version ne doit pas dépasser 40 caractères."),
});

export const signUpSchema = profileSchema
  .extend({
    role: z.enum(["practitioner", "patient"], { error: "Indiquez si vous êtes professionnel de santé ou patient." }),
    email,
    password: newPassword,
    passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.passwordConfirmation) {
      ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: "Les deux mots de passe ne correspondent pas." });
    }
    if (can(value, "profile:professional") && !value.profession) {
      ctx.addIssue({ code: "custom", path: ["profession"], message: "Indiquez votre profession." });
    }
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, "Indiquez votre mot de passe actuel."),
    newPassword,
    newPasswordConfirmation: z.string({ error: "Confirmez le nouveau mot de passe." }),
    // Unticked by default: a changed password revokes the API tokens too, unless the person says otherwise.
    keepApiTokens: z.preprocess((v) => v === "on" || v === true, z.boolean()).optional(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirmation, {
    path: ["newPasswordConfirmation"],
    message: "Les deux mots de passe ne correspondent pas.",
  });

const createTokenSchema = z.object({
  label: z.string({ error: "Donnez un nom au jeton." }).trim().min(1, "Donnez un nom au jeton.").max(80, "Le nom ne doit pas dépasser 80 caractères."),
});

const revokeTokenSchema = z.object({ tokenId: z.coerce.number({ error: "Jeton inconnu." }).int("Jeton inconnu.").positive("Jeton inconnu.") });

const deleteAccountSchema = z.object({
  confirmation: z.string({ error: "Confirmez avec votre mot de passe." }).min(1, "Confirmez avec votre mot de passe.").max(200, "Trop long."),
});

/** The account's profile page: edit the profile, or ask again for the e-mail confirmation link. */
export const profilePageSchema = z.discriminatedUnion("intent", [
  profileSchema.extend({ intent: z.literal("profile") }),
  z.object({ intent: z.literal("resend-confirmation") }),
]);

/** The account's API tokens page: mint one, or revoke one. */
export const tokensPageSchema = z.discriminatedUnion("intent", [
  createTokenSchema.extend({ intent: z.literal("create-token") }),
  revokeTokenSchema.extend({ intent: z.literal("revoke-token") }),
]);

/** The account's security page: close every session, or delete the account. */
export const securityPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("signout-everywhere") }),
  deleteAccountSchema.extend({ intent: z.literal("delete-account") }),
]);

export const apiTokenRequestSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200, "Mot de passe trop long."),
  label: z.string().trim().max(80, "Le nom ne doit pas dépasser 80 caractères.").optional(),
});

/** Completing a first Pro Santé Connect sign-in: the e-mail of the new account. */
const pscCreateSchema = z.object({ email });

/** Completing a Pro Santé Connect sign-in by linking an existing account, confirmed with its password. */
const pscLinkSchema = z.object({
  email,
  password: z.string({ error: "Indiquez le mot de passe de ce compte." }).min(1, "Indiquez le mot de passe de ce compte.").max(200, "Mot de passe trop long."),
});

/** The page that completes a first Pro Santé Connect sign-in: create an account, or link an existing one. */
export const pscCompletionPageSchema = z.discriminatedUnion("intent", [
  pscCreateSchema.extend({ intent: z.literal("create") }),
  pscLinkSchema.extend({ intent: z.literal("link") }),
]);

export const forgotPasswordSchema = z.object({ email });

/** The token of an e-mailed link as its address carries it: only a well-formed one offers the page's button. */
export const emailLinkSchema = z.object({ jeton: z.string().min(10).max(200) });

/** The token a link's page posts back: the module refuses an unknown or malformed one (400), a used one (410). */
export const linkFormSchema = z.object({ jeton: z.string().max(2000, "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.").default("") });

/** The sign-up link's token, in its address. */
export const signUpLinkSchema = z.object({ jeton: z.string().min(20).max(2000) });

export const resetPasswordSchema = z
  .object({
    jeton: z.string({ error: "Lien incomplet." }).min(10, "Lien incomplet.").max(200, "Lien invalide."),
    newPassword,
    newPasswordConfirmation: z.string({ error: "Confirmez le nouveau mot de passe." }),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirmation, {
    path: ["newPasswordConfirmation"],
    message: "Les deux mots de passe ne correspondent pas.",
  });

/** The administrators' accounts page: search, and disable or enable an account. */
export const accountSearchSchema = z.object({ q: z.string().trim().max(254, "Recherche trop longue.").optional() });
const accountTarget = z.object({ userId: z.coerce.number({ error: "Compte inconnu." }).int().positive("Compte inconnu.") });
export const accountsPageSchema = z.discriminatedUnion("intent", [
  accountTarget.extend({ intent: z.literal("disable") }),
  accountTarget.extend({ intent: z.literal("enable") }),
]);

/** Where a Pro Santé Connect sign-in returns to; anything unreadable is simply dropped. */
export const pscStartQuerySchema = z.object({ redirectTo: z.string().max(500).optional().catch(undefined) });
