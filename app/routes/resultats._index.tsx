import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCampaigns, openWaves } from "~/modules/surveys/index.server";
import { StatusBadge } from "~/components/status-badge";

export const meta: MetaFunction = () => [{ title: "Résultats des enquêtes — Sentinelle" }];

export function loader() {
  const open = new Map(openWaves().map((w) => [w.slug, w.allowSignedIn]));
  return { campaigns: listCampaigns({ publicOnly: true }).map((c) => ({ ...c, open: open.has(c.slug), answerSignedIn: open.get(c.slug) ?? false })) };
}

export default function Results() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Résultats des enquêtes</h1>
      <p>Les enquêtes de satisfaction menées auprès des professionnels de santé sur les fonctions Ségur de leurs logiciels.</p>
      <ul className="grid gap-3">
        {campaigns.map((c) => (
          <li key={c.slug} className="card">
            {c.status === "published" ? <Link to={`/resultats/${c.slug}`}>{c.title}</Link> : <span className="font-bold">{c.title}</span>}
            <p className="mb-0 text-sm text-gris-600">
              {c.wave} <StatusBadge kind="campaign" status={c.status} />
            </p>
            {c.open ? (
              c.answerSignedIn ? (
                <p className="mb-0 mt-2">
                  <Link to={`/enquetes/${c.slug}`}>
                    Répondre au questionnaire<span className="sr-only"> « {c.title} »</span>
                  </Link>
                </p>
              ) : (
                <p className="mb-0 mt-2 text-sm">Sur invitation : le lien pour répondre est envoyé par e-mail aux personnes interrogées.</p>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
