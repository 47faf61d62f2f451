import { Link, useMatches } from "@remix-run/react";

type Crumb = { label: string; to: string };
/** A page's place: the pages above it (after "Accueil") and its own label. */
type Place = { parents: Crumb[]; label: string };

/**
 * What a route module may export as `handle` to name the page from its data (an irritant's title…); the table
 * below still gives the pages above it and the label used when the data has none.
 */
export type BreadcrumbHandle = {
  breadcrumb?: (data: unknown) => string | undefined;
  /** A page below another page named by its data (a seminar's registrations): that page, after the table's parents. */
  breadcrumbParent?: (data: unknown) => Crumb | undefined;
};

/** A handle naming the page from its loader's data, typed on that data (which is null on an error page). */
export function crumbFrom<T>(label: (data: T) => string | undefined, parent?: (data: T) => Crumb | undefined): BreadcrumbHandle {
  return { breadcrumb: (data) => label(data as T), breadcrumbParent: parent ? (data) => parent(data as T) : undefined };
}

const SIGNALEMENTS = { label: "Signalements", to: "/signalements" };
const PLAN = { label: "Plan d'action", to: "/plan-action" };
const RESULTATS = { label: "Enquêtes", to: "/resultats" };
const AVANCEMENT = { label: "Avancement", to: "/avancement" };
const POINTS = { label: "Points d'étape", to: "/points-etape" };
const SEMINAIRES = { label: "Séminaires", to: "/seminaires" };
const REGLEMENTATION = { label: "Réglementation", to: "/reglementation" };
const COMPTE = { label: "Mon compte", to: "/compte" };
const EDITEUR = { label: "Espace éditeur", to: "/editeur" };
const EQUIPE = { label: "Espace équipe", to: "/equipe" };
const TRI = { label: "Tri des signalements", to: "/equipe/signalements" };
const EQ_PLAN = { label: "Édition du plan", to: "/equipe/plan-action" };
const EQ_ENQUETES = { label: "Enquêtes (équipe)", to: "/equipe/enquetes" };
const EQ_SEMINAIRES = { label: "Séminaires (équipe)", to: "/equipe/seminaires" };
const EQ_AVANCEMENT = { label: "Points d'étape (équipe)", to: "/equipe/avancement" };
const EQ_REGLEMENTATION = { label: "Référentiel réglementaire (équipe)", to: "/equipe/reglementation" };

const top = (label: string): Place => ({ parents: [], label });
const under = (parents: Crumb[], label: string): Place => ({ parents, label });

/**
 * The one table of breadcrumbs: route id → place. The home page and the pages that are not part of the site's
 * tree (sign-in steps, error pages, live workshop screens) have none.
 */
