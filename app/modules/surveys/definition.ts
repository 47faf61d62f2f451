/**
 * Questionnaire definitions: the JSON stored with each questionnaire version, its zod schema and
 * types. Answers are validated in `answers.ts`, read from HTML forms in `answer-form.ts`, and versions
 * compared in `versions.ts`. Pure module: no I/O, no global zod configuration.
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
import { isScaleValue, NOT_APPLICABLE, SCALE_POINTS } from "./answer-values";
import { plural } from "~/lib/text/plural";

// ---------------------------------------------------------------------------------------------
// Definition schema
// ---------------------------------------------------------------------------------------------

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TEXT_MAX_LENGTH_LIMIT = 5000;
const TEXT_DEFAULT_MAX_LENGTH = 2000;

const strictObjectError = (what: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" && issue.keys
      ? `${what} : ${plural(issue.keys.length, "champ non reconnu", "champs non reconnus")} ${issue.keys.map((k) => `« ${k} »`).join(", ")}.`
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

/** Parses (and applies defaults to) an authored definition; throws a ZodError on invalid input. */
export function defineQuestionnaire(input: QuestionnaireDefinitionInput): QuestionnaireDefinition {
  return questionnaireDefinitionSchema.parse(input);
}

/** All items in questionnaire order. */
export function flattenItems(definition: QuestionnaireDefinition): QuestionnaireItem[] {
  return definition.sections.flatMap((section) => section.items);
}
