import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorChart } from "~/components/chart";
import { formatDay } from "~/lib/dates";
import { listIndicators } from "~/modules/indicators/index.server";

export const meta: MetaFunction = () => [{ title: "Indicateurs — Sentinelle" }];

export function loader() {
  return { indicators: listIndicators() };
}

export default function Indicators() {
  const { indicators } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/avancement">← Avancement</Link>
      </p>
      <h1>Indicateurs</h1>
      <p>Les usages du numérique en santé suivis par le programme, avec leur source et leur définition. Chaque graphique est suivi de ses données.</p>
      {indicators.map((i) => (
        <section key={i.slug} aria-labelledby={`ind-${i.slug}`} className="card mb-8">
          <h2 id={`ind-${i.slug}`} className="mt-0">
            {i.title}
            {i.demonstration ? <span className="fr-badge fr-badge--sm fr-badge--info ml-2">Série de démonstration</span> : null}
          </h2>
          <IndicatorChart id={`graphique-${i.slug}`} title={i.title} unit={i.unit} type={i.chart} values={i.values} />
          <p className="mb-0 text-sm text-gris-600">
            Unité : {i.unit}. Source : {i.source}
            {i.sourceDate ? `, ${formatDay(i.sourceDate)}` : ""}.{i.method ? ` Méthode : ${i.method}` : ""}
          </p>
          {i.notes ? <p className="mb-0 mt-2 text-sm">Note : {i.notes}</p> : null}
        </section>
      ))}
      {indicators.length === 0 ? <p>Aucun indicateur pour l'instant.</p> : null}
    </div>
  );
}
