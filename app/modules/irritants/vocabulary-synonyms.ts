/**
 * The field's vocabulary (issue 19): groups of words, phrases and abbreviations that name the same thing in the
 * field, and the folding of every member of a group to one concept token, so "CR de biologie par MSS" and "compte
 * rendu du laboratoire dans la messagerie sécurisée" share their concepts. Pure. `searchTerms` is what the full-text
 * index holds and what every search and similar look-up queries with, so both sides fold the same way; changing the
 * groups changes the indexed text, which is then rebuilt by a data migration or `npm run reindex`.
 *
 * Members are matched after the normalisation of text.ts (accents, case, stop words) and on stems, so plurals and
 * inflections match too ("comptes rendus", "ordonnances numériques").
 */
import { stemFrench, tokenize } from "~/lib/text/text";

/**
 * Seeded groups, from the issue and the domain; the key names the concept. Migration 0021 copied them into the
 * `synonym_groups` table, which the team edits (/equipe/vocabulaire) and the server folds with.
 */
export const SEEDED_SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  "compte-rendu": ["CR", "compte rendu", "compte-rendu"],
  "compte-rendu-operatoire": ["CRO", "compte rendu opératoire"],
  "lettre-de-liaison": ["lettre de liaison", "lettre de sortie", "courrier de sortie", "LL", "LDS", "CRH", "compte rendu d'hospitalisation"],
  mssante: ["MSS", "MSSanté", "messagerie sécurisée", "messagerie sécurisée de santé", "mail sécurisé", "messagerie de santé", "boîte sécurisée", "boîte mail sécurisée", "mail santé", "boîte mail santé", "adresse sécurisée", "adresse MSSanté", "Mailiz", "messagerie MSSanté"],
  bal: ["BAL", "boîte aux lettres", "boîte mail", "boîte de réception"],
  dmp: ["DMP", "Mon espace santé", "espace santé", "dossier médical partagé", "dossier partagé", "espace numérique de santé", "ENS", "carnet de santé numérique", "appli santé", "dossier santé", "dossier de santé", "dossier santé en ligne", "dossier médical en ligne", "carnet numérique", "carnet de santé en ligne"],
  lgc: ["LGC", "LGO", "logiciel", "logiciel de cabinet", "logiciel métier", "logiciel médical", "logiciel d'officine", "LAP", "LAD", "logiciel d'aide à la prescription", "logiciel de gestion"],
  "e-prescription": ["e-prescription", "ordonnance numérique", "ordonnance électronique", "e-ordonnance", "prescription électronique", "ordonnance dématérialisée", "ordo électronique", "ordo numérique", "ordo dématérialisée", "e-ordo", "prescription dématérialisée", "prescription numérique"],
  cpe: ["CPE", "carte de la secrétaire", "carte d'établissement", "carte de personnel d'établissement", "carte d'employé"],
  insi: ["INSi", "téléservice INS", "serveur INS"],
  ins: ["INS", "identifiant national de santé"],
  nir: ["NIR", "numéro de sécu", "numéro de sécurité sociale", "numéro de sécurité"],
  etranger: ["étranger", "hors de France"],
  biologie: ["biologie", "labo", "laboratoire", "prise de sang", "bilan sanguin", "bilan biologique", "analyses de sang", "analyses", "résultats d'analyses", "analyses biologiques", "examens biologiques", "LBM", "laboratoire de biologie médicale", "biologiste", "prélèvement sanguin", "résultats de labo"],
  cps: ["CPS", "carte professionnelle", "carte pro", "carte de professionnel de santé", "carte CPS"],
  "carte-vitale": ["CV", "carte Vitale", "carte verte", "Vitale"],
  apcv: ["ApCV", "application carte Vitale", "carte Vitale sur smartphone", "carte Vitale dématérialisée"],
  ordonnance: ["ordo", "ordonnance", "prescription"],
  fse: ["FSE", "feuille de soins électronique", "feuille de soins", "télétransmission", "télétransmettre"],
  "medecin-traitant": ["MT", "médecin traitant", "médecin référent", "généraliste référent"],
  generaliste: ["MG", "médecin généraliste", "généraliste", "médecin de famille", "omnipraticien"],
  "mise-a-jour": ["MAJ", "mise à jour", "update", "nouvelle version", "montée de version", "mise à niveau", "upgrade"],
  imagerie: ["imagerie", "radio", "radiologie", "cliché", "image radiologique", "IRM", "échographie", "écho", "mammographie", "mammo", "radiographie", "PACS", "radiologue", "images médicales", "imagerie médicale", "scanographie", "TDM"],
  vsm: ["VSM", "volet de synthèse médicale", "synthèse médicale", "résumé médical", "volet de synthèse", "synthèse", "fiche de synthèse"],
  kinesitherapie: ["kiné", "kinésithérapeute", "kinésithérapie", "masseur-kinésithérapeute"],
  reeducation: ["rééduc", "rééducation"],
  hopital: ["hôpital", "hosto", "CH", "CHU", "centre hospitalier", "clinique", "établissement de santé", "GHT", "service hospitalier"],
  pharmacie: ["pharmacie", "officine", "pharmacien"],
  rpps: ["RPPS", "annuaire santé", "annuaire", "annuaire des professionnels", "annuaire national", "numéro RPPS", "ADELI"],
  "dossier-pharmaceutique": ["DP", "dossier pharmaceutique"],
  dlu: ["DLU", "dossier de liaison d'urgence", "document de liaison d'urgence"],
  "arret-de-travail": ["AAT", "arrêt de travail", "arrêt maladie", "avis d'arrêt de travail"],
  "certificat-de-deces": ["CertDc", "certificat de décès"],
  "piece-jointe": ["PJ", "pièce jointe"],
  "mot-de-passe": ["mdp", "mot de passe"],
  identifiant: ["login", "identifiant"],
  msp: ["MSP", "maison de santé", "maison de santé pluriprofessionnelle", "maison de santé pluri-professionnelle"],
  notification: ["notification", "alerte", "notif", "avertissement", "prévenir", "prévenu"],
  document: ["doc", "document", "fichier", "pièces du dossier"],
  consultation: ["consult", "consultation", "séance"],
  application: ["appli", "application", "app"],
  smartphone: ["smartphone", "téléphone portable", "mobile", "téléphone mobile", "iPhone", "Android"],
  ipa: ["IPA", "infirmière en pratique avancée", "infirmier en pratique avancée"],
  "code-porteur": ["code porteur", "code PIN", "code de la carte"],
  "visite-a-domicile": ["visite à domicile", "à domicile", "visite"],
  "page-blanche": ["page blanche", "écran blanc", "écran vide"],
  "pro-sante-connect": ["PSC", "Pro Santé Connect"],
  vaccination: ["vaccin", "vaccination", "vacciner"],
  // Session 30: kinds of failure, channels, services and professions of the field, written from the domain.
  lenteur: ["lenteur", "ralentissement", "ramer", "temps de chargement", "temps de réponse", "trop long", "très long", "interminable", "temps fou", "des plombes", "lent", "lente", "poussif", "mouliner", "sablier"],
  plantage: ["plantage", "planter", "crash", "se fige", "freeze", "freezer", "gèle", "bug", "beug", "fermeture inattendue", "écran bleu", "figé", "figer", "écran figé", "gelé", "geler"],
  indisponible: ["indisponible", "indisponibilité", "panne", "hors service", "HS", "inaccessible", "ne répond pas", "down", "interruption de service", "coupure de service"],
  erreur: ["erreur", "message d'erreur", "code erreur", "échec", "échouer"],
  expiration: ["expiration", "expiré", "timeout", "time-out", "délai dépassé", "délai d'attente dépassé", "session expirée"],
  deconnexion: ["déconnexion", "déconnecter", "reconnexion", "reconnecter", "perte de session", "session perdue"],
  connexion: ["connexion", "connecter", "authentification"],
  reception: ["recevoir", "reçu", "reçois", "reçoit", "reçoivent", "réception", "réceptionner", "parvenir", "parvient", "parviennent", "arriver"],
  doublon: ["doublon", "en double", "deux fois", "dupliqué", "duplication", "deux exemplaires", "en plusieurs exemplaires", "redondant", "dédoublé", "en triple", "trois fois", "triplon"],
  "accuse-de-lecture": ["accusé de lecture", "accusé de réception", "confirmation de lecture", "confirmation de réception", "AR"],
  saturation: ["saturé", "quota", "espace de stockage", "stockage", "capacité maximale", "espace disque"],
  papier: ["papier", "version papier", "format papier", "courrier postal", "par la poste", "voie postale", "fax", "télécopie"],
  courrier: ["courrier", "lettre", "mail", "message", "e-mail", "courriel", "courrier d'adressage", "lettre d'adressage", "adressage"],
  confrere: ["confrère", "consœur", "correspondant", "collègue médecin", "médecin correspondant"],
  patient: ["patient", "malade", "usager", "assuré", "bénéficiaire"],
  medecin: ["médecin", "docteur", "doctoresse", "Dr", "toubib", "praticien"],
  infirmier: ["infirmier", "IDE", "IDEL", "infirmier libéral", "soins infirmiers"],
  "sage-femme": ["sage-femme", "maïeuticien"],
  ame: ["AME", "aide médicale d'État"],
  css: ["CSS", "complémentaire santé solidaire", "CMU", "CMUC"],
  ald: ["ALD", "affection longue durée"],
  pse: ["PSE", "protocole de soins électronique", "protocole de soins"],
  substitution: ["non substituable", "NS", "mention non substituable", "substitution", "générique", "princeps"],
  "code-barres": ["QR code", "QRcode", "datamatrix", "code-barres", "code 2D", "2D-Doc", "douchette", "lecteur de code-barres"],
  "lecteur-de-carte": ["lecteur de carte", "lecteur de cartes Vitale", "TLA", "terminal de lecture", "lecteur Vitale", "lecteur bi-fente", "terminal portable", "lecteur portable", "terminal de paiement Vitale"],
  ecps: ["e-CPS", "CPS mobile", "appli carte pro", "carte pro dématérialisée", "carte CPS dématérialisée", "application e-CPS"],
  "rendez-vous": ["rendez-vous", "RDV", "créneau", "agenda", "prise de rendez-vous", "Doctolib", "planning"],
  teleconsultation: ["téléconsultation", "TLC", "visio", "consultation vidéo", "vidéo-consultation", "visioconsultation"],
  teleexpertise: ["téléexpertise", "télé-expertise", "TLE", "avis à distance"],
  internet: ["internet", "connexion internet", "réseau", "ADSL", "fibre", "wifi", "4G", "micro-coupure"],
  cloud: ["cloud", "hébergé", "SaaS", "full web", "logiciel en ligne", "version web"],
  formation: ["formation", "accompagnement", "tutoriel", "tuto", "mode d'emploi", "notice", "guide utilisateur", "manuel d'utilisation", "webinaire", "webinar", "prise en main", "e-learning", "session de formation"],
  hotline: ["hotline", "support", "assistance", "SAV", "service client", "helpdesk"],
  editeur: ["éditeur", "fournisseur", "prestataire"],
  clic: ["clic", "cliquer", "double-clic"],
  fenetre: ["fenêtre", "pop-up", "popup", "boîte de dialogue", "fenêtre de confirmation"],
  rupture: ["rupture de stock", "rupture", "pénurie", "tension d'approvisionnement"],
  delivrance: ["délivrance", "dispensation"],
  medicament: ["médicament", "médoc", "spécialité pharmaceutique"],
  "bilan-partage-de-medication": ["bilan partagé de médication", "BPM", "bilan de médication", "revue de médication", "conciliation médicamenteuse"],
  "environnement-de-test": ["environnement de test", "recette", "préproduction", "pré-production", "bac à sable", "sandbox", "plateforme de test", "environnement de recette"],
  alimentation: ["alimenter", "déposer", "dépôt"],
  masquage: ["masquer", "cacher"],
  opposition: ["opposition", "opposer"],
  delegation: ["délégation", "accès délégué", "procuration", "mandataire"],
  "nouveau-ne": ["nouveau-né", "nourrisson", "bébé"],
  impression: ["impression", "imprimer"],
  "nom-du-document": ["nom du document", "titre du document", "intitulé", "libellé"],
  // Session 31: more kinds of failure (refusal, loss, unreadable display, picture quality), the practice's everyday
  // work (cancellations, no-shows, typing twice, screen lock, synchronisation) and the field's institutions and papers.
  rejet: ["rejet", "rejeté", "rejeter", "refus", "refusé", "refuser", "non accepté", "non pris en compte"],
  perte: ["perdu", "perte", "disparu", "disparaître", "introuvable", "égaré", "volatilisé", "effacé"],
  illisible: ["illisible", "incompréhensible", "indéchiffrable", "impossible à lire", "charabia", "caractères bizarres", "balises", "XML brut", "code brut"],
  "qualite-image": ["flou", "pixelisé", "dégradé", "compressé", "compression", "basse résolution", "mauvaise qualité"],
  annulation: ["annulation", "annuler", "décommander", "désistement", "se désister"],
  "rendez-vous-non-honore": ["lapin", "rendez-vous non honoré", "RDV non honoré", "absence injustifiée", "non venu", "non présenté"],
  "double-saisie": ["double saisie", "ressaisir", "ressaisie", "resaisir", "saisir deux fois", "recopier", "saisie manuelle"],
  verrouillage: ["verrouillage", "verrouiller", "verrouillé", "déverrouiller", "mise en veille", "écran de veille"],
  synchronisation: ["synchronisation", "synchroniser", "synchro", "désynchronisé", "désynchronisation", "resynchroniser"],
  retraite: ["retraite", "retraité", "cessé d'exercer", "cessation d'activité", "fin d'activité"],
  "piece-d-identite": ["pièce d'identité", "carte d'identité", "carte nationale d'identité", "CNI", "justificatif d'identité", "passeport", "titre de séjour"],
  "assurance-maladie": ["Assurance maladie", "CPAM", "caisse", "caisse primaire", "CNAM", "sécu", "Sécurité sociale", "ameli", "médecin conseil", "AMO"],
  "hemoglobine-glyquee": ["HbA1c", "hémoglobine glyquée"],
  "valeur-anormale": ["valeur anormale", "valeurs hors normes", "hors normes", "hors limites", "valeur pathologique", "anormal"],
  courbe: ["courbe", "graphique", "graphe", "tracer une courbe"],
  aidant: ["aidant", "proche aidant", "tuteur", "tutelle", "curatelle", "curateur", "représentant légal"],
  sms: ["SMS", "texto", "rappel SMS", "rappel par SMS"],
};

