import { describe, expect, it } from "vitest";
import { parseAnswersFromForm } from "~/modules/surveys/answer-form";
import { answersSchemaFor, isItemVisible, visibleItemKeys } from "~/modules/surveys/answers";
import {
  defineQuestionnaire,
  questionnaireDefinitionSchema,
  type QuestionnaireDefinitionInput,
  type QuestionnaireItemInput,
} from "~/modules/surveys/definition";
import { comparableKeys, compareVersions } from "~/modules/surveys/versions";
import { SEGUR_FUNCTION_ROWS, SEGUR_QUESTIONNAIRE_V1, SEGUR_QUESTIONNAIRE_V2 } from "~/modules/surveys/demo-questionnaire";

const LABELS = ["Un", "Deux", "Trois", "Quatre", "Cinq"];

function questionnaire(...items: QuestionnaireItemInput[]): QuestionnaireDefinitionInput {
  return { title: "Test", sections: [{ key: "s", title: "Section", items }] };
}

function messages(input: unknown): string[] {
  const result = questionnaireDefinitionSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

function issues(schema: ReturnType<typeof answersSchemaFor>, answers: unknown) {
  const result = schema.safeParse(answers);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const allRows = (value: number | "na") => Object.fromEntries(SEGUR_FUNCTION_ROWS.map((r) => [r.key, value]));

function validV1Answers(): Record<string, unknown> {
  return {
    profession: "medecin",
    "mode-exercice": "liberal",
    "satisfaction-fonctions": { ...allRows(4), vsm: "na", rapidite: 2 },
    "satisfaction-globale": 4,
    recommandation: 8,
    "signalement-editeur": "yes",
    "satisfaction-reponse-editeur": 2,
    "amelioration-prioritaire": "  La rapidité d'envoi au DMP.  ",
  };
}

describe("questionnaireDefinitionSchema", () => {
  it("accepts both demo versions (and re-parsing is stable)", () => {
    for (const version of [SEGUR_QUESTIONNAIRE_V1, SEGUR_QUESTIONNAIRE_V2]) {
      const result = questionnaireDefinitionSchema.safeParse(version);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(result.data).toEqual(version);
    }
  });

  it("the demo matrix has one row per Ségur function", () => {
    const matrix = SEGUR_QUESTIONNAIRE_V1.sections.flatMap((s) => s.items).find((i) => i.type === "matrix");
    expect(matrix?.type === "matrix" && matrix.rows.map((r) => r.key)).toEqual([
      "qualification-ins",
      "envoi-mes",
      "mssante-envoi",
      "mssante-reception",
      "vsm",
      "ordonnance-numerique",
      "consultation-mes",
      "rapidite",
    ]);
  });

  it("applies defaults", () => {
    const def = defineQuestionnaire(
      questionnaire(
        { key: "a", type: "yesno", label: "Oui ?" },
        { key: "b", type: "text", label: "Texte" },
        { key: "c", type: "likert", label: "Likert", labels: LABELS },
      ),
    );
    expect(def.sections[0].items).toEqual([
      { key: "a", type: "yesno", label: "Oui ?", required: false, allowNotApplicable: true },
      { key: "b", type: "text", label: "Texte", required: false, maxLength: 2000 },
      { key: "c", type: "likert", label: "Likert", labels: LABELS, required: false, allowNotApplicable: false },
    ]);
  });

  it("rejects duplicate item keys across sections, naming the duplicate", () => {
    const input: QuestionnaireDefinitionInput = {
      title: "Test",
      sections: [
        { key: "un", title: "Un", items: [{ key: "note", type: "nps", label: "Note" }] },
        { key: "deux", title: "Deux", items: [{ key: "note", type: "text", label: "Commentaire" }] },
      ],
    };
    const result = questionnaireDefinitionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["sections", 1, "items", 0, "key"],
        message: expect.stringContaining("La clé « note » est utilisée par plusieurs questions"),
      }),
    ]);
  });

  it("rejects duplicate section keys", () => {
    const input = {
      title: "Test",
      sections: [
        { key: "s", title: "Un", items: [{ key: "a", type: "nps", label: "A" }] },
        { key: "s", title: "Deux", items: [{ key: "b", type: "nps", label: "B" }] },
      ],
    };
    expect(messages(input)).toEqual(["La clé de section « s » est utilisée plusieurs fois."]);
  });

  it("rejects bad slugs", () => {
    for (const key of ["Envoi-MES", "envoi_mes", "envoi--mes", "-envoi", "envoi mes", "é"]) {
      expect(messages(questionnaire({ key, type: "nps", label: "Note" }))).toEqual([
        "La clé de la question doit être en minuscules, chiffres et tirets (ex. « envoi-mes »).",
      ]);
    }
    expect(
      messages(
        questionnaire({
          key: "choix",
          type: "single",
          label: "Choix",
          options: [
            { value: "Oui", label: "Oui" },
            { value: "non", label: "Non" },
          ],
        }),
      ),
    ).toEqual(["La valeur d'une option doit être en minuscules, chiffres et tirets (ex. « envoi-mes »)."]);
  });

  it("rejects showIf pointing to a later item, to itself or to an unknown item", () => {
    const later = questionnaire(
      { key: "suite", type: "text", label: "Précisez", showIf: { item: "probleme", equals: "yes" } },
      { key: "probleme", type: "yesno", label: "Un problème ?" },
    );
    expect(messages(later)).toEqual([
      "La condition d'affichage de « suite » doit renvoyer à une question placée avant elle (« probleme » n'est pas avant).",
    ]);

    const self = questionnaire({ key: "boucle", type: "yesno", label: "Boucle", showIf: { item: "boucle", equals: "yes" } });
    expect(messages(self)[0]).toContain("doit renvoyer à une question placée avant elle");

    const unknown = questionnaire(
      { key: "probleme", type: "yesno", label: "Un problème ?" },
      { key: "suite", type: "text", label: "Précisez", showIf: { item: "inexistante", equals: "yes" } },
    );
    const result = questionnaireDefinitionSchema.safeParse(unknown);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["sections", 0, "items", 1, "showIf", "item"],
        message: "La condition d'affichage de « suite » renvoie à une question inconnue « inexistante ».",
      }),
    ]);
  });

  it("rejects showIf values that the referenced item can never take", () => {
    const def = questionnaire(
      {
        key: "profession",
        type: "single",
        label: "Profession",
        options: [
          { value: "medecin", label: "Médecin" },
          { value: "infirmier", label: "Infirmier" },
        ],
      },
      { key: "suite", type: "text", label: "Précisez", showIf: { item: "profession", equals: ["medecin", "dentiste"] } },
    );
    expect(messages(def)).toEqual([
      "La condition d'affichage de « suite » est invalide : la valeur « dentiste » n'est pas une réponse possible à « profession ».",
    ]);
  });

  it("rejects a likert (or csat, or matrix) scale without exactly 5 labels", () => {
    expect(messages(questionnaire({ key: "l", type: "likert", label: "L", labels: ["Non", "Bof", "Oui"] }))).toEqual([
      "Une échelle de Likert doit comporter exactement 5 libellés.",
    ]);
    expect(messages(questionnaire({ key: "c", type: "csat", label: "C", labels: [...LABELS, "Six"] }))).toEqual([
      "Une échelle de satisfaction doit comporter exactement 5 libellés.",
    ]);
    expect(
      messages(
        questionnaire({ key: "m", type: "matrix", label: "M", scale: "csat", labels: ["A"], rows: [{ key: "r", label: "R" }] }),
      ),
    ).toEqual(["L'échelle d'une matrice doit comporter exactement 5 libellés."]);
  });

  it("rejects single choices with duplicate or too few options", () => {
    expect(
      messages(
        questionnaire({
          key: "choix",
          type: "single",
          label: "Choix",
          options: [
            { value: "oui", label: "Oui" },
            { value: "non", label: "Non" },
            { value: "oui", label: "Oui (bis)" },
          ],
        }),
      ),
    ).toEqual(["L'option « oui » est proposée plusieurs fois."]);
    expect(
      messages(questionnaire({ key: "choix", type: "single", label: "Choix", options: [{ value: "oui", label: "Oui" }] })),
    ).toEqual(["Proposez au moins deux options."]);
  });

  it("rejects other malformed items with French messages", () => {
    expect(messages(questionnaire({ key: "t", type: "text", label: "T", maxLength: 6000 }))).toEqual([
      "La longueur maximale d'une réponse libre ne peut pas dépasser 5000 caractères.",
    ]);
    expect(
      messages(questionnaire({ key: "m", type: "matrix", label: "M", scale: "likert", labels: LABELS, rows: [] })),
    ).toEqual(["Une matrice doit comporter au moins une ligne."]);
    expect(
      messages(
        questionnaire({
          key: "m",
          type: "matrix",
          label: "M",
          scale: "likert",
          labels: LABELS,
          rows: [
            { key: "r", label: "R" },
            { key: "r", label: "R bis" },
          ],
        }),
      ),
    ).toEqual(["La ligne « r » apparaît plusieurs fois dans la matrice."]);
    expect(
      messages(
        questionnaire({
          key: "x",
          type: "multiple",
          label: "X",
          max: 3,
          options: [
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ],
        }),
      ),
    ).toEqual(["Le nombre maximal de choix (3) dépasse le nombre d'options (2)."]);
    expect(messages(questionnaire({ key: "x", type: "slider", label: "X" } as never))[0]).toContain("Type de question inconnu");
    expect(messages(questionnaire({ key: "x", type: "nps", label: "  " }))).toEqual(["Le libellé de la question est obligatoire."]);
    expect(messages({ title: "Vide", sections: [] })).toEqual(["Le questionnaire doit comporter au moins une section."]);
  });
});

