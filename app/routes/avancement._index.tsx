import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import {
  changesThisMonth,
  headlineFigures,
  latestNextSteps,
  listPublishedUpdates,
  recentlyResolved,
  themeCounts,
} from "~/modules/progress/index.server";
import { getSetting } from "~/modules/settings/index.server";
import { TableRegion } from "~/components/table-region";
import { NextStepList } from "~/components/next-steps";
import { counted, plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [
  { title: "Avancement du programme — Sentinelle" },
  { name: "description", content: "Où en est le programme Sentinelle : irritants remontés et résolus, plan d'action, réponses des éditeurs, satisfaction." },
];

export function loader() {
  return {
    shown: getSetting("progressHeadlines"),
    figures: headlineFigures(),
    themes: themeCounts(),
    resolved: recentlyResolved(),
    changes: changesThisMonth(),
    nextSteps: latestNextSteps(),
    updates: listPublishedUpdates(3).map(({ slug, title, summary, publishedAt }) => ({ slug, title, summary, publishedAt })),
  };
}

const n = new Intl.NumberFormat("fr-FR");

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="card">
      <p className="mb-0 text-3xl font-bold text-bleu">{value}</p>
      <p className="mb-0">{label}</p>
    </div>
  );
}

/** A count in French figures with its agreeing words ("1 234 signalements"). */
const countOf = (value: number, one: string, other: string) => `${n.format(value)} ${plural(value, one, other)}`;

