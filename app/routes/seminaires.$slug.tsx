import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { DECK_SEMINAR } from "~/modules/seminars/deck-seminar";

export const meta: MetaFunction = () => [{ title: `${DECK_SEMINAR.title} — Sentinelle` }];

export function loader({ params }: LoaderFunctionArgs) {
  if (params.slug !== DECK_SEMINAR.slug) throw new Response("Ce séminaire n'existe pas.", { status: 404 });
  return { seminar: DECK_SEMINAR };
}

export default function Seminar() {
  const { seminar } = useLoaderData<typeof loader>();
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/seminaires">← Séminaires</Link>
      </p>
      <h1>{seminar.title}</h1>
      <p>{formatDate(seminar.date + "T12:00:00Z")}</p>
      <h2>Objectifs</h2>
      <ol className="list-decimal pl-6">
        {seminar.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ol>
      <h2>Participants</h2>
      <ul className="list-disc pl-6">
        {seminar.participants.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h2>Déroulé</h2>
      {seminar.agenda.map((part) => (
        <section key={part.when} aria-labelledby={`deroule-${part.when}`}>
          <h3 id={`deroule-${part.when}`}>{part.when}</h3>
          <ul className="list-disc pl-6">
            {part.items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Points positifs</h2>
      <ul className="list-disc pl-6">
        {seminar.positives.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h2>Axes d'amélioration</h2>
      <ul className="list-disc pl-6">
        {seminar.improvements.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h2>Verbatims</h2>
      {seminar.verbatims.map((v) => (
        <figure key={v.text} className="mb-4 border-l-4 border-bleu pl-4">
          <blockquote>
            <p className="mb-1 italic">« {v.text} »</p>
          </blockquote>
          {v.side ? <figcaption className="text-sm text-gris-600">— {v.side}</figcaption> : null}
        </figure>
      ))}
      <p>
        Ce qui en est sorti : <Link to="/plan-action">le plan d'action</Link> et le <Link to="/points-etape/point-etape-11-janvier-2024">point d'étape du 11 janvier 2024</Link>.
      </p>
    </article>
  );
}
