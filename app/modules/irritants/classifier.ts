/**
 * Theme suggestion for irritants: keyword rules (usable from day one) combined with a multinomial
 * naive Bayes classifier trained on the team's confirmed tags, once there are any.
 *
 * Pure: no I/O, no randomness, no dependency beyond ./text. The model is a plain JSON-serialisable
 * object, so it can be cached or stored as is.
 */
import { stemmedTokens } from "~/lib/text/text";

/** Theme slug → keywords or phrases, written naturally; they are folded and stemmed when matched. */
export type KeywordRules = Record<string, string[]>;

/** The catch-all theme: suggested alone, and only when nothing else fits. */
export const FALLBACK_THEME = "autre";

export const DEFAULT_KEYWORD_RULES: KeywordRules = {
  ins: [
    "INS",
    "INSi",
    "identité nationale de santé",
    "identifiant national de santé",
    "téléservice INSi",
    "qualification",
    "qualifier l'identité",
    "identité qualifiée",
    "identité provisoire",
    "identité validée",
    "identité",
    "identitovigilance",
    "pièce d'identité",
    "carte nationale d'identité",
    "CNI",
    "passeport",
    "carte vitale",
    "nom de naissance",
    "nom d'usage",
    "prénom de naissance",
    "lieu de naissance",
    "né à l'étranger",
    "NIR",
    "homonyme",
    "discordance",
  ],
  mssante: [
    "MSSanté",
    "MSS",
    "messagerie sécurisée",
    "messagerie sécurisée de santé",
    "messagerie de santé",
    "mail sécurisé",
    "messagerie",
    "boîte aux lettres",
    "BAL",
    "adresse MSSanté",
    "compte rendu de biologie",
    "CR de biologie",
    "résultats de biologie",
    "biologie",
    "laboratoire",
    "labo",
    "annuaire",
    "annuaire santé",
    "destinataire",
    "correspondant",
    "opérateur",
    "Apicrypt",
    "Mailiz",
    "pièce jointe",
    "HPRIM",
    "CDA",
    "doublon",
    "interopérabilité",
    "accusé de réception",
    "non-réception",
  ],
  "mes-dmp": [
    "Mon espace santé",
    "espace santé",
    "DMP",
    "dossier médical partagé",
    "dossier partagé",
    "alimentation",
    "alimenter le DMP",
    "consulter le DMP",
    "consulter le dossier",
    "versement",
    "verser",
    "profil",
    "activer son profil",
    "application Mon espace santé",
    "bris de glace",
    "opposition",
    "masquer",
    "historique de remboursement",
    "carnet de vaccination",
    "vaccination",
  ],
  vsm: [
    "VSM",
    "volet de synthèse",
    "volet de synthèse médicale",
    "synthèse médicale",
    "synthèse",
    "antécédents",
    "allergies",
    "facteurs de risque",
    "traitements au long cours",
  ],
  "ordonnance-numerique": [
    "ordonnance numérique",
    "ordonnance électronique",
    "ordonnance dématérialisée",
    "prescription numérique",
    "prescription électronique",
    "e-prescription",
    "e-ordonnance",
    "ordo numérique",
    "datamatrix",
    "QR code",
    "code-barres",
    "paraphe",
    "parapher",
    "non substituable",
    "identifiant unique de prescription",
    "délivrance",
    "ordonnance",
  ],
  "nommage-documents": [
    "nom du document",
    "nom des documents",
    "nom de fichier",
    "nom du fichier",
    "nommage",
    "nommer",
    "renommer",
    "intitulé",
    "s'intitule",
    "titre du document",
    "titre",
    "sans titre",
    "libellé",
    "type de document",
    "s'appellent",
    "appelés",
    "classement des documents",
  ],
  "performance-lgc": [
    "lent",
    "lenteur",
    "ralenti",
    "ralentissement",
    "plantage",
    "plante",
    "crash",
    "bug",
    "bugue",
    "se fige",
    "figé",
    "freeze",
    "temps de chargement",
    "chargement",
    "mise à jour",
    "version Ségur",
    "migration",
    "logiciel de cabinet",
    "logiciel métier",
    "LGC",
    "ergonomie",
    "redémarrer",
    "message d'erreur",
    "hotline",
    "éditeur",
    "secondes",
    "mémoire",
  ],
  delegation: [
    "délégation",
    "déléguer",
    "délégation de tâches",
    "secrétaire",
    "secrétariat",
    "télésecrétariat",
    "assistant médical",
    "assistante médicale",
    "assistant",
    "carte CPE",
    "CPE",
    "carte de personnel d'établissement",
    "personnel",
    "accueil",
    "habilitation",
    "droits d'accès",
    "droits",
    "infirmière en pratique avancée",
    "IPA",
    "coordinatrice",
    "préparateur",
    "confier",
    "à ma place",
  ],
  formation: [
    "formation",
    "former",
    "formé",
    "tutoriel",
    "accompagnement",
    "accompagner",
    "webinaire",
    "prise en main",
    "guide",
    "mode d'emploi",
    "fiche pratique",
    "documentation",
    "délégué numérique en santé",
    "démonstration",
    "session",
    "FAQ",
    "expliquer",
    "apprendre",
    "information",
  ],
  autre: [],
};

