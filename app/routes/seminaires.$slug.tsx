import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BalanceTable, OutcomeList, seminarDate } from "~/components/seminars";
import { orErrorPage } from "~/lib/errors";
import { getUser } from "~/lib/permissions.server";
import { getPublicSeminar } from "~/modules/seminars/index.server";
import { SIDE_LABEL_ONE, SLOT_KIND_LABELS } from "~/modules/seminars";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.seminar.title ?? "Séminaire"} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  return { seminar: orErrorPage(() => getPublicSeminar(params.slug ?? "", viewer)) };
}

export const handle: BreadcrumbHandle = { breadcrumb: (data) => (data as { seminar?: { title: string } }).seminar?.title };

export default function Seminar() {
  const { seminar } = useLoaderData<typeof loader>();
  const periods = [...new Set(seminar.slots.map((s) => s.period))];
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/seminaires">← Séminaires</Link>
      </p>
      <h1>{seminar.title}</h1>
      <p>
        {seminarDate(seminar.date)}
        {seminar.place ? ` · ${seminar.place}` : ""}
        {!seminar.published ? " · non publié (visible de l'équipe seule)" : ""}
      </p>
      {seminar.description ? <p>{seminar.description}</p> : null}
      {seminar.registrationOpen ? (
        <p>
          <Link to={`/seminaires/${seminar.slug}/inscription`} className="fr-btn">
            S'inscrire
          </Link>
        </p>
      ) : null}
      {seminar.objectives.length ? (
        <>
          <h2>Objectifs</h2>
          <ol className="list-decimal pl-6">
            {seminar.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ol>
        </>
      ) : null}
      <h2>Déroulé</h2>
      {seminar.slots.length === 0 ? <p>Le programme sera publié prochainement.</p> : null}
      {periods.map((period, index) => (
        <section key={period || index} aria-labelledby={`deroule-${index}`}>
          <h3 id={`deroule-${index}`}>{period || "Programme"}</h3>
          <ul className="list-disc pl-6">
            {seminar.slots
              .filter((s) => s.period === period)
              .map((s) => (
                <li key={s.id}>
                  <span className="text-sm text-gris-600">{SLOT_KIND_LABELS[s.kind]} — </span>
                  {s.title}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <h2>Ateliers</h2>
      <ul className="grid gap-3">
        {seminar.workshops.map((w) => (
          <li key={w.id} id={`atelier-${w.number}`} className="card">
            <p className="mb-1 font-bold">
              Atelier {w.number} — {w.title}
            </p>
            <p className="mb-1">{w.question}</p>
            <p className="mb-0 text-sm text-gris-600">
              {w.facilitatorLabel}
              {w.capacity !== null ? ` · ${w.capacity} places${seminar.upcoming ? `, ${w.placesLeft} restantes` : ""}` : ""}
              {w.cardCount ? ` · ${w.cardCount} ${plural(w.cardCount, "carte", "cartes")} ${plural(w.cardCount, "déposée", "déposées")}` : ""}
            </p>
          </li>
        ))}
      </ul>
      <h2>Participants</h2>
      {seminar.balance.overall.total ? (
        <BalanceTable balance={seminar.balance.overall} caption={`Équilibre du triangle : ${seminar.balance.overall.total} inscrits`} />
      ) : (
        <p>Pas encore d'inscrits.</p>
      )}
      {seminar.positives.length || seminar.improvements.length ? (
        <>
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
        </>
      ) : null}
      {seminar.verbatims.length ? (
        <>
          <h2>Verbatims</h2>
          {seminar.verbatims.map((v) => (
            <figure key={v.id} className="mb-4 border-l-4 border-bleu pl-4">
              <blockquote>
                <p className="mb-1 italic">« {v.text} »</p>
              </blockquote>
              {v.side ? <figcaption className="text-sm text-gris-600">— {SIDE_LABEL_ONE[v.side]}</figcaption> : null}
            </figure>
          ))}
        </>
      ) : null}
      {seminar.campaign ? (
        <p>
          Questionnaire après le séminaire :{" "}
          {seminar.campaign.status === "published" ? (
            <Link to={`/resultats/${seminar.campaign.slug}`}>résultats de « {seminar.campaign.title} »</Link>
          ) : seminar.campaign.status === "open" ? (
            <Link to={`/enquetes/${seminar.campaign.slug}`}>répondre à « {seminar.campaign.title} »</Link>
          ) : (
            <>« {seminar.campaign.title} » (clos, résultats à venir)</>
          )}
        </p>
      ) : null}
      <h2>Ce qui en est sorti</h2>
      <OutcomeList outcomes={seminar.outcomes.items} hiddenIrritants={seminar.outcomes.hiddenIrritants} />
      <p className="mt-4">
        Voir aussi <Link to="/plan-action">le plan d'action</Link>.
      </p>
    </article>
  );
}