describe("answersSchemaFor", () => {
  const schemaV1 = answersSchemaFor(SEGUR_QUESTIONNAIRE_V1);

  it("accepts a complete valid answer set and normalises it", () => {
    const result = schemaV1.safeParse(validV1Answers());
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data).toEqual({ ...validV1Answers(), "amelioration-prioritaire": "La rapidité d'envoi au DMP." });
  });

  it("rejects out-of-range values with the item key as path", () => {
    const answers = {
      ...validV1Answers(),
      "satisfaction-globale": 6,
      recommandation: 11,
      profession: "astronaute",
      "satisfaction-fonctions": { ...allRows(3), "envoi-mes": 0, vsm: 4.5 },
    };
    expect(issues(schemaV1, answers)).toEqual([
      { path: "profession", message: "La réponse « astronaute » ne fait pas partie des options proposées." },
      { path: "satisfaction-fonctions.envoi-mes", message: "Choisissez une réponse entre 1 et 5, ou « Non concerné »." },
      { path: "satisfaction-fonctions.vsm", message: "Choisissez une réponse entre 1 et 5, ou « Non concerné »." },
      { path: "satisfaction-globale", message: "Choisissez une réponse entre 1 et 5." },
      { path: "recommandation", message: "Choisissez une note entre 0 et 10." },
    ]);
  });

  it("rejects 'na' where not applicable is not allowed, and bad yes/no values", () => {
    expect(issues(schemaV1, { ...validV1Answers(), "satisfaction-globale": "na", "signalement-editeur": "peut-etre" })).toEqual([
      { path: "satisfaction-globale", message: "Choisissez une réponse entre 1 et 5." },
      { path: "signalement-editeur", message: "Répondez par oui ou par non." },
    ]);
  });

  it("rejects unknown matrix rows", () => {
    expect(
      issues(schemaV1, { ...validV1Answers(), "satisfaction-fonctions": { ...allRows(3), teleconsultation: 5 } }),
    ).toEqual([
      { path: "satisfaction-fonctions.teleconsultation", message: "Ligne inconnue « teleconsultation » pour cette question." },
    ]);
  });

  it("requires every required item, and every row of a required matrix", () => {
    const answers = validV1Answers();
    delete answers.profession;
    answers.recommandation = "";
    const { vsm: _vsm, ...rows } = answers["satisfaction-fonctions"] as Record<string, unknown>;
    answers["satisfaction-fonctions"] = rows;
    expect(issues(schemaV1, answers)).toEqual([
      { path: "profession", message: "Cette question est obligatoire." },
      {
        path: "satisfaction-fonctions.vsm",
        message: "Répondez pour la ligne « Production du volet de synthèse médicale (VSM) ».",
      },
      { path: "recommandation", message: "Cette question est obligatoire." },
    ]);
  });

  it("requires a follow-up only when it is shown", () => {
    const shown = validV1Answers();
    delete shown["satisfaction-reponse-editeur"];
    expect(issues(schemaV1, shown)).toEqual([
      { path: "satisfaction-reponse-editeur", message: "Cette question est obligatoire." },
    ]);

    const hidden = { ...shown, "signalement-editeur": "no" };
    const result = schemaV1.safeParse(hidden);
    expect(result.success).toBe(true);
  });

  it("ignores (and drops) answers to hidden items, even invalid ones", () => {
    const result = schemaV1.safeParse({ ...validV1Answers(), "signalement-editeur": "no", "satisfaction-reponse-editeur": 9 });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("satisfaction-reponse-editeur");
  });

  it("rejects unknown keys, including prototype keys", () => {
    expect(issues(schemaV1, { ...validV1Answers(), "connaissance-sentinelle": "yes" })).toEqual([
      {
        path: "connaissance-sentinelle",
        message: "Question inconnue « connaissance-sentinelle » : elle ne fait pas partie de ce questionnaire.",
      },
    ]);
    const polluted = JSON.parse(`{"__proto__": {"profession": "medecin"}}`);
    expect(issues(schemaV1, polluted)[0]).toEqual({
      path: "__proto__",
      message: "Question inconnue « __proto__ » : elle ne fait pas partie de ce questionnaire.",
    });
  });

  it("rejects texts that are too long", () => {
    expect(issues(schemaV1, { ...validV1Answers(), "amelioration-prioritaire": "a".repeat(2001) })).toEqual([
      { path: "amelioration-prioritaire", message: "La réponse ne doit pas dépasser 2000 caractères (2001 saisis)." },
    ]);
    expect(schemaV1.safeParse({ ...validV1Answers(), "amelioration-prioritaire": "a".repeat(2000) }).success).toBe(true);
  });

  it("rejects a non-object", () => {
    expect(issues(schemaV1, ["medecin"])).toEqual([
      { path: "", message: "Les réponses doivent former un objet { question: réponse }." },
    ]);
  });

  it("validates multiple choices (options, duplicates, max)", () => {
    const def = defineQuestionnaire(
      questionnaire({
        key: "freins",
        type: "multiple",
        label: "Freins",
        required: true,
        max: 2,
        options: [
          { value: "lenteur", label: "Lenteur" },
          { value: "bugs", label: "Bugs" },
          { value: "formation", label: "Formation" },
        ],
      }),
    );
    const schema = answersSchemaFor(def);
    expect(schema.safeParse({ freins: ["lenteur", "bugs"] }).success).toBe(true);
    expect(issues(schema, { freins: [] })).toEqual([{ path: "freins", message: "Cette question est obligatoire." }]);
    expect(issues(schema, { freins: ["lenteur", "bugs", "formation"] })).toEqual([
      { path: "freins", message: "Cochez au plus 2 options." },
    ]);
    expect(issues(schema, { freins: ["lenteur", "lenteur"] })).toEqual([
      { path: "freins.1", message: "L'option « lenteur » est cochée plusieurs fois." },
    ]);
    expect(issues(schema, { freins: ["meteo"] })).toEqual([
      { path: "freins.0", message: "L'option « meteo » ne fait pas partie des options proposées." },
    ]);
    expect(issues(schema, { freins: "lenteur" })).toEqual([
      { path: "freins", message: "Cochez une ou plusieurs des options proposées." },
    ]);
  });

  it("handles chained, list and boolean showIf conditions", () => {
    const def = defineQuestionnaire(
      questionnaire(
        {
          key: "profession",
          type: "single",
          label: "Profession",
          required: true,
          options: [
            { value: "medecin", label: "Médecin" },
            { value: "infirmier", label: "Infirmier" },
            { value: "pharmacien", label: "Pharmacien" },
          ],
        },
        { key: "mt", type: "yesno", label: "Médecin traitant ?", required: true, showIf: { item: "profession", equals: ["medecin"] } },
        { key: "patients", type: "nps", label: "Patientèle", required: true, showIf: { item: "mt", equals: true } },
      ),
    );
    const schema = answersSchemaFor(def);
    expect(issues(schema, { profession: "medecin", mt: "yes" })).toEqual([
      { path: "patients", message: "Cette question est obligatoire." },
    ]);
    // "mt" is hidden for a nurse, so "patients" (which depends on it) is hidden too, whatever was sent.
    const result = schema.safeParse({ profession: "infirmier", mt: "yes" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ profession: "infirmier" });
    expect([...visibleItemKeys(def, { profession: "infirmier", mt: "yes" })]).toEqual(["profession"]);
    expect([...visibleItemKeys(def, { profession: "medecin", mt: "yes" })]).toEqual(["profession", "mt", "patients"]);
  });
});

