/**
 * French text normalisation shared by theme suggestion and full-text search.
 *
 * Pure and dependency-free: the same functions run when an irritant is indexed (SQLite FTS5
 * stores `searchableText`) and when a query or a keyword rule is matched, so both sides always
 * agree on folding, stop words and stems.
 */

/** Lowercases, strips accents and other combining marks, and expands the œ/æ ligatures. */
export function foldAccents(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * French function words (folded), dropped before matching and indexing. Kept compact on purpose:
 * negations other than "ne/pas" ("non", "aucun", "sans"), and anything that may carry meaning in
 * an irritant ("plante", "envoi", "lent"…), stay in.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, prepositions, conjunctions
  "le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "a", "au", "aux", "pour", "par", "sur",
  "dans", "avec", "ne", "pas", "que", "qui", "quoi", "dont", "ou", "mais", "donc", "or", "ni", "car",
  "si", "vers", "chez", "entre", "sous", "comme", "quand", "alors", "puis",
  // pronouns and determiners
  "ce", "cet", "cette", "ces", "ca", "cela", "ceci", "mon", "ma", "mes", "ton", "ta", "tes", "son",
  "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "il", "elle", "on", "nous", "vous",
  "ils", "elles", "je", "tu", "me", "te", "se", "lui", "eux", "moi", "toi", "y", "j", "l", "d", "qu",
  "n", "s", "c", "m", "t",
  // auxiliaries and very frequent verb forms
  "est", "sont", "etre", "ete", "etait", "suis", "es", "sommes", "etes", "ai", "as", "avons", "avez",
  "ont", "avait", "avoir",
  // adverbs and quantifiers
  "plus", "tres", "tout", "tous", "toute", "toutes", "aussi", "deja", "encore", "bien", "meme", "etc",
]);

/**
 * Folded words of a text: split on anything that is not an ASCII letter or digit, stop words and
 * one-character tokens dropped. Acronyms survive ("ins", "dmp", "mss", "vsm", "lgc", "cr", "pdf"), and
 * an "e-" prefix sticks to its word ("e-prescription" → "eprescription").
 */
export function tokenize(s: string): string[] {
  const tokens: string[] = [];
  // "e-prescription", "e-CPS", "e-santé": the prefix belongs to the word.
  const folded = foldAccents(s).replace(/(^|[^a-z0-9])e[-\u2010\u2011](?=[a-z])/g, "$1e");
  for (const token of folded.split(/[^a-z0-9]+/)) {
    if (token.length >= 2 && !FRENCH_STOP_WORDS.has(token)) tokens.push(token);
  }
  return tokens;
}

const MIN_STEM = 3;

/**
 * Derivational and inflectional endings, longest first, as they appear once plural marks and
 * trailing "e"s are gone ("-ique" is "iqu", "-ance" is "anc", "-ité" is "it"…).
 * The first ending that leaves at least MIN_STEM characters (or its own minimum), including a vowel,
 * is removed (or replaced).
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string, minStem?: number]> = [
  ["issement", ""], // ralentissement → ralent
  ["icatric", "i"], // vérificatrice → verifi
  ["icateur", "i"], // vérificateur → verifi
  ["ication", "i"], // qualification → qualifi (like qualifier, qualifié)
  ["eraient", ""],
  ["atric", ""], // formatrice → form
  ["ateur", ""], // utilisateur → utilis
  ["ariat", ""], // secrétariat → secret (like secrétaire)
  ["ation", ""], // alimentation → aliment
  ["ement", ""], // téléchargement → telecharg
  ["erait", ""],
  ["eront", ""],
  ["erons", ""],
  ["issant", ""],
  ["issent", ""],
  ["aient", ""],
  ["oient", "oi"], // envoient → envoi
  ["iment", "i"], // vraiment → vrai
  ["erai", ""],
  ["erez", ""],
  ["tion", "t"], // prescription → prescript
  ["sion", "s"], // transmission → transmis(s)
  ["ism", ""], // -isme
  ["ist", ""], // -iste
  ["iqu", ""], // -ique: numérique → numer
  ["abl", ""], // -able
  ["ibl", ""], // -ible
  ["eus", ""], // -euse
  ["eux", ""], // nombreux → nombr
  ["anc", ""], // -ance: ordonnance → ordonn
  ["enc", ""], // -ence: urgence → urg
  ["eur", ""], // lenteur → lent
  ["air", ""], // -aire: secrétaire → secret
  ["ant", ""], // -ant (not -ent: patient, document, lent stay whole)
  ["ait", ""],
  ["iez", ""],
  ["it", "", 4], // -ité: qualité → qual (droit, limite stay whole)
  ["er", ""], // -er
  ["ez", ""], // -ez
  ["ir", ""], // -ir
];

const VOWELS = /[aeiouy]/;

function cut(word: string, n: number) {
  return word.slice(0, word.length - n);
}

/**
 * A light French stemmer in the spirit of Snowball's, much simplified, for folded words
 * (see `foldAccents`). Deterministic; never shortens a word below three characters; leaves words
 * of three characters or fewer and anything with a digit alone.
 *
 * envoyer, envoyé, envoyées, envoi, envois → "envoi"; lent, lents, lente, lenteur, lenteurs → "lent";
 * qualification, qualifier, qualifié, qualifiées → "qualifi".
 */
export function stemFrench(word: string): string {
  let w = word;
  if (w.length <= MIN_STEM || /[0-9]/.test(w)) return w;

  // 1. Plural marks.
  if (w.endsWith("eaux")) w = cut(w, 1);
  else if (w.endsWith("aux") && w.length >= 5) w = `${cut(w, 3)}al`; // médicaux → medical
  else if (/[eo]ux$/.test(w) && !w.endsWith("eux")) w = cut(w, 1); // jeux, bijoux (not -eux, a suffix)
  else if (w.endsWith("s") && !w.endsWith("ss") && w.length > MIN_STEM) w = cut(w, 1);

  // 2. Feminine and past-participle "e" (é folds to e): envoyée → envoy, lente → lent.
  while (w.endsWith("e") && w.length > MIN_STEM) w = cut(w, 1);

  // 3. One derivational or verbal ending.
  for (const [suffix, replacement, minStem = MIN_STEM] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) {
      const stem = cut(w, suffix.length);
      if (!VOWELS.test(stem)) continue;
      w = stem + replacement;
      break;
    }
  }

  // 4. Residual normalisation, so that the verb and noun families meet.
  if (w.endsWith("gu") && w.length > MIN_STEM) w = cut(w, 1); // délégu(er) → deleg
  else if (w.endsWith("iqu") && w.length - 3 >= MIN_STEM) w = cut(w, 3); // pratiqu(er) → prat
  if (w.endsWith("y")) w = `${cut(w, 1)}i`; // envoy(er) → envoi
  if (w.length > MIN_STEM && /([b-df-hj-np-tv-z])\1$/.test(w)) w = cut(w, 1); // ordonn → ordon, nomm → nom
  return w;
}

/** Tokenises then stems. */
export function stemmedTokens(s: string): string[] {
  return tokenize(s).map(stemFrench);
}

/** What is written to the full-text index: ASCII lowercase stems separated by single spaces. */
export function searchableText(s: string): string {
  return stemmedTokens(s).join(" ");
}
