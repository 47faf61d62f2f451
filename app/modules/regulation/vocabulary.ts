import { AUDIENCES, LINK_TARGETS, OBLIGATION_KINDS, OBLIGATION_STATUSES, type Audience, type LinkTarget, type ObligationKind, type ObligationStatus } from "#db/vocabularies/regulation";

export { AUDIENCES, LINK_TARGETS, OBLIGATION_KINDS, OBLIGATION_STATUSES };
export type { Audience, LinkTarget, ObligationKind, ObligationStatus };

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  loi: "Loi ou article de code",
  decret: "Décret",
  arrete: "Arrêté",
  exigence: "Exigence (Ségur numérique)",
};

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  "en-vigueur": "En vigueur ou adopté",
  projet: "Projet",
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  "professionnels-de-sante": "Professionnels de santé",
  "medecins-traitants": "Médecins traitants",
  laboratoires: "Laboratoires de biologie médicale",
  etablissements: "Établissements de santé",
  editeurs: "Éditeurs de logiciels",
  "operateurs-mssante": "Opérateurs de messagerie (MSSanté)",
};

/** The channels of the document table, in the deck's column order. */
export const CHANNEL_LABELS = {
  dmp: "Versement au DMP",
  mssProfessionals: "Envoi par messagerie sécurisée aux autres professionnels",
  mssPatient: "Envoi par messagerie sécurisée au patient",
} as const;
