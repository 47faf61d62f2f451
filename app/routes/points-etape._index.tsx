import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { listPublishedUpdates } from "~/modules/progress/index.server";
import { CardList, LinkCard } from "~/components/cards";

export const meta: MetaFunction = () => [{ title: "Points d'étape — Sentinelle" }];

export function loader() {
  return { updates: listPublishedUpdates().map(({ slug, title, summary, publishedAt }) => ({ slug, title, summary, publishedAt })) };
}

export default function Updates() {
  const { updates } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Points d'étape</h1>
      <p>
        Les points d'avancement publiés par l'équipe programme. <a href="/flux.atom">S'abonner au flux Atom</a>
      </p>
      {updates.length ? (
        <CardList>
          {updates.map((u) => (
            <li key={u.slug}>
              <LinkCard to={`/points-etape/${u.slug}`} title={u.title} heading="h2" detail={`Publié le ${formatDate(u.publishedAt)}`} description={u.summary} />
            </li>
          ))}
        </CardList>
      ) : (
        <p>Aucun point d'étape publié pour l'instant.</p>
      )}
    </div>
  );
}
