import type { ReactNode } from "react";

type Props = { children: ReactNode; className?: string } & (
  | { /** The region's name, usually the table's caption. */ label: string; labelledBy?: never }
  | { /** The id of the element that names the region (a heading, a visible caption). */ labelledBy: string; label?: never }
);

/**
 * A table in the DSFR's table frame (`fr-table`, cells wrapping: `fr-table--multiline`). A wide table scrolls sideways
 * inside the frame's container, not the page: at 360 px the page keeps its width. The container is the named,
 * focusable region, so that a keyboard user can scroll it with the arrow keys.
 */
export function TableRegion({ children, label, labelledBy, className = "" }: Props) {
  return (
    // min-w-0 and overflow: the frame never takes its table's width inside a flex or grid layout (only its container scrolls).
    <div className={`fr-table fr-table--multiline min-w-0 max-w-full overflow-x-auto ${className}`.trim()}>
      <div className="fr-table__wrapper">
        <div role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className="fr-table__container">
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  );
}