export default function Progress() {
  const { figures, themes, resolved, changes, updates, shown, nextSteps } = useLoaderData<typeof loader>();
  const show = (block: (typeof shown)[number]) => shown.includes(block);
  const { irritants, actions, vendors, survey } = figures;
  return (
    <div>
      <h1>Où en est le programme ?</h1>
      <p className="max-w-3xl">
        Les irritants du numérique en santé remontés par les professionnels et les patients, les actions engagées avec les éditeurs et les pouvoirs
        publics, et ce qui a changé. Chaque chiffre est défini sous son bloc (« méthode »).
      </p>
      {show("irritants") ? (
      <section aria-labelledby="irritants" className="mb-8">
        <h2 id="irritants">Signalements</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Figure value={n.format(irritants.received)} label="irritants reçus" />
          <Figure value={n.format(irritants.published)} label="publiés" />
          <Figure value={n.format(irritants.resolved)} label="résolus" />
        </div>
        <p className="mt-2">
          Dont {countOf(irritants.voices.practitioners, "signalement de professionnels de santé", "signalements de professionnels de santé")}
          {irritants.voices.collected ? ` (${n.format(irritants.voices.collected)} ${plural(irritants.voices.collected, "recueilli", "recueillis")} auprès d'eux par l'équipe du programme)` : ""},{" "}
          {countOf(irritants.voices.patients, "signalement de patient", "signalements de patients")} et{" "}
          {countOf(irritants.voices.vendors, "signalement d'éditeur", "signalements d'éditeurs")} sur le logiciel d'un autre éditeur.
        </p>
        <p className="mt-2 text-sm text-gris-600">Méthode : {irritants.method}</p>
      </section>
      ) : null}
      {show("actions") ? (
      <section aria-labelledby="actions" className="mb-8">
        <h2 id="actions">Plan d'action</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Figure value={`${actions.done} / ${actions.total}`} label="actions faites" />
          <Figure value={n.format(actions.inProgress)} label="actions en cours" />
          <Figure value={n.format(actions.overdue)} label="actions en retard" />
        </div>
        <p className="mt-2 text-sm text-gris-600">
          Méthode : {actions.method} <Link to="/plan-action">Voir le plan d'action</Link>
        </p>
      </section>
      ) : null}
      {show("vendors") ? (
      <section aria-labelledby="editeurs" className="mb-8">
        <h2 id="editeurs">Réponses des éditeurs</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Figure
            value={vendors.medianFirstResponseDays === null ? "—" : `${String(vendors.medianFirstResponseDays).replace(".", ",")} j ouvrés`}
            label={`délai médian de première réponse (${vendors.answeredTickets} tickets répondus)`}
          />
        </div>
        <p className="mt-2 text-sm text-gris-600">
          Méthode : {vendors.method} <Link to="/avancement/editeurs">Tableaux de bord des éditeurs</Link>
        </p>
      </section>
      ) : null}
      {survey && show("survey") ? (
        <section aria-labelledby="satisfaction" className="mb-8">
          <h2 id="satisfaction">Satisfaction</h2>
          <p>
            {survey.title} — « {survey.label} » :{" "}
            {survey.nps ? (
              <strong>
                NPS {survey.nps.value.toLocaleString("fr-FR")} (intervalle de confiance à 95 % : {survey.nps.low.toLocaleString("fr-FR")} à {survey.nps.high.toLocaleString("fr-FR")})
              </strong>
            ) : survey.topBox ? (
              <strong>{Math.round(survey.topBox.value * 100)} % de satisfaits</strong>
            ) : null}
            , {survey.n} répondants. <Link to={`/resultats/${survey.slug}`}>Tous les résultats</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="mois" className="mb-8">
        <h2 id="mois">Ce qui a changé ces 30 derniers jours</h2>
        <ul className="list-disc pl-6">
          <li>{counted(changes.published, "signalement publié", "signalements publiés")}</li>
          <li>{counted(changes.resolved, "signalement résolu", "signalements résolus")}</li>
          <li>{counted(changes.actionsDone, "action du plan réalisée", "actions du plan réalisées")}</li>
          <li>{counted(changes.vendorAnswers, "réponse publique ou résolution d'éditeur", "réponses publiques ou résolutions d'éditeurs")}</li>
          <li>{counted(changes.updatesPublished, "point d'étape publié", "points d'étape publiés")}</li>
        </ul>
      </section>
      <section aria-labelledby="themes" className="mb-8">
        <h2 id="themes">Par thème</h2>
        <TableRegion label="Signalements publiés par thème">
          <table>
            <caption className="sr-only">Signalements publiés par thème</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Signalements publiés</th>
                <th scope="col">Dont déposés ces 30 derniers jours</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((t) => (
                <tr key={t.slug}>
                  <th scope="row" className="font-normal">
                    <Link to={`/avancement/themes/${t.slug}`}>{t.label}</Link>
                  </th>
                  <td>{t.published}</td>
                  <td>{t.lastMonth}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
      <section aria-labelledby="resolus" className="mb-8">
        <h2 id="resolus">Récemment résolus</h2>
        {resolved.length ? (
          <ul className="list-disc pl-6">
            {resolved.map((r) => (
              <li key={r.id}>
                <Link to={`/signalements/${r.id}`}>{r.title}</Link> ({r.supportCount} {plural(r.supportCount, "soutien", "soutiens")})
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun pour l'instant.</p>
        )}
      </section>
      {nextSteps ? (
        <section aria-labelledby="prochaines-etapes" className="mb-8">
          <h2 id="prochaines-etapes">Prochaines étapes</h2>
          <p className="text-sm text-gris-600">
            Source : {nextSteps.source}.
          </p>
          <NextStepList groups={nextSteps.groups} />
          <p className="text-sm text-gris-600">
            <Link to="/points-etape">Les points d'étape</Link> reprennent ces étapes telles qu'elles étaient à leur date.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="points" className="mb-8">
        <h2 id="points">Derniers points d'étape</h2>
        <ul className="grid gap-3">
          {updates.map((u) => (
            <li key={u.slug} className="card">
              <Link to={`/points-etape/${u.slug}`} className="font-bold">
                {u.title}
              </Link>
              <p className="mb-0 text-sm text-gris-600">{formatDate(u.publishedAt)}</p>
              <p className="mb-0">{u.summary}</p>
            </li>
          ))}
        </ul>
        <p className="mt-2">
          <Link to="/points-etape">Tous les points d'étape</Link> · <a href="/flux.atom">Flux Atom</a>
        </p>
      </section>
      <section aria-labelledby="donnees" className="mb-8">
        <h2 id="donnees">Données ouvertes</h2>
        <p>
          Les agrégats publiés sont téléchargeables : <a href="/avancement/donnees.csv">CSV</a>, <a href="/avancement/donnees.json">JSON</a>,{" "}
          <Link to="/avancement/donnees">dictionnaire des données</Link>. Les <Link to="/avancement/indicateurs">indicateurs d'usage</Link>. Les séminaires tripartites : <Link to="/seminaires">leurs comptes rendus</Link>.
        </p>
      </section>
    </div>
  );
}
