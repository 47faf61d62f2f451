/**
 * Questionnaire definitions (the JSON stored with each questionnaire version), answer validation,
 * HTML form parsing and version comparison. Pure module: no I/O, no global zod configuration.
 *
 * Conventions
 * - Every item has a stable `key` (slug), unique across the whole questionnaire. Answers are stored
 *   as `{ [itemKey]: value }` and waves are compared item by item, through these keys.
 * - Scale answers (likert, csat, matrix rows) are integers 1–5, or "na" (non concerné) when the item
 *   allows it. NPS answers are integers 0–10. Yes/no answers are "yes" | "no" | "na".
 * - `showIf` only points to an EARLIER item. An item whose condition is not met is hidden: it is
 *   never required, and any value sent for it is ignored (and dropped from the validated answers).
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Definition schema
// ---------------------------------------------------------------------------------------------

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SCALE_POINTS = 5;
const TEXT_MAX_LENGTH_LIMIT = 5000;
const TEXT_DEFAULT_MAX_LENGTH = 2000;
const NOT_APPLICABLE = "na" as const;

const strictObjectError = (what: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" && issue.keys
      ? `${what} : champ(s) non reconnu(s) ${issue.keys.map((k) => `« ${k} »`).join(", ")}.`
      : `${what} : un objet est attendu.`,
});

const slug = (what: string) =>
  z
    .string({ error: `${what} est obligatoire.` })
    .min(1, `${what} est obligatoire.`)
    .max(64, `${what} ne doit pas dépasser 64 caractères.`)
    .regex(SLUG_PATTERN, `${what} doit être en minuscules, chiffres et tirets (ex. « envoi-mes »).`);

const requiredText = (what: string, max = 500) =>
  z
    .string({ error: `${what} est obligatoire.` })
    .trim()
    .min(1, `${what} est obligatoire.`)
    .max(max, `${what} ne doit pas dépasser ${max} caractères.`);

const optionalText = (what: string, max = 2000) =>
  z
    .string({ error: `${what} doit être un texte.` })
    .trim()
    .min(1, `${what} ne doit pas être vide (omettez-le plutôt).`)
    .max(max, `${what} ne doit pas dépasser ${max} caractères.`)
    .optional();

const flag = (what: string) => z.boolean({ error: `${what} doit valoir true ou false.` });

const scaleLabels = (message: string) =>
  z
    .array(requiredText("Chaque libellé d'échelle", 80), { error: message })
    .length(SCALE_POINTS, message);

function uniqueBy<T>(values: readonly T[], key: (v: T) => string): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) duplicates.add(k);
    seen.add(k);
  }
  return [...duplicates];
}

const optionSchema = z.strictObject(
  {
    value: slug("La valeur d'une option"),
    label: requiredText("Le libellé d'une option", 200),
  },
  strictObjectError("Option"),
);

const optionsSchema = z
  .array(optionSchema, { error: "Les options doivent être une liste." })
  .min(2, "Proposez au moins deux options.")
  .superRefine((options, ctx) => {
    for (const value of uniqueBy(options, (o) => o.value)) {
      ctx.addIssue({ code: "custom", message: `L'option « ${value} » est proposée plusieurs fois.` });
    }
  });

const matrixRowSchema = z.strictObject(
  {
    key: slug("La clé d'une ligne"),
    label: requiredText("Le libellé d'une ligne", 300),
  },
  strictObjectError("Ligne de matrice"),
);

const showIfValueSchema = z.union(
  [
    z.string(),
    z.number(),
    z.boolean(),
    z
      .array(z.union([z.string(), z.number()]), { error: "La liste de valeurs de la condition est invalide." })
      .min(1, "La condition d'affichage doit comporter au moins une valeur."),
  ],
  { error: "La valeur de la condition d'affichage doit être un texte, un nombre, un booléen ou une liste." },
);

const showIfSchema = z.strictObject(
  {
    item: slug("La question de référence de la condition d'affichage"),
    equals: showIfValueSchema,
  },
  strictObjectError("Condition d'affichage"),
);

const baseItemShape = {
  key: slug("La clé de la question"),
  label: requiredText("Le libellé de la question", 500),
  required: flag("« required »").default(false),
  help: optionalText("Le texte d'aide"),
  showIf: showIfSchema.optional(),
};

const likertItemSchema = z.strictObject(
  {
    ...baseItemShape,
    type: z.literal("likert"),
    labels: scaleLabels("Une échelle de Likert doit comporter exactement 5 libellés."),
    allowNotApplicable: flag("« allowNotApplicable »").default(false),
  },
  strictObjectError("Question de type likert"),
);

const npsItemSchema = z.strictObject(
  { ...baseItemShape, type: z.literal("nps") },
  strictObjectError("Question de type nps"),
);

const csatItemSchema = z.strictObject(
  {
    ...baseItemShape,
    type: z.literal("csat"),
    labels: scaleLabels("Une échelle de satisfaction doit comporter exactement 5 libellés."),
    allowNotApplicable: flag("« allowNotApplicable »").default(false),
  },
  strictObjectError("Question de type csat"),
);

const singleItemSchema = z.strictObject(
  { ...baseItemShape, type: z.literal("single"), options: optionsSchema },
  strictObjectError("Question de type single"),
);

const multipleItemSchema = z
  .strictObject(
    {
      ...baseItemShape,
      type: z.literal("multiple"),
      options: optionsSchema,
      max: z
        .number({ error: "Le nombre maximal de choix doit être un nombre." })
        .int("Le nombre maximal de choix doit être un entier.")
        .min(1, "Le nombre maximal de choix doit être au moins 1.")
        .optional(),
    },
    strictObjectError("Question de type multiple"),
  )
  .superRefine((item, ctx) => {
    if (item.max !== undefined && item.max > item.options.length) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `Le nombre maximal de choix (${item.max}) dépasse le nombre d'options (${item.options.length}).`,
      });
    }
  });

const yesNoItemSchema = z.strictObject(
  { ...baseItemShape, type: z.literal("yesno"), allowNotApplicable: flag("« allowNotApplicable »").default(true) },
  strictObjectError("Question de type yesno"),
);

const matrixItemSchema = z.strictObject(
  {
    ...baseItemShape,
    type: z.literal("matrix"),
    scale: z.enum(["likert", "csat"], { error: "L'échelle d'une matrice doit être « likert » ou « csat »." }),
    labels: scaleLabels("L'échelle d'une matrice doit comporter exactement 5 libellés."),
    rows: z
      .array(matrixRowSchema, { error: "Les lignes de la matrice doivent être une liste." })
      .min(1, "Une matrice doit comporter au moins une ligne.")
      .superRefine((rows, ctx) => {
        for (const key of uniqueBy(rows, (r) => r.key)) {
          ctx.addIssue({ code: "custom", message: `La ligne « ${key} » apparaît plusieurs fois dans la matrice.` });
        }
      }),
    allowNotApplicable: flag("« allowNotApplicable »").default(false),
  },
  strictObjectError("Question de type matrix"),
);

const textItemSchema = z.strictObject(
  {
    ...baseItemShape,
    type: z.literal("text"),
    maxLength: z
      .number({ error: "La longueur maximale doit être un nombre." })
      .int("La longueur maximale doit être un entier.")
      .min(1, "La longueur maximale doit être au moins 1.")
      .max(
        TEXT_MAX_LENGTH_LIMIT,
        `La longueur maximale d'une réponse libre ne peut pas dépasser ${TEXT_MAX_LENGTH_LIMIT} caractères.`,
      )
      .default(TEXT_DEFAULT_MAX_LENGTH),
  },
  strictObjectError("Question de type text"),
);

export const ITEM_TYPES = ["likert", "nps", "csat", "single", "multiple", "yesno", "matrix", "text"] as const;

const questionnaireItemSchema = z.discriminatedUnion(
  "type",
  [
    likertItemSchema,
    npsItemSchema,
    csatItemSchema,
    singleItemSchema,
    multipleItemSchema,
    yesNoItemSchema,
    matrixItemSchema,
    textItemSchema,
  ],
  { error: `Type de question inconnu (attendu : ${ITEM_TYPES.join(", ")}).` },
);

const questionnaireSectionSchema = z.strictObject(
  {
    key: slug("La clé de la section"),
    title: requiredText("Le titre de la section", 200),
    description: optionalText("La description de la section"),
    items: z
      .array(questionnaireItemSchema, { error: "Les questions de la section doivent être une liste." })
      .min(1, "Une section doit comporter au moins une question."),
  },
  strictObjectError("Section"),
);

export const questionnaireDefinitionSchema = z
  .strictObject(
    {
      title: requiredText("Le titre du questionnaire", 200),
      intro: optionalText("L'introduction", 5000),
      sections: z
        .array(questionnaireSectionSchema, { error: "Les sections doivent être une liste." })
        .min(1, "Le questionnaire doit comporter au moins une section."),
    },
    strictObjectError("Questionnaire"),
  )
  .superRefine((definition, ctx) => {
    for (const key of uniqueBy(definition.sections, (s) => s.key)) {
      ctx.addIssue({ code: "custom", path: ["sections"], message: `La clé de section « ${key} » est utilisée plusieurs fois.` });
    }

    // Item keys: unique across the whole questionnaire; showIf must point to an earlier item.
    const positions = new Map<string, { index: number; item: QuestionnaireItem }>();
    const flat: { item: QuestionnaireItem; path: (string | number)[]; index: number }[] = [];
    definition.sections.forEach((section, s) =>
      section.items.forEach((item, i) => flat.push({ item, path: ["sections", s, "items", i], index: flat.length })),
    );
    for (const { item, path, index } of flat) {
      if (positions.has(item.key)) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "key"],
          message: `La clé « ${item.key} » est utilisée par plusieurs questions : chaque clé doit être unique dans le questionnaire.`,
        });
      } else {
        positions.set(item.key, { index, item });
      }
    }
    for (const { item, path, index } of flat) {
      if (!item.showIf) continue;
      const ref = item.showIf.item;
      const target = positions.get(ref);
      const where = [...path, "showIf", "item"];
      if (!target) {
        ctx.addIssue({
          code: "custom",
          path: where,
          message: `La condition d'affichage de « ${item.key} » renvoie à une question inconnue « ${ref} ».`,
        });
        continue;
      }
      if (target.index >= index) {
        ctx.addIssue({
          code: "custom",
          path: where,
          message: `La condition d'affichage de « ${item.key} » doit renvoyer à une question placée avant elle (« ${ref} » n'est pas avant).`,
        });
        continue;
      }
      const problem = conditionProblem(target.item, item.showIf.equals);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "showIf", "equals"],
          message: `La condition d'affichage de « ${item.key} » est invalide : ${problem}`,
        });
      }
    }
  });

/** Why a showIf value can never match the target item (null when it can). */
function conditionProblem(target: QuestionnaireItem, equals: ShowIfCondition["equals"]): string | null {
  if (target.type === "matrix" || target.type === "text") {
    return `une condition ne peut pas porter sur une question de type ${target.type === "matrix" ? "matrice" : "texte libre"} (« ${target.key} »).`;
  }
  const values = Array.isArray(equals) ? equals : [equals];
  for (const value of values) {
    if (!conditionValuePossible(target, value)) {
      return `la valeur ${formatValue(value)} n'est pas une réponse possible à « ${target.key} ».`;
    }
  }
  return null;
}

