// Seminar vocabularies, kept apart from the database schema so pages and pure logic can import them.
import type { Side, SideDetail, SlotKind, WorkshopStatus } from "#db/vocabularies/seminars";
export {
  SIDE_DETAILS,
  SIDES,
  SLOT_KINDS,
  type OutcomeSource,
  type Side,
  type SideDetail,
  type SlotKind,
  type WorkshopStatus,
} from "#db/vocabularies/seminars";

export const SIDE_LABELS: Record<Side, string> = {
  practitioner: "Professionnels de santé",
  vendor: "Éditeurs",
  patient: "Patients",
  institution: "Institutionnels",
};

export const SIDE_LABEL_ONE: Record<Side, string> = {
  practitioner: "Professionnel de santé",
  vendor: "Éditeur",
  patient: "Patient",
  institution: "Institutionnel",
};


export const DETAIL_LABELS: Record<SideDetail, string> = {
  vip: "représentant « VIP » de la médecine de ville",
  other: "autre professionnel de santé",
  sons: "éditeur SONS (référencé Ségur)",
  "non-sons": "éditeur hors SONS",
};

/** Every (side, detail) a person may choose, as one list for radio buttons. */
export const SIDE_CHOICES: { value: string; side: Side; detail: SideDetail | null; label: string }[] = [
  { value: "practitioner:vip", side: "practitioner", detail: "vip", label: "Professionnel de santé — représentant « VIP » de la médecine de ville" },
  { value: "practitioner:other", side: "practitioner", detail: "other", label: "Professionnel de santé — autre" },
  { value: "vendor:sons", side: "vendor", detail: "sons", label: "Éditeur — SONS (référencé Ségur)" },
  { value: "vendor:non-sons", side: "vendor", detail: "non-sons", label: "Éditeur — hors SONS" },
  { value: "patient", side: "patient", detail: null, label: "Patient ou représentant d'usagers" },
  { value: "institution", side: "institution", detail: null, label: "Institutionnel (pouvoirs publics, agence, Assurance Maladie…)" },
];


export const SLOT_KIND_LABELS: Record<SlotKind, string> = {
  plenary: "Plénière",
  demonstrators: "Démonstrateurs",
  workshop: "Atelier",
  restitution: "Restitution",
  break: "Accueil, pause ou moment convivial",
};


export const WORKSHOP_STATUS_LABELS: Record<WorkshopStatus, string> = {
  draft: "En préparation",
  open: "En cours",
  closed: "Clos",
};


/** Limits of the live board, enforced by the module. */
export const CARD_TEXT_MAX = 280;
export const CARD_TEXT_MIN = 3;
/** Cards one participant may post per minute, and in one workshop. */
export const CARDS_PER_MINUTE = 5;
export const CARDS_PER_PARTICIPANT = 40;
export const DEFAULT_DOTS = 3;
export const MAX_DOTS = 10;
