import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCampaigns } from "~/modules/surveys/index.server";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/surveys";

export const meta: MetaFunction = () => [{ title: "Résultats des enquêtes — Sentinelle" }];

export function loader() {
  return { campaigns: listCampaigns({ publicOnly: true }) };
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
              {c.wave} · {CAMPAIGN_STATUS_LABELS[c.status]}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
