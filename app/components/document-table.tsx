// The register's document types × channels × dates table (the register's pages only: it keeps TableRegion and the
// channel labels out of the pages that only list linked obligations).
import { TableRegion } from "~/components/table-region";
import { CHANNEL_LABELS } from "~/modules/regulation";

const mark = (yes: boolean) => (yes ? "Oui" : "Non");

type Row = { documentType: string; dmp: boolean; mssProfessionals: boolean; mssPatient: boolean; effectiveLabel: string };

/** The document types × channels × dates table, in a named region that scrolls sideways on a phone. */
export function DocumentTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">{CHANNEL_LABELS.dmp}</th>
            <th scope="col">{CHANNEL_LABELS.mssProfessionals}</th>
            <th scope="col">{CHANNEL_LABELS.mssPatient}</th>
            <th scope="col">Date d'entrée en vigueur de l'obligation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.documentType}>
              <th scope="row" className="font-normal">
                {r.documentType}
              </th>
              <td>{mark(r.dmp)}</td>
              <td>{mark(r.mssProfessionals)}</td>
              <td>{mark(r.mssPatient)}</td>
              <td>{r.effectiveLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
