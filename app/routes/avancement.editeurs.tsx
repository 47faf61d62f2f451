import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ScorecardTable } from "~/components/tickets";
import { publicScorecards } from "~/modules/tickets/index.server";
import { PUBLIC_SCORECARD_MIN_TICKETS } from "~/modules/tickets";

export const meta: MetaFunction = () => [{ title: "Tableaux de bord des éditeurs — Sentinelle" }];

export function loader() {
  return { cards: publicScorecards(), min: PUBLIC_SCORECARD_MIN_TICKETS };
}

export default function VendorScorecards() {
  const { cards, min } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Tableaux de bord des éditeurs</h1>
      <p>
        Pour chaque éditeur ayant reçu au moins {min} tickets : délai médian de première réponse (jours ouvrés), part des réponses dans le délai
        fixé par l'équipe programme, taux de résolution et part des corrections confirmées par les professionnels.
      </p>
      {cards.length ? (
        <ScorecardTable cards={cards} caption="Indicateurs publics par éditeur" />
      ) : (
        <p>Aucun éditeur n'a encore reçu {min} tickets : les indicateurs seront publiés au-delà de ce seuil.</p>
      )}
    </div>
  );
}
