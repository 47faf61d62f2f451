import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { type CampaignResults, getSnapshot } from "~/modules/surveys/index.server";

// Published snapshots only: the figures never change after publication.
export function loader({ params }: LoaderFunctionArgs) {
  return withApiErrors(() => {
    const row = getSnapshot(params.slug ?? "");
    const results = row.snapshot.results as CampaignResults;
    return Response.json({ ...results, publishedAt: row.snapshot.publishedAt, method: row.snapshot.method });
  });
}
