import { can } from "~/lib/permissions";
import { Form, Link, NavLink } from "@remix-run/react";
import type { Role } from "#db/schema";

type NavUser = { displayName: string; role: Role; unread?: number; awaitingSurveys?: number } | null;

type NavItem = { to: string; label: string; count?: number };

/** Navigation by role: each person sees the places they can act in. */
function navigationFor(user: NavUser): NavItem[] {
  const items: NavItem[] = [
    { to: "/", label: "Accueil" },
    { to: "/signalements", label: "Signalements" },
    { to: "/plan-action", label: "Plan d'action" },
    { to: "/resultats", label: "Enquêtes" },
    { to: "/avancement", label: "Avancement" },
  ];
  if (!user) return items;
  if (can(user, "irritant:file")) items.push({ to: "/signalements/nouveau", label: "Signaler un irritant" });
  if (can(user, "irritant:file")) items.push({ to: "/mes-signalements", label: "Mes signalements" });
  if (can(user, "irritant:file") || user.awaitingSurveys) items.push({ to: "/enquetes", label: "Mes enquêtes", count: user.awaitingSurveys });
  if (can(user, "ticket:respond")) items.push({ to: "/editeur", label: "Espace éditeur" });
  if (can(user, "team:workspace")) {
    items.push(
      { to: "/equipe/signalements", label: "Tri des signalements" },
      { to: "/equipe/tickets", label: "Tickets" },
      { to: "/equipe/plan-action", label: "Édition du plan" },
      { to: "/equipe/enquetes", label: "Enquêtes (équipe)" },
      { to: "/equipe/seminaires", label: "Séminaires" },
      { to: "/equipe/avancement", label: "Points d'étape" },
      { to: "/equipe/themes", label: "Thèmes" },
      { to: "/equipe/catalogue", label: "Catalogue" },
      { to: "/equipe/reglages", label: "Réglages" },
      { to: "/equipe/journal", label: "Journal" },
    );
  }
  if (can(user, "admin:accounts")) items.push({ to: "/equipe/comptes", label: "Comptes" }, { to: "/equipe/courriels", label: "Courriels" });
  items.push({ to: "/compte", label: "Mon compte" });
  return items;
}

export function SkipLinks() {
  return (
    <nav aria-label="Accès rapide" className="bg-gris-100">
      <ul className="mx-auto flex max-w-6xl gap-4 px-4 text-sm">
        <li>
          <a href="#contenu" className="sr-only focus:not-sr-only focus:block focus:py-2">
            Aller au contenu
          </a>
        </li>
        <li>
          <a href="#navigation" className="sr-only focus:not-sr-only focus:block focus:py-2">
            Aller au menu
          </a>
        </li>
      </ul>
    </nav>
  );
}

export function Header({ user }: { user: NavUser }) {
  return (
    <header className="border-b border-gris-200 shadow-sm">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link to="/" className="flex items-center gap-4 text-gris-900 no-underline">
          <span className="border-r border-gris-200 pr-4 text-xs font-bold uppercase leading-tight">
            République
            <br />
            Française
          </span>
          <span>
            <span className="block text-xl font-bold">Sentinelle</span>
            <span className="block text-sm text-gris-700">Les irritants du numérique en santé, remontés et suivis</span>
          </span>
        </Link>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link to="/notifications" className="no-underline">
                Notifications
                {user.unread ? " " : null}
                {user.unread ? (
                  <span className="ml-1 rounded-full bg-rouge px-2 py-0.5 text-xs font-bold text-white">
                    {user.unread}
                    <span className="sr-only"> non lue{user.unread > 1 ? "s" : ""}</span>
                  </span>
                ) : null}
              </Link>
              <span>
                <span className="sr-only">Connecté en tant que </span>
                {user.displayName}
              </span>
              <Form method="post" action="/deconnexion">
                <button type="submit" className="btn btn-secondary">
                  Se déconnecter
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/connexion" className="btn btn-secondary">
                Se connecter
              </Link>
              <Link to="/inscription" className="btn">
                Créer un compte
              </Link>
            </>
          )}
        </div>
      </div>
      <nav id="navigation" aria-label="Menu principal" className="border-t border-gris-200">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4">
          {navigationFor(user).map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={["/", "/signalements", "/plan-action", "/resultats", "/avancement"].includes(item.to)}
                className={({ isActive }) =>
                  `block py-3 text-sm font-medium no-underline ${isActive ? "border-b-2 border-bleu text-bleu" : "text-gris-900"}`
                }
              >
                {item.label}
                {item.count ? " " : null}
                {item.count ? <NavCount count={item.count} /> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** A count beside a menu link, told in words to screen readers. */
function NavCount({ count }: { count: number }) {
  return (
    <span className="ml-1 rounded-full bg-rouge px-2 py-0.5 text-xs font-bold text-white">
      {count}
      <span className="sr-only"> {count > 1 ? "questionnaires à remplir" : "questionnaire à remplir"}</span>
    </span>
  );
}

export function Footer() {
  return (
    <footer className="mt-16 border-t-2 border-bleu">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm">
        <p className="font-bold">Sentinelle</p>
        <p className="max-w-2xl text-gris-700">
          Plateforme de remontée et de suivi des irritants du numérique en santé en médecine de ville, au service des
          professionnels de santé, des patients, des éditeurs et des pouvoirs publics.
        </p>
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2 border-t border-gris-200 pt-4">
          <li>
            <Link to="/accessibilite">Accessibilité : non conforme</Link>
          </li>
          <li>
            <Link to="/mentions-legales">Mentions légales</Link>
          </li>
          <li>
            <Link to="/donnees-personnelles">Données personnelles</Link>
          </li>
          <li>
            <Link to="/plan-du-site">Plan du site</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
