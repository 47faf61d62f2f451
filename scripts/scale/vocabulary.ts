/**
 * French domain vocabulary for the scale seed: irritant titles and sentences per theme, drawn from the program's
 * status deck (INS, MSSanté, Mon espace santé / DMP, VSM, ordonnance numérique, nommage des documents, lenteurs
 * des versions Ségur, délégation, formation). Placeholders in braces are filled by the generator:
 * {produit}, {version}, {minutes}, {secondes}, {nombre}, {profession}, {frequence}, {document}, {correspondant}.
 */

export type ThemeVocabulary = { titles: string[]; sentences: string[] };

export const THEME_VOCABULARY: Record<string, ThemeVocabulary> = {
  ins: {
    titles: [
      "Échec de l'appel au téléservice INSi",
      "Qualification de l'INS trop longue en consultation",
      "INS impossible à qualifier pour les patients nés à l'étranger",
      "L'identité reste provisoire malgré la pièce d'identité",
      "Discordance sur le nom de naissance lors de la qualification INS",
      "Homonymes non détectés lors de la récupération de l'INS",
      "Le téléservice INSi répond trop lentement",
      "Carte Vitale lue mais INS non récupérée",
      "Prénoms de naissance tronqués après l'appel INSi",
      "Identité qualifiée perdue après la mise à jour du logiciel",
      "Message d'erreur INSi incompréhensible",
      "INS des nouveau-nés introuvable",
    ],
    sentences: [
      "L'appel au téléservice INSi échoue une fois sur trois avec le nom d'usage.",
      "Je dois relancer la recherche avec le nom de naissance, ce qui prend plusieurs minutes par patient.",
      "Le logiciel affiche une erreur sans code exploitable et je ne sais pas quoi corriger.",
      "Pour les patients nés à l'étranger, le lieu de naissance n'est jamais reconnu par le téléservice.",
      "Même avec la carte nationale d'identité en main, l'identité reste au statut provisoire.",
      "Le secrétariat n'a pas les droits pour qualifier l'identité, tout repose sur moi.",
      "Les patients homonymes sont proposés sans avertissement, au risque de se tromper de dossier.",
      "La qualification de l'INS me prend en moyenne {minutes} minutes par nouveau patient.",
      "Quand le téléservice INSi ne répond pas, le logiciel bloque la suite de la consultation.",
      "Les traits d'identité renvoyés écrasent ceux que j'avais saisis sans me demander confirmation.",
      "Je ne comprends pas la différence entre identité récupérée, identité validée et identité qualifiée.",
      "La lecture de la carte Vitale fonctionne, mais l'INS n'est pas récupérée automatiquement.",
    ],
  },
  mssante: {
    titles: [
      "Comptes rendus de biologie non reçus par MSSanté",
      "Adresse MSSanté du correspondant introuvable dans l'annuaire",
      "Pièces jointes reçues en double dans la messagerie sécurisée",
      "Messages MSSanté bloqués par la taille des pièces jointes",
      "Résultats de biologie reçus par MSSanté non intégrés au dossier",
      "La boîte aux lettres MSSanté ne se synchronise plus",
      "Courriers de sortie d'hospitalisation jamais reçus en MSSanté",
      "Impossible d'envoyer un courrier MSSanté à un kinésithérapeute",
      "Accusés de réception MSSanté absents",
      "Messagerie sécurisée de santé inaccessible depuis le logiciel",
      "Comptes rendus reçus en PDF et en CDA, sans lien entre eux",
    ],
    sentences: [
      "Certains comptes rendus de biologie n'arrivent jamais dans ma boîte MSSanté.",
      "D'autres arrivent en double et dans des formats différents (PDF, CDA).",
      "L'annuaire propose trois adresses pour le même {correspondant}, dont deux ne fonctionnent plus.",
      "Les résultats du laboratoire doivent être rattachés à la main au dossier du patient.",
      "Le message part, mais je ne sais jamais s'il a été reçu.",
      "Les pièces jointes de plus de {nombre} Mo sont refusées sans explication.",
      "La synchronisation de la messagerie sécurisée prend plusieurs minutes à chaque ouverture.",
      "Je reçois encore des comptes rendus par fax ou par courrier papier faute d'adresse MSSanté.",
      "Le {correspondant} me dit avoir envoyé le {document}, mais il n'apparaît nulle part.",
      "Les messages MSSanté destinés au patient ne sont pas visibles dans sa messagerie de Mon espace santé.",
      "L'intégration automatique des résultats de biologie ne fonctionne que pour un seul laboratoire.",
    ],
  },
  "mes-dmp": {
    titles: [
      "Envoi au DMP bloqué à la clôture de la consultation",
      "Documents absents de Mon espace santé après envoi",
      "Erreur d'alimentation du DMP sans message explicite",
      "Consultation du DMP impossible depuis le logiciel",
      "Le patient ne voit pas son ordonnance dans Mon espace santé",
      "L'envoi au DMP ralentit l'ouverture du dossier patient",
      "Accès au DMP refusé alors que le patient a donné son accord",
      "Historique de vaccinations du DMP illisible",
      "Documents envoyés deux fois au DMP",
      "Mon espace santé : document introuvable pour le patient",
    ],
    sentences: [
      "Depuis la mise à jour Ségur, l'envoi au DMP bloque l'écran pendant l'envoi.",
      "Le document est marqué comme envoyé, mais le patient ne le retrouve pas dans Mon espace santé.",
      "L'erreur affichée est un code technique sans explication.",
      "Je dois ouvrir un autre logiciel pour consulter le DMP du patient.",
      "L'alimentation de Mon espace santé me prend {minutes} minutes de plus par jour.",
      "Le patient m'appelle pour me dire que son {document} n'apparaît pas.",
      "Les documents antérieurs à la mise à jour ne sont jamais partis vers le DMP.",
      "Le consentement du patient est redemandé à chaque consultation.",
      "L'accès au DMP en mode bris de glace n'est pas proposé par mon logiciel.",
      "L'envoi échoue quand le dossier contient plus de {nombre} documents.",
    ],
  },
  vsm: {
    titles: [
      "Remplir le VSM prend trop de temps",
      "Le VSM demande de ressaisir les antécédents",
      "Reprise automatique du traitement en cours absente du VSM",
      "Le VSM n'est pas envoyé au DMP",
      "Génération du VSM trop lente",
      "VSM incomplet : allergies non reprises",
      "Impossible de mettre à jour un VSM déjà envoyé",
      "Le volet de synthèse médicale est illisible pour le patient",
    ],
    sentences: [
      "Le volet de synthèse médicale demande de ressaisir des informations déjà présentes dans le dossier.",
      "La reprise automatique des antécédents et des traitements ne fonctionne pas.",
      "La génération du VSM prend plus de {secondes} secondes.",
      "Les allergies saisies dans le dossier n'apparaissent pas dans le VSM.",
      "Une fois envoyé, le VSM ne peut plus être corrigé, il faut en produire un nouveau.",
      "Je produis environ {nombre} VSM par semaine et chacun me prend {minutes} minutes.",
      "Le VSM généré ne respecte pas la présentation attendue par le patient.",
      "Le logiciel ne rappelle pas quels patients n'ont pas encore de VSM à jour.",
    ],
  },
  "ordonnance-numerique": {
    titles: [
      "Ordonnance numérique : le paraphe est demandé à chaque page",
      "QR code de l'ordonnance numérique illisible en pharmacie",
      "L'ordonnance numérique échoue sans carte CPS",
      "Le pharmacien ne retrouve pas l'ordonnance numérique",
      "Ordonnance numérique non proposée pour les prescriptions de soins infirmiers",
      "Délivrance impossible : identifiant de l'ordonnance inconnu",
      "Ordonnance numérique refusée pour un patient sans carte Vitale",
      "L'e-prescription double le temps de rédaction de l'ordonnance",
    ],
    sentences: [
      "Pour une ordonnance de trois pages, le logiciel demande trois fois le paraphe.",
      "Le QR code imprimé est trop petit et la pharmacie ne parvient pas à le lire.",
      "Sans carte CPS dans le lecteur, l'ordonnance numérique n'est pas créée et aucun message ne le dit.",
      "Le pharmacien reçoit une erreur « ordonnance inconnue » alors qu'elle a bien été émise.",
      "Les prescriptions de soins infirmiers ne passent pas encore par l'ordonnance numérique.",
      "L'e-prescription ajoute environ {secondes} secondes à chaque ordonnance.",
      "Les modifications faites par le pharmacien ne remontent pas dans mon logiciel.",
      "Le patient repart avec une ordonnance papier faute de connexion au service.",
    ],
  },
  "nommage-documents": {
    titles: [
      "Noms des documents incompréhensibles dans Mon espace santé",
      "Tous les documents s'appellent « Document »",
      "Type de document mal renseigné lors de l'envoi",
      "Comptes rendus nommés avec un code interne du laboratoire",
      "Impossible de retrouver une ordonnance parmi les documents reçus",
      "Dates des documents remplacées par la date d'envoi",
    ],
    sentences: [
      "Les documents reçus s'appellent tous « Document » suivi d'une date.",
      "Impossible de retrouver la bonne ordonnance sans ouvrir chaque fichier.",
      "Le type de document est choisi par défaut et personne ne le corrige.",
      "Les comptes rendus portent un code interne du laboratoire au lieu d'un titre lisible.",
      "La date affichée est celle de l'envoi, pas celle de l'examen.",
      "Le patient ne comprend pas quels documents concernent sa dernière consultation.",
      "Il faudrait une règle de nommage commune à tous les éditeurs.",
    ],
  },
  "performance-lgc": {
    titles: [
      "Lenteurs du logiciel de cabinet depuis la version Ségur",
      "Ouverture du dossier patient en plus de dix secondes",
      "Plantage du logiciel lors de l'envoi au DMP",
      "Mise à jour Ségur qui bloque le poste pendant une heure",
      "Écran figé pendant la lecture de la carte Vitale",
      "Trop de clics pour clôturer une consultation depuis la version Ségur",
      "Le logiciel redémarre seul en pleine consultation",
      "Lenteurs à l'impression des ordonnances",
      "Menus réorganisés sans prévenir après la mise à jour",
      "Logiciel inutilisable sur les postes anciens du cabinet",
    ],
    sentences: [
      "Depuis la mise à jour Ségur, l'ouverture d'un dossier patient prend plus de {secondes} secondes.",
      "Le logiciel se fige pendant chaque envoi et je ne peux rien faire d'autre.",
      "La mise à jour a été installée en pleine journée et a bloqué le cabinet.",
      "Il faut désormais {nombre} clics de plus pour clôturer une consultation.",
      "Le logiciel plante plusieurs fois par semaine et je perds la saisie en cours.",
      "Sur nos postes de plus de cinq ans, le logiciel est devenu presque inutilisable.",
      "Les menus ont été réorganisés et personne au cabinet ne retrouve les fonctions habituelles.",
      "J'utilise {produit} en version {version}.",
      "Le support de l'éditeur me répond que le problème est connu, sans date de correction.",
      "Les lenteurs sont pires en fin de journée, quand plusieurs postes travaillent en même temps.",
    ],
  },
  delegation: {
    titles: [
      "Impossible de déléguer l'alimentation du DMP au secrétariat",
      "Le secrétariat ne peut pas envoyer les courriers MSSanté",
      "Délégation de la qualification INS non prévue par le logiciel",
      "L'assistant médical n'a pas de droits adaptés dans le logiciel",
      "Pas de délégation possible pour la préparation du VSM",
    ],
    sentences: [
      "Le secrétariat pourrait qualifier l'identité, mais le logiciel réserve cette fonction au médecin.",
      "L'assistant médical ne peut pas préparer les envois au DMP à ma place.",
      "Je dois me connecter moi-même avec ma carte CPS pour chaque envoi MSSanté.",
      "La délégation de tâches prévue par les textes n'est pas possible dans mon logiciel.",
      "Les droits sont soit tout, soit rien : il manque un profil adapté au secrétariat.",
      "Cela me prend {minutes} minutes par jour qui pourraient être confiées à l'équipe.",
    ],
  },
  formation: {
    titles: [
      "Aucune formation proposée pour la version Ségur",
      "Documentation de l'éditeur introuvable",
      "Pas d'accompagnement pour paramétrer la messagerie sécurisée",
      "Formation à Mon espace santé trop générale",
      "Aucun interlocuteur pour expliquer la qualification INS",
      "Tutoriels vidéo obsolètes après la mise à jour",
    ],
    sentences: [
      "L'éditeur a installé la nouvelle version sans aucune formation.",
      "La documentation décrit encore l'ancienne version du logiciel.",
      "Je ne sais pas à qui m'adresser pour paramétrer la messagerie sécurisée.",
      "Les webinaires proposés ont lieu pendant les heures de consultation.",
      "Un pas-à-pas de quelques minutes suffirait pour les fonctions Ségur.",
      "Les nouveaux collaborateurs du cabinet découvrent le logiciel seuls.",
    ],
  },
  autre: {
    titles: [
      "Carte CPS non reconnue après la mise à jour du lecteur",
      "Connexion Pro Santé Connect qui expire en consultation",
      "e-CPS : authentification refusée sur le smartphone",
      "Téléconsultation : le compte rendu ne se rattache pas au dossier",
      "Le lecteur de carte Vitale n'est plus reconnu",
      "Facturation rejetée après la mise à jour du logiciel",
    ],
    sentences: [
      "Après la mise à jour du pilote, le lecteur ne reconnaît plus la carte CPS.",
      "La session Pro Santé Connect expire au bout de quelques minutes et tout est à refaire.",
      "L'application e-CPS refuse l'authentification sans message clair.",
      "La facturation est rejetée depuis la dernière mise à jour et je ne sais pas pourquoi.",
      "Le problème touche tous les postes du cabinet.",
    ],
  },
};

