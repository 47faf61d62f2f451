import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { parseOrThrow } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { listIrritants, listThemes } from "~/modules/irritants/irritants.server";
import { irritantFiltersSchema } from "~/modules/irritants/schemas";
import { IRRITANT_STATUSES, SEVERITY_LABELS, STATUS_LABELS } from "~/modules/irritants/statuses";
import { listProducts } from "~/modules/vendors/products.server";

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
  const next = new URLSearchParams(
    Object.entries({ ...filters, productId: filters.productId ? String(filters.productId) : undefined, cursor: nextCursor }).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
    ),
  );
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
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} className="input" />
        </div>
        <div>
          <label htmlFor="theme" className="label">
            Thème
          </label>
          <select id="theme" name="theme" defaultValue={filters.theme ?? ""} className="input">
            <option value="">Tous les thèmes</option>
            {themes.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            Statut
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className="input">
            <option value="">Tous les statuts</option>
            {IRRITANT_STATUSES.filter((s) => s !== "duplicate").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="productId" className="label">
            Logiciel
          </label>
          <select id="productId" name="productId" defaultValue={filters.productId ? String(filters.productId) : ""} className="input">
            <option value="">Tous les logiciels</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.vendor.name})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="severity" className="label">
            Gravité
          </label>
          <select id="severity" name="severity" defaultValue={filters.severity ?? ""} className="input">
            <option value="">Toutes</option>
            {Object.entries(SEVERITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="label">
            Trier par
          </label>
          <select id="sort" name="sort" defaultValue={filters.sort ?? "recent"} className="input">
            <option value="recent">Les plus récents</option>
            <option value="supports">Les plus soutenus</option>
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="btn">
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
                {STATUS_LABELS[i.status]} · {i.supportCount} soutien{i.supportCount > 1 ? "s" : ""} · {i.themes.map((t) => t.label).join(", ")}
                {i.productName ? ` · ${i.productName}` : ""} · {formatDate(i.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="mt-6">
          <Link to={`?${next}`}>Signalements suivants</Link>
        </p>
      ) : null}
    </div>
  );
}
