import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { seminarDate } from "~/components/seminars";
import { listPublicSeminars } from "~/modules/seminars/index.server";
import { CardList, LinkCard } from "~/components/cards";

export const meta: MetaFunction = () => [{ title: "Séminaires tripartites — Sentinelle" }];

export function loader() {
  return listPublicSeminars();
}

type Item = ReturnType<typeof listPublicSeminars>["past"][number];

function SeminarList({ items, empty }: { items: Item[]; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <CardList>
      {items.map((s) => (
        <li key={s.slug}>
          <LinkCard
            to={`/seminaires/${s.slug}`}
            title={s.title}
            detail={`${seminarDate(s.date)}${s.place ? ` · ${s.place}` : ""}`}
            description={s.registrationOpen ? <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--success">Inscriptions ouvertes</span> : undefined}
          />
        </li>
      ))}
    </CardList>
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