// --- Keyword rules ------------------------------------------------------------------------------

/** Stemmed token sequences of every rule, deduplicated; rules that stem to nothing are dropped. */
function compileRules(rules: KeywordRules) {
  const compiled: { slug: string; phrases: string[][] }[] = [];
  for (const slug of Object.keys(rules).sort()) {
    const seen = new Set<string>();
    const phrases: string[][] = [];
    for (const keyword of rules[slug] ?? []) {
      const tokens = stemmedTokens(keyword);
      const key = tokens.join(" ");
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      phrases.push(tokens);
    }
    compiled.push({ slug, phrases });
  }
  return compiled;
}

// Compiled once per rules object (treat a rules object as immutable once it has been used).
const compiledCache = new WeakMap<KeywordRules, ReturnType<typeof compileRules>>();
function compiledRules(rules: KeywordRules) {
  let compiled = compiledCache.get(rules);
  if (!compiled) compiledCache.set(rules, (compiled = compileRules(rules)));
  return compiled;
}

function occurrences(tokens: string[], phrase: string[]) {
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    n++;
  }
  return n;
}

export interface RuleMatch {
  slug: string;
  /** Sum of the weights of the distinct phrases found: a phrase of n words weighs n. */
  weight: number;
  /** The matched phrases, as stemmed text. */
  phrases: string[];
}

/** Themes whose keywords appear in the text (as contiguous stemmed word sequences), heaviest first. */
export function matchKeywordRules(text: string, rules: KeywordRules = DEFAULT_KEYWORD_RULES): RuleMatch[] {
  const tokens = stemmedTokens(text);
  const matches: RuleMatch[] = [];
  for (const { slug, phrases } of compiledRules(rules)) {
    let weight = 0;
    const found: string[] = [];
    for (const phrase of phrases) {
      if (occurrences(tokens, phrase) > 0) {
        weight += phrase.length;
        found.push(phrase.join(" "));
      }
    }
    if (weight > 0) matches.push({ slug, weight, phrases: found });
  }
  return matches.sort((a, b) => b.weight - a.weight || compareSlugs(a.slug, b.slug));
}

// --- Naive Bayes --------------------------------------------------------------------------------

/** A trained multinomial naive Bayes model: plain data, JSON-serialisable. */
export interface NaiveBayesModel {
  /** Training documents per theme (a document tagged with two themes counts for both). */
  classDocCounts: Record<string, number>;
  /** Per theme, occurrences of each stemmed token in its documents. */
  tokenCounts: Record<string, Record<string, number>>;
  /** Per theme, total token occurrences (the sum of its tokenCounts). */
  classTokenTotals: Record<string, number>;
  /** Distinct tokens seen in training. */
  vocabularySize: number;
  /** Training documents. */
  totalDocs: number;
}

export interface LabelledText {
  text: string;
  themes: string[];
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Trains a multinomial naive Bayes model (Laplace smoothing is applied when scoring). */
export function trainNaiveBayes(examples: LabelledText[]): NaiveBayesModel {
  const classDocCounts: Record<string, number> = {};
  const tokenCounts: Record<string, Record<string, number>> = {};
  const classTokenTotals: Record<string, number> = {};
  const vocabulary = new Set<string>();
  let totalDocs = 0;
  for (const example of examples) {
    const themes = [...new Set(example.themes)].filter((t) => t.length > 0);
    if (themes.length === 0) continue;
    const tokens = stemmedTokens(example.text);
    totalDocs++;
    for (const token of tokens) vocabulary.add(token);
    for (const theme of themes) {
      classDocCounts[theme] = (hasOwn(classDocCounts, theme) ? classDocCounts[theme] : 0) + 1;
      const counts = hasOwn(tokenCounts, theme) ? tokenCounts[theme] : (tokenCounts[theme] = {});
      for (const token of tokens) counts[token] = (hasOwn(counts, token) ? counts[token] : 0) + 1;
      classTokenTotals[theme] = (hasOwn(classTokenTotals, theme) ? classTokenTotals[theme] : 0) + tokens.length;
    }
  }
  // Keys in a stable order, so that equal training sets give byte-identical JSON.
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])) as Record<string, T>;
  return {
    classDocCounts: sorted(classDocCounts),
    tokenCounts: Object.fromEntries(Object.keys(tokenCounts).sort().map((k) => [k, sorted(tokenCounts[k])])),
    classTokenTotals: sorted(classTokenTotals),
    vocabularySize: vocabulary.size,
    totalDocs,
  };
}

