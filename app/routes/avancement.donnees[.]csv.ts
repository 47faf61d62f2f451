import { openDataCsv, openDataRows } from "~/modules/progress/open-data.server";

export function loader() {
  return new Response(openDataCsv(openDataRows()), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="sentinelle-donnees.csv"' },
  });
}
