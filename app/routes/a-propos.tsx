import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDay } from "~/lib/dates";
import { RESOURCE_DATE_KINDS, RESOURCE_KINDS } from "~/modules/progress";
import { listResources } from "~/modules/progress/index.server";

export const meta: MetaFunction = () => [
  { title: "À propos du programme — Sentinelle" },
  { name: "description", content: "L'ambition du programme Sentinelle, les usages concrets qu'il vise, sa démarche et les ressources clés." },
];

export function loader() {
  return {
    resources: listResources().map(({ id, title, url, kind, date, dateKind, source, themeLabel }) => ({ id, title, url, kind, date, dateKind, source, themeLabel })),
  };
}

// The ambition and its four target uses, as the program's point d'étape of 11 January 2024 recalls them.
const USES = [
  "Le patient dispose dans son profil Mon espace santé d'une copie numérique de ses documents de santé à chaque épisode de soins.",
  "Les professionnels de santé autorisés peuvent consulter les documents de santé dans le profil Mon espace santé de leur patient.",
  "Les professionnels de santé sont destinataires, par messagerie sécurisée de santé (MSSanté), des résultats des examens prescrits.",
  "Le médecin traitant et/ou correspondant reçoit par MSSanté une copie des résultats d'examen et des documents de sortie d'hospitalisation.",
];

const OBJECTIVES = [
  "Recréer la confiance entre éditeurs, professionnels de la médecine de ville et pouvoirs publics.",
  "Travailler collectivement sur les solutions opérationnelles répondant aux irritants majeurs.",
  "Définir un processus de mise en commun des retours et d'amélioration continue.",
];

export default function About() {
  const { resources } = useLoaderData<typeof loader>();
  const themes = [...new Set(resources.map((r) => r.themeLabel))];
  return (
    <div className="prose-page">
      <h1>À propos du programme</h1>
      <section aria-labelledby="ambition" className="mb-8">
        <h2 id="ambition">L'ambition</h2>
        <p className="text-xl">Généraliser le partage fluide et sécurisé des données de santé, entre professionnels et avec l'utilisateur.</p>
        <p>Une ambition qui passe par des usages très concrets pour les patients et les professionnels :</p>
        <ul className="list-disc pl-6">
          {USES.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="demarche" className="mb-8">
        <h2 id="demarche">La démarche</h2>
        <p>
          Sentinelle réunit les trois côtés du triangle : les professionnels de santé de la médecine de ville, les éditeurs de logiciels (SONS et hors
          SONS) et les pouvoirs publics, avec les patients. Le séminaire tripartite du 20 novembre 2023 s'était fixé trois objectifs :
        </p>
        <ul className="list-disc pl-6">
          {OBJECTIVES.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
        <p>
          Les irritants remontés, le plan d'action et les chiffres d'usage sont publics : <Link to="/avancement">où en est le programme</Link>,{" "}
          <Link to="/plan-action">le plan d'action</Link>, <Link to="/avancement/indicateurs">les indicateurs</Link>.
        </p>
        <p className="text-sm text-gris-600">Source : point d'étape du programme du 11 janvier 2024.</p>
      </section>
      <section aria-labelledby="ressources">
        <h2 id="ressources">Ressources et documents clés</h2>
        <p>Les guides, foires aux questions et fiches pratiques que le programme recommande, par thème.</p>
        {themes.map((theme) => (
          <div key={theme}>
            <h3 className="text-lg">{theme}</h3>
            <ul className="list-disc pl-6">
              {resources
                .filter((r) => r.themeLabel === theme)
                .map((r) => {
                  const day = r.date ? formatDay(r.date) : "";
                  return (
                    <li key={r.id}>
                      {r.url ? (
                        <a href={r.url} rel="noopener noreferrer">
                          {r.title}
                        </a>
                      ) : (
                        r.title
                      )}{" "}
                      ({RESOURCE_KINDS[r.kind].toLowerCase()}
                      {day ? `, ${RESOURCE_DATE_KINDS[r.dateKind].toLowerCase()} ${day}` : ""}
                      {r.source && !(day && r.source.includes(day)) ? ` — source : ${r.source}` : ""}
                      {r.url ? "" : " ; adresse non donnée par la source"})
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
        {resources.length === 0 ? <p>Pas encore de ressource.</p> : null}
      </section>
    </div>
  );
}
