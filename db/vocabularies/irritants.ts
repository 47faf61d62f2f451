// The irritants' fixed vocabularies, stored as text columns. They live below the schema so that db/ never imports
// app/; the irritants module re-exports them with their French labels.
export const IRRITANT_STATUSES = ["new", "triaged", "forwarded", "in_progress", "resolved", "wont_fix", "duplicate"] as const;
export type IrritantStatus = (typeof IRRITANT_STATUSES)[number];

export const SEVERITIES = ["bloquant", "genant", "mineur"] as const;

export const FREQUENCIES = ["plusieurs-fois-par-jour", "quotidien", "hebdomadaire", "mensuel", "rarement"] as const;

export const CONSULTATION_STEPS = ["avant", "pendant", "apres"] as const;

// What a patient reports about (Mon espace santé, a national service): the irritant's subject, beside its themes.
export const PATIENT_SUBJECT_KEYS = ["mon-espace-sante", "messagerie-mes", "ordonnance-numerique", "identite", "autre-service"] as const;
export type PatientSubject = (typeof PATIENT_SUBJECT_KEYS)[number];