function conditionValuePossible(target: QuestionnaireItem, value: string | number | boolean): boolean {
  switch (target.type) {
    case "likert":
    case "csat":
      return isScaleValue(value, 1, SCALE_POINTS, target.allowNotApplicable);
    case "nps":
      return isScaleValue(value, 0, 10, false);
    case "single":
    case "multiple":
      return typeof value === "string" && target.options.some((o) => o.value === value);
    case "yesno":
      return typeof value === "boolean" || value === "yes" || value === "no" || (target.allowNotApplicable && value === NOT_APPLICABLE);
    default:
      return false;
  }
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? `« ${value} »` : String(value);
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** A validated definition (defaults applied). */
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;
/** A definition as authored (defaults optional). */
export type QuestionnaireDefinitionInput = z.input<typeof questionnaireDefinitionSchema>;
export type QuestionnaireItemInput = z.input<typeof questionnaireItemSchema>;
export type QuestionnaireItem = z.infer<typeof questionnaireItemSchema>;
type ShowIfCondition = NonNullable<QuestionnaireItem["showIf"]>;

/** 1–5 (or 0–10 for NPS), or "na" when not applicable is allowed. */
type ScaleAnswer = number | typeof NOT_APPLICABLE;
type MatrixAnswer = Record<string, ScaleAnswer>;
type AnswerValue = ScaleAnswer | string | string[] | MatrixAnswer;
export type Answers = Record<string, AnswerValue>;

/** Parses (and applies defaults to) an authored definition; throws a ZodError on invalid input. */
export function defineQuestionnaire(input: QuestionnaireDefinitionInput): QuestionnaireDefinition {
  return questionnaireDefinitionSchema.parse(input);
}

/** All items in questionnaire order. */
export function flattenItems(definition: QuestionnaireDefinition): QuestionnaireItem[] {
  return definition.sections.flatMap((section) => section.items);
}

// ---------------------------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------------------------

function ownValue(answers: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
}

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
// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function isScaleValue(value: unknown, min: number, max: number, allowNotApplicable: boolean): value is ScaleAnswer {
  if (allowNotApplicable && value === NOT_APPLICABLE) return true;
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

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
        issues.push({ path: [], message: `Cochez au plus ${item.max} option${item.max > 1 ? "s" : ""}.` });
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

// ---------------------------------------------------------------------------------------------
// HTML form parsing
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Version comparison
// ---------------------------------------------------------------------------------------------

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
