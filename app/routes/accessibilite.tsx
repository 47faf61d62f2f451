import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Déclaration d'accessibilité — Sentinelle" }];

// The accessibility statement, following the RGAA 4.1 model statement.
export default function AccessibilityStatement() {
  return (
    <div className="prose-page">
      <h1>Déclaration d'accessibilité</h1>
      <p>
        L'opérateur public du programme Sentinelle s'engage à rendre ses services numériques accessibles, conformément à
        l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>Cette déclaration d'accessibilité s'applique à la plateforme Sentinelle.</p>

      <h2>État de conformité</h2>
      <p>
        La plateforme Sentinelle est <strong>non conforme</strong> avec le référentiel général d'amélioration de
        l'accessibilité (RGAA), version 4.1.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        Faute d'audit, le RGAA impose d'afficher « non conforme », quelles que soient les vérifications déjà faites.
      </p>
      <p>Aucun audit de conformité au RGAA n'a encore été réalisé. Un audit complet est prévu.</p>
      <p>En attendant cet audit, l'accessibilité de la plateforme est vérifiée de la manière suivante :</p>
      <ul>
        <li>
          chaque page est contrôlée automatiquement avec l'outil axe-core dans la suite de tests de la plateforme, exécutée à
          chaque modification : aucune anomalie détectée n'est acceptée ;
        </li>
        <li>
          des tests automatisés vérifient le lien d'évitement au clavier et les étiquettes des champs des parcours principaux
          (connexion, création de compte, signalement d'un irritant, tri des signalements) ;
        </li>
        <li>les formulaires principaux fonctionnent sans JavaScript.</li>
      </ul>
      <p>
        Les contrôles automatiques ne détectent qu'une partie des critères du RGAA : ils ne remplacent pas un audit.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      <p>
        Aucune non-conformité n'est connue à ce jour. La liste des contenus non accessibles sera établie à l'issue de l'audit
        et publiée sur cette page.
      </p>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Aucun.</p>

      <h2>Établissement de cette déclaration d'accessibilité</h2>
      <p>Cette déclaration a été établie le 25 novembre 2026.</p>
      <h3>Technologies utilisées pour la réalisation de la plateforme</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>
          JavaScript, de façon facultative : les formulaires essentiels fonctionnent sans JavaScript, qui n'apporte que des
          améliorations de confort.
        </li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Les vérifications ont été réalisées avec :</p>
      <ul>
        <li>le navigateur Chromium (version distribuée par Debian), piloté par Playwright pour les tests automatiques ;</li>
        <li>l'outil axe-core, exécuté dans ce navigateur sur chaque page ;</li>
        <li>une navigation au clavier seul, sans souris.</li>
      </ul>
      <p>Les tests avec des technologies d'assistance (lecteurs d'écran) seront menés lors de l'audit.</p>
      <h3>Pages du site ayant fait l'objet de la vérification</h3>
      <ul>
        <li>
          <Link to="/">Accueil</Link>
        </li>
        <li>
          <Link to="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link to="/inscription">Créer un compte</Link>
        </li>
        <li>
          <Link to="/compte">Mon compte</Link>
        </li>
        <li>
          <Link to="/signalements/nouveau">Signaler un irritant</Link>
        </li>
        <li>
          <Link to="/equipe">Tri des signalements</Link>
        </li>
        <li>Déclaration d'accessibilité (cette page)</li>
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

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l'équipe programme Sentinelle pour
        être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <p>
        Adresse de contact : <a href="mailto:contact@sentinelle.localhost">contact@sentinelle.localhost</a>
      </p>
      <p className="text-sm text-gris-700">
        Cette adresse est générique : l'opérateur de la plateforme la remplace par son adresse de contact lors du déploiement.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable de la plateforme un défaut
        d'accessibilité qui vous empêche d'accéder à un contenu ou à l'un des services, et vous n'avez pas obtenu de réponse
        satisfaisante.
      </p>
      <p>Vous pouvez :</p>
      <ul>
        <li>écrire un message au Défenseur des droits, par son formulaire en ligne : https://formulaire.defenseurdesdroits.fr/ ;</li>
        <li>
          contacter le délégué du Défenseur des droits dans votre région : https://www.defenseurdesdroits.fr/saisir/delegues ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342
          Paris CEDEX 07.
        </li>
      </ul>
    </div>
  );
}
