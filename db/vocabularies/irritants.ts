// The irritants' fixed vocabularies, stored as text columns. They live below the schema so that db/ never imports
// app/; the irritants module re-exports them with their French labels.
export const IRRITANT_STATUSES = ["new", "triaged", "forwarded", "in_progress", "resolved", "wont_fix", "duplicate"] as const;
export type IrritantStatus = (typeof IRRITANT_STATUSES)[number];

export const SEVERITIES = ["bloquant", "genant", "mineur"] as const;

export const FREQUENCIES = ["plusieurs-fois-par-jour", "quotidien", "hebdomadaire", "mensuel", "rarement"] as const;

export const CONSULTATION_STEPS = ["avant", "pendant", "apres"] as const;

/**
 * How an irritant reached the platform: filed by its reporter, by a vendor about another vendor's product, by the
 * team on behalf of a named practitioner (after a visit or a call), or imported from an existing backlog.
 */
export const IRRITANT_ORIGINS = ["reporter", "vendor", "on_behalf", "import"] as const;

/** Where the team collected a report filed on someone's behalf. */
export const COLLECTION_CHANNELS = ["visite", "appel", "autre"] as const;

// What a patient reports about (Mon espace santé, a national service): the irritant's subject, beside its themes.
export const PATIENT_SUBJECT_KEYS = ["mon-espace-sante", "messagerie-mes", "ordonnance-numerique", "identite", "autre-service"] as const;
export type PatientSubject = (typeof PATIENT_SUBJECT_KEYS)[number];
