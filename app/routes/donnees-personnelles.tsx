import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Données personnelles — Sentinelle" }];

const RETENTION: { data: string; duration: string }[] = [
  {
    data: "Compte (e-mail, nom, rôle, informations d'exercice, RPPS)",
    duration:
      "Tant que vous gardez votre compte. Vous pouvez le supprimer vous-même à tout moment depuis « Mon compte » : votre identité est alors effacée, y compris de vos inscriptions aux séminaires, et vos brouillons de questionnaire sont supprimés.",
  },
  {
    data: "Signalements, soutiens et commentaires",
    duration:
      "Pendant toute la durée du programme. À la suppression du compte, ils sont conservés sous le nom « Compte supprimé ». Le texte d'un signalement masqué par l'équipe est effacé un an après son masquage, avec ses commentaires et le texte des notifications et e-mails qui le citaient.",
  },
  {
    data: "Réponses aux questionnaires",
    duration: "Pendant toute la durée du programme, pour comparer les vagues d'enquête. Elles sont anonymes dès leur envoi.",
  },
  {
    data: "Invitations et brouillons de questionnaire",
    duration: "Jusqu'à la clôture de la campagne d'enquête ; ensuite, les brouillons non envoyés et le lien avec la personne invitée sont effacés.",
  },
  {
    data: "Sessions de connexion",
    duration:
      "30 jours au plus ; supprimées dès la déconnexion, la déconnexion de tous les appareils, le changement de mot de passe (pour les autres sessions) ou sa réinitialisation, et effacées une fois expirées.",
  },
  {
    data: "Liens envoyés par e-mail (inscription, confirmation d'adresse, nouveau mot de passe)",
    duration:
      "72 heures pour l'inscription et la confirmation, une heure pour le mot de passe ; effacés une fois utilisés ou expirés, et un lien de nouveau mot de passe encore inutilisé tombe dès que le mot de passe change ou que vous vous déconnectez de tous les appareils. Seule leur empreinte est conservée. Le lien d'inscription porte lui-même, chiffré, ce que vous avez saisi dans le formulaire (dont l'empreinte du mot de passe) : aucun compte n'existe avant qu'il soit ouvert, et l'e-mail qui le contient est effacé quand il expire.",
  },
  {
    data: "Inscriptions aux séminaires (nom, adresse e-mail, côté, organisation, ateliers)",
    duration:
      "Une inscription non confirmée est effacée 72 heures après la demande ; une inscription confirmée est conservée pour le bilan du séminaire. À la suppression du compte, elle reste comptée mais perd le nom et l'adresse.",
  },
  {
    data: "Notifications et choix de notification",
    duration: "Jusqu'à la suppression du compte.",
  },
  {
    data: "Jetons d'accès à l'API",
    duration:
      "Jusqu'à leur révocation : par vous, ou d'office au changement ou à la réinitialisation du mot de passe (sauf si vous choisissez de les garder lors d'un changement), à la déconnexion de tous les appareils, à la désactivation ou à la suppression du compte.",
  },
  {
    data: "Journal des événements",
    duration:
      "Un an pour les événements liés aux comptes (création, changement de mot de passe, jetons) ; l'historique d'un signalement ou d'une action est conservé aussi longtemps que l'élément qu'il décrit.",
  },
];

