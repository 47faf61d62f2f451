import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect, FilterSubmit } from "~/components/filters";
import { readQuery } from "~/lib/api.server";
import { formatDateTime } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { requirePermission } from "~/lib/permissions.server";
import { auditFiltersSchema, listAuditEntries } from "~/modules/audit/index.server";
import { AUDIT_CATEGORY_FILTERS } from "~/modules/audit";
import { TableRegion } from "~/components/table-region";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction = () => [{ title: "Journal des actions — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const filters = orErrorPage(() => readQuery(request, auditFiltersSchema));
  return { filters, ...listAuditEntries(filters) };
}

export default function AuditLog() {
  const { filters, entries, nextBefore } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(Object.entries({ categorie: filters.categorie, qui: filters.qui, du: filters.du, au: filters.au }).filter((e): e is [string, string] => !!e[1]));
  return (
    <div>
      <h1>Journal des actions</h1>
      <p>
        Qui a fait quoi, et quand, d'après le journal des événements. Il ne se modifie pas : chaque changement de la plateforme y ajoute une ligne
        dans la même transaction.
      </p>
      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4">
        <FilterSelect id="categorie" name="categorie" label="Catégorie" allLabel="Toutes" value={filters.categorie ?? ""} options={AUDIT_CATEGORY_FILTERS.map((c) => ({ value: c, label: c }))} />
        <div>
          <label htmlFor="qui" className="label">
            Auteur (nom ou e-mail)
          </label>
          <input id="qui" name="qui" defaultValue={filters.qui ?? ""} className="fr-input" />
        </div>
        <div>
          <label htmlFor="du" className="label">
            Du
          </label>
          <input id="du" name="du" type="date" defaultValue={filters.du ?? ""} className="fr-input" />
        </div>
        <div>
          <label htmlFor="au" className="label">
            Au
          </label>
          <input id="au" name="au" type="date" defaultValue={filters.au ?? ""} className="fr-input" />
        </div>
        <FilterSubmit />
        <a href={`/equipe/journal.csv?${query}`} className="fr-btn fr-btn--secondary">
          Exporter en CSV
        </a>
      </Form>
      {entries.length ? (
        <TableRegion label="Événements">
          <table>
            <caption className="sr-only">Événements, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Catégorie</th>
                <th scope="col">Quoi</th>
                <th scope="col">Sur</th>
                <th scope="col">Détails</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{e.category}</td>
                  <td>{e.what}</td>
                  <td className="whitespace-nowrap">{e.subject}</td>
                  <td className="break-all text-sm">{e.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>Aucun événement ne correspond à ces filtres.</p>
      )}
      <Pagination nextCursor={nextBefore ?? undefined} cursorParam="avant" label="Pages du journal" />
    </div>
  );
}
