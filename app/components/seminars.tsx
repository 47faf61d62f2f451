import { Link, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { TableRegion } from "~/components/table-region";
import { formatDate } from "~/lib/dates";
import type { ActionStatus } from "~/modules/action-plan";
import type { IrritantStatus } from "~/modules/irritants";
import { type Balance, DETAIL_LABELS, SIDE_LABELS, type Side } from "~/modules/seminars";
import { StatusBadge } from "~/components/status-badge";
import { plural } from "~/lib/text/plural";

export const seminarDate = (date: string) => formatDate(date + "T12:00:00Z");

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The balance of the triangle as a table: one row per side, with the details inside the sides. */
export function BalanceTable({ balance, caption }: { balance: Balance; caption: string }) {
  const details = (side: Side) =>
    side === "practitioner"
      ? `${balance.details.vip} ${DETAIL_LABELS.vip}, ${balance.details.other} ${DETAIL_LABELS.other}`
      : side === "vendor"
        ? `${balance.details.sons} SONS, ${balance.details["non-sons"]} hors SONS`
        : "";
  return (
    <div className="mb-4">
      <TableRegion label={caption}>
        <table>
          <caption className="text-left font-bold">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Côté</th>
              <th scope="col">Inscrits</th>
              <th scope="col">Part</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {balance.sides.map((s) => (
              <tr key={s.side}>
                <th scope="row">{SIDE_LABELS[s.side]}</th>
                <td>{s.count}</td>
                <td>{balance.total ? percent(s.share) : "—"}</td>
                <td>{details(s.side)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{balance.total}</td>
              <td colSpan={2}></td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      {balance.warnings.length ? (
        <ul className="mt-2 list-disc pl-6 text-sm">
          {balance.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A QR code drawn on the server as one SVG path. */
export function QrCode({ d, size, label }: { d: string; size: number; label: string }) {
  return (
    <svg viewBox={`0 0 ${size} ${size}`} width="200" height="200" role="img" aria-label={label} className="bg-white" shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

type Outcome = {
  id: number;
  workshopNumber: number;
  source: { kind: "card" | "cluster"; label: string };
  kind: "irritant" | "action";
  targetId: number;
  title: string;
  status: string;
  published: boolean;
  deadlineLabel: string | null;
  overdue: boolean;
};

/** What came out of the workshops, and what became of it: each item with its current status. */
export function OutcomeList({ outcomes, hiddenIrritants, team = false }: { outcomes: Outcome[]; hiddenIrritants: number; team?: boolean }) {
  if (!outcomes.length && !hiddenIrritants) return <p>Rien n'a encore été versé au plan d'action ni aux signalements depuis ce séminaire.</p>;
  return (
    <>
      <ul className="grid gap-3">
        {outcomes.map((o) => (
          <li key={o.id} className="card">
            <p className="mb-1 text-sm text-gris-600">
              Atelier {o.workshopNumber} · {o.source.kind === "cluster" ? "regroupement" : "carte"} « {o.source.label} »
            </p>
            <p className="mb-1">
              {o.kind === "irritant" ? "Signalement" : "Action du plan"}{" "}
              <Link to={o.kind === "irritant" ? (team ? `/equipe/signalements/${o.targetId}` : `/signalements/${o.targetId}`) : `/plan-action/${o.targetId}`}>
                n°{o.targetId} — {o.title}
              </Link>
            </p>
            <p className="mb-0 text-sm">
              Où en est-on :{" "}
              {o.kind === "irritant" ? <StatusBadge kind="irritant" status={o.status as IrritantStatus} /> : <StatusBadge kind="action" status={o.status as ActionStatus} />}
              {o.deadlineLabel ? ` · échéance ${o.deadlineLabel}` : ""}
              {o.overdue ? " · en retard" : ""}
              {team && o.kind === "irritant" && !o.published ? " · non publié" : ""}
            </p>
          </li>
        ))}
      </ul>
      {hiddenIrritants ? (
        <p className="mt-2 text-sm">
          {hiddenIrritants} {plural(hiddenIrritants, "autre", "autres")} {plural(hiddenIrritants, "signalement", "signalements")} {plural(hiddenIrritants, "issu", "issus")} de ce séminaire {plural(hiddenIrritants, "est", "sont")} en cours d'instruction.
        </p>
      ) : null}
    </>
  );
}

/**
 * Live board: asks the server every few seconds for the board's revision (a tiny JSON answer) and reloads
 * the page's data only when it changed. Paused while the tab is hidden. Without JavaScript, the page offers
 * an "Actualiser" link instead.
 */
export function useLiveRevision(url: string, revision: number, intervalMs = 2500) {
  const revalidator = useRevalidator();
  const current = useRef(revision);
  current.current = revision;
  const state = useRef(revalidator.state);
  state.current = revalidator.state;
  useEffect(() => {
    if (!url) return;
    let stopped = false;
    const tick = async () => {
      if (stopped || document.hidden || state.current !== "idle") return;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { revision?: number };
        if (!stopped && typeof body.revision === "number" && body.revision !== current.current) revalidator.revalidate();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = window.setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, intervalMs]);
}

