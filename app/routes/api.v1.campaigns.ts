import { withApiErrors } from "~/lib/errors";
import { listCampaigns } from "~/modules/surveys/index.server";

export function loader() {
  return withApiErrors(() =>
    Response.json({
      items: listCampaigns({ publicOnly: true }).map((c) => ({ slug: c.slug, title: c.title, wave: c.wave, status: c.status, opensAt: c.opensOn, closesAt: c.closesOn })),
    }),
  );
}
