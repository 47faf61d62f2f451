import type { ReactNode } from "react";

type Props = { children: ReactNode; className?: string } & (
  | { /** The region's name, usually the table's caption. */ label: string; labelledBy?: never }
  | { /** The id of the element that names the region (a heading, a visible caption). */ labelledBy: string; label?: never }
);

/**
 * A wide table scrolls sideways inside this region, not the page: at 360 px the page keeps its width.
 * The region is named and focusable, so that a keyboard user can scroll it with the arrow keys.
 */
export function TableRegion({ children, label, labelledBy, className = "" }: Props) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className={`relative overflow-x-auto ${className}`.trim()}>
      {children}
    </div>
  );
}
