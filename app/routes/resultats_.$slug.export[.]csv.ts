import { csvResponse } from "~/lib/csv";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orErrorPage } from "~/lib/errors";
import { type CampaignResults, getSnapshot } from "~/modules/surveys/index.server";
import { resultsToCsv } from "~/modules/surveys";

// Served at /resultats/:slug.csv (server.ts maps that address here: route paths cannot mix a parameter and a suffix).
export function loader({ params }: LoaderFunctionArgs) {
  const row = orErrorPage(() => getSnapshot(params.slug ?? ""));
  return csvResponse(resultsToCsv(row.snapshot.results as CampaignResults), `resultats-${row.slug}.csv`);
}
