import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { CardList } from "~/components/cards";
import { Badge } from "~/components/status-badge";
import { requireUser } from "~/lib/permissions.server";
import { questionnairesFor } from "~/modules/surveys/index.server";

export const meta: MetaFunction = () => [{ title: "Mes enquêtes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { questionnaires: questionnairesFor(user) };
}

export default function MySurveys() {
  const { questionnaires } = useLoaderData<typeof loader>();
  const awaiting = questionnaires.filter((q) => !q.answered);
  const answered = questionnaires.filter((q) => q.answered);
  return (
    <div className="prose-page">
      <h1>Mes enquêtes</h1>
      <p>
        Les questionnaires de satisfaction ouverts qui vous sont destinés. Vos réponses sont anonymes : elles ne sont pas reliées à votre compte. Les
        résultats publiés se trouvent sur la page <Link to="/resultats">Résultats des enquêtes</Link>.
      </p>
      <section aria-labelledby="a-remplir">
        <h2 id="a-remplir">À remplir</h2>
        {awaiting.length === 0 ? (
          <p>Aucun questionnaire ne vous attend pour l'instant.</p>
        ) : (
          <CardList>
            {awaiting.map((q) => (
              <li key={q.slug}>
                <div className="fr-card fr-card--sm h-full">
                  <div className="fr-card__body">
                    <div className="fr-card__content">
                      <h3 className="fr-card__title">{q.title}</h3>
                      <div className="fr-card__start">
                        <p className="fr-card__detail">
                          {q.wave} · ouvert jusqu'au {formatDate(`${q.closesOn}T12:00:00Z`)}
                        </p>
                      </div>
                    </div>
                    {q.answerUrl ? (
                      <div className="fr-card__footer">
                        <Link to={q.answerUrl} className="fr-btn">
                          {q.started ? "Reprendre le questionnaire" : "Répondre au questionnaire"}
                          <span className="sr-only"> « {q.title} »</span>
                        </Link>
                      </div>
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </CardList>
        )}
      </section>
      {answered.length ? (
        <section aria-labelledby="repondus" className="mt-8">
          <h2 id="repondus">Déjà répondus</h2>
          <ul className="grid gap-3">
            {answered.map((q) => (
              <li key={q.slug} className="card">
                <p className="mb-1 font-bold">{q.title}</p>
                <p className="mb-0 text-sm">
                  <Badge colour="success" label="Répondu" /> <span className="text-gris-600">{q.wave}</span>
                  {q.status === "published" ? (
                    <>
                      {" · "}
                      <Link to={`/resultats/${q.slug}`}>Voir les résultats</Link>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
