/** Professions of primary care, with their RPPS profession codes (used by Pro Santé Connect). */
export const PROFESSIONS = [
  { value: "medecin", label: "Médecin", rppsCode: "10" },
  { value: "chirurgien-dentiste", label: "Chirurgien-dentiste", rppsCode: "40" },
  { value: "sage-femme", label: "Sage-femme", rppsCode: "50" },
  { value: "pharmacien", label: "Pharmacien", rppsCode: "21" },
  { value: "infirmier", label: "Infirmier", rppsCode: "60" },
  { value: "masseur-kinesitherapeute", label: "Masseur-kinésithérapeute", rppsCode: "70" },
  { value: "pedicure-podologue", label: "Pédicure-podologue", rppsCode: "80" },
  { value: "orthophoniste", label: "Orthophoniste", rppsCode: "91" },
  { value: "orthoptiste", label: "Orthoptiste", rppsCode: "92" },
  { value: "biologiste", label: "Biologiste", rppsCode: null },
  { value: "radiologue", label: "Radiologue", rppsCode: null },
  { value: "autre", label: "Autre profession de santé", rppsCode: null },
] as const;

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
