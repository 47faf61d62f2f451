import { patientIdentifierSpans } from "~/lib/text/redaction";

/**
 * Which words of an OCR'd screenshot to cover (pure: no image, no OCR). A line's words are joined with spaces and go
 * through the free-text masking's patterns (NIR by structure, phones, e-mail addresses); then what a patient banner
 * shows: the words after « Patient : », « Nom : », « Prénom : », « Né(e) le », « Date de naissance », « NIR », « INS »,
 * and full dates old enough to be a date of birth.
 */
export type Box = { x0: number; y0: number; x1: number; y1: number };
export type OcrWord = { text: string; bbox: Box };

// Labels whose value follows on the same line; compared without accents, case or surrounding punctuation.
const COLON_LABELS = new Set(["patient", "patiente", "nom", "prenom", "prenoms", "assure", "beneficiaire", "adresse", "identite", "ipp", "ddn", "naissance", "nir", "ins", "nss"]);
const NUMBER_LABELS = new Set(["nir", "ins", "nss", "ipp", "insee", "secu"]);
// OCR spellings of « Né(e) le » once accents are folded. A matcher table, not interface text: the plural test
// (tests/unit/plural.test.ts) lists it in its allow-list.
const BIRTH_WORDS = new Set(["ne", "nee", "ne(e)", "ne.e", "ne(e)le", "nele", "neele"]);
const VALUE_WORDS = 4;
const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

const bare = (word: string) =>
  word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}(]+|[^\p{L}\p{N})]+$/gu, "");

const isColon = (word: string) => /^[:;]$/.test(word.trim());
const endsWithColon = (word: string) => /[:;]$/.test(word.trim());

/** A full date at least two years old: it may be a date of birth (in doubt, covered). */
function isOldDate(word: string, today: Date): boolean {
  const match = DATE.exec(word.replace(/[,;:)]+$/, "").replace(/^\(/, ""));
  if (!match) return false;
  const [day, month] = [Number(match[1]), Number(match[2])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  let year = Number(match[3]);
  if (match[3].length === 2) year += year > today.getUTCFullYear() % 100 ? 1900 : 2000;
  return year <= today.getUTCFullYear() - 2;
}

/** The words of one line to cover, by index, and how many identifiers they make up. */
export function wordsToCover(words: readonly OcrWord[], today = new Date()): { indexes: Set<number>; found: number } {
  const indexes = new Set<number>();
  let found = 0;
  // 1. The free-text patterns over the line's text.
  const offsets: { start: number; end: number }[] = [];
  let text = "";
  for (const word of words) {
    if (text) text += " ";
    offsets.push({ start: text.length, end: text.length + word.text.length });
    text += word.text;
  }
  for (const span of patientIdentifierSpans(text)) {
    found += 1;
    offsets.forEach((o, i) => {
      if (o.start < span.end && o.end > span.start) indexes.add(i);
    });
  }
  // 2. Banner labels and their values.
  const cover = (from: number, count: number, accept: (word: string) => boolean = () => true) => {
    let covered = 0;
    for (let i = from; i < words.length && covered < count; i++) {
      if (isColon(words[i].text)) continue;
      const plain = bare(words[i].text);
      if (covered > 0 && COLON_LABELS.has(plain) && (endsWithColon(words[i].text) || isColon(words[i + 1]?.text ?? ""))) break;
      if (!accept(words[i].text)) break;
      indexes.add(i);
      covered += 1;
    }
    if (covered > 0) found += 1;
  };
  for (let i = 0; i < words.length; i++) {
    const plain = bare(words[i].text);
    const next = words[i + 1]?.text ?? "";
    if (BIRTH_WORDS.has(plain) || (plain === "date" && bare(next) === "de" && bare(words[i + 2]?.text ?? "") === "naissance")) {
      // « Né(e) le 12/03/1961 », « Date de naissance : 12/03/1961 »: the date that follows.
      let from = i + 1;
      while (from < words.length && /^(le|la|de|naissance|:)$/.test(bare(words[from].text) || words[from].text)) from++;
      cover(from, 3, (w) => /\d/.test(w) || /^[\p{L}]+$/u.test(bare(w)));
      continue;
    }
    if (NUMBER_LABELS.has(plain)) {
      // « NIR 2 61 03 … », « INS : … »: the digit groups that follow.
      cover(i + 1, 8, (w) => /\d/.test(w));
      continue;
    }
    if (COLON_LABELS.has(plain) && (endsWithColon(words[i].text) || isColon(next))) cover(i + 1, VALUE_WORDS);
  }
  // 3. Dates of birth without a label.
  words.forEach((word, i) => {
    if (!indexes.has(i) && isOldDate(word.text, today)) {
      indexes.add(i);
      found += 1;
    }
  });
  return { indexes, found };
}

/** Boxes to cover over a whole page, lines given as their words; each box padded by `pad` pixels. */
export function boxesToCover(lines: readonly (readonly OcrWord[])[], pad = 3, today = new Date()): { boxes: Box[]; found: number } {
  const boxes: Box[] = [];
  let found = 0;
  for (const line of lines) {
    const result = wordsToCover(line, today);
    found += result.found;
    for (const i of [...result.indexes].sort((a, b) => a - b)) {
      const { x0, y0, x1, y1 } = line[i].bbox;
      boxes.push({ x0: Math.max(0, x0 - pad), y0: Math.max(0, y0 - pad), x1: x1 + pad, y1: y1 + pad });
    }
  }
  return { boxes, found };
}
