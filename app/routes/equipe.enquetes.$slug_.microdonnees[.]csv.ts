import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors";
import { requirePermission } from "~/lib/permissions.server";
import { campaignMicrodata } from "~/modules/surveys/index.server";

/** Anonymised microdata for statisticians: no free text, no respondent id, small cells masked (see the module). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  const slug = params.slug ?? "";
  return csvResponse(orErrorPage(() => campaignMicrodata(slug)), `microdonnees-${slug}.csv`);
}
