import { can } from "~/lib/permissions";
import { Form, Link, NavLink } from "@remix-run/react";
import type { Role } from "#db/schema";
import { plural } from "~/lib/text/plural";

type NavUser = { displayName: string; role: Role; unread?: number; awaitingSurveys?: number } | null;

type NavLinkItem = { to: string; label: string; count?: number };
/** A sub-menu (native `<details>`, opens without JavaScript) grouping many links under one entry. */
type NavGroup = { label: string; id: string; items: NavLinkItem[] };
type NavEntry = NavLinkItem | NavGroup;

const isGroup = (entry: NavEntry): entry is NavGroup => "items" in entry;

/** Pages whose own link must not light up on their sub-pages. */
const EXACT = new Set(["/", "/signalements", "/plan-action", "/resultats", "/avancement"]);

/** Navigation by role: each person sees the places they can act in. */
function navigationFor(user: NavUser): NavEntry[] {
  const entries: NavEntry[] = [
    { to: "/", label: "Accueil" },
    { to: "/signalements", label: "Signalements" },
    { to: "/plan-action", label: "Plan d'action" },
    { to: "/resultats", label: "Enquêtes" },
    { to: "/avancement", label: "Avancement" },
    { to: "/reglementation", label: "Réglementation" },
  ];
  if (!user) return entries;
  // Personal entries of a signed-in person ("Mes signalements", the surveys to answer…) go here, before the
  // role's workspaces.
  if (can(user, "irritant:file")) entries.push({ to: "/signalements/nouveau", label: "Signaler un irritant" });
  if (can(user, "irritant:file") || can(user, "irritant:file-other-vendor")) entries.push({ to: "/mes-signalements", label: "Mes signalements" });
  if (can(user, "irritant:file") || user.awaitingSurveys) entries.push({ to: "/enquetes", label: "Mes enquêtes", count: user.awaitingSurveys });
  if (can(user, "ticket:respond")) entries.push({ to: "/editeur", label: "Espace éditeur" });
  if (can(user, "team:workspace")) {
    entries.push({
      label: "Espace équipe",
      id: "menu-equipe",
      items: [
        { to: "/equipe/signalements", label: "Tri des signalements" },
        { to: "/equipe/signalements/recueillir", label: "Recueillir un signalement" },
        { to: "/equipe/tickets", label: "Tickets" },
        { to: "/equipe/plan-action", label: "Édition du plan" },
        { to: "/equipe/enquetes", label: "Enquêtes (équipe)" },
        { to: "/equipe/seminaires", label: "Séminaires" },
        { to: "/equipe/avancement", label: "Points d'étape" },
        { to: "/equipe/reglementation", label: "Référentiel réglementaire" },
        { to: "/equipe/themes", label: "Thèmes" },
        { to: "/equipe/vocabulaire", label: "Vocabulaire" },
        { to: "/equipe/catalogue", label: "Catalogue" },
        { to: "/equipe/annonces", label: "Annonces aux éditeurs" },
        { to: "/equipe/reglages", label: "Réglages" },
        { to: "/equipe/journal", label: "Journal" },
      ],
    });
  }
  if (can(user, "admin:accounts")) {
    entries.push({
      label: "Administration",
      id: "menu-administration",
      items: [
        { to: "/equipe/comptes", label: "Comptes" },
        { to: "/equipe/courriels", label: "Courriels" },
      ],
    });
  }
  return entries;
}