/** Sentences that fit any irritant: context, impact, frequency, what would help. */
export const COMMON_SENTENCES = [
  "Cela arrive {frequence}.",
  "Je perds environ {minutes} minutes par jour à cause de ce problème.",
  "Je travaille avec {produit} (version {version}).",
  "J'ai signalé le problème à l'éditeur il y a plusieurs semaines, sans réponse.",
  "Le support m'a conseillé de redémarrer le poste, sans effet.",
  "Mes collègues du cabinet rencontrent le même problème.",
  "Cela retarde la prise en charge des patients suivants.",
  "Il faudrait au minimum un message d'erreur clair qui dise quoi faire.",
  "Le problème est apparu après la dernière mise à jour.",
  "Nous sommes {nombre} professionnels dans la maison de santé et tous sont concernés.",
  "En tant que {profession}, je n'ai pas de solution de contournement.",
  "Je dois tout ressaisir à la main, avec un risque d'erreur.",
  "Le patient attend pendant ce temps et s'impatiente.",
  "C'est particulièrement gênant pendant les gardes et les visites à domicile.",
  "La hotline de l'éditeur est injoignable aux heures de consultation.",
];

export const TITLE_SUFFIXES = [
  "",
  "",
  "",
  "",
  " depuis la dernière mise à jour",
  " en maison de santé",
  " avec {produit}",
  " pour certains patients",
  " en visite à domicile",
  " chaque matin",
  " sur le poste du secrétariat",
];

