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

/**
 * Progress of steps: a bar (a native progress element, coloured as the DSFR's blue) and its text equivalent beside it,
 * "3 étapes sur 5", which is also the bar's accessible name. Nothing when there is no step.
 */
export function StepProgress({ progress, label }: { progress: { done: number; total: number; text: string }; label: string }) {
  if (!progress.total) return null;
  return (
    <div className="step-progress my-2 flex items-center gap-2">
      <progress max={progress.total} value={progress.done} aria-label={`${label} : ${progress.text}`} className="h-2 w-24 shrink-0 accent-bleu" />
      <span className="text-sm">{progress.text}</span>
    </div>
  );
}