// Personal data notice (GDPR articles 13 and 14).
export default function PersonalData() {
  return (
    <div className="prose-page">
      <h1>Données personnelles</h1>
      <p>
        Cette page explique quelles données personnelles la plateforme Sentinelle traite, pourquoi, pendant combien de temps, qui
        y a accès et comment exercer vos droits, conformément au règlement général sur la protection des données (RGPD) et à la
        loi Informatique et Libertés.
      </p>

      <h2>Responsable du traitement</h2>
      <p>
        Le responsable du traitement est l'opérateur public du programme Sentinelle, désigné dans les{" "}
        <Link to="/mentions-legales">mentions légales</Link>. Vous pouvez joindre l'équipe programme Sentinelle à l'adresse{" "}
        <a href="mailto:contact@sentinelle.localhost">contact@sentinelle.localhost</a> (adresse générique, remplacée par
        l'opérateur lors du déploiement, qui indique aussi ici les coordonnées de son délégué à la protection des données).
      </p>

      <h2>Données collectées</h2>
      <ul>
        <li>
          <strong>Votre compte</strong> : adresse e-mail, nom affiché, rôle (professionnel de santé, patient, éditeur, équipe
          programme, administration) et, pour les professionnels de santé, profession, spécialité, mode d'exercice, région et
          numéro RPPS (facultatif). Votre mot de passe n'est jamais conservé : seule une empreinte (argon2id) l'est.
        </li>
        <li>
          <strong>Si vous vous connectez avec Pro Santé Connect</strong> : Pro Santé Connect (Agence du numérique en santé)
          transmet votre numéro RPPS, vos nom et prénom, votre profession, votre spécialité, votre mode et vos lieux d'exercice
          et, s'il la connaît, votre adresse e-mail. Sentinelle en conserve le numéro RPPS (marqué comme vérifié), le nom, la
          profession, la spécialité de médecine générale, le mode d'exercice et la région du premier lieu d'exercice ; le nom du
          lieu d'exercice n'est affiché qu'une fois, pendant la création du compte, et n'est pas conservé.
        </li>
        <li>
          <strong>Vos signalements d'irritants</strong> : titre, description, thèmes, statut, dates et historique des
          changements.
        </li>
        <li>
          <strong>Vos réponses aux questionnaires</strong> : elles sont anonymes, y compris pour l'équipe programme. Une réponse
          ne peut pas être reliée à l'invitation qui a permis d'y répondre ; de l'invitation, la plateforme ne garde qu'une
          empreinte de son code. Votre lien personnel n'est envoyé qu'à vous (par e-mail ou dans vos notifications) : l'équipe ne
          le voit pas, et aucune page ne dit à quelqu'un d'autre que vous si vous avez répondu. Jusqu'à la clôture, la plateforme
          sait seulement quelles invitations ont servi, pour n'envoyer la relance qu'aux autres ; ce lien avec la personne est
          effacé ensuite. Les résultats ne montrent que des groupes d'au moins 10 répondants (celles et ceux qui n'indiquent pas
          de logiciel forment un groupe comme les autres, et un second groupe est masqué quand il le faut), de sorte qu'aucune
          réponse ne peut être retrouvée par soustraction ; les résultats provisoires que voit l'équipe suivent la même règle et
          n'avancent que par lots de 10 réponses, de sorte qu'une réponse ne peut pas non plus être isolée en comparant deux
          consultations.
        </li>
        <li>
          <strong>Vos sessions de connexion</strong> : elles sont conservées sur le serveur. Le navigateur ne garde qu'un
          identifiant aléatoire, dont la base de données ne conserve qu'une empreinte (SHA-256), avec ses dates de création et
          d'expiration.
        </li>
        <li>
          <strong>Vos jetons d'accès à l'API</strong>, si vous en créez : leur libellé, leurs premiers caractères, leurs dates de
          création et de dernière utilisation, et une empreinte du jeton (jamais le jeton lui-même). Un jeton n'ouvre que l'API
          (/api/v1), jamais les pages du site.
        </li>
        <li>
          <strong>Le journal des événements</strong> : chaque changement (création de compte, signalement, changement de
          statut, changement de mot de passe, création ou révocation de jeton…) est enregistré avec son auteur et sa date.
        </li>
      </ul>
      <p>
        Votre adresse IP sert, en mémoire et pendant une minute, à limiter le nombre de tentatives de connexion et de création
        de compte ; elle n'est pas enregistrée dans la base de données.
      </p>

      <h2>Aucun identifiant de patient</h2>
      <p>
        Sentinelle recueille des difficultés liées aux outils numériques, pas des données de patients. N'indiquez dans vos
        textes aucune information permettant d'identifier un patient.
      </p>
      <p>
        Par précaution, les textes libres (signalements, commentaires, réponses et notes des tickets éditeurs, réponses libres
        et brouillons des questionnaires, cartes et citations des ateliers) sont analysés avant d'être enregistrés : les
        numéros de sécurité sociale (NIR) et matricules INS — reconnus à leur forme, même si leur clé est fausse ou absente —,
        les numéros de téléphone et les adresses e-mail qui y figurent sont remplacés par « [NIR masqué] », « [téléphone
        masqué] » ou « [e-mail masqué] » et ne sont jamais conservés. L'auteur est prévenu de ce qui a été masqué et pourquoi.
      </p>
      <p>
        Pendant la saisie d'un signalement, le texte est envoyé dans le corps des requêtes de recherche de doublons, jamais
        dans une adresse web : il n'apparaît pas dans les journaux des serveurs. Ce qui est effacé l'est aussi du fichier de la
        base de données et des sauvegardes faites ensuite : l'espace libéré est remis à zéro.
      </p>
      <p>
        Vous pouvez joindre jusqu'à 5 fichiers à un signalement, à un commentaire ou à une réponse sur un ticket. Si
        JavaScript est actif, l'aperçu des fichiers choisis est affiché par votre navigateur seul : rien n'est envoyé avant
        que vous validiez le formulaire. Un fichier joint (capture d'écran, image ou PDF) n'est jamais conservé tel qu'il
        est envoyé. Son type est vérifié
        d'après son contenu ; les images sont ré-encodées, ce qui retire toutes leurs métadonnées (EXIF, position GPS,
        appareil) ; les pages d'un PDF sont converties en image et le PDF n'est pas gardé. Une lecture automatique du texte
        (OCR, sur nos serveurs) repère ensuite les numéros de sécurité sociale, les numéros de téléphone, les adresses e-mail,
        ce que montre un bandeau patient (nom, prénom, date de naissance, NIR, INS) et les dates de naissance, et les
        recouvre d'un rectangle noir : seule l'image masquée est gardée. Cette lecture peut manquer un identifiant (écriture
        manuscrite, très petits caractères, photo de biais) : le fichier reste donc visible de vous et de l'équipe programme
        seulement, jusqu'à ce que l'équipe l'ait vérifié ; il ne parvient qu'ensuite à l'éditeur concerné et, si le
        signalement est publié, au public (les fichiers joints à une réponse sur un ticket ne sont jamais publics). Tant
        que l'équipe ne l'a pas validé, vous pouvez masquer vous-même d'autres zones de votre fichier (l'équipe le peut
        à tout moment) : le rectangle noir remplace définitivement ce qu'il couvre. Les fichiers choisis avant « Vérifier les
        doublons » sont gardés, déjà nettoyés, jusqu'à l'envoi du signalement, et supprimés au bout d'un jour s'il n'est
        pas envoyé ; ils ne sont jamais copiés dans les sauvegardes. Les fichiers sont enregistrés à côté de la base de données, jamais dans un
        dossier public ; ils sont supprimés avec votre compte, quand l'équipe masque le signalement ou le fichier, et
        figurent dans l'export de vos données.
      </p>
      <p>
        Ce qu'un filtre automatique ne reconnaît pas (un nom, une date de naissance, un numéro de dossier), l'équipe programme
        peut le masquer à tout moment, avant comme après la publication, dans un signalement, un commentaire, une réponse
        d'éditeur ou une carte d'atelier : le passage est remplacé par « [passage masqué par l'équipe] » et effacé, y compris
        des notifications et des courriels qui le citaient ; il n'est pas conservé ailleurs. Avant de publier, l'équipe est
        avertie des longues suites de chiffres restées dans le texte.
      </p>

      <h2>Finalités</h2>
      <ul>
        <li>gérer votre compte et votre connexion ;</li>
        <li>recueillir, trier et suivre les irritants du numérique en santé, et les transmettre aux éditeurs concernés ;</li>
        <li>mesurer la satisfaction des utilisateurs par des questionnaires ;</li>
        <li>publier l'avancement du programme, sous forme de chiffres agrégés et de signalements relus ;</li>
        <li>vous informer des suites données aux signalements que vous suivez ;</li>
        <li>assurer la sécurité de la plateforme et la traçabilité des modifications.</li>
      </ul>

      <h2>Base légale</h2>
      <p>
        Ces traitements sont nécessaires à l'exécution d'une mission d'intérêt public dont est investi l'opérateur du programme
        (article 6, paragraphe 1, point e du RGPD).
      </p>

      <h2>Durées de conservation</h2>
      <TableRegion label="Durées de conservation">
        <table>
          <caption className="mb-2 text-left">Durée de conservation par catégorie de données</caption>
          <thead>
            <tr>
              <th scope="col">Données</th>
              <th scope="col">Durée de conservation</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION.map((row) => (
              <tr key={row.data}>
                <th scope="row">{row.data}</th>
                <td>{row.duration}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>Destinataires</h2>
      <ul>
        <li>
          <strong>L'équipe programme</strong> voit les signalements et les comptes, pour trier, regrouper et transmettre les
          signalements.
        </li>
        <li>
          <strong>Les éditeurs de logiciels</strong> ne voient que les tickets concernant leurs propres produits, dont le texte a
          déjà été débarrassé des identifiants de patients. Un éditeur ne voit rien des tickets d'un autre éditeur.
        </li>
        <li>
          <strong>Le public</strong> ne voit que les signalements publiés par l'équipe programme après relecture, sans le nom de
          leur auteur, et des résultats d'enquête agrégés par groupes d'au moins 10 répondants.
        </li>
        <li>
          <strong>Les inscriptions aux séminaires</strong> (nom, adresse e-mail, côté et organisation) ne sont vues que par
          l'équipe programme ; la page publique d'un séminaire n'en montre que le nombre par côté. Une inscription sans compte
          (ou avec un compte dont l'adresse n'est pas confirmée) n'est comptée qu'une fois l'adresse confirmée par le lien envoyé
          par e-mail, à usage unique ; sans confirmation, elle est effacée au bout de 72 heures. Le formulaire répond de la même
          façon que l'adresse soit déjà inscrite ou non : il ne révèle pas qui participe. Une inscription faite avec l'adresse
          d'un compte n'est rattachée à ce compte qu'une fois confirmée depuis cette adresse. Les cartes des ateliers sont
          anonymes et débarrassées des identifiants de patients.
        </li>
        <li>
          <strong>Les administrateurs de la plateforme</strong> et l'hébergeur, pour le fonctionnement technique du service.
        </li>
      </ul>
      <p>Vos données ne sont ni vendues, ni cédées, ni utilisées à des fins commerciales.</p>

      <h2>Cookies</h2>
      <p>Sentinelle ne dépose que des cookies strictement nécessaires au fonctionnement du service :</p>
      <ul>
        <li>
          <strong>sentinelle_session</strong> : il maintient votre connexion. Il ne contient qu'un identifiant aléatoire signé,
          n'est pas lisible par les scripts de la page (HttpOnly), n'est pas envoyé lors des requêtes venant d'autres sites
          (SameSite=Lax), n'est transmis qu'en connexion chiffrée lorsque la plateforme est servie en HTTPS, et expire au bout
          de 30 jours ou à la déconnexion.
        </li>
        <li>
          <strong>Connexion avec Pro Santé Connect</strong>, seulement si vous l'utilisez, avec les mêmes protections :{" "}
          <strong>sentinelle_psc_flow</strong> (les codes de sécurité de la connexion en cours, 10 minutes au plus),{" "}
          <strong>sentinelle_psc_pending</strong> (votre identité Pro Santé Connect le temps de finaliser la création ou le
          rattachement de votre compte, 15 minutes au plus) et <strong>sentinelle_psc</strong> (le jeton d'identité remis par
          Pro Santé Connect, qui permet de vous déconnecter aussi de Pro Santé Connect ; supprimé à la déconnexion, 30 jours au
          plus).
        </li>
        <li>
          <strong>sentinelle_atelier</strong>, seulement si vous publiez une carte ou votez dans un atelier de séminaire : un
          identifiant aléatoire signé, sans lien avec votre identité, qui compte vos points de vote et limite l'envoi de cartes
          (la plateforme n'en garde que l'empreinte), avec les mêmes protections ; 7 jours au plus.
        </li>
        <li>
          <strong>sentinelle_enquete</strong>, seulement si vous suivez le lien personnel d'une invitation à une enquête : le
          jeton de ce lien, signé, pour que les pages suivantes du questionnaire n'aient pas à le porter dans leur adresse, avec
          les mêmes protections ; envoyé aux seules pages des enquêtes, supprimé à l'envoi de vos réponses ou à la fermeture du
          navigateur.
        </li>
      </ul>
      <p>
        Ces cookies étant indispensables, ils ne demandent pas votre consentement. La plateforme n'utilise aucun outil de mesure
        d'audience, aucun traceur et aucun cookie tiers.
      </p>

      <h2>Vos droits</h2>
      <p>Vous disposez des droits suivants sur vos données :</p>
      <ul>
        <li>
          droit d'accès et à la portabilité : téléchargez vous-même toutes vos données (profil, signalements, commentaires, soutiens, abonnements,
          notifications, activité) depuis la page <Link to="/compte">Mon compte</Link> ;
        </li>
        <li>droit de rectification : vous pouvez modifier votre profil vous-même depuis la page <Link to="/compte">Mon compte</Link> ;</li>
        <li>droit à l'effacement : supprimez votre compte depuis la page <Link to="/compte">Mon compte</Link> ;</li>
        <li>droit d'opposition ;</li>
        <li>droit à la limitation du traitement.</li>
      </ul>
      <p>
        Pour exercer ces droits, écrivez à l'équipe programme Sentinelle à l'adresse{" "}
        <a href="mailto:contact@sentinelle.localhost">contact@sentinelle.localhost</a>, depuis l'adresse e-mail de votre compte.
        Une réponse vous est apportée dans un délai d'un mois.
      </p>
      <p>
        Les réponses aux questionnaires étant anonymes, elles ne peuvent pas vous être attribuées : il n'est donc pas possible
        de les retrouver pour les consulter, les modifier ou les effacer.
      </p>
      <p>
        Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation
        à la Commission nationale de l'informatique et des libertés (CNIL) : en ligne sur https://www.cnil.fr/fr/plaintes, ou
        par courrier à CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.
      </p>
    </div>
  );
}
