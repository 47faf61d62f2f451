/** Professions of primary care, with their RPPS profession codes (used by Pro Santé Connect). */
/**
 * The smart cards that sign people in to health software: health professionals hold a CPS (carte de professionnel de
 * santé); the staff of a practice or a facility who are not health professionals (secretaries, medical assistants)
 * hold a CPE (carte de personnel d'établissement).
 */
export const CARD_TYPES = {
  CPS: "Carte de professionnel de santé (CPS)",
  CPE: "Carte de personnel d'établissement (CPE)",
} as const;
export type CardType = keyof typeof CARD_TYPES;

/**
 * Professions of primary care, with their RPPS profession codes (used by Pro Santé Connect) and their card type.
 * Secretaries and medical assistants are not in the RPPS: task delegation to them is one of the deck's irritants.
 */
export const PROFESSIONS = [
  { value: "medecin", label: "Médecin", rppsCode: "10", cardType: "CPS" },
  { value: "chirurgien-dentiste", label: "Chirurgien-dentiste", rppsCode: "40", cardType: "CPS" },
  { value: "sage-femme", label: "Sage-femme", rppsCode: "50", cardType: "CPS" },
  { value: "pharmacien", label: "Pharmacien", rppsCode: "21", cardType: "CPS" },
  { value: "infirmier", label: "Infirmier", rppsCode: "60", cardType: "CPS" },
  { value: "masseur-kinesitherapeute", label: "Masseur-kinésithérapeute", rppsCode: "70", cardType: "CPS" },
  { value: "pedicure-podologue", label: "Pédicure-podologue", rppsCode: "80", cardType: "CPS" },
  { value: "orthophoniste", label: "Orthophoniste", rppsCode: "91", cardType: "CPS" },
  { value: "orthoptiste", label: "Orthoptiste", rppsCode: "92", cardType: "CPS" },
  { value: "biologiste", label: "Biologiste", rppsCode: null, cardType: "CPS" },
  { value: "radiologue", label: "Radiologue", rppsCode: null, cardType: "CPS" },
  { value: "secretaire-medical", label: "Secrétaire médical", rppsCode: null, cardType: "CPE" },
  { value: "assistant-medical", label: "Assistant médical", rppsCode: null, cardType: "CPE" },
  { value: "autre", label: "Autre profession de santé", rppsCode: null, cardType: "CPS" },
] as const satisfies readonly { value: string; label: string; rppsCode: string | null; cardType: CardType }[];

export type Profession = (typeof PROFESSIONS)[number]["value"];
export const PROFESSION_VALUES = PROFESSIONS.map((p) => p.value) as [Profession, ...Profession[]];

export const PRACTICE_MODES = [
  { value: "liberal", label: "Libéral" },
  { value: "salarie", label: "Salarié (centre de santé, structure)" },
  { value: "mixte", label: "Mixte" },
  { value: "exercice-coordonne", label: "Exercice coordonné (MSP, CPTS)" },
] as const;
export const PRACTICE_MODE_VALUES = PRACTICE_MODES.map((p) => p.value) as [string, ...string[]];

export const ROLE_LABELS = {
  practitioner: "Professionnel de santé",
  patient: "Patient",
  vendor: "Éditeur",
  team: "Équipe programme",
  admin: "Administrateur",
} as const;

export function professionLabel(value: string | null | undefined) {
  return PROFESSIONS.find((p) => p.value === value)?.label ?? null;
}

/** The profession list of the sign-up and profile forms: each with its card, so secretaries find theirs (CPE). */
export const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p.value, label: `${p.label} (carte ${p.cardType})` }));
