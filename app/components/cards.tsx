import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A DSFR card (`fr-card`) for a list of things to choose from: the title is the link and the whole card is clickable
 * (`fr-enlarge-link`, CSS only).
 */
export function LinkCard({
  to,
  title,
  heading: Heading = "h3",
  detail,
  description,
}: {
  to: string;
  title: string;
  heading?: "h2" | "h3";
  detail?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <div className="fr-card fr-card--sm fr-enlarge-link h-full">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <Heading className="fr-card__title">
            <Link to={to}>{title}</Link>
          </Heading>
          {description ? <div className="fr-card__desc">{description}</div> : null}
          {detail ? (
            <div className="fr-card__start">
              <p className="fr-card__detail">{detail}</p>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The grid cards sit in: one column on a phone, two from the `md` breakpoint. */
export function CardList({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ul className="fr-raw-list grid gap-4 md:grid-cols-2" aria-label={label}>
      {children}
    </ul>
  );
}
