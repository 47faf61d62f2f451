import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { DECK_SEMINAR } from "~/modules/seminars/deck-seminar";

export const meta: MetaFunction = () => [{ title: "Séminaires tripartites — Sentinelle" }];

export function loader() {
  return { seminars: [{ slug: DECK_SEMINAR.slug, title: DECK_SEMINAR.title, date: DECK_SEMINAR.date }] };
}

export default function Seminars() {
  const { seminars } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Séminaires tripartites</h1>
      <p>Professionnels de santé, éditeurs, patients et pouvoirs publics réunis pour travailler ensemble sur les irritants du numérique en santé.</p>
      <ul className="grid gap-3">
        {seminars.map((s) => (
          <li key={s.slug} className="card">
            <Link to={`/seminaires/${s.slug}`} className="font-bold">
              {s.title}
            </Link>
            <p className="mb-0 text-sm text-gris-600">{formatDate(s.date + "T12:00:00Z")}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
