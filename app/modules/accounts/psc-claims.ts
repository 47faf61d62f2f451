/**
 * Pure reading of the claims Pro Santé Connect returns from its UserInfo endpoint:
 * who the professional is (RPPS from `SubjectNameID`), their profession and practice.
 * No I/O here: psc.server.ts does the OpenID Connect exchange and hands the claims over.
 */
import { z } from "zod";
import { PROFESSIONS, type Profession } from "./professions";
import { rppsSchema } from "./schemas";

/** A refusal of the sign-in, with the HTTP status and the French sentence shown to the person. */
export class PscError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 422 | 502,
    readonly title: string,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export type PracticeMode = "liberal" | "salarie" | "mixte";

export type PscIdentity = {
  rpps: string;
  displayName: string;
  email: string | null;
  profession: Profession;
  professionCode: string;
  specialty: string | null;
  practiceMode: PracticeMode | null;
  region: string | null;
  /** Name of the first practice site, shown to the person; not stored. */
  site: string | null;
};

// Optional claims that are malformed are ignored rather than refusing the sign-in.
const optionalText = z
  .string()
  .trim()
  .max(200)
  .transform((v) => (v === "" ? null : v))
  .nullish()
  .catch(null);

const activitySchema = z.looseObject({
  codeModeExercice: optionalText,
  raisonSocialeSite: optionalText,
  enseigneCommercialeSite: optionalText,
  codePostal: optionalText,
});

const exerciseSchema = z.looseObject({
  codeProfession: z.string({ error: "codeProfession manquant" }).trim().max(40),
  codeSavoirFaire: optionalText,
  nomDexercice: optionalText,
  prenomDexercice: optionalText,
  activities: z.array(z.unknown()).max(100).catch([]).default([]),
});

const pscUserInfoSchema = z.looseObject({
  sub: z.string().min(1),
  SubjectNameID: z.string({ error: "SubjectNameID manquant" }).trim().max(100),
  given_name: optionalText,
  family_name: optionalText,
  email: optionalText,
  SubjectRefPro: z.looseObject({
    exercices: z.array(z.unknown()).max(50),
  }),
});

/** `8` followed by the 11-digit RPPS: PSC's identifier of an RPPS-registered professional. */
export function rppsFromSubjectNameId(subjectNameId: string): string | null {
  const match = /^8(\d{11})$/.exec(subjectNameId.trim());
  if (!match) return null;
  return rppsSchema.safeParse(match[1]).success ? match[1] : null;
}

/** Codes may carry their nomenclature's OID after a caret ("SA07^1.2.250…"): keep the code. */
const bareCode = (code: string) => code.split("^")[0]!.trim();

export function professionFromRppsCode(code: string): Profession | null {
  const bare = bareCode(code);
  return PROFESSIONS.find((p) => p.rppsCode !== null && p.rppsCode === bare)?.value ?? null;
}

// Ordinal specialties (nomenclature TRE_R38) that name general practice; others leave the field to the person.
const GENERAL_PRACTICE_CODES = new Set(["SM26", "SM53", "SM54"]);
export function specialtyFromSavoirFaire(code: string | null | undefined): string | null {
  if (!code) return null;
  return GENERAL_PRACTICE_CODES.has(bareCode(code)) ? "Médecine générale" : null;
}

/** `codeModeExercice`: L libéral, S salarié (B bénévole and others say nothing about the mode). */
export function practiceModeFromCodes(codes: (string | null | undefined)[]): PracticeMode | null {
  const bare = new Set(codes.filter((c): c is string => !!c).map(bareCode));
  if (bare.has("L") && bare.has("S")) return "mixte";
  if (bare.has("L")) return "liberal";
  if (bare.has("S")) return "salarie";
  return null;
}

const REGIONS: Record<string, string[]> = {
  "Auvergne-Rhône-Alpes": ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
  "Bourgogne-Franche-Comté": ["21", "25", "39", "58", "70", "71", "89", "90"],
  Bretagne: ["22", "29", "35", "56"],
  "Centre-Val de Loire": ["18", "28", "36", "37", "41", "45"],
  Corse: ["20"],
  "Grand Est": ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
  "Hauts-de-France": ["02", "59", "60", "62", "80"],
  "Île-de-France": ["75", "77", "78", "91", "92", "93", "94", "95"],
  Normandie: ["14", "27", "50", "61", "76"],
  "Nouvelle-Aquitaine": ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
  Occitanie: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
  "Pays de la Loire": ["44", "49", "53", "72", "85"],
  "Provence-Alpes-Côte d'Azur": ["04", "05", "06", "13", "83", "84"],
  Guadeloupe: ["971"],
  Martinique: ["972"],
  Guyane: ["973"],
  "La Réunion": ["974"],
  Mayotte: ["976"],
};
const REGION_BY_DEPARTMENT = new Map(Object.entries(REGIONS).flatMap(([region, departments]) => departments.map((d) => [d, region] as const)));

