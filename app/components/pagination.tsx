import { Link, useLocation } from "@remix-run/react";

/** Keyset cursors are digits, or "supports:id" for the public list sorted by supports. */
const CURSOR = /^\d+(:\d+)?$/;
/** The URL keeps the cursors of the pages before this one ("pages=c2.c3"), so "Page précédente" is a plain link. */
const TRAIL = "pages";
const MAX_TRAIL = 100;

type PageLinks = { page: number; first?: string; previous?: string; next?: string };

/**
 * The links of a keyset-paged list, from the current query string: the filters stay, only the cursor and the trail
 * of earlier pages change. A hand-edited trail is ignored, never an error.
 */
export function pageLinks(search: string, nextCursor: string | number | undefined, cursorParam = "cursor"): PageLinks {
  const params = new URLSearchParams(search);
  const current = params.get(cursorParam) ?? "";
  const onFirst = !CURSOR.test(current);
  const rawTrail = (params.get(TRAIL) ?? "").split(".").filter(Boolean);
  const trail = onFirst || rawTrail.length > MAX_TRAIL || !rawTrail.every((c) => CURSOR.test(c)) ? [] : rawTrail;
  const to = (cursor: string | undefined, before: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(cursorParam);
    next.delete(TRAIL);
    if (cursor) next.set(cursorParam, cursor);
    if (cursor && before.length) next.set(TRAIL, before.join("."));
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  return {
    page: onFirst ? 1 : trail.length + 2,
    first: onFirst ? undefined : to(undefined, []),
    previous: onFirst ? undefined : to(trail[trail.length - 1], trail.slice(0, -1)),
    next: nextCursor === undefined ? undefined : to(String(nextCursor), onFirst ? [] : [...trail, current]),
  };
}

/** A DSFR pagination link, or its disabled form (no href) when there is no such page. */
function PageLink({ to, className, children }: { to?: string; className: string; children: string }) {
  return to ? (
    <Link to={to} className={`fr-pagination__link ${className}`}>
      {children}
    </Link>
  ) : (
    <a className={`fr-pagination__link ${className}`} aria-disabled="true" role="link">
      {children}
    </a>
  );
}

/**
 * The one pagination of paged lists (DSFR `fr-pagination`): first, previous, the current page, next. Plain links, so
 * it works without JavaScript. Nothing is shown when the list fits on one page.
 */
export function Pagination({ nextCursor, cursorParam = "cursor", label = "Pagination" }: { nextCursor: string | number | undefined; cursorParam?: string; label?: string }) {
  const { search } = useLocation();
  const links = pageLinks(search, nextCursor, cursorParam);
  if (links.page === 1 && !links.next) return null;
  return (
    <nav role="navigation" className="fr-pagination mt-6" aria-label={label}>
      <ul className="fr-pagination__list">
        <li>
          <PageLink to={links.first} className="fr-pagination__link--first">
            Première page
          </PageLink>
        </li>
        <li>
          <PageLink to={links.previous} className="fr-pagination__link--prev fr-pagination__link--lg-label">
            Page précédente
          </PageLink>
        </li>
        <li>
          <a className="fr-pagination__link" aria-current="page" title={`Page ${links.page}`}>
            {links.page}
          </a>
        </li>
        <li>
          <PageLink to={links.next} className="fr-pagination__link--next fr-pagination__link--lg-label">
            Page suivante
          </PageLink>
        </li>
      </ul>
    </nav>
  );
}
