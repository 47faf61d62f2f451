import { z } from "zod";
import { HttpError } from "~/lib/errors";
import { ITEM_TYPES } from "./definition";

/**
 * The form-based editor works on a draft definition that travels with the form (so it needs no JavaScript and
 * no server state). Each button applies one operation; the draft is validated for real only when saved.
 */
export type DraftDefinition = { title: string; intro?: string; sections: { key: string; title: string; description?: string; items: Record<string, unknown>[] }[] };

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const lines = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export const editorOperationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("set-title"), title: z.string().trim().min(1, "Indiquez le titre.").max(200), intro: z.preprocess(blank, z.string().max(2000).optional()) }),
  z.object({ intent: z.literal("add-section"), sectionKey: z.string().trim().min(1, "Indiquez la clé de la partie."), sectionTitle: z.string().trim().min(1, "Indiquez le titre de la partie.") }),
  z.object({
    intent: z.literal("add-item"),
    section: z.coerce.number().int().min(0),
    type: z.enum(ITEM_TYPES, { error: "Choisissez un type de question." }),
    key: z.string().trim().min(1, "Indiquez la clé de la question."),
    label: z.string().trim().min(1, "Indiquez le libellé de la question."),
    required: z.preprocess((v) => v === "on", z.boolean()),
    help: z.preprocess(blank, z.string().max(500).optional()),
    // One per line: scale labels (5), options as "valeur | libellé", or matrix rows as "clé | libellé".
    choices: z.preprocess(lines, z.array(z.string())),
    allowNotApplicable: z.preprocess((v) => v === "on", z.boolean()),
  }),
  z.object({ intent: z.literal("remove-item"), key: z.string() }),
  z.object({ intent: z.literal("move-item"), key: z.string(), direction: z.enum(["up", "down"]) }),
]);
export type EditorOperation = z.infer<typeof editorOperationSchema>;

function pairs(choices: string[]) {
  return choices.map((c) => {
    const [value, ...rest] = c.split("|").map((s) => s.trim());
    return { value, label: rest.join(" | ") || value };
  });
}

function buildItem(op: Extract<EditorOperation, { intent: "add-item" }>): Record<string, unknown> {
  const base = { key: op.key, type: op.type, label: op.label, required: op.required, ...(op.help ? { help: op.help } : {}) };
  switch (op.type) {
    case "likert":
    case "csat":
      return { ...base, labels: op.choices, allowNotApplicable: op.allowNotApplicable };
    case "single":
    case "multiple":
      return { ...base, options: pairs(op.choices) };
    case "yesno":
      return { ...base, allowNotApplicable: op.allowNotApplicable };
    case "matrix": {
      // Matrix: the five scale labels first, then rows as "clé | libellé".
      const rows = op.choices.filter((c) => c.includes("|"));
      const labels = op.choices.filter((c) => !c.includes("|"));
      return { ...base, scale: "csat", labels, rows: pairs(rows).map((r) => ({ key: r.value, label: r.label })), allowNotApplicable: op.allowNotApplicable };
    }
    case "text":
      return base;
    case "nps":
      return base;
  }
}

/** Applies one editor operation to a draft; returns a new draft (the input is not changed). */
export function applyEditorOperation(draft: DraftDefinition, op: EditorOperation): DraftDefinition {
  const next: DraftDefinition = structuredClone(draft);
  switch (op.intent) {
    case "set-title":
      next.title = op.title;
      if (op.intro) next.intro = op.intro;
      else delete next.intro;
      return next;
    case "add-section":
      next.sections.push({ key: op.sectionKey, title: op.sectionTitle, items: [] });
      return next;
    case "add-item": {
      const section = next.sections[op.section];
      if (!section) throw new HttpError(422, "Partie inconnue.");
      section.items.push(buildItem(op));
      return next;
    }
    case "remove-item":
      for (const s of next.sections) s.items = s.items.filter((i) => i.key !== op.key);
      return next;
    case "move-item":
      for (const s of next.sections) {
        const index = s.items.findIndex((i) => i.key === op.key);
        const target = op.direction === "up" ? index - 1 : index + 1;
        if (index >= 0 && target >= 0 && target < s.items.length) [s.items[index], s.items[target]] = [s.items[target], s.items[index]];
      }
      return next;
  }
}

export function parseDraft(json: string): DraftDefinition {
  try {
    const value = JSON.parse(json) as DraftDefinition;
    if (value && typeof value === "object" && Array.isArray(value.sections)) return value;
  } catch {
    // fall through
  }
  return { title: "Nouveau questionnaire", sections: [] };
}