describe("isItemVisible", () => {
  const items = SEGUR_QUESTIONNAIRE_V1.sections.flatMap((s) => s.items);
  const followUp = items.find((i) => i.key === "satisfaction-reponse-editeur")!;

  it("is true without condition", () => {
    expect(isItemVisible(items[0], {})).toBe(true);
  });

  it("follows the referenced answer", () => {
    expect(isItemVisible(followUp, { "signalement-editeur": "yes" })).toBe(true);
    expect(isItemVisible(followUp, { "signalement-editeur": "no" })).toBe(false);
    expect(isItemVisible(followUp, {})).toBe(false);
  });

  it("matches multiple-choice answers containing the value", () => {
    const def = defineQuestionnaire(
      questionnaire(
        {
          key: "freins",
          type: "multiple",
          label: "Freins",
          options: [
            { value: "lenteur", label: "Lenteur" },
            { value: "bugs", label: "Bugs" },
          ],
        },
        { key: "details", type: "text", label: "Détails", showIf: { item: "freins", equals: "bugs" } },
      ),
    );
    const details = def.sections[0].items[1];
    expect(isItemVisible(details, { freins: ["lenteur", "bugs"] })).toBe(true);
    expect(isItemVisible(details, { freins: ["lenteur"] })).toBe(false);
  });
});

