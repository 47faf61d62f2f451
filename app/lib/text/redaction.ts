// Masks patient identifiers (NIR/INS, phone numbers, e-mail addresses) in free text
// before it is stored. Pure module: no database, no I/O, safe to import from pages.
import { counted } from "./plural";

const REDACTION_KINDS = ["nir", "phone", "email"] as const;
type RedactionKind = (typeof REDACTION_KINDS)[number];

export type Redaction = { kind: RedactionKind; count: number };

export type RedactionResult = {
  text: string;
  /** Only kinds with count > 0, always in the order nir, phone, email. */
  redactions: Redaction[];
  total: number;
};

const REDACTION_PLACEHOLDERS: Record<RedactionKind, string> = {
  nir: "[NIR masqué]",
  phone: "[téléphone masqué]",
  email: "[e-mail masqué]",
};

// Separators accepted between groups of digits: spaces (including the non-breaking
// spaces French typography uses), dots and dashes.
const SEP_CHARS = " \\u00A0\\u202F.\\-";
const SEP = `[${SEP_CHARS}]`;

// Not glued to a longer number on either side (a digit, or a decimal point/comma
// directly followed by a digit: "3.185057800608436", "0612345678,5").
const NUMBER_START = String.raw`(?<!\d[.,]?)`;
const NUMBER_END = String.raw`(?![.,]?\d)`;

// NIR/INS, recognised by its structure alone — never by its key. People mistype keys (and
// sometimes leave them out), and a NIR with a wrong key still identifies a patient, so a
// number is masked whenever it *could* be a NIR; only numbers that cannot be one are kept.
// When in doubt, mask: a masked order number costs the reader little, a published NIR
// cannot be taken back.
//
//   sex        1 or 2; 3 or 4 (foreign-born, registration in progress); 7 or 8 (temporary
//              numbers, NIA). 0, 5, 6 and 9 do not exist → kept.
//   year       any 2 digits.
//   month      01–12, plus 20–99: INSEE uses 20 and 30–42 (and, in older numbers, 50 and
//              above) for people whose month of birth is unknown. We accept the whole 20–99
//              range rather than list the values, so that a rarely-seen pseudo-month is
//              masked. 00 and 13–19 do not exist → kept.
//   département 01–99 (20 = Corsica before 1976, 91–96 = codes found in old numbers,
//              99 = born abroad) or 2A/2B. 00 does not exist → kept.
//              Overseas départements use 3 digits (971–978, 984–989) and a 2-digit commune:
//              "97" + "1" + "05" has the same 2+3 layout; the only difference is in the
//              writing ("971 05"), so a separator is allowed after the commune's first digit.
//   commune    any 3 digits; for 99, the country code. 000 is not a real commune, but one
//              mistyped digit gets there, so it is still masked.
//   order      any 3 digits (000 masked for the same reason).
//   key        2 digits, any value — or absent: the 13-character number without its key
//              identifies the person just as well (INS is often written without it).
// Groups 1–6 are the 13-character number, group 7 the optional key.
const NIR_SEX = "[1-478]";
const NIR_MONTH = String.raw`(?:0[1-9]|1[0-2]|[2-9]\d)`;
const NIR_DEPARTMENT = String.raw`(?:0[1-9]|[1-9]\d|2[ABab])`;
const NIR_RE = new RegExp(
  NUMBER_START +
    String.raw`(${NIR_SEX})${SEP}*(\d{2})${SEP}*(${NIR_MONTH})${SEP}*(${NIR_DEPARTMENT})${SEP}*(\d${SEP}*\d{2})${SEP}*(\d{3})(?:${SEP}*(\d{2}))?` +
    NUMBER_END,
  "g",
);

// Keyless 13-digit numbers starting with 3400/3401 are CIP13/ACL13 codes of medicines and
// pharmacy products (EAN-13 under the 340 prefix), common in reports about prescription
// software; they would otherwise read as sex 3, year 40, month 0x. A NIR written with its
// key is masked even with this prefix.
const PHARMACY_CODE = /^340[01]\d{9}$/;

// French phone numbers. The separator between pairs must be the same throughout
// (none, space, dot or dash), which keeps "le 01.02.2024 10:30" from looking like
// 01 02 20 24 10.
const PHONE_RE = new RegExp(
  NUMBER_START +
    "(?:" +
    // International: +33 / 0033, optional "(0)" or stray 0, then 9 digits.
    String.raw`(?:\+|00)33${SEP}?(?:\(0\)${SEP}?|0)?[1-9](${SEP}?)\d{2}(?:\1\d{2}){3}` +
    "|" +
    // National: 0[1-9] then 4 pairs.
    String.raw`0[1-9](${SEP}?)\d{2}(?:\2\d{2}){3}` +
    ")" +
    NUMBER_END,
  "g",
);

