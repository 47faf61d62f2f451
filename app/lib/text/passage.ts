// Team redaction of a passage, and the long digit sequences to look at before publishing.
// Pure module: no database, no I/O.

/** What replaces a passage the team masked; the original text is not kept anywhere. */
export const PASSAGE_PLACEHOLDER = "[passage masqué par l'équipe]";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for a pasted passage: its words in order, any run of white space between them (a passage copied from a
 * page loses or changes line breaks). Null when the passage has no visible character.
 */
function passagePattern(passage: string): RegExp | null {
  const words = passage.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  return new RegExp(words.map(escapeRegExp).join("\\s+"), "g");
}

export type PassageMask = { text: string; occurrences: number; characters: number; matches: string[] };

/**
 * Replaces every occurrence of the passage with the placeholder. `matches` are the distinct texts replaced (as they
 * were written, white space included), so copies of them elsewhere can be scrubbed too; `characters` counts the
 * characters erased.
 */
export function maskPassageIn(text: string, passage: string, placeholder = PASSAGE_PLACEHOLDER): PassageMask {
  const pattern = passagePattern(passage);
  if (!pattern) return { text, occurrences: 0, characters: 0, matches: [] };
  const matches = new Set<string>();
  let occurrences = 0;
  let characters = 0;
  const masked = text.replace(pattern, (m) => {
    matches.add(m);
    occurrences += 1;
    characters += m.length;
    return placeholder;
  });
  return { text: masked, occurrences, characters, matches: [...matches] };
}

/** Replaces each of the given texts wherever it appears (for copies of a masked passage). */
export function replaceAll(text: string, matches: readonly string[], placeholder = PASSAGE_PLACEHOLDER) {
  let out = text;
  // Longest first, so a match contained in another does not break the longer one.
  for (const m of [...matches].sort((a, b) => b.length - a.length)) if (m) out = out.split(m).join(placeholder);
  return out;
}

/** Every string inside a JSON value, with the matches replaced; the same object when nothing changed. */
export function replaceInJson<T>(value: T, matches: readonly string[], placeholder = PASSAGE_PLACEHOLDER): T {
  if (typeof value === "string") return replaceAll(value, matches, placeholder) as T;
  if (Array.isArray(value)) {
    const next = value.map((v) => replaceInJson(v, matches, placeholder));
    return (next.some((v, i) => v !== value[i]) ? next : value) as T;
  }
  if (value && typeof value === "object") {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      next[k] = replaceInJson(v, matches, placeholder);
      if (next[k] !== v) changed = true;
    }
    return (changed ? next : value) as T;
  }
  return value;
}

/** Nine digits or more, groups separated by at most one space, dot or dash (a NIR, a file number, a phone…). */
const LONG_DIGITS = /(?<!\d)\d(?:[ \u00A0\u202F.\-]?\d){8,}(?!\d)/g;

/**
 * Long digit sequences left in a text: the automatic redaction masks valid NIR, phone numbers and e-mail addresses,
 * but a NIR with a typo, a file or social-security number written another way still identifies a patient. Listed
 * for the team to look at before publishing.
 */
export function findLongDigitSequences(text: string): string[] {
  return [...new Set(text.match(LONG_DIGITS) ?? [])];
}

/**
 * A text cut with "…" (an e-mail subject) may end with only the start of a masked passage: that start is replaced
 * too (from three characters on, so a cut after one or two letters of a common word does not count).
 */
export function replaceCutTail(text: string, matches: readonly string[], placeholder = PASSAGE_PLACEHOLDER) {
  if (!text.endsWith("…")) return text;
  const head = text.slice(0, -1);
  for (const m of matches) {
    for (let k = m.length - 1; k >= 3; k--) if (head.endsWith(m.slice(0, k))) return `${head.slice(0, head.length - k)}${placeholder}…`;
  }
  return text;
}
