import { csvResponse } from "~/lib/csv";
import { toActionPlanCsv } from "~/modules/action-plan";
import { exportPlanRows } from "~/modules/action-plan/index.server";

export function loader() {
  return csvResponse(toActionPlanCsv(exportPlanRows()), "plan-action-sentinelle.csv");
}
