import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { seminarDate } from "~/components/seminars";
import { listPublicSeminars } from "~/modules/seminars/index.server";

export const meta: MetaFunction = () => [{ title: "Séminaires tripartites — Sentinelle" }];

export function loader() {
  return listPublicSeminars();
}

type Item = ReturnType<typeof listPublicSeminars>["past"][number];

function SeminarList({ items, empty }: { items: Item[]; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <ul className="grid gap-3">
      {items.map((s) => (
        <li key={s.slug} className="card">
          <Link to={`/seminaires/${s.slug}`} className="font-bold">
            {s.title}
          </Link>
          <p className="mb-0 text-sm text-gris-600">
            {seminarDate(s.date)}
            {s.place ? ` · ${s.place}` : ""}
            {s.registrationOpen ? " · inscriptions ouvertes" : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function Seminars() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Séminaires tripartites</h1>
      <p>Professionnels de santé, éditeurs, patients et pouvoirs publics réunis pour travailler ensemble sur les irritants du numérique en santé.</p>
      <p>
        Vous participez à un atelier ? <Link to="/atelier">Saisissez le code affiché dans la salle</Link>.
      </p>
      <h2>À venir</h2>
      <SeminarList items={upcoming} empty="Aucun séminaire annoncé pour le moment." />
      <h2>Passés</h2>
      <SeminarList items={past} empty="Aucun séminaire passé." />
    </div>
  );
}
