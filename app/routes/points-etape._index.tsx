import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { listPublishedUpdates } from "~/modules/progress/index.server";

export const meta: MetaFunction = () => [{ title: "Points d'étape — Sentinelle" }];

export function loader() {
  return { updates: listPublishedUpdates().map(({ slug, title, summary, publishedAt }) => ({ slug, title, summary, publishedAt })) };
}

export default function Updates() {
  const { updates } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Points d'étape</h1>
      <p>
        Les points d'avancement publiés par l'équipe programme. <a href="/flux.atom">S'abonner au flux Atom</a>
      </p>
      {updates.length ? (
        <ul className="grid gap-3">
          {updates.map((u) => (
            <li key={u.slug} className="card">
              <Link to={`/points-etape/${u.slug}`} className="font-bold">
                {u.title}
              </Link>
              <p className="mb-0 text-sm text-gris-600">Publié le {formatDate(u.publishedAt)}</p>
              <p className="mb-0">{u.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun point d'étape publié pour l'instant.</p>
      )}
    </div>
  );
}
