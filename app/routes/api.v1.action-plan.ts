import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { getPlan } from "~/modules/action-plan/index.server";
import { planFiltersSchema } from "~/modules/action-plan";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { vue: _view, au, ...filters } = readQuery(request, planFiltersSchema);
    const asOf = au ?? new Date().toISOString().slice(0, 10);
    const workstreams = getPlan({ ...filters, asOf, withResponsible: true }).map((ws) => ({
      id: ws.id,
      title: ws.title,
      challenges: ws.challenges.map((ch) => ({
        id: ch.id,
        title: ch.title,
        progress: { done: ch.progress.done, total: ch.progress.total },
        actions: ch.actions.map((a) => ({
          id: a.id,
          title: a.title,
          lead: a.lead,
          leadOrganisations: a.organisations.lead,
          coLeadOrganisations: a.organisations.coLead,
          responsible: a.responsible ? { name: a.responsible } : null,
          deadline: { label: a.deadline.label, due: a.deadline.due },
          status: a.status,
          wave: a.wave,
          overdue: a.overdue,
          themes: a.themes.map((t) => t.slug),
          irritantIds: a.irritantIds,
          steps: a.steps.map((s) => ({ title: s.title, status: s.status })),
          progress: { done: a.progress.done, total: a.progress.total },
        })),
      })),
    }));
    return Response.json({ asOf, workstreams });
  });
}
