import type { Role } from "#db/schema";

/** Kinds of notification a person can choose how to receive by e-mail. Account e-mails are not among them. */
const NOTIFICATION_KINDS = [
  { value: "ticket", label: "Nouveaux tickets et tickets rouverts de votre organisation", roles: ["vendor"] },
  { value: "reply", label: "Réponses et résolutions des éditeurs sur les signalements que vous suivez", roles: ["practitioner", "patient", "team", "admin"] },
  { value: "fix_check", label: "Demandes « est-ce corrigé pour vous ? »", roles: ["practitioner", "patient", "team", "admin"] },
  { value: "irritant_status", label: "Changements de statut et regroupements des signalements que vous suivez", roles: ["practitioner", "patient", "team", "admin", "vendor"] },
  { value: "action", label: "Actions du plan que vous suivez : réalisées ou échéance déplacée", roles: ["practitioner", "patient", "team", "admin", "vendor"] },
  { value: "progress", label: "Nouveaux points d'étape sur les thèmes que vous suivez", roles: ["practitioner", "patient", "team", "admin", "vendor"] },
  { value: "survey", label: "Invitations et relances des questionnaires", roles: ["practitioner", "patient", "vendor"] },
  { value: "announcement", label: "Annonces de l'équipe programme aux éditeurs (webinaires, calendrier)", roles: ["vendor"] },
] as const satisfies readonly { value: string; label: string; roles: readonly Role[] }[];

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]["value"];
export const NOTIFICATION_KIND_VALUES = NOTIFICATION_KINDS.map((k) => k.value) as [NotificationKind, ...NotificationKind[]];

export const DELIVERY_MODES = [
  { value: "immediate", label: "Par e-mail, tout de suite" },
  { value: "digest", label: "Dans un résumé quotidien" },
  { value: "none", label: "Pas d'e-mail (seulement dans Sentinelle)" },
] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number]["value"];
export const DELIVERY_MODE_VALUES = DELIVERY_MODES.map((m) => m.value) as [DeliveryMode, ...DeliveryMode[]];

export function kindsForRole(role: Role) {
  return NOTIFICATION_KINDS.filter((k) => (k.roles as readonly Role[]).includes(role));
}

export function kindLabel(kind: string) {
  return NOTIFICATION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}
