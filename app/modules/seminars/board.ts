// Pure logic of the live workshop board: short codes, dot allowance, the triangle's balance.
// No database, no I/O: safe to import from pages and unit tests.
import { formatDate } from "~/lib/dates";
import { SIDES, SIDE_DETAILS, type Side, type SideDetail } from "./vocabulary";
import { plural } from "~/lib/text/plural";

/**
 * Characters of a workshop code: no pair that people confuse when reading a projected screen or typing
 * on a phone (0/O/Q/D, 1/I/L/J, 2/Z, 5/S, 6/G, 8/B, U/V).
 */
export const CODE_ALPHABET = "ACEFHKMNPRTWXY3479";
export const CODE_LENGTH = 6;

/** A new code from random bytes (the caller passes crypto randomness; tests pass fixed bytes). */
export function generateCode(randomBytes: (n: number) => Uint8Array): string {
  let code = "";
  // Rejection sampling: bytes above the largest multiple of the alphabet's size are skipped (no bias).
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (code.length === CODE_LENGTH) break;
    }
  }
  return code;
}

export type CodeCheck = { ok: true; code: string } | { ok: false; message: string };

/**
 * What a person typed, as a stored code: case, spaces and dashes do not matter ("ate-347", "ATE 347").
 * Characters that never appear in a code are named in the message, so people see their typo.
 */
export function normaliseCode(input: string): CodeCheck {
  const compact = input.normalize("NFKC").toUpperCase().replace(/[\s\-–—._]/g, "");
  if (compact.length === 0) return { ok: false, message: "Saisissez le code de l'atelier affiché dans la salle." };
  const foreign = [...new Set([...compact].filter((c) => !CODE_ALPHABET.includes(c)))];
  if (foreign.length) {
    return { ok: false, message: `Ce code n'est pas valide : les codes d'atelier ne contiennent jamais ${foreign.map((c) => `« ${c} »`).join(", ")}.` };
  }
  if (compact.length !== CODE_LENGTH) return { ok: false, message: `Un code d'atelier compte ${CODE_LENGTH} caractères (vous en avez saisi ${compact.length}).` };
  return { ok: true, code: compact };
}

/** "ATE347" → "ATE-347", easier to read aloud and to type. */
export function formatCode(code: string) {
  return code.length === CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

export type VoteDecision = { ok: true; remaining: number } | { ok: false; message: string };

/** Whether one more dot may be placed: the vote must be open and the participant must have dots left. */
export function checkVote(state: { votingOpen: boolean; closed: boolean; allowance: number; used: number }): VoteDecision {
  if (state.closed) return { ok: false, message: "Cet atelier est clos : le vote est terminé." };
  if (!state.votingOpen) return { ok: false, message: "Le vote n'est pas ouvert : l'animateur l'ouvrira après le regroupement des cartes." };
  if (state.used >= state.allowance) {
    return { ok: false, message: `Vous avez déjà placé vos ${state.allowance} ${plural(state.allowance, "point", "points")} : retirez-en un pour voter ailleurs.` };
  }
  return { ok: true, remaining: state.allowance - state.used - 1 };
}

export function remainingDots(allowance: number, used: number) {
  return Math.max(0, allowance - used);
}

export type BalanceInput = { side: Side; detail: SideDetail | null };

export type Balance = {
  total: number;
  sides: { side: Side; count: number; share: number }[];
  details: Record<SideDetail, number>;
  /** Sides of the triangle nobody registered for (practitioners, vendors, institutions). */
  missing: Side[];
  /** Sides far above or below an even split of the triangle. */
  warnings: string[];
};

const TRIANGLE: Side[] = ["practitioner", "vendor", "institution"];
const WARN_LABELS: Record<Side, string> = {
  practitioner: "professionnels de santé",
  vendor: "éditeurs",
  patient: "patients",
  institution: "institutionnels",
};

/**
 * The balance of the "triangle": counts and shares per side (patients counted as a fourth group), the
 * practitioner and vendor details, and warnings when a side of the triangle is missing, holds more than
 * half of the triangle or less than half of an even third.
 */
export function computeBalance(people: readonly BalanceInput[]): Balance {
  const total = people.length;
  const counts = Object.fromEntries(SIDES.map((s) => [s, 0])) as Record<Side, number>;
  const details = Object.fromEntries(SIDE_DETAILS.map((d) => [d, 0])) as Record<SideDetail, number>;
  for (const p of people) {
    counts[p.side] += 1;
    if (p.detail) details[p.detail] += 1;
  }
  const sides = SIDES.map((side) => ({ side, count: counts[side], share: total ? counts[side] / total : 0 }));
  const triangleTotal = TRIANGLE.reduce((n, s) => n + counts[s], 0);
  const missing = total ? TRIANGLE.filter((s) => counts[s] === 0) : [];
  const warnings: string[] = [];
  for (const s of missing) warnings.push(`Aucun participant côté ${WARN_LABELS[s]}.`);
  if (triangleTotal >= 3) {
    for (const s of TRIANGLE) {
      const share = counts[s] / triangleTotal;
      if (counts[s] > 0 && share > 0.5) warnings.push(`Les ${WARN_LABELS[s]} font plus de la moitié du triangle (${Math.round(share * 100)} %).`);
      else if (counts[s] > 0 && share < 1 / 6) warnings.push(`Les ${WARN_LABELS[s]} sont peu représentés (${Math.round(share * 100)} % du triangle).`);
    }
  }
  return { total, sides, details, missing, warnings };
}

/** Places left in a workshop, or null when it has no cap. */
export function placesLeft(capacity: number | null, registered: number) {
  return capacity === null ? null : Math.max(0, capacity - registered);
}

/** A card's text cut for a title ("…" when cut at a word boundary). */
export function titleFrom(text: string, max = 120) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** "issu de l'atelier 2 du séminaire du 20 novembre 2023" */
export function originSentence(workshopNumber: number, date: string) {
  return `issu de l'atelier ${workshopNumber} du séminaire du ${formatDate(date + "T12:00:00Z")}`;
}