/**
 * Log joint probability of the text under each theme (log prior + Laplace-smoothed log likelihood
 * of its known tokens), highest first. Tokens never seen in training are ignored.
 */
export function scoreNaiveBayes(model: NaiveBayesModel, text: string): { theme: string; logProb: number }[] {
  const themes = Object.keys(model.classDocCounts);
  if (themes.length === 0) return [];
  const known = (token: string) => themes.some((t) => hasOwn(model.tokenCounts[t] ?? {}, token));
  const tokens = stemmedTokens(text).filter(known);
  const vocabulary = Math.max(1, model.vocabularySize);
  return themes
    .map((theme) => {
      const counts = model.tokenCounts[theme] ?? {};
      const denominator = (model.classTokenTotals[theme] ?? 0) + vocabulary;
      let logProb = Math.log((model.classDocCounts[theme] + 1) / (model.totalDocs + themes.length));
      for (const token of tokens) logProb += Math.log(((hasOwn(counts, token) ? counts[token] : 0) + 1) / denominator);
      return { theme, logProb };
    })
    .sort((a, b) => b.logProb - a.logProb || compareSlugs(a.theme, b.theme));
}

/** Softmax of log probabilities, tempered so that long texts do not make it a hard 0/1 vote. */
function posteriors(scores: { theme: string; logProb: number }[], temperature: number): Map<string, number> {
  const result = new Map<string, number>();
  if (scores.length === 0) return result;
  const top = Math.max(...scores.map((s) => s.logProb));
  const exps = scores.map((s) => Math.exp((s.logProb - top) / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  scores.forEach((s, i) => result.set(s.theme, exps[i] / total));
  return result;
}

// --- Suggestion ---------------------------------------------------------------------------------

export interface ThemeSuggestion {
  slug: string;
  /** In [0, 1]; higher is more likely. */
  score: number;
}

export interface SuggestThemesOptions {
  /** Keyword rules; DEFAULT_KEYWORD_RULES when omitted (a given set replaces them entirely). */
  rules?: KeywordRules;
  /** A trained classifier; rules alone when null or omitted. */
  model?: NaiveBayesModel | null;
  /** Most themes returned (default 3). */
  limit?: number;
}

/** Share of the combined score given to the keyword rules when a model is available. */
const RULE_WEIGHT = 0.5;
/** A theme under this combined score is not suggested. */
const MIN_SCORE = 0.1;

function compareSlugs(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rule weight → [0, 1): one single-word match gives 0.5, more or longer matches approach 1. */
function ruleConfidence(weight: number) {
  return weight / (weight + 1);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Up to `limit` themes for a text, most likely first, with scores in [0, 1]. Combines keyword rule
 * matches with the classifier's posterior when a model is given. "autre" is only ever suggested
 * alone: when the classifier ranks it first, or when nothing else scores at all.
 */
export function suggestThemes(text: string, options: SuggestThemesOptions = {}): ThemeSuggestion[] {
  const limit = Math.floor(options.limit ?? 3);
  if (!(limit > 0)) return [];
  const rules = options.rules ?? DEFAULT_KEYWORD_RULES;
  const model = options.model && options.model.totalDocs > 0 ? options.model : null;

  const ruleWeights = new Map(matchKeywordRules(text, rules).map((m) => [m.slug, m.weight]));
  const nbScores = model ? scoreNaiveBayes(model, text) : [];
  const tokenCount = Math.max(1, stemmedTokens(text).length);
  const posterior = posteriors(nbScores, Math.sqrt(tokenCount));

  const slugs = new Set<string>([...ruleWeights.keys(), ...posterior.keys()]);
  const ranked = [...slugs]
    .map((slug) => {
      const rule = ruleConfidence(ruleWeights.get(slug) ?? 0);
      const score = model ? RULE_WEIGHT * rule + (1 - RULE_WEIGHT) * (posterior.get(slug) ?? 0) : rule;
      return { slug, score, rule };
    })
    .sort((a, b) => b.score - a.score || b.rule - a.rule || compareSlugs(a.slug, b.slug));

  const others = ranked.filter((s) => s.slug !== FALLBACK_THEME && s.score >= MIN_SCORE);
  const fallback = ranked.find((s) => s.slug === FALLBACK_THEME);
  if (fallback && ranked[0] === fallback) return [{ slug: FALLBACK_THEME, score: round(fallback.score) }];
  if (others.length === 0) {
    // Nothing fits: the more weakly the best theme scored, the surer "autre" is.
    const best = ranked.find((s) => s.slug !== FALLBACK_THEME)?.score ?? 0;
    return [{ slug: FALLBACK_THEME, score: round(1 - best) }];
  }
  return others.slice(0, limit).map((s) => ({ slug: s.slug, score: round(s.score) }));
}
