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

const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, tooLong).optional());

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200, "Mot de passe trop long."),
  redirectTo: z.string().optional(),
});

export const rppsSchema = z.string().regex(/^\d{11}$/, "Le numéro RPPS comporte 11 chiffres.");

export const profileSchema = z.object({
  displayName: z
    .string({ error: "Indiquez votre nom." })
    .trim()
    .min(2, "Indiquez votre nom (2 caractères au moins).")
    .max(120, "Le nom ne doit pas dépasser 120 caractères."),
  profession: z.enum(PROFESSION_VALUES, { error: "Choisissez une profession dans la liste." }).optional(),
  specialty: optionalText(120, "La spécialité ne doit pas dépasser 120 caractères."),
  practiceMode: z.enum(PRACTICE_MODE_VALUES, { error: "Choisissez un mode d'exercice dans la liste." }).optional(),
  region: optionalText(80, "La région ne doit pas dépasser 80 caractères."),
  rpps: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), rppsSchema.optional()),
  usualProductId: z.preprocess(
    (v) => (v === "" ? undefined : v),
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

export const createTokenSchema = z.object({
  label: z.string({ error: "Donnez un nom au jeton." }).trim().min(1, "Donnez un nom au jeton.").max(80, "Le nom ne doit pas dépasser 80 caractères."),
});

export const apiTokenRequestSchema = z.object({
  email,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200, "Mot de passe trop long."),
  label: z.string().trim().max(80, "Le nom ne doit pas dépasser 80 caractères.").optional(),
});

/** Completing a first Pro Santé Connect sign-in: the e-mail of the new account. */
export const pscCreateSchema = z.object({ email });

/** Completing a Pro Santé Connect sign-in by linking an existing account, confirmed with its password. */
export const pscLinkSchema = z.object({
  email,
  password: z.string({ error: "Indiquez le mot de passe de ce compte." }).min(1, "Indiquez le mot de passe de ce compte.").max(200, "Mot de passe trop long."),
});

export const forgotPasswordSchema = z.object({ email });

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
