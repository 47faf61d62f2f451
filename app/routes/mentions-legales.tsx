import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Mentions légales — Sentinelle" }];

// Legal notice. The operator's identity and the host are filled in at deployment.
export default function LegalNotice() {
  return (
    <div className="prose-page">
      <h1>Mentions légales</h1>

      <h2>Éditeur de la plateforme</h2>
      <p>
        La plateforme Sentinelle est éditée par l'opérateur public du programme Sentinelle, pour le compte des pouvoirs publics
        chargés du numérique en santé. Sa dénomination, son adresse et son numéro d'identification sont indiqués ici par
        l'opérateur lors du déploiement de la plateforme.
      </p>
      <ul>
        <li>Directeur de la publication : le responsable du programme désigné par l'opérateur.</li>
        <li>
          Contact : l'équipe programme Sentinelle,{" "}
          <a href="mailto:contact@sentinelle.localhost">contact@sentinelle.localhost</a> (adresse générique, remplacée par
          l'opérateur lors du déploiement).
        </li>
      </ul>

      <h2>Hébergement</h2>
      <p>
        La dénomination, l'adresse et le numéro de téléphone de l'hébergeur sont complétés par l'opérateur lors du déploiement,
        conformément à l'article 6 de la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique.
      </p>

      <h2>Propriété intellectuelle</h2>
      <p>
        Sauf mention contraire, les informations publiques diffusées sur la plateforme (points d'étape, plan d'action,
        indicateurs, résultats d'enquêtes publiés) peuvent être réutilisées dans les conditions prévues par le code des
        relations entre le public et l'administration, à condition de ne pas en altérer le sens et d'en mentionner la source et
        la date.
      </p>
      <p>
        Les signalements restent sous la responsabilité de leurs auteurs. Un signalement n'est rendu public qu'après relecture
        par l'équipe programme, et sans le nom de son auteur.
      </p>
      <p>
        Les noms et marques des logiciels et des éditeurs cités appartiennent à leurs détenteurs respectifs ; leur mention ne
        vaut ni recommandation ni jugement de l'opérateur.
      </p>

      <h2>Liens</h2>
      <p>
        Tout site peut créer un lien vers les pages de Sentinelle sans autorisation préalable. Les pages de la plateforme ne
        peuvent pas être affichées à l'intérieur d'un autre site (cadre ou iframe) : les navigateurs le refusent.
      </p>
      <p>
        Les liens de la plateforme vers d'autres sites sont fournis à titre d'information ; l'opérateur n'est pas responsable
        de leur contenu.
      </p>

      <h2>Fonctionnement sans ressources externes</h2>
      <p>
        Sentinelle ne fait appel à aucun service tiers pour s'afficher : toutes les feuilles de style et tous les scripts sont
        servis par la plateforme elle-même.
      </p>
      <ul>
        <li>aucune police de caractères externe : la plateforme utilise les polices déjà installées sur votre appareil ;</li>
        <li>aucun réseau de diffusion de contenu (CDN) ;</li>
        <li>aucun outil de mesure d'audience, aucun traceur, aucun cookie tiers.</li>
      </ul>
      <p>
        Pour en savoir plus sur le traitement de vos données, consultez la page{" "}
        <Link to="/donnees-personnelles">Données personnelles</Link>. L'état de l'accessibilité de la plateforme est décrit dans
        la <Link to="/accessibilite">déclaration d'accessibilité</Link>.
      </p>
    </div>
  );
}
