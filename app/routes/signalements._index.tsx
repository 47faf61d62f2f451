import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filters";
import { formatDate } from "~/lib/dates";
import { parseOrThrow } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { listIrritants, listThemes } from "~/modules/irritants/index.server";
import { IRRITANT_STATUSES, SEVERITY_LABELS, STATUS_LABELS, irritantFiltersSchema } from "~/modules/irritants";
import { listProducts } from "~/modules/vendors/index.server";
import { StatusBadge } from "~/components/status-badge";
import { Pagination } from "~/components/pagination";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Signalements publiés — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = orErrorPage(() => parseOrThrow(irritantFiltersSchema, params, "Filtres invalides."));
  // The public list shows published irritants only, also to their authors and the team.
  const page = orErrorPage(() => listIrritants(null, filters));
  return { ...page, filters, themes: listThemes().map(({ slug, label }) => ({ slug, label })), products: listProducts() };
}

export default function IrritantList() {
  const { items, nextCursor, filters, themes, products } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Signalements publiés</h1>
      <p className="max-w-3xl">
        Les irritants remontés par les professionnels de santé et les patients, une fois relus par l'équipe programme. Vous
        rencontrez le même problème ? Ouvrez-le et cliquez sur « Moi aussi ».
      </p>
      <Form method="get" className="mb-8 grid gap-4 bg-gris-100 p-4 md:grid-cols-3" aria-label="Rechercher et filtrer">
        <div className="md:col-span-3">
          <label htmlFor="q" className="label">
            Rechercher
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} className="fr-input" />
        </div>
        <FilterSelect id="theme" name="theme" label="Thème" allLabel="Tous les thèmes" value={filters.theme ?? ""} options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <FilterSelect
          id="status"
          name="status"
          label="Statut"
          allLabel="Tous les statuts"
          value={filters.status ?? ""}
          options={IRRITANT_STATUSES.filter((s) => s !== "duplicate").map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <FilterSelect
          id="productId"
          name="productId"
          label="Logiciel"
          allLabel="Tous les logiciels"
          value={filters.productId ? String(filters.productId) : ""}
          options={products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }))}
        />
        <FilterSelect
          id="severity"
          name="severity"
          label="Gravité"
          allLabel="Toutes"
          value={filters.severity ?? ""}
          options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          id="sort"
          name="sort"
          label="Trier par"
          value={filters.sort ?? "recent"}
          options={[
            { value: "recent", label: "Les plus récents" },
            { value: "supports", label: "Les plus soutenus" },
          ]}
        />
        <div className="flex items-end">
          <button type="submit" className="fr-btn">
            Afficher
          </button>
        </div>
      </Form>
      <h2 className="sr-only">Résultats</h2>
      {items.length === 0 ? (
        <p>Aucun signalement ne correspond à ces critères.</p>
      ) : (
        <ul className="grid gap-3">
          {items.map((i) => (
            <li key={i.id} className="card">
              <Link to={`/signalements/${i.id}`} className="font-bold">
                {i.title}
              </Link>
              <p className="mb-0 mt-1 text-sm text-gris-600">
                <StatusBadge kind="irritant" status={i.status} fixAnnounced={i.fixAnnounced} /> {i.supportCount} {plural(i.supportCount, "soutien", "soutiens")} · {i.themes.map((t) => t.label).join(", ")}
                {i.productName ? ` · ${i.productName}` : ""} · {formatDate(i.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination nextCursor={nextCursor} label="Pages des signalements" />
    </div>
  );
}
