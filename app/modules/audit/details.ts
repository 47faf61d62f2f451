import { formatDate, formatDateTime } from "~/lib/dates";
import { counted } from "~/lib/text/plural";
import { ROLE_LABELS } from "~/modules/accounts";
import { ACTION_STATUS_LABELS } from "~/modules/action-plan";
import { VENDOR_GROUP_LABELS } from "~/modules/vendors";
import { COLLECTION_CHANNEL_LABELS, STATUS_LABELS } from "~/modules/irritants";
import { DELIVERY_MODES, kindLabel } from "~/modules/notifications";
import { SIDE_LABEL_ONE, SLOT_KIND_LABELS, WORKSHOP_STATUS_LABELS } from "~/modules/seminars";
import { FIX_ANSWER_LABELS, RESOLUTION_LABELS } from "~/modules/tickets";

/** Names of the things an event's payload refers to by slug or id, looked up by the caller. */
export type AuditNames = { theme: (slug: string) => string; product: (id: number) => string; vendor: (id: number) => string };

const label = (labels: Record<string, string>, value: unknown) => (typeof value === "string" ? (labels[value] ?? value) : String(value));
const num = (value: unknown) => (typeof value === "number" ? value : 0);
const quoted = (value: unknown) => `« ${String(value)} »`;
const yes = (value: unknown, ifTrue: string, ifFalse: string | null = null) => (value === true ? ifTrue : value === false ? ifFalse : null);

const SUBJECTS: Record<string, string> = {
  irritant: "Signalement",
  ticket: "Ticket",
  action: "Action",
  action_plan: "Plan d'action",
  workstream: "Chantier",
  challenge: "Défi",
  obligation: "Obligation",
  campaign: "Campagne",
  questionnaire: "Questionnaire",
  progress_update: "Point d'étape",
  indicator: "Indicateur",
  theme: "Thème",
  synonym_group: "Groupe de synonymes",
  search_index: "Index de recherche",
  product: "Logiciel",
  organisation: "Organisation",
  settings: "Réglages",
  user: "Compte",
  api_token: "Jeton d'API",
  seminar: "Séminaire",
  workshop: "Atelier",
  attachment: "Fichier joint",
};
const ATTACHMENT_OWNERS: Record<string, string> = { irritant: "au signalement", comment: "à un commentaire", ticket_reply: "à une réponse de ticket" };
const ATTACHMENT_REMOVALS: Record<string, string> = {
  team: "supprimé par l'équipe",
  hidden: "signalement masqué",
  account_deleted: "compte de l'auteur supprimé",
  retention: "durée de conservation dépassée",
};

/** What an event is about, in French: "Signalement n° 12". */
export function auditSubject(subjectType: string, subjectId: number) {
  return `${SUBJECTS[subjectType] ?? "Élément"} n° ${subjectId}`;
}

const STATUS_BY_TYPE: Record<string, Record<string, string>> = {
  "irritant.status_changed": STATUS_LABELS,
  "irritant.reopened": STATUS_LABELS,
  "action.status_changed": ACTION_STATUS_LABELS,
};
const MASKED_FIELDS: Record<string, string> = { title: "titre", body: "description", comment: "commentaire" };
const MODES: Record<string, string> = Object.fromEntries(DELIVERY_MODES.map((m) => [m.value, m.label]));
const LANES: Record<string, string> = { practitioner: "professionnel", professional: "professionnel", patient: "patient" };
const THEME_SOURCES: Record<string, string> = { suggested: "thèmes suggérés par la plateforme", author: "thèmes choisis par l'auteur" };
const CAUSES: Record<string, string> = { "auto-forward": "transmis automatiquement à l'éditeur", ticket: "suite à la correction annoncée par l'éditeur" };
const VISIBILITIES: Record<string, string> = { public: "réponse publique", internal: "note interne à l'équipe" };
const DIRECTIONS: Record<string, string> = { up: "vers le haut", down: "vers le bas" };
const KINDS: Record<string, string> = { irritant: "signalement", action: "action", indicator: "indicateur", card: "carte", cluster: "regroupement" };
const VIAS: Record<string, string> = { "pro-sante-connect": "par Pro Santé Connect" };
const BLOCK_EDITS: Record<string, string> = { added: "Bloc ajouté", saved: "Bloc enregistré", moved: "Bloc déplacé", deleted: "Bloc supprimé" };

type Describe = (value: unknown, type: string, payload: Record<string, unknown>, names: AuditNames) => string | null;

/**
 * How each payload field reads in the audit log, in French. Every field of the event catalogue is listed (a unit
 * test checks it), so no raw field name or code reaches the log or its CSV; a describer returns null to stay silent.
 */
