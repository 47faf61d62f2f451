import { DATASETS, openDataRows } from "~/modules/progress/index.server";

export function loader() {
  return Response.json(
    { generatedAt: new Date().toISOString(), licence: "Licence Ouverte / Open Licence 2.0", datasets: DATASETS, rows: openDataRows() },
    { headers: { "Content-Disposition": 'inline; filename="sentinelle-donnees.json"' } },
  );
}
