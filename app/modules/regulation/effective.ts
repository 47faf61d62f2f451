import { parseFuzzyDeadline } from "~/modules/action-plan";

/**
 * An effective date as written, with the due date the action plan's fuzzy-deadline parser reads in it (the last day
 * of the period it names: "31 décembre 2022" → 2022-12-31, "T1 2024" → 2024-03-31); only a sure date is kept. Pure.
 */
export function readEffectiveDate(label: string) {
  const parsed = parseFuzzyDeadline(label);
  return { effectiveLabel: label, effectiveDue: parsed.due, effectiveKind: parsed.kind };
}
