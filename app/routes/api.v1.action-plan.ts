import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { getPlan } from "~/modules/action-plan/index.server";
import { planFiltersSchema } from "~/modules/action-plan";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { vue: _view, ...filters } = readQuery(request, planFiltersSchema);
    const workstreams = getPlan(filters).map((ws) => ({
      id: ws.id,
      title: ws.title,
      challenges: ws.challenges.map((ch) => ({
        id: ch.id,
        title: ch.title,
        actions: ch.actions.map((a) => ({
          id: a.id,
          title: a.title,
          lead: a.lead,
          deadline: { label: a.deadline.label, due: a.deadline.due },
          status: a.status,
          wave: a.wave,
          overdue: a.overdue,
          themes: a.themes.map((t) => t.slug),
          irritantIds: a.irritantIds,
        })),
      })),
    }));
    return Response.json({ workstreams });
  });
}
