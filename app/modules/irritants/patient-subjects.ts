/**
 * What a patient reports about: Mon espace santé and the national services, in a patient's words. Each subject
 * files the irritant under the themes of the team's taxonomy it belongs to.
 */
export const PATIENT_SUBJECTS = {
  "mon-espace-sante": { label: "Mon espace santé (mes documents, mon profil médical)", themes: ["mes-dmp"] },
  "messagerie-mes": { label: "La messagerie de Mon espace santé", themes: ["mes-dmp", "mssante"] },
  "ordonnance-numerique": { label: "L'ordonnance numérique", themes: ["ordonnance-numerique"] },
  identite: { label: "Mon identité sur mes documents de santé (INS)", themes: ["ins"] },
  "autre-service": { label: "Un autre service numérique en santé (carte Vitale, compte ameli…)", themes: ["autre"] },
} as const satisfies Record<string, { label: string; themes: readonly string[] }>;

export type PatientSubject = keyof typeof PATIENT_SUBJECTS;
export const PATIENT_SUBJECT_KEYS = Object.keys(PATIENT_SUBJECTS) as [PatientSubject, ...PatientSubject[]];