describe("parseAnswersFromForm", () => {
  it("converts realistic form entries", () => {
    const entries: [string, string][] = [
      ["csrf", "jeton"],
      ["intent", "submit"],
      ["q.profession", "medecin"],
      ["q.mode-exercice", "exercice-coordonne"],
      ...SEGUR_FUNCTION_ROWS.map((r, i): [string, string] => [`q.satisfaction-fonctions.${r.key}`, String((i % 5) + 1)]),
      ["q.satisfaction-fonctions.vsm", "na"],
      ["q.satisfaction-globale", "4"],
      ["q.recommandation", "0"],
      ["q.signalement-editeur", "no"],
      ["q.satisfaction-reponse-editeur", ""],
      ["q.amelioration-prioritaire", "Moins de clics pour l'INS."],
    ];
    const parsed = parseAnswersFromForm(SEGUR_QUESTIONNAIRE_V1, entries);
    expect(parsed).toEqual({
      profession: "medecin",
      "mode-exercice": "exercice-coordonne",
      "satisfaction-fonctions": {
        "qualification-ins": 1,
        "envoi-mes": 2,
        "mssante-envoi": 3,
        "mssante-reception": 4,
        vsm: 5, // first value wins
        "ordonnance-numerique": 1,
        "consultation-mes": 2,
        rapidite: 3,
      },
      "satisfaction-globale": 4,
      recommandation: 0,
      "signalement-editeur": "no",
      "amelioration-prioritaire": "Moins de clics pour l'INS.",
    });
    expect(answersSchemaFor(SEGUR_QUESTIONNAIRE_V1).safeParse(parsed).success).toBe(true);
  });

  it("keeps 'na', drops empty fields and keeps non-numeric scale values for validation to reject", () => {
    const parsed = parseAnswersFromForm(SEGUR_QUESTIONNAIRE_V1, [
      ["q.satisfaction-fonctions.vsm", "na"],
      ["q.satisfaction-fonctions.rapidite", ""],
      ["q.satisfaction-globale", "beaucoup"],
      ["q.recommandation", "   "],
      ["q.amelioration-prioritaire", ""],
    ]);
    expect(parsed).toEqual({ "satisfaction-fonctions": { vsm: "na" }, "satisfaction-globale": "beaucoup" });
  });

  it("collects repeated fields of a multiple choice, and keeps unknown fields for validation", () => {
    const def = defineQuestionnaire(
      questionnaire({
        key: "freins",
        type: "multiple",
        label: "Freins",
        options: [
          { value: "lenteur", label: "Lenteur" },
          { value: "bugs", label: "Bugs" },
        ],
      }),
    );
    const parsed = parseAnswersFromForm(def, [
      ["q.freins", "lenteur"],
      ["q.freins", ""],
      ["q.freins", "bugs"],
      ["q.inconnue", "x"],
      ["q.__proto__.freins", "lenteur"],
    ]);
    expect(parsed.freins).toEqual(["lenteur", "bugs"]);
    expect(Object.keys(parsed)).toEqual(["freins", "inconnue", "__proto__"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    const result = answersSchemaFor(def).safeParse(parsed);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["inconnue", "__proto__"]);
  });
});

describe("compareVersions / comparableKeys", () => {
  it("lists the V1 → V2 changes of the demo questionnaire", () => {
    const changes = compareVersions(SEGUR_QUESTIONNAIRE_V1, SEGUR_QUESTIONNAIRE_V2);
    expect(changes).toEqual([
      { key: "profession", change: "unchanged" },
      { key: "satisfaction-fonctions", change: "unchanged" },
      { key: "satisfaction-globale", change: "rescaled" },
      { key: "recommandation", change: "reworded" },
      { key: "signalement-editeur", change: "unchanged" },
      { key: "satisfaction-reponse-editeur", change: "unchanged" },
      { key: "connaissance-sentinelle", change: "new" },
      { key: "amelioration-prioritaire", change: "unchanged" },
      { key: "mode-exercice", change: "removed" },
    ]);
    expect(comparableKeys(changes)).toEqual([
      "profession",
      "satisfaction-fonctions",
      "recommandation",
      "signalement-editeur",
      "satisfaction-reponse-editeur",
      "amelioration-prioritaire",
    ]);
  });

  it("is all unchanged against itself", () => {
    const changes = compareVersions(SEGUR_QUESTIONNAIRE_V2, SEGUR_QUESTIONNAIRE_V2);
    expect(changes.every((c) => c.change === "unchanged")).toBe(true);
  });

  it("treats a type change, a help change, and option/row changes", () => {
    const base = defineQuestionnaire(
      questionnaire(
        { key: "a", type: "nps", label: "A" },
        { key: "b", type: "likert", label: "B", labels: LABELS, help: "Aide" },
        {
          key: "c",
          type: "single",
          label: "C",
          options: [
            { value: "x", label: "X" },
            { value: "y", label: "Y" },
          ],
        },
        { key: "d", type: "matrix", label: "D", scale: "likert", labels: LABELS, rows: [{ key: "r", label: "R" }] },
      ),
    );
    const next = defineQuestionnaire(
      questionnaire(
        { key: "a", type: "likert", label: "A", labels: LABELS },
        { key: "b", type: "likert", label: "B", labels: LABELS, help: "Nouvelle aide", required: true },
        {
          key: "c",
          type: "single",
          label: "C",
          options: [
            { value: "y", label: "Y" },
            { value: "x", label: "X" },
          ],
        },
        {
          key: "d",
          type: "matrix",
          label: "D",
          scale: "likert",
          labels: LABELS,
          rows: [
            { key: "r", label: "R" },
            { key: "s", label: "S" },
          ],
        },
      ),
    );
    expect(compareVersions(base, next)).toEqual([
      { key: "a", change: "rescaled" },
      { key: "b", change: "reworded" },
      { key: "c", change: "unchanged" }, // option order does not change the meaning
      { key: "d", change: "rescaled" },
    ]);
  });

  it("comparableKeys keeps only unchanged and reworded items", () => {
    expect(
      comparableKeys([
        { key: "a", change: "unchanged" },
        { key: "b", change: "reworded" },
        { key: "c", change: "rescaled" },
        { key: "d", change: "new" },
        { key: "e", change: "removed" },
      ]),
    ).toEqual(["a", "b"]);
  });
});