export const BREADCRUMBS: Record<string, Place> = {
  "routes/accessibilite": top("Accessibilité"),
  "routes/mentions-legales": top("Mentions légales"),
  "routes/donnees-personnelles": top("Données personnelles"),
  "routes/plan-du-site": top("Plan du site"),
  "routes/a-propos": top("À propos du programme"),
  "routes/connexion": top("Se connecter"),
  "routes/deconnexion": top("Se déconnecter"),
  "routes/inscription": top("Créer un compte"),
  "routes/inscription_.confirmer": under([{ label: "Créer un compte", to: "/inscription" }], "Terminer l'inscription"),
  "routes/mot-de-passe-oublie": top("Mot de passe oublié"),
  "routes/mot-de-passe.nouveau": top("Nouveau mot de passe"),
  "routes/confirmer-email": top("Confirmer l'adresse e-mail"),
  "routes/confirmer-inscription": top("Confirmer l'inscription"),
  "routes/desabonnement": top("Se désabonner"),
  "routes/notifications": top("Notifications"),
  "routes/atelier._index": top("Rejoindre un atelier"),

  "routes/signalements._index": top("Signalements"),
  "routes/signalements.nouveau": under([SIGNALEMENTS], "Signaler un irritant"),
  "routes/mes-signalements": top("Mes signalements"),
  "routes/enquetes._index": top("Mes enquêtes"),
  "routes/signalements.$id": under([SIGNALEMENTS], "Signalement"),
  "routes/pieces-jointes.$id.masquer": under([SIGNALEMENTS], "Masquer des zones d'un fichier"),
  "routes/plan-action._index": top("Plan d'action"),
  "routes/plan-action.$id": under([PLAN], "Action"),
  "routes/resultats._index": top("Enquêtes"),
  "routes/resultats.$slug": under([RESULTATS], "Résultats"),
  "routes/enquetes.$slug": under([RESULTATS], "Questionnaire"),
  "routes/enquetes_.$slug.merci": under([RESULTATS], "Merci"),
  "routes/avancement._index": top("Avancement"),
  "routes/avancement.indicateurs": under([AVANCEMENT], "Indicateurs"),
  "routes/avancement.editeurs": under([AVANCEMENT], "Tableaux de bord des éditeurs"),
  "routes/avancement.donnees": under([AVANCEMENT], "Données ouvertes"),
  "routes/avancement.themes.$slug": under([AVANCEMENT], "Thème"),
  "routes/points-etape._index": top("Points d'étape"),
  "routes/points-etape.$slug": under([POINTS], "Point d'étape"),
  "routes/seminaires._index": top("Séminaires"),
  "routes/seminaires.$slug": under([SEMINAIRES], "Séminaire"),
  "routes/seminaires.$slug_.inscription": under([SEMINAIRES], "Inscription"),
  "routes/reglementation._index": top("Réglementation"),
  "routes/reglementation.$slug": under([REGLEMENTATION], "Obligation"),

  "routes/compte._index": top("Mon compte"),
  "routes/compte.notifications": under([COMPTE], "Notifications"),
  "routes/compte.mot-de-passe": under([COMPTE], "Mot de passe"),
  "routes/compte.securite": under([COMPTE], "Sécurité"),
  "routes/compte.jetons": under([COMPTE], "Jetons d'accès"),
  "routes/auth.psc.finaliser": top("Finaliser la connexion"),

  "routes/editeur._index": top("Espace éditeur"),
  "routes/editeur.tickets.$id": under([EDITEUR], "Ticket"),
  "routes/editeur.annonces.$id": under([EDITEUR], "Annonce"),
  "routes/editeur.signaler": under([EDITEUR], "Signaler un problème sur le logiciel d'un autre éditeur"),

  "routes/equipe._index": top("Espace équipe"),
  "routes/equipe.signalements._index": under([EQUIPE], "Tri des signalements"),
  "routes/equipe.signalements.$id": under([EQUIPE, TRI], "Signalement"),
  "routes/equipe.signalements.import": under([EQUIPE, TRI], "Importer des signalements existants"),
  "routes/equipe.signalements.recueillir": under([EQUIPE, TRI], "Recueillir un signalement"),
  "routes/equipe.masquer": under([EQUIPE, TRI], "Masquer un passage"),
  "routes/equipe.tickets": under([EQUIPE], "Tickets"),
  "routes/equipe.plan-action._index": under([EQUIPE], "Édition du plan"),
  "routes/equipe.plan-action.$id": under([EQUIPE, EQ_PLAN], "Action"),
  "routes/equipe.plan-action.import": under([EQUIPE, EQ_PLAN], "Importer"),
  "routes/equipe.enquetes._index": under([EQUIPE], "Enquêtes"),
  "routes/equipe.enquetes.$slug": under([EQUIPE, EQ_ENQUETES], "Enquête"),
  "routes/equipe.enquetes.editeur": under([EQUIPE, EQ_ENQUETES], "Éditeur de questionnaire"),
  "routes/equipe.enquetes.$slug_.reponses-libres": under([EQUIPE, EQ_ENQUETES], "Réponses libres"),
  "routes/equipe.annonces": under([EQUIPE], "Annonces aux éditeurs"),
  "routes/equipe.seminaires._index": under([EQUIPE], "Séminaires"),
  "routes/equipe.seminaires.$id": under([EQUIPE, EQ_SEMINAIRES], "Séminaire"),
  "routes/equipe.seminaires.$id_.bilan": under([EQUIPE, EQ_SEMINAIRES], "Bilan"),
  "routes/equipe.seminaires.$id_.inscriptions": under([EQUIPE, EQ_SEMINAIRES], "Inscriptions"),
  "routes/equipe.avancement._index": under([EQUIPE], "Points d'étape"),
  "routes/equipe.avancement.$id": under([EQUIPE, EQ_AVANCEMENT], "Point d'étape"),
  "routes/equipe.reglementation._index": under([EQUIPE], "Référentiel réglementaire"),
  "routes/equipe.reglementation.$slug": under([EQUIPE, EQ_REGLEMENTATION], "Obligation"),
  "routes/equipe.avancement.indicateurs": under([EQUIPE, EQ_AVANCEMENT], "Indicateurs"),
  "routes/equipe.avancement.ressources": under([EQUIPE, EQ_AVANCEMENT], "Ressources par thème"),
  "routes/equipe.avancement.prochaines-etapes": under([EQUIPE, EQ_AVANCEMENT], "Prochaines étapes"),
  "routes/equipe.themes": under([EQUIPE], "Thèmes"),
  "routes/equipe.vocabulaire": under([EQUIPE], "Vocabulaire du terrain"),
  "routes/equipe.catalogue": under([EQUIPE], "Catalogue"),
  "routes/equipe.reglages": under([EQUIPE], "Réglages"),
  "routes/equipe.journal": under([EQUIPE], "Journal"),
  "routes/equipe.comptes": under([EQUIPE], "Comptes"),
  "routes/equipe.courriels": under([EQUIPE], "Courriels"),
};

/** The trail of the deepest route: its place in the table, labelled from its data when its handle can. */
export function trailFor(match: { id: string; data?: unknown; handle?: unknown } | undefined): Place | null {
  if (!match) return null;
  const place = BREADCRUMBS[match.id];
  if (!place) return null;
  const handle = match.handle as BreadcrumbHandle | undefined;
  const hasData = match.data != null;
  const label = hasData && typeof handle?.breadcrumb === "function" ? handle.breadcrumb(match.data) : undefined;
  const parent = hasData && typeof handle?.breadcrumbParent === "function" ? handle.breadcrumbParent(match.data) : undefined;
  return { parents: parent ? [...place.parents, parent] : place.parents, label: label || place.label };
}

/** The DSFR breadcrumb (fr-breadcrumb), always unfolded: without DSFR's JavaScript there is no "see the trail" button. */
export function Breadcrumb() {
  const matches = useMatches();
  const trail = trailFor(matches[matches.length - 1]);
  if (!trail) return null;
  return (
    <nav role="navigation" className="fr-breadcrumb mt-0" aria-label="vous êtes ici :">
      <ol className="fr-breadcrumb__list">
        <li>
          <Link className="fr-breadcrumb__link" to="/">
            Accueil
          </Link>
        </li>
        {trail.parents.map((crumb) => (
          <li key={crumb.to}>
            <Link className="fr-breadcrumb__link" to={crumb.to}>
              {crumb.label}
            </Link>
          </li>
        ))}
        <li>
          <a className="fr-breadcrumb__link" aria-current="page">
            {trail.label}
          </a>
        </li>
      </ol>
    </nav>
  );
}
