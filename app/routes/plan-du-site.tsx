import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Plan du site — Sentinelle" }];

export default function SiteMap() {
  return (
    <div className="prose-page">
      <h1>Plan du site</h1>

      <h2>Pages publiques</h2>
      <ul>
        <li>
          <Link to="/">Accueil</Link>
        </li>
        <li>
          <Link to="/signalements">Signalements publiés</Link> (recherche et filtres)
        </li>
        <li>
          <Link to="/plan-action">Plan d'action</Link> (tableau et calendrier des échéances ;{" "}
          <a href="/plan-action.csv">export CSV</a>)
        </li>
        <li>
          <Link to="/resultats">Résultats des enquêtes</Link>
        </li>
        <li>
          <Link to="/avancement">Avancement du programme</Link> (<Link to="/avancement/editeurs">éditeurs</Link>,{" "}
          <Link to="/points-etape">points d'étape</Link>, <a href="/flux.atom">flux Atom</a>,{" "}
          <Link to="/avancement/donnees">données ouvertes</Link>)
        </li>
        <li>
          <Link to="/reglementation">Référentiel réglementaire</Link> (obligations, calendrier et tableau des documents par canal)
        </li>
        <li>
          <Link to="/seminaires">Séminaires tripartites</Link> (<Link to="/atelier">rejoindre un atelier avec son code</Link>)
        </li>
        <li>
          <Link to="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link to="/inscription">Créer un compte</Link>
        </li>
      </ul>

      <h2>Espace connecté</h2>
      <ul>
        <li>
          <Link to="/compte">Mon compte</Link> (toute personne connectée)
        </li>
        <li>
          <Link to="/signalements/nouveau">Signaler un irritant</Link> (professionnels de santé et patients)
        </li>
        <li>
          <Link to="/equipe/signalements">Tri des signalements</Link>, <Link to="/equipe/tickets">tickets des éditeurs</Link>,{" "}
          <Link to="/equipe/themes">thèmes</Link>, <Link to="/equipe/vocabulaire">vocabulaire du terrain</Link>,{" "}
          <Link to="/equipe/catalogue">catalogue des logiciels</Link> et{" "}
          <Link to="/equipe/reglages">réglages</Link>, <Link to="/equipe/plan-action">édition du plan d'action</Link>,{" "}
          <Link to="/equipe/enquetes">enquêtes</Link>, <Link to="/equipe/avancement">points d'étape</Link>, <Link to="/equipe/reglementation">référentiel réglementaire</Link> (équipe
          programme)
        </li>
        <li>
          <Link to="/editeur">Espace éditeur</Link> (membres d'un éditeur)
        </li>
      </ul>

      <h2>Informations</h2>
      <ul>
        <li>
          <Link to="/a-propos">À propos du programme</Link>
        </li>
        <li>
          <Link to="/accessibilite">Accessibilité</Link>
        </li>
        <li>
          <Link to="/mentions-legales">Mentions légales</Link>
        </li>
        <li>
          <Link to="/donnees-personnelles">Données personnelles</Link>
        </li>
        <li>Plan du site (cette page)</li>
      </ul>

      <h2>API</h2>
      <p>
        Sentinelle propose une API JSON sous l'adresse /api/v1, avec les mêmes règles d'accès que les pages. Authentification
        par cookie de session ou par jeton personnel, créé depuis la page Mon compte.
      </p>
      <ul>
        <li>
          API publique, liste des thèmes :{" "}
          <Link to="/api/v1/themes" reloadDocument>
            /api/v1/themes
          </Link>
        </li>
        <li>
          Description OpenAPI 3.1 de l'API :{" "}
          <Link to="/api/v1/openapi.json" reloadDocument>
            /api/v1/openapi.json
          </Link>
        </li>
      </ul>
    </div>
  );
}
