import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SurveyResults } from "~/components/survey-results";
import { formatDate } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { type CampaignResults, getSnapshot, shownResults } from "~/modules/surveys/index.server";
import type { BreadcrumbHandle } from "~/components/breadcrumb";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Résultats — ${data?.title ?? "Enquête"} — Sentinelle` }];

export function loader({ params }: LoaderFunctionArgs) {
  const row = orErrorPage(() => getSnapshot(params.slug ?? ""));
  return { title: row.title, slug: row.slug, publishedAt: row.snapshot.publishedAt, method: row.snapshot.method, results: shownResults(row.snapshot.results as CampaignResults) };
}

export const handle: BreadcrumbHandle = { breadcrumb: (data) => (data as { title?: string }).title };

export default function PublishedResults() {
  const { title, slug, publishedAt, method, results } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/resultats">← Résultats des enquêtes</Link>
      </p>
      <h1>{title}</h1>
      <p>
        Vague {results.campaign.wave} · {results.respondents} répondants
        {results.responseRate ? ` · taux de réponse ${Math.round(results.responseRate.value * 100)} %` : ""} · résultats publiés le {formatDate(publishedAt)} et
        figés depuis.
      </p>
      <p>
        <a href={`/resultats/${slug}.csv`}>Télécharger les résultats (CSV)</a>
      </p>
      <details className="mb-6">
        <summary className="cursor-pointer font-bold">Méthode</summary>
        <p className="mt-2">{method}</p>
      </details>
      <h2>Résultats par question</h2>
      <SurveyResults results={results} />
    </div>
  );
}
