/**
 * Answers to a questionnaire: which items are visible (showIf) and the validation of a full answer
 * set. Conventions in `definition.ts`. Pure module: no I/O.
 */
import { z } from "zod";
import { isAnswered, isPlainObject, isScaleValue, NOT_APPLICABLE, ownValue, SCALE_POINTS, type ScaleAnswer } from "./answer-values";
import { flattenItems, type QuestionnaireDefinition, type QuestionnaireItem } from "./definition";
import { plural } from "~/lib/text/plural";

type MatrixAnswer = Record<string, ScaleAnswer>;
type AnswerValue = ScaleAnswer | string | string[] | MatrixAnswer;
export type Answers = Record<string, AnswerValue>;

// ---------------------------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------------------------

function matchesOne(answer: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === "boolean") {
    return answer === expected || answer === (expected ? "yes" : "no");
  }
  if (Array.isArray(answer)) return answer.includes(expected);
  return answer === expected;
}

/**
 * Whether the item's own showIf condition is met by `answers` (true without condition).
 * An unanswered reference never matches. For a chain of conditions, use `visibleItemKeys`.
 */
export function isItemVisible(item: QuestionnaireItem, answers: Readonly<Record<string, unknown>>): boolean {
  if (!item.showIf) return true;
  const answer = ownValue(answers, item.showIf.item);
  if (!isAnswered(answer)) return false;
  const { equals } = item.showIf;
  return Array.isArray(equals) ? equals.some((e) => matchesOne(answer, e)) : matchesOne(answer, equals);
}

/** Keys of the items shown for these answers (an item depending on a hidden item is hidden too). */
export function visibleItemKeys(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): Set<string> {
  const visible = new Set<string>();
  for (const item of flattenItems(definition)) {
    if (!item.showIf || (visible.has(item.showIf.item) && isItemVisible(item, answers))) visible.add(item.key);
  }
  return visible;
}

// ---------------------------------------------------------------------------------------------
// Answer validation
const REQUIRED_MESSAGE = "Cette question est obligatoire.";

const scaleMessage = (allowNotApplicable: boolean) =>
  allowNotApplicable
    ? "Choisissez une réponse entre 1 et 5, ou « Non concerné »."
    : "Choisissez une réponse entre 1 et 5.";

type Issue = { path: (string | number)[]; message: string };
type Checked = { value: AnswerValue; issues: Issue[] };

