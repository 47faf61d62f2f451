import { ACTION_STATUS_LABELS, type ActionStatus } from "~/modules/action-plan";

/** DSFR badge variants (fr-badge) by status: words and colours, no emoji. */
const STATUS_BADGES: Record<ActionStatus, string> = {
  "a-lancer": "fr-badge--new",
  "en-cours": "fr-badge--info",
  fait: "fr-badge--success",
  abandonne: "",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return <span className={`fr-badge fr-badge--sm ${STATUS_BADGES[status]}`}>{ACTION_STATUS_LABELS[status]}</span>;
}

export function OverdueBadge() {
  return <span className="fr-badge fr-badge--sm fr-badge--error ml-1">En retard</span>;
}
