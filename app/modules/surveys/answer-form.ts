/** HTML form fields of a questionnaire: their names, and reading answers back from a submitted form. */
import { isPlainObject, NOT_APPLICABLE } from "./answer-values";
import { flattenItems, type QuestionnaireDefinition } from "./definition";

const FORM_FIELD_PREFIX = "q.";

/** Form field name for an item (`q.<itemKey>`) or a matrix row (`q.<itemKey>.<rowKey>`). */
export function formFieldName(itemKey: string, rowKey?: string): string {
  return rowKey === undefined ? `${FORM_FIELD_PREFIX}${itemKey}` : `${FORM_FIELD_PREFIX}${itemKey}.${rowKey}`;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function toScaleValue(raw: string): string | number {
  const value = raw.trim();
  if (value === NOT_APPLICABLE) return NOT_APPLICABLE;
  return NUMERIC.test(value) ? Number(value) : raw;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Converts HTML form entries into an answer object, WITHOUT validating it (pass the result to
 * `answersSchemaFor(definition)`).
 * - fields not starting with `q.` are ignored (csrf, intent…);
 * - empty (or blank) strings mean "unanswered": the item (or row) is left out;
 * - `q.<key>` for simple items (first non-empty value wins), repeated `q.<key>` for multiple
 *   (array, in form order), `q.<key>.<rowKey>` for matrix rows;
 * - scale / NPS / matrix values are converted to numbers ("na" kept as is);
 * - fields naming an unknown item are kept as raw strings (or row objects) so validation rejects them;
 *   fields whose shape does not fit the item (a row on a non-matrix item, or no row on a matrix) are ignored.
 */
export function parseAnswersFromForm(
  definition: QuestionnaireDefinition,
  entries: Iterable<readonly [string, string]>,
): Record<string, unknown> {
  const byKey = new Map(flattenItems(definition).map((item) => [item.key, item]));
  const result: Record<string, unknown> = {};
  for (const [name, raw] of entries) {
    if (typeof name !== "string" || !name.startsWith(FORM_FIELD_PREFIX)) continue;
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const rest = name.slice(FORM_FIELD_PREFIX.length);
    const dot = rest.indexOf(".");
    const key = dot === -1 ? rest : rest.slice(0, dot);
    const rowKey = dot === -1 ? undefined : rest.slice(dot + 1);
    if (key === "") continue;
    const item = byKey.get(key);
    const current = Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined;

    if (!item) {
      if (rowKey === undefined) {
        if (current === undefined) setOwn(result, key, raw);
      } else {
        const rows: Record<string, unknown> = isPlainObject(current) ? current : {};
        if (!Object.prototype.hasOwnProperty.call(rows, rowKey)) setOwn(rows, rowKey, raw);
        setOwn(result, key, rows);
      }
      continue;
    }

    if (item.type === "matrix") {
      if (rowKey === undefined || rowKey === "") continue;
      const rows: Record<string, unknown> = isPlainObject(current) ? current : {};
      if (!Object.prototype.hasOwnProperty.call(rows, rowKey)) setOwn(rows, rowKey, toScaleValue(raw));
      setOwn(result, key, rows);
      continue;
    }
    if (rowKey !== undefined) continue;

    switch (item.type) {
      case "multiple":
        setOwn(result, key, [...(Array.isArray(current) ? current : []), raw]);
        break;
      case "likert":
      case "csat":
      case "nps":
        if (current === undefined) setOwn(result, key, toScaleValue(raw));
        break;
      default:
        if (current === undefined) setOwn(result, key, raw);
    }
  }
  return result;
}
