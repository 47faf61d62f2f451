import type { PatientSubject } from "#db/vocabularies/irritants";

/**
 * What a patient reports about: Mon espace santé and the national services, in a patient's words. Each subject
 * is stored as the irritant's `subject`, and files it under the themes of the team's taxonomy it belongs to (decision 025).
 */
export const PATIENT_SUBJECTS = {
  "mon-espace-sante": { label: "Mon espace santé (mes documents, mon profil médical)", themes: ["mes-dmp"] },
  "messagerie-mes": { label: "La messagerie de Mon espace santé", themes: ["mes-dmp", "mssante"] },
  "ordonnance-numerique": { label: "L'ordonnance numérique", themes: ["ordonnance-numerique"] },
  identite: { label: "Mon identité sur mes documents de santé (INS)", themes: ["ins"] },
  "autre-service": { label: "Un autre service numérique en santé (carte Vitale, compte ameli…)", themes: ["autre"] },
} as const satisfies Record<PatientSubject, { label: string; themes: readonly string[] }>;
