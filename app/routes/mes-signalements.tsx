import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { parseOrThrow } from "~/lib/api.server";
import { formatDate } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { can, requireUser } from "~/lib/permissions.server";
import { filedPageSchema } from "~/modules/irritants";
import { listIrritantsFiledBy } from "~/modules/irritants/index.server";
import { Badge, StatusBadge } from "~/components/status-badge";
import { Pagination } from "~/components/pagination";

export const meta: MetaFunction = () => [{ title: "Mes signalements — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = orErrorPage(() => parseOrThrow(filedPageSchema, Object.fromEntries(new URL(request.url).searchParams), "Ce lien de page n'est pas valide."));
  const page = listIrritantsFiledBy(user.id, { before: query.avant });
  // Vendors file about other vendors' software from their own page.
  const fileLink = can(user, "irritant:file") ? "/signalements/nouveau" : can(user, "irritant:file-other-vendor") ? "/editeur/signaler" : null;
  return { ...page, fileLink, continued: query.avant !== undefined };
}

export default function MyIrritants() {
  const { items, nextCursor, fileLink, continued } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Mes signalements</h1>
      <p>
        Tous les signalements que vous avez déposés (ou que l'équipe programme a recueillis en votre nom), publiés ou non, avec leur statut et leur dernière actualité. Un signalement non publié n'est visible que
        par vous et l'équipe programme.
      </p>
      {fileLink ? (
        <p>
          <Link to={fileLink} className="fr-btn">
            Signaler un irritant
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{continued ? "Aucun autre signalement." : "Vous n'avez encore déposé aucun signalement."}</p>
      ) : (
        <ul className="grid gap-3" aria-label="Mes signalements">
          {items.map((i) => (
            <li key={i.id} className="card">
              <p className="mb-1 text-sm text-gris-600">
                Signalement n°{i.id} · déposé le {formatDate(i.createdAt)}
              </p>
              <Link to={`/signalements/${i.id}`} className="font-bold">
                {i.title}
              </Link>
              <p className="mb-1 mt-2">
                <StatusBadge kind="irritant" status={i.status} fixAnnounced={i.fixAnnounced} /> <Badge label={i.mergedIntoId ? "Regroupé" : i.published ? "Publié" : "Non publié"} />
              </p>
              {i.collected ? <p className="mb-1 text-sm">{i.collected}</p> : null}
              {i.news ? (
                <p className="mb-0 text-sm">
                  Dernière actualité, le {formatDate(i.news.at)} : {i.news.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination nextCursor={nextCursor} cursorParam="avant" label="Pages de mes signalements" />
    </div>
  );
}
