import { describe, expect, it } from "vitest";
import { questionnaireDefinitionSchema } from "~/modules/surveys/definition";
import { applyEditorOperation, editorOperationSchema, type DraftDefinition } from "~/modules/surveys/editor";

const op = (fields: Record<string, unknown>) => editorOperationSchema.parse(fields);
const empty: DraftDefinition = { title: "Test", sections: [] };

describe("applyEditorOperation", () => {
  it("builds, step by step, a definition the schema accepts", () => {
    let d = applyEditorOperation(empty, op({ intent: "add-section", sectionKey: "profil", sectionTitle: "Votre profil" }));
    d = applyEditorOperation(d, op({ intent: "add-item", section: "0", type: "single", key: "profession", label: "Profession ?", required: "on", choices: "medecin | Médecin\ninfirmier | Infirmier" }));
    d = applyEditorOperation(d, op({ intent: "add-item", section: "0", type: "likert", key: "satisfaction", label: "Satisfait ?", choices: "Pas du tout\nPeu\nMoyen\nAssez\nTout à fait", allowNotApplicable: "on" }));
    d = applyEditorOperation(d, op({ intent: "add-item", section: "0", type: "nps", key: "recommandation", label: "Recommanderiez-vous ?" }));
    d = applyEditorOperation(
      d,
      op({ intent: "add-item", section: "0", type: "matrix", key: "fonctions", label: "Fonctions", choices: "1\n2\n3\n4\n5\nins | INS\nvsm | VSM" }),
    );
    const parsed = questionnaireDefinitionSchema.safeParse(d);
    expect(parsed.success).toBe(true);
    expect(d.sections[0].items.map((i) => i.key)).toEqual(["profession", "satisfaction", "recommandation", "fonctions"]);
    expect(d.sections[0].items[0]).toMatchObject({ options: [{ value: "medecin", label: "Médecin" }, { value: "infirmier", label: "Infirmier" }], required: true });
    expect(d.sections[0].items[3]).toMatchObject({ rows: [{ key: "ins", label: "INS" }, { key: "vsm", label: "VSM" }], labels: ["1", "2", "3", "4", "5"] });
  });

  it("moves and removes items without touching the input", () => {
    const start: DraftDefinition = { title: "T", sections: [{ key: "s", title: "S", items: [{ key: "a" }, { key: "b" }, { key: "c" }] }] };
    const moved = applyEditorOperation(start, op({ intent: "move-item", key: "c", direction: "up" }));
    expect(moved.sections[0].items.map((i) => i.key)).toEqual(["a", "c", "b"]);
    expect(start.sections[0].items.map((i) => i.key)).toEqual(["a", "b", "c"]);
    expect(applyEditorOperation(moved, op({ intent: "move-item", key: "a", direction: "up" })).sections[0].items.map((i) => i.key)).toEqual(["a", "c", "b"]);
    expect(applyEditorOperation(moved, op({ intent: "remove-item", key: "c" })).sections[0].items.map((i) => i.key)).toEqual(["a", "b"]);
  });

  it("leaves invalid questions for the schema to explain (a likert with 3 labels)", () => {
    const d = applyEditorOperation(
      applyEditorOperation(empty, op({ intent: "add-section", sectionKey: "s", sectionTitle: "S" })),
      op({ intent: "add-item", section: "0", type: "likert", key: "q", label: "Q", choices: "a\nb\nc" }),
    );
    const parsed = questionnaireDefinitionSchema.safeParse(d);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain("Une échelle de Likert doit comporter exactement 5 libellés.");
  });

  it("refuses operations with missing fields, in French", () => {
    const result = editorOperationSchema.safeParse({ intent: "add-item", section: "0", type: "likert", key: "", label: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(["Indiquez la clé de la question.", "Indiquez le libellé de la question."]));
  });
});
