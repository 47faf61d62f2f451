/** Item-by-item comparison of two questionnaire versions, to know which answers can be compared across waves. */
import { flattenItems, type QuestionnaireDefinition, type QuestionnaireItem } from "./definition";

type ItemChangeKind = "unchanged" | "reworded" | "rescaled" | "new" | "removed";
export type ItemChange = { key: string; change: ItemChangeKind };

/**
 * What answers to an item mean: the type and its scale labels / options / rows. Two items with the
 * same signature can be compared across waves. `required`, `showIf`, `allowNotApplicable`, `max`
 * and `maxLength` do not change the meaning of an answer and are left out.
 */
function scaleSignature(item: QuestionnaireItem): string {
  const sortedPairs = (pairs: [string, string][]) => pairs.map((p) => JSON.stringify(p)).sort();
  switch (item.type) {
    case "likert":
    case "csat":
      return JSON.stringify([item.type, item.labels]);
    case "single":
    case "multiple":
      return JSON.stringify([item.type, sortedPairs(item.options.map((o) => [o.value, o.label]))]);
    case "matrix":
      return JSON.stringify([item.type, item.scale, item.labels, sortedPairs(item.rows.map((r) => [r.key, r.label]))]);
    default:
      return JSON.stringify([item.type]);
  }
}

/**
 * Item-by-item comparison of two versions. Order: items of `next` in questionnaire order, then the
 * items removed from `previous` in their former order.
 * - same type and scale/options/rows: "unchanged" if label and help are identical, else "reworded";
 * - different type, scale labels, options (value or label) or matrix rows: "rescaled";
 * - only in next: "new"; only in previous: "removed".
 */
export function compareVersions(previous: QuestionnaireDefinition, next: QuestionnaireDefinition): ItemChange[] {
  const before = new Map(flattenItems(previous).map((item) => [item.key, item]));
  const nextItems = flattenItems(next);
  const changes: ItemChange[] = nextItems.map((item) => {
    const old = before.get(item.key);
    if (!old) return { key: item.key, change: "new" };
    if (scaleSignature(old) !== scaleSignature(item)) return { key: item.key, change: "rescaled" };
    if (old.label !== item.label || (old.help ?? "") !== (item.help ?? "")) return { key: item.key, change: "reworded" };
    return { key: item.key, change: "unchanged" };
  });
  const nextKeys = new Set(nextItems.map((item) => item.key));
  for (const key of before.keys()) {
    if (!nextKeys.has(key)) changes.push({ key, change: "removed" });
  }
  return changes;
}

/** Keys whose answers can be compared between the two waves ("unchanged" or "reworded"). */
export function comparableKeys(changes: readonly ItemChange[]): string[] {
  return changes.filter((c) => c.change === "unchanged" || c.change === "reworded").map((c) => c.key);
}
