// The register's read-only parts, for public pages; the team's link form is in regulation-form.tsx (Conform and zod
// stay out of the public bundles).
import { Link } from "@remix-run/react";
import { OBLIGATION_STATUS_LABELS, type ObligationStatus } from "~/modules/regulation";

type Linked = { slug: string; title: string; status: ObligationStatus; effectiveLabel: string };

/** "Projet" badge for a draft text; nothing for a text in force. */
export function ObligationStatusBadge({ status }: { status: ObligationStatus }) {
  return status === "projet" ? <span className="fr-badge fr-badge--sm fr-badge--warning ml-2">{OBLIGATION_STATUS_LABELS.projet}</span> : null;
}

/** The entries of the regulatory register an irritant or an action links to (its public page). */
export function LinkedObligations({ obligations, what }: { obligations: readonly Linked[]; what: string }) {
  if (!obligations.length) return null;
  return (
    <section aria-labelledby="reglementation-liee">
      <h2 id="reglementation-liee">Réglementation concernée</h2>
      <p className="text-sm">
        Les obligations du <Link to="/reglementation">référentiel réglementaire</Link> qui concernent {what}.
      </p>
      <ul className="list-disc pl-6">
        {obligations.map((o) => (
          <li key={o.slug}>
            <Link to={`/reglementation/${o.slug}`}>{o.title}</Link>
            {o.effectiveLabel ? ` (${o.effectiveLabel})` : ""}
            <ObligationStatusBadge status={o.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
