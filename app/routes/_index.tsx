import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { getUser, can } from "~/lib/permissions.server";
import { countReceivedIrritants, listIrritants } from "~/modules/irritants/index.server";
import { StatusBadge } from "~/components/status-badge";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [
  { title: "Sentinelle — les irritants du numérique en santé, remontés et suivis" },
  { name: "description", content: "Signalez les irritants de vos outils numériques en santé et suivez leur résolution." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    received: countReceivedIrritants(),
    recent: listIrritants(null, { limit: 5 }).items,
    canFile: can(user, "irritant:file"),
    signedIn: !!user,
  };
}

const numberFormat = new Intl.NumberFormat("fr-FR");

export default function Home() {
  const { received, recent, canFile, signedIn } = useLoaderData<typeof loader>();
  const awaitingSurveys = useRouteLoaderData<typeof rootLoader>("root")?.user?.awaitingSurveys ?? 0;
  return (
    <div>
      {awaitingSurveys > 0 ? (
        <div className="fr-alert fr-alert--info mb-8">
          <p className="fr-alert__title">{awaitingSurveys > 1 ? `${awaitingSurveys} questionnaires vous attendent` : "Un questionnaire vous attend"}</p>
          <p className="mb-0">
            Votre avis sur vos outils numériques aide l'équipe programme à mesurer ce qui s'améliore.{" "}
            <Link to="/enquetes">{plural(awaitingSurveys, "Voir le questionnaire", "Voir les questionnaires")}</Link>
          </p>
        </div>
      ) : null}
      <section className="mb-10 max-w-3xl">
        <h1>Les irritants du numérique en santé, remontés et suivis</h1>
        <p className="text-lg">
          Professionnels de santé de ville, patients, éditeurs de logiciels et pouvoirs publics : Sentinelle rassemble les difficultés
          rencontrées avec l'INS, la messagerie sécurisée MSSanté, Mon espace santé, le VSM, l'ordonnance numérique ou les logiciels
          Ségur, et suit leur résolution jusqu'au bout.
        </p>
        {canFile ? (
          <p className="flex flex-wrap items-center gap-4">
            <Link to="/signalements/nouveau" className="fr-btn">
              Signaler un irritant
            </Link>
            <Link to="/mes-signalements">Mes signalements</Link>
          </p>
        ) : !signedIn ? (
          <p>
            <Link to="/inscription" className="fr-btn">
              Créer un compte pour signaler un irritant
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="chiffres" className="mb-10">
        <h2 id="chiffres">En chiffres</h2>
        <div className="card inline-block">
          <p className="mb-0 text-4xl font-bold text-bleu">{numberFormat.format(received)}</p>
          <p className="mb-0">irritants reçus</p>
        </div>
      </section>
      <section aria-labelledby="recents">
        <h2 id="recents">Derniers irritants publiés</h2>
        {recent.length === 0 ? (
          <p>Aucun irritant publié pour l'instant.</p>
        ) : (
          <ul className="grid gap-3">
            {recent.map((i) => (
              <li key={i.id} className="card">
                <Link to={`/signalements/${i.id}`} className="font-bold">
                  {i.title}
                </Link>
                <p className="mb-0 mt-1 text-sm text-gris-600">
                  <StatusBadge kind="irritant" status={i.status} fixAnnounced={i.fixAnnounced} /> {i.themes.map((t) => t.label).join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
