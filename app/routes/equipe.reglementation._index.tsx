import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ObligationStatusBadge } from "~/components/regulation";
import { TableRegion } from "~/components/table-region";
import { requirePermission } from "~/lib/permissions.server";
import { OBLIGATION_KIND_LABELS, linkSentence } from "~/modules/regulation";
import { listObligations } from "~/modules/regulation/index.server";

export const meta: MetaFunction = () => [{ title: "Référentiel réglementaire (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "regulation:edit");
  return { entries: listObligations(user) };
}

export default function TeamRegulation() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Modifier le référentiel réglementaire</h1>
      <p>
        Chaque obligation a son texte, sa source, sa date d'entrée en vigueur telle qu'écrite et qui elle concerne. Les signalements et les
        actions s'y lient depuis leur page d'équipe ; les indicateurs, depuis la page de l'obligation. Chaque modification est inscrite au{" "}
        <Link to="/equipe/journal">journal</Link>.
      </p>
      <p className="flex flex-wrap gap-2">
        <Link to="/equipe/reglementation/nouvelle" className="fr-btn">
          Ajouter une obligation
        </Link>
        <Link to="/reglementation" className="fr-btn fr-btn--secondary">
          Page publique
        </Link>
      </p>
      <TableRegion label="Obligations du référentiel">
        <table>
          <caption className="sr-only">Obligations du référentiel, par date d'entrée en vigueur</caption>
          <thead>
            <tr>
              <th scope="col">Obligation</th>
              <th scope="col">Nature</th>
              <th scope="col">Entrée en vigueur</th>
              <th scope="col">Liens</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.slug}>
                <td>
                  <Link to={`/equipe/reglementation/${e.slug}`}>{e.title}</Link>
                  <ObligationStatusBadge status={e.status} />
                </td>
                <td>{OBLIGATION_KIND_LABELS[e.kind]}</td>
                <td>{e.effective.label || "non précisée"}</td>
                <td>{linkSentence(e.links) ?? "Aucun lien"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
