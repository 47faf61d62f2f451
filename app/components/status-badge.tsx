import { ACTION_STATUS_LABELS, type ActionStatus } from "~/modules/action-plan";
import { statusLabel, type IrritantStatus } from "~/modules/irritants";
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from "~/modules/surveys";
import { TICKET_STATUS_LABELS, type TicketStatus } from "~/modules/tickets";

/**
 * The one status badge (DSFR `fr-badge`): every status is a word on its own colour, never an emoji (they render as
 * empty boxes without an emoji font). System colours carry an icon in the DSFR; statuses drop it, the word says it.
 */
type Props =
  | { kind: "irritant"; status: IrritantStatus; fixAnnounced?: boolean }
  | { kind: "ticket"; status: TicketStatus }
  | { kind: "action"; status: ActionStatus }
  | { kind: "campaign"; status: CampaignStatus };

/** `fr-badge--…` variant by status; "" is the DSFR's neutral grey. */
const IRRITANT_COLOURS: Record<IrritantStatus | "fix_announced", string> = {
  new: "new",
  triaged: "purple-glycine",
  forwarded: "blue-cumulus",
  in_progress: "info",
  fix_announced: "green-menthe",
  resolved: "success",
  wont_fix: "error",
  duplicate: "",
};
const TICKET_COLOURS: Record<TicketStatus, string> = {
  open: "new",
  acknowledged: "blue-cumulus",
  answered: "info",
  needs_info: "warning",
  resolved: "success",
  closed: "",
};
const ACTION_COLOURS: Record<ActionStatus, string> = { "a-lancer": "new", "en-cours": "info", fait: "success", abandonne: "" };
const CAMPAIGN_COLOURS: Record<CampaignStatus, string> = { draft: "", open: "success", closed: "info", published: "purple-glycine" };

/** The colour and the words of a status. */
export function statusBadgeOf(props: Props): { colour: string; label: string } {
  switch (props.kind) {
    case "irritant":
      return { colour: IRRITANT_COLOURS[props.fixAnnounced && props.status === "resolved" ? "fix_announced" : props.status], label: statusLabel(props) };
    case "ticket":
      return { colour: TICKET_COLOURS[props.status], label: TICKET_STATUS_LABELS[props.status] };
    case "action":
      return { colour: ACTION_COLOURS[props.status], label: ACTION_STATUS_LABELS[props.status] };
    case "campaign":
      return { colour: CAMPAIGN_COLOURS[props.status], label: CAMPAIGN_STATUS_LABELS[props.status] };
  }
}

export function StatusBadge(props: Props & { className?: string }) {
  const { colour, label } = statusBadgeOf(props);
  return <Badge colour={colour} label={label} className={props.className} />;
}

/** A plain badge for what is not a status (published or not, late…), same look. */
export function Badge({ colour = "", label, className }: { colour?: string; label: string; className?: string }) {
  return <span className={["fr-badge fr-badge--sm fr-badge--no-icon", colour ? `fr-badge--${colour}` : "", className ?? ""].filter(Boolean).join(" ")}>{label}</span>;
}

export function OverdueBadge() {
  return <Badge colour="error" label="En retard" className="ml-1" />;
}