const EMAIL_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const EMAIL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@${EMAIL_LABEL}(?:\.${EMAIL_LABEL})*\.\p{L}{2,}(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])`,
  "gu",
);

const NIR_SHAPE = new RegExp(
  `^${NIR_SEX}\\d{2}${NIR_MONTH}${NIR_DEPARTMENT}\\d{6}(?:\\d{2})?$`,
);
const SEPARATORS = new RegExp(`${SEP}+`, "g");

/**
 * Whether a candidate (13 characters, or 15 with the key; separators ignored) has the
 * structure of a NIR/INS, whatever its key. This is the masking rule.
 */
export function looksLikeNir(candidate: string): boolean {
  const compact = candidate.replace(SEPARATORS, "");
  if (!NIR_SHAPE.test(compact)) return false;
  return !PHARMACY_CODE.test(compact);
}

/**
 * Replaces NIR/INS numbers (anything with a NIR's structure, whatever its key), French phone numbers and
 * e-mail addresses with fixed placeholders. Text without any of them is returned as is.
 *
 * Order of passes: e-mail addresses first (so "0612345678@example.fr" is masked as one
 * e-mail), then NIR, then phones — NIR always before phones so that a NIR is never
 * half-masked as a phone number.
 */
export function redactPatientIdentifiers(text: string): RedactionResult {
  const counts: Record<RedactionKind, number> = { nir: 0, phone: 0, email: 0 };

  let result = text.replace(EMAIL_RE, () => {
    counts.email += 1;
    return REDACTION_PLACEHOLDERS.email;
  });

  result = result.replace(NIR_RE, (match: string, ...groups: unknown[]) => {
    const compact = groups.slice(0, 7).map((g) => g ?? "").join("");
    if (!looksLikeNir(compact)) return match;
    counts.nir += 1;
    return REDACTION_PLACEHOLDERS.nir;
  });

  result = result.replace(PHONE_RE, () => {
    counts.phone += 1;
    return REDACTION_PLACEHOLDERS.phone;
  });

  const redactions = REDACTION_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind] }));
  const total = redactions.reduce((sum, r) => sum + r.count, 0);
  return { text: total === 0 ? text : result, redactions, total };
}

/** Where a patient identifier sits in a text: [start, end) in UTF-16 code units. */
export type IdentifierSpan = { kind: RedactionKind; start: number; end: number };

/**
 * The places `redactPatientIdentifiers` would mask, with the same patterns and in the same order (e-mail addresses,
 * then NIR, then phones; what an earlier pass took is out of reach of the later ones). Used where the text cannot be
 * rewritten but its positions must be covered: words read from a screenshot by OCR.
 */
export function patientIdentifierSpans(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  // A pass's matches are blanked with a letter so that later passes neither see them nor join digits across them.
  let rest = text;
  const take = (kind: RedactionKind, start: number, end: number) => {
    spans.push({ kind, start, end });
    rest = rest.slice(0, start) + "x".repeat(end - start) + rest.slice(end);
  };
  for (const match of [...rest.matchAll(EMAIL_RE)]) take("email", match.index, match.index + match[0].length);
  for (const match of [...rest.matchAll(NIR_RE)]) {
    const compact = match.slice(1, 8).map((g) => g ?? "").join("");
    if (looksLikeNir(compact)) take("nir", match.index, match.index + match[0].length);
  }
  for (const match of [...rest.matchAll(PHONE_RE)]) take("phone", match.index, match.index + match[0].length);
  return spans.sort((a, b) => a.start - b.start);
}

const LABELS: Record<RedactionKind, { one: string; many: string }> = {
  nir: { one: "numéro de sécurité sociale (NIR/INS)", many: "numéros de sécurité sociale (NIR/INS)" },
  phone: { one: "numéro de téléphone", many: "numéros de téléphone" },
  email: { one: "adresse e-mail", many: "adresses e-mail" },
};

function joinFrench(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}`;
}

/**
 * French explanation shown to the author after masking, e.g.
 * "Nous avons masqué 1 numéro de sécurité sociale (NIR/INS) et 2 numéros de téléphone : ces
 * informations permettent d'identifier un patient et ne doivent pas figurer dans un signalement."
 * `where` ends the sentence for other texts ("dans un ticket", "sur une carte"). Returns null when nothing was masked.
 */
export function describeRedactions(redactions: readonly Redaction[], where = "dans un signalement"): string | null {
  const parts = REDACTION_KINDS.flatMap((kind) => {
    const count = redactions.filter((r) => r.kind === kind).reduce((sum, r) => sum + Math.max(0, r.count), 0);
    if (count === 0) return [];
    return [`${counted(count, LABELS[kind].one, LABELS[kind].many)}`];
  });
  if (parts.length === 0) return null;
  const total = redactions.reduce((sum, r) => sum + Math.max(0, r.count), 0);
  const reason =
    total === 1
      ? `cette information permet d'identifier un patient et ne doit pas figurer ${where}.`
      : `ces informations permettent d'identifier un patient et ne doivent pas figurer ${where}.`;
  return `Nous avons masqué ${joinFrench(parts)} : ${reason}`;
}

/** Several texts' redactions as one list (kinds summed, canonical order). */
export function combineRedactions(...lists: readonly (readonly Redaction[])[]): Redaction[] {
  const counts: Record<RedactionKind, number> = { nir: 0, phone: 0, email: 0 };
  for (const list of lists) for (const r of list) counts[r.kind] += Math.max(0, r.count);
  return REDACTION_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind] }));
}

/**
 * Redaction counts for a URL, to tell the author on the page a redirect leads to: "nir-1.phone-2". Only kinds
 * and counts, never text. `decodeRedactions` ignores anything else.
 */
export function encodeRedactions(redactions: readonly Redaction[]): string {
  return combineRedactions(redactions)
    .map((r) => `${r.kind}-${r.count}`)
    .join(".");
}

export function decodeRedactions(value: string | null | undefined): Redaction[] {
  if (!value) return [];
  const found: Redaction[] = [];
  for (const part of value.split(".").slice(0, REDACTION_KINDS.length)) {
    const match = /^(nir|phone|email)-([1-9]\d{0,3})$/.exec(part);
    if (match) found.push({ kind: match[1] as RedactionKind, count: Number(match[2]) });
  }
  return combineRedactions(found);
}
