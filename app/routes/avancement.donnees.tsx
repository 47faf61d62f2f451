import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { DATASETS, openDataCodes } from "~/modules/progress/index.server";

export const meta: MetaFunction = () => [{ title: "Données ouvertes — Sentinelle" }];

export function loader() {
  return { datasets: DATASETS, codes: openDataCodes() };
}

export default function OpenData() {
  const { datasets, codes } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/avancement">← Avancement</Link>
      </p>
      <h1>Données ouvertes</h1>
      <p>
        Les agrégats publiés par Sentinelle, calculés comme sur les pages publiques : aucun signalement non publié, aucune case d'enquête masquée.
        Téléchargez-les en <a href="/avancement/donnees.csv">CSV</a> (séparateur point-virgule, UTF-8) ou en <a href="/avancement/donnees.json">JSON</a>.
      </p>
      <h2>Dictionnaire des données</h2>
      <TableRegion label="Colonnes du fichier">
        <table className="mb-6">
          <caption className="sr-only">Colonnes du fichier</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Contenu</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">jeu</th>
              <td>Le jeu de données (voir ci-dessous)</td>
            </tr>
            <tr>
              <th scope="row">dimension_1, dimension_2</th>
              <td>Les dimensions du jeu (thème et statut, chantier et statut, enquête et question) ; les codes sont expliqués ci-dessous</td>
            </tr>
            <tr>
              <th scope="row">valeur</th>
              <td>La valeur (virgule décimale dans le CSV)</td>
            </tr>
            <tr>
              <th scope="row">unite</th>
              <td>L'unité de la valeur</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      <h2>Jeux de données</h2>
      <dl>
        {datasets.map((d) => (
          <div key={d.name} className="mb-3">
            <dt className="font-bold">{d.name}</dt>
            <dd>
              {d.description} Unité : {d.unit}.
            </dd>
          </div>
        ))}
      </dl>
      <h2>Codes utilisés</h2>
      <p>Les fichiers gardent des codes stables ; voici ce que chacun signifie.</p>
      {codes.map((group) => (
        <TableRegion key={group.title} label={group.title} className="mb-6">
          <table>
            <caption className="text-left font-bold">
              {group.title} ({group.where})
            </caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Signification</th>
              </tr>
            </thead>
            <tbody>
              {group.codes.map((c) => (
                <tr key={c.code}>
                  <th scope="row"><code>{c.code}</code></th><td>{c.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ))}
    </div>
  );
}
