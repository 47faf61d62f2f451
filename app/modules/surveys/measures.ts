/**
 * The reportable questions of a questionnaire (measures) and how an answer is read for each: shared by the results and
 * their incremental tallies.
 */
import { flattenItems, type QuestionnaireDefinition, type QuestionnaireItem } from "./definition";

/** One reportable question: an item, or one row of a matrix. Free text is never reported. */
export type Measure = { key: string; label: string; type: "likert" | "csat" | "nps" | "single" | "multiple" | "yesno"; scale: { value: number | string; label: string }[]; read: (answers: Record<string, unknown>) => unknown };

export function measuresOf(definition: QuestionnaireDefinition): Measure[] {
  const measures: Measure[] = [];
  for (const item of flattenItems(definition) as QuestionnaireItem[]) {
    const scale5 = (labels: string[]) => labels.map((label, i) => ({ value: i + 1, label }));
    switch (item.type) {
      case "likert":
      case "csat":
        measures.push({ key: item.key, label: item.label, type: item.type, scale: scale5(item.labels), read: (a) => a[item.key] });
        break;
      case "nps":
        measures.push({ key: item.key, label: item.label, type: "nps", scale: Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) })), read: (a) => a[item.key] });
        break;
      case "single":
      case "multiple":
        measures.push({ key: item.key, label: item.label, type: item.type, scale: item.options, read: (a) => a[item.key] });
        break;
      case "yesno":
        measures.push({ key: item.key, label: item.label, type: "yesno", scale: [{ value: "yes", label: "Oui" }, { value: "no", label: "Non" }], read: (a) => a[item.key] });
        break;
      case "matrix":
        for (const row of item.rows) {
          measures.push({
            key: `${item.key}.${row.key}`,
            label: `${item.label} — ${row.label}`,
            type: item.scale,
            scale: scale5(item.labels),
            read: (a) => (a[item.key] as Record<string, unknown> | undefined)?.[row.key],
          });
        }
        break;
      case "text":
        break;
    }
  }
  return measures;
}
