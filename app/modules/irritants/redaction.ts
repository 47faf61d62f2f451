// Masks patient identifiers (NIR/INS, phone numbers, e-mail addresses) in free text
// before it is stored. Pure module: no database, no I/O, safe to import from pages.

export const REDACTION_KINDS = ["nir", "phone", "email"] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export type Redaction = { kind: RedactionKind; count: number };

export type RedactionResult = {
  text: string;
  /** Only kinds with count > 0, always in the order nir, phone, email. */
  redactions: Redaction[];
  total: number;
};

export const REDACTION_PLACEHOLDERS: Record<RedactionKind, string> = {
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

// NIR/INS: sex (1, 2, 3, 4, 7, 8), year, month, department (2 digits or 2A/2B),
// commune, order number, key. Month and year are left lenient (any 2 digits).
// Groups 1–6 rebuild the 13-character number without separators, group 7 is the key.
const NIR_RE = new RegExp(
  NUMBER_START +
    String.raw`([1-478])${SEP}*(\d{2})${SEP}*(\d{2})${SEP}*(\d{2}|2[ABab])${SEP}*(\d{3})${SEP}*(\d{3})${SEP}*(\d{2})` +
    NUMBER_END,
  "g",
);

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

const NIR_SHAPE = /^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/i;
const SEPARATORS = new RegExp(`${SEP}+`, "g");

/**
 * Checks a NIR/INS written as its 15 characters (13-character number + 2-digit key).
 * Separators (spaces, dots, dashes) are tolerated and ignored. Corsican departments
 * 2A and 2B count as 19 and 18 for the key computation.
 */
export function isValidNir(candidate: string): boolean {
  const compact = candidate.replace(SEPARATORS, "").toUpperCase();
  if (!NIR_SHAPE.test(compact)) return false;
  const body = compact.slice(0, 13);
  const key = Number(compact.slice(13));
  const numeric = body.slice(0, 5) + body.slice(5, 7).replace("2A", "19").replace("2B", "18") + body.slice(7);
  // 13 digits stay below Number.MAX_SAFE_INTEGER (2^53 − 1 ≈ 9.007e15), so this is exact.
  const expected = 97 - (Number(numeric) % 97);
  return key === expected;
}

/**
 * Replaces NIR/INS numbers (only those whose key checks), French phone numbers and
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
    const compact = groups.slice(0, 7).join("");
    if (!isValidNir(compact)) return match;
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
 * Returns null when nothing was masked.
 */
export function describeRedactions(redactions: readonly Redaction[]): string | null {
  const parts = REDACTION_KINDS.flatMap((kind) => {
    const count = redactions.filter((r) => r.kind === kind).reduce((sum, r) => sum + Math.max(0, r.count), 0);
    if (count === 0) return [];
    return [`${count} ${count === 1 ? LABELS[kind].one : LABELS[kind].many}`];
  });
  if (parts.length === 0) return null;
  const total = redactions.reduce((sum, r) => sum + Math.max(0, r.count), 0);
  const reason =
    total === 1
      ? "cette information permet d'identifier un patient et ne doit pas figurer dans un signalement."
      : "ces informations permettent d'identifier un patient et ne doivent pas figurer dans un signalement.";
  return `Nous avons masqué ${joinFrench(parts)} : ${reason}`;
}
