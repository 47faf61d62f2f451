import { ACTION_STATUS_LABELS, type ActionStatus } from "~/modules/action-plan";

const STATUS_STYLES: Record<ActionStatus, string> = {
  "a-lancer": "bg-gris-100 text-gris-900",
  "en-cours": "bg-bleu-clair text-bleu",
  fait: "bg-[#b8fec9] text-[#18753c]",
  abandonne: "bg-gris-200 text-gris-700",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-bold ${STATUS_STYLES[status]}`}>{ACTION_STATUS_LABELS[status]}</span>;
}

export function OverdueBadge() {
  return <span className="ml-1 inline-block rounded bg-[#ffe9e9] px-2 py-0.5 text-sm font-bold text-rouge-fonce">En retard</span>;
}
