/**
 * Answer values shared by the survey files (internal to the surveys capability): the scale bounds,
 * "non concerné", and what counts as an answer. Pure, no I/O.
 */

export const SCALE_POINTS = 5;
export const NOT_APPLICABLE = "na" as const;

/** 1–5 (or 0–10 for NPS), or "na" when not applicable is allowed. */
export type ScaleAnswer = number | typeof NOT_APPLICABLE;

export function ownValue(answers: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

export function isScaleValue(value: unknown, min: number, max: number, allowNotApplicable: boolean): value is ScaleAnswer {
  if (allowNotApplicable && value === NOT_APPLICABLE) return true;
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}