/** The region of a French postal code (département prefix; 97x overseas), or null. */
export function regionFromPostalCode(postalCode: string | null | undefined): string | null {
  if (!postalCode || !/^\d{5}$/.test(postalCode.trim())) return null;
  const code = postalCode.trim();
  return REGION_BY_DEPARTMENT.get(code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2)) ?? null;
}

const emailSchema = z.email().max(254);

const invalidClaims = (detail: string) =>
  new PscError(
    422,
    "Identité Pro Santé Connect incomplète",
    "Pro Santé Connect n'a pas transmis les informations nécessaires pour vous identifier (" + detail + "). Réessayez plus tard ou connectez-vous avec votre adresse e-mail.",
    "invalid_claims",
  );

/**
 * Reads the UserInfo claims into the identity Sentinelle keeps.
 * Throws a PscError (422) when the RPPS is missing or malformed or the profession is not one Sentinelle knows.
 */
export function parsePscClaims(claims: unknown): PscIdentity {
  const parsed = pscUserInfoSchema.safeParse(claims);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join(".") || "réponse";
    throw invalidClaims(`champ ${path}`);
  }
  const info = parsed.data;

  const rpps = rppsFromSubjectNameId(info.SubjectNameID);
  if (!rpps) {
    throw new PscError(
      422,
      "Numéro RPPS introuvable",
      "Votre identité Pro Santé Connect ne comporte pas de numéro RPPS (11 chiffres). La connexion avec Pro Santé Connect est réservée aux professionnels inscrits au RPPS ; vous pouvez créer un compte avec votre adresse e-mail.",
      "not_rpps",
    );
  }

  const exercises = info.SubjectRefPro.exercices.map((e) => exerciseSchema.safeParse(e)).flatMap((r) => (r.success ? [r.data] : []));
  if (exercises.length === 0) throw invalidClaims("aucun exercice professionnel");
  const known = exercises.map((e) => ({ exercise: e, profession: professionFromRppsCode(e.codeProfession) })).find((e) => e.profession);
  if (!known) {
    const code = bareCode(exercises[0]!.codeProfession) || "vide";
    throw new PscError(
      422,
      "Profession non prise en charge",
      `Votre profession (code RPPS ${code}) n'est pas encore prise en charge par la connexion avec Pro Santé Connect. Aucun compte n'a été créé. Vous pouvez créer un compte avec votre adresse e-mail.`,
      "unknown_profession",
    );
  }
  const { exercise, profession } = known;
  const activities = exercise.activities.map((a) => activitySchema.safeParse(a)).flatMap((r) => (r.success ? [r.data] : []));

  const givenName = info.given_name ?? exercise.prenomDexercice;
  const familyName = info.family_name ?? exercise.nomDexercice;
  const displayName = [givenName, familyName].filter(Boolean).join(" ").slice(0, 120);
  if (displayName.length < 2) throw invalidClaims("nom");

  const email = info.email && emailSchema.safeParse(info.email).success ? info.email.toLowerCase() : null;
  const siteActivity = activities.find((a) => a.raisonSocialeSite || a.enseigneCommercialeSite);

  return {
    rpps,
    displayName,
    email,
    profession: profession!,
    professionCode: bareCode(exercise.codeProfession),
    specialty: specialtyFromSavoirFaire(exercise.codeSavoirFaire),
    practiceMode: practiceModeFromCodes(activities.map((a) => a.codeModeExercice)),
    region: activities.map((a) => regionFromPostalCode(a.codePostal)).find(Boolean) ?? null,
    site: siteActivity ? (siteActivity.enseigneCommercialeSite ?? siteActivity.raisonSocialeSite ?? null) : null,
  };
}

/** The identity as kept between the callback and the completion form (in a signed cookie): checked again on the way back. */
export const pscIdentitySchema = z.object({
  rpps: rppsSchema,
  displayName: z.string().min(2).max(120),
  email: z.email().max(254).nullable(),
  profession: z.enum(PROFESSIONS.map((p) => p.value) as [Profession, ...Profession[]]),
  professionCode: z.string().max(40),
  specialty: z.string().max(120).nullable(),
  practiceMode: z.enum(["liberal", "salarie", "mixte"]).nullable(),
  region: z.string().max(80).nullable(),
  site: z.string().max(200).nullable(),
});

/** What the error page needs from a refusal. */
export function pscErrorView(error: PscError) {
  return { title: error.title, message: error.message, code: error.code, status: error.status };
}
