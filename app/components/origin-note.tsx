import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/dates";

type Origin = { workshopNumber: number; workshopTitle: string; seminarSlug: string; seminarId: number; date: string; published: boolean };

/** "Issu de l'atelier 2 du séminaire du 20 novembre 2023", linked to the seminar's page. */
export function OriginNote({ origins }: { origins: Origin[] }) {
  if (!origins.length) return null;
  return (
    <div className="mb-4">
      {origins.map((o) => (
        <p key={`${o.seminarId}-${o.workshopNumber}`} className="mb-1 text-sm">
          Issu de{" "}
          <Link to={o.published ? `/seminaires/${o.seminarSlug}#atelier-${o.workshopNumber}` : `/equipe/seminaires/${o.seminarId}/bilan`}>
            l'atelier {o.workshopNumber} du séminaire du {formatDate(o.date + "T12:00:00Z")}
          </Link>{" "}
          (« {o.workshopTitle} »)
        </p>
      ))}
    </div>
  );
}
