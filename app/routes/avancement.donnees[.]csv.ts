import { csvResponse } from "~/lib/csv";
import { openDataCsv, openDataRows } from "~/modules/progress/index.server";

export function loader() {
  return csvResponse(openDataCsv(openDataRows()), "sentinelle-donnees.csv");
}