/** The token a concept folds to: with a digit, so the stemmer leaves it alone and no French word collides. */
export function conceptToken(key: string) {
  return `syn0${key.replace(/[^a-z0-9]/g, "")}`;
}

type Member = { stems: string[]; concept: string };

/** A vocabulary ready to fold text: members by their first stem, and concepts by a stem of their multi-word members. */
export type Vocabulary = {
  readonly byFirstStem: ReadonlyMap<string, readonly Member[]>;
  readonly byPartStem: ReadonlyMap<string, readonly string[]>;
};

/**
 * Compiles groups (concept key → terms) for folding: members by their first stem, longest first, so "ordonnance
 * numérique" wins over "ordonnance"; and concepts by a stem of one of their multi-word members ("messag" → the
 * secure-messaging concept).
 */
export function compileVocabulary(groups: Readonly<Record<string, readonly string[]>>): Vocabulary {
  const byFirstStem = new Map<string, Member[]>();
  const byPartStem = new Map<string, string[]>();
  for (const [key, phrases] of Object.entries(groups)) {
    for (const phrase of phrases) {
      const stems = tokenize(phrase).map(stemFrench);
      if (stems.length === 0) continue;
      const member = { stems, concept: conceptToken(key) };
      const list = byFirstStem.get(stems[0]) ?? [];
      list.push(member);
      byFirstStem.set(stems[0], list);
      if (stems.length < 2) continue;
      for (const stem of stems) {
        const concepts = byPartStem.get(stem) ?? [];
        if (!concepts.includes(member.concept)) concepts.push(member.concept);
        byPartStem.set(stem, concepts);
      }
    }
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { byFirstStem, byPartStem };
}

/** The seeded vocabulary: what pure callers (unit tests) fold with; the server folds with the team's stored groups. */
const seededVocabulary = compileVocabulary(SEEDED_SYNONYM_GROUPS);

/**
 * The concepts a searched word is part of: a text indexed under "messagerie sécurisée" holds the concept token, not the
 * word "messagerie", so a keyword search for "messagerie" must also look for the concept.
 */
export function conceptsContaining(stem: string, vocabulary: Vocabulary = seededVocabulary): readonly string[] {
  return vocabulary.byPartStem.get(stem) ?? [];
}

// Stems by word: a text's words repeat across irritants, and stemming is most of the cost of folding a text (of
// `npm run reindex`, say). Bounded: emptied when full.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();
function stem(word: string) {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemmed = stemFrench(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** The index of the member of a group starting at `stems[i]`, longest first, if any. */
function memberAt(stems: string[], i: number, vocabulary: Vocabulary) {
  return vocabulary.byFirstStem.get(stems[i])?.find((m) => m.stems.every((s, k) => stems[i + k] === s));
}

/**
 * Replaces every occurrence of a group member in `tokens` (the output of `tokenize`) by its concept token; other
 * tokens are kept as they are.
 */
export function foldSynonyms(tokens: string[], vocabulary: Vocabulary = seededVocabulary): string[] {
  const stems = tokens.map(stem);
  const folded: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const member = memberAt(stems, i, vocabulary);
    folded.push(member ? member.concept : tokens[i]);
    i += member ? member.stems.length : 1;
  }
  return folded;
}

/** `foldSynonyms` on stems, keeping the stems of the other words (a concept token has a digit: no stem changes it). */
function foldStems(stems: string[], vocabulary: Vocabulary): string[] {
  const folded: string[] = [];
  for (let i = 0; i < stems.length; ) {
    const member = memberAt(stems, i, vocabulary);
    folded.push(member ? member.concept : stems[i]);
    i += member ? member.stems.length : 1;
  }
  return folded;
}

/**
 * "MES" (Mon espace santé) folds to the stop word "mes": it is recognised before folding, written in capitals inside a
 * text that is not itself shouting ("MES PATIENTS" stays a possessive).
 */
function expandCaseSensitiveAbbreviations(text: string) {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "");
  if (letters.length > 0 && capitals.length / letters.length > 0.5) return text;
  return text.replace(/(^|[^\p{L}\p{N}])MES(?=$|[^\p{L}\p{N}])/gu, "$1Mon espace santé");
}

/**
 * The terms a text is indexed and searched under: folded words (text.ts), group members replaced by their concept
 * token, other words stemmed.
 */
export function searchTerms(text: string, vocabulary: Vocabulary = seededVocabulary): string[] {
  return foldStems(tokenize(expandCaseSensitiveAbbreviations(text)).map(stem), vocabulary);
}
