import { toActionPlanCsv } from "~/modules/action-plan/csv";
import { exportPlanRows } from "~/modules/action-plan/import.server";

export function loader() {
  return new Response(toActionPlanCsv(exportPlanRows()), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="plan-action-sentinelle.csv"' },
  });
}
