import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { orErrorPage } from "~/lib/errors";
import { formatDateTime } from "~/lib/dates";
import { parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listIrritants, updateIrritant } from "~/modules/irritants/irritants.server";
import { changeStatusSchema, irritantStatusSchema } from "~/modules/irritants/schemas";
import { IRRITANT_STATUSES, STATUS_LABELS } from "~/modules/irritants/statuses";

export const meta: MetaFunction = () => [{ title: "Tri des signalements — Sentinelle" }];

const querySchema = z.object({
  statut: irritantStatusSchema.optional().catch(undefined),
  apres: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...listIrritants(user, { status: query.statut, cursor: query.apres }), status: query.statut ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const { submission } = await parseForm(request, changeStatusSchema);
  if (submission.status !== "success") {
    return data({ ok: false as const, message: "Statut invalide : choisissez un statut dans la liste." }, { status: 422 });
  }
  const { irritantId, status } = submission.value;
  orErrorPage(() => updateIrritant(user, irritantId, { status }));
  return { ok: true as const, message: `Le signalement n°${irritantId} est maintenant « ${STATUS_LABELS[status]} ».` };
}

export default function TriageQueue() {
  const { items, nextCursor, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div>
      <h1>Tri des signalements</h1>
      {actionData ? (
        <div role={actionData.ok ? "status" : "alert"} className={`alert ${actionData.ok ? "alert-success" : "alert-error"}`}>
          <p className="mb-0">{actionData.message}</p>
        </div>
      ) : null}
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="filtre-statut" className="label">
            Statut
          </label>
          <select id="filtre-statut" name="statut" defaultValue={status ?? ""} className="input">
            <option value="">Tous les statuts</option>
            {IRRITANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Filtrer
        </button>
      </Form>
      {items.length === 0 ? (
        <p>Aucun signalement pour ce filtre.</p>
      ) : (
        <table className="table">
          <caption className="sr-only">Signalements à trier, du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Signalement</th>
              <th scope="col">Reçu le</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.id}</td>
                <td>
                  <Link to={`/signalements/${item.id}`}>{item.title}</Link>
                  <div className="text-sm text-gris-600">
                    {item.themes.map((t) => t.label).join(" · ")} — {item.lane === "patient" ? "patient" : "professionnel"}
                    {item.authorName ? `, ${item.authorName}` : ""}
                    {item.published ? " — publié" : ""}
                  </div>
                </td>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>
                  <Form method="post" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="irritantId" value={item.id} />
                    <label htmlFor={`statut-${item.id}`} className="sr-only">
                      Statut du signalement n°{item.id}
                    </label>
                    <select id={`statut-${item.id}`} name="status" defaultValue={item.status} className="input w-auto">
                      {IRRITANT_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="btn btn-secondary" disabled={navigation.state === "submitting"}>
                      Enregistrer<span className="sr-only"> le statut du n°{item.id}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? (
        <p className="mt-6">
          <Link to={`?${new URLSearchParams({ ...(status ? { statut: status } : {}), apres: String(nextCursor) })}`}>Signalements plus anciens</Link>
        </p>
      ) : null}
    </div>
  );
}
