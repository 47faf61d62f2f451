import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { RESOLUTION_LABELS, type Resolution, type TicketStatus } from "~/modules/tickets";
import { TableRegion } from "~/components/table-region";
import { StatusBadge } from "~/components/status-badge";
import { plural } from "~/lib/text/plural";

type Row = {
  id: number;
  irritantTitle: string;
  supportCount: number;
  productName: string;
  vendorName: string;
  status: TicketStatus;
  resolution: Resolution | null;
  openedAt: string;
  firstResponseDue: string;
  resolutionDue: string;
  firstResponseOverdue: boolean;
  resolutionOverdue: boolean;
};

/** The ticket table of the vendor inbox and of the team's view. */
export function TicketTable({ items, showVendor }: { items: Row[]; showVendor: boolean }) {
  if (items.length === 0) return <p>Aucun ticket pour ce filtre.</p>;
  return (
    <TableRegion label="Tickets">
      <table>
        <caption className="sr-only">Tickets, du plus récent au plus ancien</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Signalement</th>
            {showVendor ? <th scope="col">Éditeur</th> : null}
            <th scope="col">Statut</th>
            <th scope="col">Échéances</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              <td>{t.id}</td>
              <td>
                <Link to={`/editeur/tickets/${t.id}`}>{t.irritantTitle}</Link>
                <div className="text-sm text-gris-600">
                  {t.productName} · {t.supportCount} {plural(t.supportCount, "soutien", "soutiens")} · ouvert le {formatDate(t.openedAt)}
                </div>
              </td>
              {showVendor ? <td>{t.vendorName}</td> : null}
              <td>
                <StatusBadge kind="ticket" status={t.status} />
                {t.resolution ? <div className="text-sm text-gris-600">{RESOLUTION_LABELS[t.resolution]}</div> : null}
              </td>
              <td className="text-sm">
                <div>
                  1re réponse : {formatDate(t.firstResponseDue + "T12:00:00Z")}
                  {t.firstResponseOverdue ? <strong className="ml-1 text-rouge-fonce">en retard</strong> : null}
                </div>
                <div>
                  Résolution : {formatDate(t.resolutionDue + "T12:00:00Z")}
                  {t.resolutionOverdue ? <strong className="ml-1 text-rouge-fonce">en retard</strong> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type Card = {
  vendorId: number;
  vendorName: string;
  ticketCount: number;
  medianFirstResponseDays: number | null;
  respondedWithinTargetRate: number | null;
  resolutionRate: number | null;
  confirmationRate: number | null;
};

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);
const days = (v: number | null) => (v === null ? "—" : `${String(v).replace(".", ",")} j ouvrés`);

export function ScorecardTable({ cards, caption }: { cards: Card[]; caption: string }) {
  if (cards.length === 0) return <p>Aucun ticket pour l'instant.</p>;
  return (
    <TableRegion label={caption}>
      <table>
        <caption className="mb-2 text-left font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Éditeur</th>
            <th scope="col">Tickets reçus</th>
            <th scope="col">Délai médian de 1re réponse</th>
            <th scope="col">Réponses dans le délai</th>
            <th scope="col">Taux de résolution</th>
            <th scope="col">Corrections confirmées</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.vendorId}>
              <th scope="row">{c.vendorName}</th>
              <td>{c.ticketCount}</td>
              <td>{days(c.medianFirstResponseDays)}</td>
              <td>{percent(c.respondedWithinTargetRate)}</td>
              <td>{percent(c.resolutionRate)}</td>
              <td>{percent(c.confirmationRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