/** Validates and normalises the answer to one (visible, answered) item. Paths are relative to the item. */
function checkAnswer(item: QuestionnaireItem, value: unknown): Checked {
  const fail = (message: string, path: (string | number)[] = []): Checked => ({
    value: value as AnswerValue,
    issues: [{ path, message }],
  });
  switch (item.type) {
    case "likert":
    case "csat":
      return isScaleValue(value, 1, SCALE_POINTS, item.allowNotApplicable)
        ? { value, issues: [] }
        : fail(scaleMessage(item.allowNotApplicable));
    case "nps":
      return isScaleValue(value, 0, 10, false) ? { value, issues: [] } : fail("Choisissez une note entre 0 et 10.");
    case "single":
      if (typeof value === "string" && item.options.some((o) => o.value === value)) return { value, issues: [] };
      return fail(
        typeof value === "string"
          ? `La réponse « ${value} » ne fait pas partie des options proposées.`
          : "Choisissez l'une des options proposées.",
      );
    case "multiple": {
      if (!Array.isArray(value)) return fail("Cochez une ou plusieurs des options proposées.");
      const issues: Issue[] = [];
      const seen = new Set<unknown>();
      value.forEach((v, index) => {
        if (typeof v !== "string" || !item.options.some((o) => o.value === v)) {
          issues.push({
            path: [index],
            message:
              typeof v === "string"
                ? `L'option « ${v} » ne fait pas partie des options proposées.`
                : "Choisissez parmi les options proposées.",
          });
        } else if (seen.has(v)) {
          issues.push({ path: [index], message: `L'option « ${v} » est cochée plusieurs fois.` });
        }
        seen.add(v);
      });
      if (item.max !== undefined && value.length > item.max) {
        issues.push({ path: [], message: `Cochez au plus ${item.max} ${plural(item.max, "option", "options")}.` });
      }
      return { value: value as string[], issues };
    }
    case "yesno":
      if (value === "yes" || value === "no" || (item.allowNotApplicable && value === NOT_APPLICABLE)) {
        return { value, issues: [] };
      }
      return fail(item.allowNotApplicable ? "Répondez par oui, non ou « Non concerné »." : "Répondez par oui ou par non.");
    case "matrix": {
      if (!isPlainObject(value)) return fail("Donnez une réponse pour chaque ligne du tableau.");
      const issues: Issue[] = [];
      const rowKeys = new Set(item.rows.map((r) => r.key));
      for (const key of Object.keys(value)) {
        if (!rowKeys.has(key)) issues.push({ path: [key], message: `Ligne inconnue « ${key} » pour cette question.` });
      }
      const normalised: MatrixAnswer = {};
      for (const row of item.rows) {
        const cell = ownValue(value, row.key);
        if (!isAnswered(cell)) {
          if (item.required) issues.push({ path: [row.key], message: `Répondez pour la ligne « ${row.label} ».` });
          continue;
        }
        if (isScaleValue(cell, 1, SCALE_POINTS, item.allowNotApplicable)) normalised[row.key] = cell;
        else issues.push({ path: [row.key], message: scaleMessage(item.allowNotApplicable) });
      }
      return { value: normalised, issues };
    }
    case "text": {
      if (typeof value !== "string") return fail("La réponse doit être un texte.");
      const trimmed = value.trim();
      if (trimmed.length > item.maxLength) {
        return fail(`La réponse ne doit pas dépasser ${item.maxLength} caractères (${trimmed.length} saisis).`);
      }
      return { value: trimmed, issues: [] };
    }
  }
}

/**
 * Zod schema validating a full answer set `{ [itemKey]: value }` for submission.
 * - types and ranges per item; issues carry the item key (and row key / index) as path;
 * - required items must be answered unless hidden by showIf (a required matrix needs every row);
 * - answers to hidden items are ignored and dropped from the output;
 * - unknown keys are rejected; unanswered values (`undefined`, `null`, "", [], {}) count as absent.
 * Output: only the visible, answered items, normalised (texts trimmed, matrix rows in definition order).
 */
export function answersSchemaFor(definition: QuestionnaireDefinition): z.ZodType<Answers> {
  const items = flattenItems(definition);
  const known = new Set(items.map((i) => i.key));
  return z.unknown().transform((input, ctx): Answers => {
    if (!isPlainObject(input)) {
      ctx.addIssue({ code: "custom", message: "Les réponses doivent former un objet { question: réponse }." });
      return z.NEVER;
    }
    let failed = false;
    const report = (path: (string | number)[], message: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path, message });
    };
    for (const key of Object.keys(input)) {
      if (!known.has(key)) report([key], `Question inconnue « ${key} » : elle ne fait pas partie de ce questionnaire.`);
    }
    const visible = visibleItemKeys(definition, input);
    const output: Answers = {};
    for (const item of items) {
      if (!visible.has(item.key)) continue;
      const value = ownValue(input, item.key);
      if (!isAnswered(value)) {
        if (item.required) report([item.key], REQUIRED_MESSAGE);
        continue;
      }
      const checked = checkAnswer(item, value);
      for (const issue of checked.issues) report([item.key, ...issue.path], issue.message);
      if (checked.issues.length === 0 && isAnswered(checked.value)) output[item.key] = checked.value;
      else if (checked.issues.length === 0 && item.required) report([item.key], REQUIRED_MESSAGE);
    }
    return failed ? z.NEVER : output;
  });
}