export function SkipLinks() {
  return (
    <div className="fr-skiplinks">
      <nav aria-label="Accès rapide" className="fr-container">
        <ul className="fr-skiplinks__list">
          <li>
            <a href="#contenu" className="fr-link">
              Aller au contenu
            </a>
          </li>
          <li>
            <a href="#menu" className="fr-link">
              Aller au menu
            </a>
          </li>
          <li>
            <a href="#pied-de-page" className="fr-link">
              Aller au pied de page
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}

/** The quick links ("Mon compte", sign in/out), shown in the header on wide screens and in the menu on phones. */
function QuickLinks({ user }: { user: NavUser }) {
  if (!user) {
    return (
      <ul className="fr-btns-group">
        <li>
          <Link to="/connexion" className="fr-btn">
            Se connecter
          </Link>
        </li>
        <li>
          <Link to="/inscription" className="fr-btn">
            Créer un compte
          </Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="fr-btns-group">
      <li>
        <Link to="/notifications" className="fr-btn">
          Notifications
          {user.unread ? (
            <span className="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon ml-2">
              {user.unread}
              <span className="fr-sr-only"> non {plural(user.unread, "lue", "lues")}</span>
            </span>
          ) : null}
        </Link>
      </li>
      <li>
        <Link to="/compte" className="fr-btn">
          Mon compte<span className="fr-sr-only"> ({user.displayName})</span>
        </Link>
      </li>
      <li>
        <Form method="post" action="/deconnexion">
          <button type="submit" className="fr-btn">
            Se déconnecter
          </button>
        </Form>
      </li>
    </ul>
  );
}

function NavItemLink({ item }: { item: NavLinkItem }) {
  return (
    <NavLink to={item.to} end={EXACT.has(item.to)} className="fr-nav__link">
      {item.label}
      {item.count ? " " : null}
      {item.count ? <NavCount count={item.count} /> : null}
    </NavLink>
  );
}

/** A count beside a menu link, told in words to screen readers. */
function NavCount({ count }: { count: number }) {
  return (
    <span className="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon ml-2">
      {count}
      <span className="fr-sr-only"> {plural(count, "questionnaire à remplir", "questionnaires à remplir")}</span>
    </span>
  );
}

/**
 * The State's header (fr-header). DSFR's JavaScript is not loaded: on phones the menu and the search are
 * `:target` modals (links to #menu and #recherche, each with a "Fermer" link back), and sub-menus are `<details>`.
 */
export function Header({ user }: { user: NavUser }) {
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <p className="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div className="fr-header__navbar">
                  <a href="#recherche" className="fr-btn--search fr-btn" title="Rechercher">
                    Rechercher
                  </a>
                  <a href="#menu" className="fr-btn--menu fr-btn" id="bouton-menu" title="Menu">
                    Menu
                  </a>
                </div>
              </div>
              <div className="fr-header__service">
                <Link to="/" title="Accueil — Sentinelle">
                  <p className="fr-header__service-title">Sentinelle</p>
                </Link>
                <p className="fr-header__service-tagline">Les irritants du numérique en santé, remontés et suivis</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <QuickLinks user={user} />
              </div>
              <div className="fr-header__search fr-modal" id="recherche">
                <div className="fr-container fr-container-lg--fluid">
                  <a href="#" className="fr-btn--close fr-btn" title="Fermer la recherche">
                    Fermer
                  </a>
                  <form method="get" action="/signalements" role="search" className="fr-search-bar">
                    <label className="fr-label" htmlFor="recherche-signalements">
                      Rechercher un signalement
                    </label>
                    <input className="fr-input" placeholder="Rechercher un signalement" type="search" id="recherche-signalements" name="q" />
                    <button type="submit" className="fr-btn" title="Rechercher">
                      Rechercher
                    </button>
                  </form>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-header__menu fr-modal" id="menu" aria-labelledby="bouton-menu">
        <div className="fr-container">
          <a href="#" className="fr-btn--close fr-btn" title="Fermer le menu">
            Fermer
          </a>
          <div className="fr-header__menu-links">
            <QuickLinks user={user} />
          </div>
          <nav className="fr-nav" id="navigation" aria-label="Menu principal">
            <ul className="fr-nav__list">
              {navigationFor(user).map((entry) =>
                isGroup(entry) ? (
                  <li key={entry.id} className="fr-nav__item">
                    <details className="nav-details">
                      <summary className="fr-nav__btn" id={`${entry.id}-bouton`}>
                        {entry.label}
                      </summary>
                      <div className="fr-menu" id={entry.id}>
                        <ul className="fr-menu__list">
                          {entry.items.map((item) => (
                            <li key={item.to}>
                              <NavItemLink item={item} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    </details>
                  </li>
                ) : (
                  <li key={entry.to} className="fr-nav__item">
                    <NavItemLink item={entry} />
                  </li>
                ),
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

/** The State's footer (fr-footer) with the mandatory links and the accessibility status. */
export function Footer() {
  return (
    <footer className="fr-footer mt-16" role="contentinfo" id="pied-de-page">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            <Link to="/" title="Accueil — Sentinelle">
              <p className="fr-logo">
                République
                <br />
                Française
              </p>
            </Link>
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              Sentinelle : plateforme de remontée et de suivi des irritants du numérique en santé en médecine de ville,
              au service des professionnels de santé, des patients, des éditeurs et des pouvoirs publics.
            </p>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item">
              <Link to="/accessibilite" className="fr-footer__bottom-link">
                Accessibilité : non conforme
              </Link>
            </li>
            <li className="fr-footer__bottom-item">
              <Link to="/mentions-legales" className="fr-footer__bottom-link">
                Mentions légales
              </Link>
            </li>
            <li className="fr-footer__bottom-item">
              <Link to="/donnees-personnelles" className="fr-footer__bottom-link">
                Données personnelles
              </Link>
            </li>
            <li className="fr-footer__bottom-item">
              <Link to="/a-propos" className="fr-footer__bottom-link">
                À propos
              </Link>
            </li>
            <li className="fr-footer__bottom-item">
              <Link to="/plan-du-site" className="fr-footer__bottom-link">
                Plan du site
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
