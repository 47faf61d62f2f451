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
import { stemFrench, tokenize } from "./text";

/** Seeded groups, from the issue and the domain; the key names the concept. */
const SEEDED_SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  "compte-rendu": ["CR", "compte rendu", "compte-rendu"],
  mssante: ["MSS", "MSSanté", "messagerie sécurisée", "messagerie sécurisée de santé", "mail sécurisé"],
  dmp: ["DMP", "Mon espace santé", "espace santé", "dossier médical partagé", "dossier partagé"],
  lgc: ["LGC", "logiciel de cabinet", "logiciel métier", "logiciel médical"],
  "e-prescription": ["e-prescription", "ordonnance numérique", "ordonnance électronique", "e-ordonnance"],
  cpe: ["CPE", "carte de la secrétaire", "carte d'établissement", "carte de personnel d'établissement"],
  insi: ["INSi", "téléservice INS", "serveur INS"],
  ins: ["INS", "identifiant national de santé"],
  etranger: ["étranger", "hors de France"],
  biologie: ["biologie", "labo", "laboratoire", "prise de sang", "bilan sanguin"],
  cps: ["CPS", "carte professionnelle", "carte pro", "carte de professionnel de santé"],
  "carte-vitale": ["CV", "carte Vitale"],
  ordonnance: ["ordo", "ordonnance"],
  fse: ["FSE", "feuille de soins électronique"],
  "medecin-traitant": ["MT", "médecin traitant"],
  "mise-a-jour": ["MAJ", "mise à jour"],
  imagerie: ["imagerie", "radio", "radiologie"],
  vsm: ["VSM", "volet de synthèse médicale", "synthèse médicale"],
};

/** The token a concept folds to: with a digit, so the stemmer leaves it alone and no French word collides. */
export function conceptToken(key: string) {
  return `syn0${key.replace(/[^a-z0-9]/g, "")}`;
}

type Member = { stems: string[]; concept: string };

/** Members by their first stem, longest first, so "ordonnance numérique" wins over "ordonnance". */
function indexGroups(groups: Readonly<Record<string, readonly string[]>>) {
  const byFirstStem = new Map<string, Member[]>();
  for (const [key, phrases] of Object.entries(groups)) {
    for (const phrase of phrases) {
      const stems = tokenize(phrase).map(stemFrench);
      if (stems.length === 0) continue;
      const list = byFirstStem.get(stems[0]) ?? [];
      list.push({ stems, concept: conceptToken(key) });
      byFirstStem.set(stems[0], list);
    }
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirstStem;
}

const seededIndex = indexGroups(SEEDED_SYNONYM_GROUPS);

/**
 * Replaces every occurrence of a group member in `tokens` (the output of `tokenize`) by its concept token; other
 * tokens are kept as they are.
 */
export function foldSynonyms(tokens: string[], groups?: Readonly<Record<string, readonly string[]>>): string[] {
  const index = groups ? indexGroups(groups) : seededIndex;
  const stems = tokens.map(stemFrench);
  const folded: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const member = index.get(stems[i])?.find((m) => m.stems.every((s, k) => stems[i + k] === s));
    if (member) {
      folded.push(member.concept);
      i += member.stems.length;
    } else {
      folded.push(tokens[i]);
      i += 1;
    }
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
export function searchTerms(text: string): string[] {
  return foldSynonyms(tokenize(expandCaseSensitiveAbbreviations(text))).map(stemFrench);
}