const FIELDS: Record<string, Describe> = {
  from: (v, type, p) => {
    if (STATUS_BY_TYPE[type]) return `Statut : ${label(STATUS_BY_TYPE[type], v)} → ${label(STATUS_BY_TYPE[type], p.to)}`;
    if (type === "irritant.duplicate_absorbed") return `Doublon absorbé : signalement n° ${String(v)}`;
    if (type === "action.deadline_changed") return `Échéance : ${quoted(v)} → ${quoted(p.to)}`;
    if (type === "theme.updated") return `Libellé : ${quoted(v)} → ${quoted(p.to)}`;
    return `De ${quoted(v)} à ${quoted(p.to)}`;
  },
  to: (v, type, p) => (p.from !== undefined ? null : type === "workshop.status_changed" ? `Statut : ${label(WORKSHOP_STATUS_LABELS, v)}` : `Vers ${quoted(v)}`),
  cause: (v) => label(CAUSES, v),
  themes: (v, _t, _p, names) => (Array.isArray(v) ? (v.length ? `Thèmes : ${v.map((s) => names.theme(String(s))).join(", ")}` : "Aucun thème") : null),
  themeSource: (v) => label(THEME_SOURCES, v),
  redacted: (v) => (num(v) ? counted(num(v), "passage masqué (données de patient)", "passages masqués (données de patient)") : null),
  lane: (v) => `Soutien ${label(LANES, v)}`,
  commentId: (v) => `Commentaire n° ${String(v)}`,
  reason: (v, type) =>
    type === "irritant.purged" ? "Durée de conservation dépassée" : type === "attachment.removed" ? `Motif : ${label(ATTACHMENT_REMOVALS, v)}` : v ? `Motif : ${String(v)}` : null,
  owner: (v) => `Joint ${label(ATTACHMENT_OWNERS, v)}`,
  areas: (v) => counted(num(v), "zone masquée à la main", "zones masquées à la main"),
  pages: (v) => counted(num(v), "page", "pages"),
  into: (v) => `Regroupé dans le signalement n° ${String(v)}`,
  actionId: (v) => `Action n° ${String(v)}`,
  title: (v) => (v ? `Titre : ${quoted(v)}` : null),
  field: (v) => `Champ : ${label(MASKED_FIELDS, v)}`,
  occurrences: (v) => counted(num(v), "occurrence", "occurrences"),
  characters: (v) => counted(num(v), "caractère", "caractères"),
  irritantId: (v) => `Signalement n° ${String(v)}`,
  productId: (v, _t, _p, names) => `Logiciel : ${names.product(num(v))}`,
  vendorId: (v, _t, _p, names) => `Éditeur : ${names.vendor(num(v))}`,
  messageId: (v) => `Message n° ${String(v)}`,
  visibility: (v) => label(VISIBILITIES, v),
  resolution: (v) => `Résolution : ${label(RESOLUTION_LABELS, v)}`,
  version: (v, type) => (v === null || v === undefined ? null : type === "questionnaire.version_created" ? `Version n° ${String(v)}` : `Version : ${String(v)}`),
  answer: (v) => `Réponse : ${label(FIX_ANSWER_LABELS, v)}`,
  denials: (v) => counted(num(v), "réponse « non »", "réponses « non »"),
  toTicketId: (v) => `Nouveau ticket n° ${String(v)}`,
  toProductId: (v, _t, _p, names) => `Vers le logiciel : ${names.product(num(v))}`,
  irritantIds: (v) => (Array.isArray(v) ? counted(v.length, "signalement lié", "signalements liés") : null),
  direction: (v) => `Déplacé ${label(DIRECTIONS, v)}`,
  done: (v, _t, p) => `Étapes faites : ${num(v)} sur ${num(p.total)}`,
  responsibleId: (v) => `Responsable : compte n° ${String(v)}`,
  weeks: (v) => `Sans nouvelles depuis ${counted(num(v), "semaine", "semaines")} ou plus`,
  since: (v) => (typeof v === "string" ? `Dernière nouvelle du statut : ${formatDate(v)}` : null),
  created: (v) => counted(num(v), "action créée", "actions créées"),
  updated: (v) => counted(num(v), "action mise à jour", "actions mises à jour"),
  slug: (v) => `Adresse : ${String(v)}`,
  invitationIds: (v) => (Array.isArray(v) ? counted(v.length, "invitation", "invitations") : null),
  item: (v) => `Question : ${String(v)}`,
  groups: (v) => (Array.isArray(v) ? `Groupes : ${v.map((g) => label(VENDOR_GROUP_LABELS, g)).join(", ")}` : null),
  recipients: (v) => counted(num(v), "destinataire", "destinataires"),
  remindedAt: (v) => (typeof v === "string" ? `Relance du ${formatDateTime(v)}` : null),
  count: (v) => counted(num(v), "valeur", "valeurs"),
  label: (v) => `Libellé : ${quoted(v)}`,
  concept: (v) => `Concept : ${String(v)}`,
  previous: (v) => (Array.isArray(v) ? `Avant : ${v.map(quoted).join(", ")}` : null),
  terms: (v) => (Array.isArray(v) ? `Termes : ${v.map(quoted).join(", ")}` : null),
  // An action's steps say it with done; otherwise a reindex's size.
  total: (v, type) => (type === "action.steps_updated" ? null : counted(num(v), "signalement à réindexer", "signalements à réindexer")),
  retired: (v) => yes(v, "thème retiré"),
  name: (v) => `Nom : ${quoted(v)}`,
  role: (v) => `Rôle : ${label(ROLE_LABELS, v)}`,
  via: (v, type) => (type === "irritant.collected" ? `Recueilli ${label(COLLECTION_CHANNEL_LABELS, v)}` : label(VIAS, v)),
  account: (v) => yes(v, "pour un compte existant", "pour une personne sans compte"),
  masked: (v) => counted(num(v), "passage masqué", "passages masqués"),
  what: (v) => label(BLOCK_EDITS, v),
  signupLink: () => "par un lien d'inscription",
  tokensRevoked: (v) => counted(num(v), "jeton d'API révoqué", "jetons d'API révoqués"),
  tokensKept: (v) => yes(v, "jetons d'API conservés"),
  u: () => null, // the account is the event's subject
  s: () => "lien de désabonnement d'un e-mail",
  i: () => null,
  k: (v) => `Désabonnement : ${kindLabel(String(v))}`,
  date: (v) => (typeof v === "string" ? `Date : ${formatDate(v)}` : null),
  slotId: (v) => `Séquence n° ${String(v)}`,
  kind: (v) => `Type : ${label(SLOT_KIND_LABELS, v)}`,
  registrationId: (v) => `Inscription n° ${String(v)}`,
  side: (v) => `Côté : ${label(SIDE_LABEL_ONE, v)}`,
  workshops: (v) => (Array.isArray(v) ? (v.length ? `Ateliers n° ${v.join(", ")}` : "Aucun atelier") : null),
  guest: (v) => yes(v, "sans compte", "avec un compte"),
  confirmed: (v) => yes(v, "confirmée", "à confirmer"),
  verbatimId: (v) => `Citation n° ${String(v)}`,
  published: (v) => yes(v, "publiée", "non publiée"),
  positives: (v) => counted(num(v), "point positif", "points positifs"),
  improvements: (v) => counted(num(v), "piste d'amélioration", "pistes d'amélioration"),
  campaign: (v) => (v ? `Questionnaire : ${String(v)}` : null),
  source: (v, _t, p) => `Depuis : ${label(KINDS, v)} n° ${String(p.sourceId)}`,
  sourceId: () => null,
  targetKind: (v, _t, p) => `Devenu : ${label(KINDS, v)} n° ${String(p.targetId)}`,
  targetId: (v, _t, p) => (p.targetKind === undefined ? `Sur : ${label(KINDS, p.target)} n° ${String(v)}` : null),
  target: () => null,
  linkedKind: (v, _t, p) => `Lien : ${label(KINDS, v)} n° ${String(p.linkedId)}`,
  linkedId: () => null,
  seminarId: (v) => `Séminaire n° ${String(v)}`,
  number: (v) => `Atelier n° ${String(v)}`,
  cardId: (v) => `Carte n° ${String(v)}`,
  clusterId: (v) => (v === "new" ? "Vers un nouveau regroupement" : v === null ? "Sortie de son regroupement" : `Vers le regroupement n° ${String(v)}`),
};

/** The payload fields that have a French reading. */
export const AUDIT_DETAIL_KEYS = new Set(Object.keys(FIELDS));

/** The records whose keys are data, not fields: notification choices and settings. */
function describeRecord(type: string, payload: Record<string, unknown>) {
  const entries = Object.entries(payload).filter(([, v]) => v !== undefined);
  if (type === "user.notification_preferences_changed") return entries.map(([kind, mode]) => `${kindLabel(kind)} : ${label(MODES, mode)}`).join(" · ");
  if (type === "settings.updated") return entries.length ? counted(entries.length, "réglage modifié", "réglages modifiés") : "";
  if (type === "campaign.invitations_created") return "";
  return null;
}

/** The details of an event in French, for the audit log and its CSV: "Statut : Nouveau → Qualifié". */
export function describeAuditDetails(type: string, payload: Record<string, unknown> | null, names: AuditNames) {
  const fields = payload ?? {};
  const record = describeRecord(type, fields);
  if (record !== null) return record.slice(0, 300);
  return Object.entries(fields)
    .flatMap(([key, value]) => {
      const describe = FIELDS[key];
      const text = describe ? describe(value, type, fields, names) : null;
      return text ? [text] : [];
    })
    .join(" · ")
    .slice(0, 300);
}