export const FREQUENCY_PHRASES = ["plusieurs fois par jour", "tous les jours", "chaque semaine", "à chaque consultation", "une fois sur trois", "surtout le lundi matin"];
export const DOCUMENTS = ["compte rendu", "courrier de sortie", "résultat de biologie", "compte rendu d'imagerie", "VSM", "ordonnance"];
export const CORRESPONDENTS = ["kinésithérapeute", "laboratoire", "cabinet de radiologie", "service hospitalier", "pharmacien", "infirmier libéral"];
export const PROFESSION_PHRASES = ["médecin généraliste", "infirmière libérale", "pharmacien d'officine", "masseur-kinésithérapeute", "sage-femme", "biologiste"];

export const FIRST_NAMES = [
  "Camille", "Claire", "Julien", "Nicolas", "Sophie", "Thomas", "Marie", "Pierre", "Lucie", "Antoine", "Émilie", "Hugo",
  "Léa", "Mathieu", "Chloé", "Alexandre", "Manon", "Maxime", "Sarah", "Romain", "Inès", "Karim", "Nadia", "Yann",
  "Élodie", "François", "Hélène", "Olivier", "Anne", "Bruno", "Céline", "David", "Fatima", "Guillaume", "Isabelle", "Jérôme",
];
export const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
  "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
  "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Le Gall", "Benali", "Nguyen", "Rousseau", "Blanc", "Guerin",
];
export const REGIONS = [
  "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est", "Hauts-de-France",
  "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
  "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
];

