import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { FieldError, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { FilterSelect } from "~/components/filters";
import { Notice } from "~/components/notice";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/dates";
import { HttpError, orErrorPage } from "~/lib/errors";
import { parseOrThrow } from "~/lib/api.server";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import {
  type DigitReview,
  bulkUpdateIrritants,
  digitSequencesToReview,
  listIrritants,
  listThemes,
} from "~/modules/irritants/index.server";
import {
  IRRITANT_STATUSES,
  PATIENT_SUBJECTS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  bulkTriageSchema,
  triageQueueFiltersSchema,
} from "~/modules/irritants";
import { DigitWarning } from "~/components/digit-warning";
import { TableRegion } from "~/components/table-region";
import { StatusBadge } from "~/components/status-badge";
import { Pagination } from "~/components/pagination";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Tri des signalements — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = orErrorPage(() => parseOrThrow(triageQueueFiltersSchema, params, "Filtres invalides."));
  const page = orErrorPage(() => listIrritants(user, filters));
  return { ...page, filters, themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

const BULK_CHANGES = {
  triaged: { status: "triaged" },
  in_progress: { status: "in_progress" },
  wont_fix: { status: "wont_fix" },
  publish: { published: true },
  unpublish: { published: false },
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  return formAction(request, bulkTriageSchema, ({ ids, bulk, confirm }) => {
    // Long digit sequences may identify a patient: publishing them takes an explicit "Publier quand même".
    const review = bulk === "publish" && !confirm ? digitSequencesToReview(ids) : [];
    if (review.length) {
      const message = `Aucun signalement publié : ${review.length === 1 ? "un signalement contient" : `${review.length} signalements contiennent`} encore une longue suite de chiffres, qui peut identifier un patient. Vérifiez avant de publier.`;
      throw new HttpError(409, message, undefined, undefined, undefined, { review, ids });
    }
    const results = bulkUpdateIrritants(user, ids, BULK_CHANGES[bulk]);
    return { message: `${results.length} ${plural(results.length, "signalement", "signalements")} mis à jour.` };
  });
}

type DigitRefusal = { review?: DigitReview[]; ids?: number[] };

export default function TriageQueue() {
  const { items, nextCursor, filters, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData as DigitRefusal | undefined;
  const [form, fields] = useActionForm(bulkTriageSchema, { actionData });
  return (
    <div>
      <h1>Tri des signalements</h1>
      <p>
        <Link to="/equipe/themes">Gérer les thèmes et leurs mots-clés</Link>
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {refusal?.review ? <DigitWarning review={refusal.review} hidden={{ bulk: "publish", ids: (refusal.ids ?? []).map(String) }} /> : null}
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4 bg-gris-100 p-4" aria-label="Filtrer la file">
        <FilterSelect
          id="filtre-statut"
          name="status"
          label="Statut"
          value={filters.view}
          options={[
            { value: "new", label: "À trier" },
            ...IRRITANT_STATUSES.filter((s) => s !== "new").map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            { value: "tous", label: "Tous les statuts" },
          ]}
        />
        <FilterSelect id="filtre-theme" name="theme" label="Thème" allLabel="Tous les thèmes" value={filters.theme ?? ""} options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <FilterSelect
          id="filtre-service"
          name="subject"
          label="Service (patients)"
          allLabel="Tous les services"
          value={filters.subject ?? ""}
          options={Object.entries(PATIENT_SUBJECTS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <div>
          <label htmlFor="filtre-q" className="label">
            Recherche
          </label>
          <input id="filtre-q" name="q" type="search" defaultValue={filters.q ?? ""} className="fr-input" />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Filtrer
        </button>
      </Form>
      {items.length === 0 ? (
        <p>{filters.view === "new" ? "Aucun signalement à trier : tout est traité." : "Aucun signalement pour ce filtre."}</p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors form={form} />
          <TableRegion label={filters.view === "new" ? "Signalements à trier" : "Signalements"}>
            <table>
              <caption className="sr-only">{filters.view === "new" ? "Signalements à trier" : "Signalements"}, du plus récent au plus ancien</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">Sélection</span>
                  </th>
                  <th scope="col">N°</th>
                  <th scope="col">Signalement</th>
                  <th scope="col">Soutiens</th>
                  <th scope="col">Reçu le</th>
                  <th scope="col">Statut</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <input type="checkbox" name={fields.ids.name} value={item.id} id={`choix-${item.id}`} className="size-4" aria-label={`Sélectionner le n°${item.id}`} />
                    </td>
                    <td>{item.id}</td>
                    <td>
                      <Link to={`/equipe/signalements/${item.id}`}>{item.title}</Link>
                      <div className="text-sm text-gris-600">
                        {item.themes.map((t) => `${t.label}${t.source === "team" ? " (confirmé)" : ""}`).join(" · ")} —{" "}
                        {item.lane === "patient" ? "patient" : "professionnel"}
                        {item.subject ? ` · ${PATIENT_SUBJECTS[item.subject].label}` : ""}
                        {item.severity ? ` · ${SEVERITY_LABELS[item.severity]}` : ""}
                        {item.published ? " · publié" : " · privé"}
                        {item.hiddenAt ? " · masqué" : ""}
                        {item.mergedIntoId ? ` · fusionné dans le n°${item.mergedIntoId}` : ""}
                      </div>
                    </td>
                    <td>{item.supportCount}</td>
                    <td>{formatDateTime(item.createdAt)}</td>
                    <td>
                      <StatusBadge kind="irritant" status={item.status} fixAnnounced={item.fixAnnounced} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <FieldError field={fields.ids} />
          <div className="mt-4 flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor={fields.bulk.id} className="label">
                Action sur la sélection
              </label>
              <select {...fieldProps(fields.bulk, "")} className="fr-select">
                <option value="" disabled>
                  Choisir…
                </option>
                <option value="triaged">Marquer « Qualifié »</option>
                <option value="in_progress">Marquer « En cours de traitement »</option>
                <option value="wont_fix">Marquer « Ne sera pas traité »</option>
                <option value="publish">Publier</option>
                <option value="unpublish">Retirer de la publication</option>
              </select>
              <FieldError field={fields.bulk} />
            </div>
            <button type="submit" className="fr-btn">
              Appliquer
            </button>
          </div>
        </Form>
      )}
      <Pagination nextCursor={nextCursor} label="Pages des signalements" />
    </div>
  );
}
