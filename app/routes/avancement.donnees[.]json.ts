import { DATASETS, openDataIndicators, openDataRows } from "~/modules/progress/index.server";

export function loader() {
  return Response.json(
    { generatedAt: new Date().toISOString(), licence: "Licence Ouverte / Open Licence 2.0", datasets: DATASETS, indicators: openDataIndicators(), rows: openDataRows() },
    { headers: { "Content-Disposition": 'inline; filename="sentinelle-donnees.json"' } },
  );
}