/** Fictional vendors and their products, by category; "(échelle)" marks them as generated. */
export const SCALE_VENDORS: { name: string; sons: boolean; products: { name: string; category: string; wave: number | null; base: number }[] }[] = [
  { name: "Azur Logiciels Santé", sons: true, products: [{ name: "AzurMed", category: "LGC", wave: 1, base: 12000 }, { name: "AzurOfficine", category: "LGO", wave: 1, base: 3500 }] },
  { name: "Brume Informatique Médicale", sons: false, products: [{ name: "Brume Cabinet", category: "LGC", wave: 1, base: 8000 }, { name: "Brume Imagerie", category: "RIS", wave: 2, base: 600 }] },
  { name: "Cèdre Biologie Systèmes", sons: true, products: [{ name: "Cèdre Labo", category: "SGL", wave: 1, base: 900 }] },
  { name: "Dune Messagerie Santé", sons: true, products: [{ name: "Dune Messagerie", category: "operateur-mssante", wave: null, base: 40000 }] },
  { name: "Érable Santé", sons: true, products: [{ name: "Érable Praticien", category: "LGC", wave: 1, base: 15000 }, { name: "Érable Infirmier", category: "LGC", wave: 2, base: 9000 }] },
  { name: "Falaise Médical", sons: true, products: [{ name: "Falaise Consult", category: "LGC", wave: 1, base: 6000 }] },
  { name: "Genêt Pharma Systèmes", sons: true, products: [{ name: "Genêt Officine", category: "LGO", wave: 1, base: 7000 }, { name: "Genêt Préparation", category: "autre", wave: null, base: 800 }] },
  { name: "Houle Radiologie", sons: true, products: [{ name: "Houle RIS", category: "RIS", wave: 1, base: 1200 }, { name: "Houle DRIMbox", category: "DRIMbox", wave: 2, base: 700 }] },
  { name: "Iris Laboratoires Logiciels", sons: false, products: [{ name: "Iris SGL", category: "SGL", wave: 1, base: 1100 }] },
  { name: "Jade Kiné Informatique", sons: true, products: [{ name: "Jade Kiné", category: "LGC", wave: 2, base: 11000 }] },
  { name: "Lagune Santé Connect", sons: true, products: [{ name: "Lagune MSS", category: "operateur-mssante", wave: null, base: 25000 }] },
  { name: "Mistral Hôpital", sons: true, products: [{ name: "Mistral DPI", category: "DPI", wave: 1, base: 300 }] },
  { name: "Nacre Sages-Femmes", sons: false, products: [{ name: "Nacre SF", category: "LGC", wave: 2, base: 2500 }] },
  { name: "Olivier Officine", sons: true, products: [{ name: "Olivier LGO", category: "LGO", wave: 1, base: 5000 }] },
  { name: "Pin Maritime Informatique", sons: true, products: [{ name: "Pin Médecin", category: "LGC", wave: 1, base: 9500 }, { name: "Pin Centre de santé", category: "LGC", wave: 1, base: 1400 }] },
  { name: "Roseau Télésanté", sons: false, products: [{ name: "Roseau Téléconsultation", category: "autre", wave: null, base: 4000 }] },
];
