import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { SurveyItem } from "~/components/survey";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { getVersion, saveQuestionnaireVersion } from "~/modules/surveys/index.server";
import {
  type DraftDefinition,
  ITEM_TYPES,
  type QuestionnaireItem,
  applyEditorOperation,
  parseDraft,
  questionnaireDefinitionSchema,
  questionnaireEditorSchema,
} from "~/modules/surveys";

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["set-title", "add-section", "add-item", "remove-item", "move-item", "save"] as const;
export const ACTION_SCHEMA = questionnaireEditorSchema;

export const meta: MetaFunction = () => [{ title: "Éditeur de questionnaire — Sentinelle" }];

const TYPE_LABELS: Record<(typeof ITEM_TYPES)[number], string> = {
  likert: "Échelle d'accord (1 à 5)",
  nps: "Recommandation (0 à 10)",
  csat: "Satisfaction (1 à 5)",
  single: "Choix unique",
  multiple: "Choix multiple",
  yesno: "Oui / non",
  matrix: "Matrice (une ligne par fonction)",
  text: "Texte libre",
};

function check(draft: DraftDefinition) {
  const result = questionnaireDefinitionSchema.safeParse(draft);
  return result.success ? { valid: true as const, problems: [] } : { valid: false as const, problems: result.error.issues.map((i) => `${i.path.join(".")} : ${i.message}`) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  const from = new URL(request.url).searchParams.get("depuis");
  const draft: DraftDefinition = from ? (orErrorPage(() => getVersion(Number(from))).definition as unknown as DraftDefinition) : { title: "Nouveau questionnaire", sections: [] };
  return { draft, ...check(draft), from };
}

/** The draft travels with every form of the editor (no JavaScript, no server state): every answer sends it back. */
function draftOf(form: FormData) {
  const draft = parseDraft(String(form.get("draft") ?? ""));
  return { draft, ...check(draft) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  return formAction(
    request,
    questionnaireEditorSchema,
    (input, form) => {
      const { draft } = draftOf(form);
      if (input.intent === "save") {
        const version = saveQuestionnaireVersion(user, { slug: input.slug, title: input.title, definition: draft });
        return { ...draftOf(form), message: `Version ${version.number} du questionnaire « ${input.title} » enregistrée (identifiant ${version.id}).` };
      }
      const next = applyEditorOperation(draft, input);
      return { draft: next, ...check(next), message: "Brouillon mis à jour (pas encore enregistré)." };
    },
    { everyReply: draftOf },
  );
}

export default function QuestionnaireEditor() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const draft = actionData?.draft ?? loaded.draft;
  const valid = actionData?.valid ?? loaded.valid;
  const problems = actionData?.problems ?? loaded.problems;
  const json = JSON.stringify(draft);
  const hidden = <input type="hidden" name="draft" value={json} />;
  const allItems = draft.sections.flatMap((s) => s.items);
  const [titleForm, titleFields] = useActionForm(questionnaireEditorSchema, { actionData, intent: "set-title" });
  const [sectionForm, sectionFields] = useActionForm(questionnaireEditorSchema, { actionData, intent: "add-section" });
  const [itemForm, itemFields] = useActionForm(questionnaireEditorSchema, { actionData, intent: "add-item" });
  const [saveForm, saveFields] = useActionForm(questionnaireEditorSchema, { actionData, intent: "save" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/enquetes">← Enquêtes</Link>
      </p>
      <h1>Éditeur de questionnaire</h1>
      <p>
        Construisez le questionnaire partie par partie ; l'aperçu montre ce que verront les répondants. Rien n'est enregistré avant « Enregistrer
        comme nouvelle version ».
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}

      <h2>Titre</h2>
      <FormErrors form={titleForm} />
      <Form method="post" className="card mb-6" {...getFormProps(titleForm)}>
        {hidden}
        <input type="hidden" name="intent" value="set-title" />
        <label htmlFor={titleFields.title.id} className="label">
          Titre du questionnaire
        </label>
        <input {...fieldProps(titleFields.title, draft.title)} className="fr-input" />
        <FieldError field={titleFields.title} />
        <label htmlFor={titleFields.intro.id} className="label mt-4">
          Introduction (facultatif)
        </label>
        <textarea {...fieldProps(titleFields.intro, draft.intro ?? "")} rows={2} className="fr-input mb-4" />
        <FieldError field={titleFields.intro} />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Mettre à jour
        </button>
      </Form>

      <h2>Ajouter une partie</h2>
      <FormErrors form={sectionForm} />
      <Form method="post" className="card mb-6 grid gap-4 md:grid-cols-3 md:items-end" {...getFormProps(sectionForm)}>
        {hidden}
        <input type="hidden" name="intent" value="add-section" />
        <div>
          <label htmlFor={sectionFields.sectionKey.id} className="label">
            Clé
          </label>
          <input {...fieldProps(sectionFields.sectionKey)} className="fr-input" />
          <FieldError field={sectionFields.sectionKey} />
        </div>
        <div>
          <label htmlFor={sectionFields.sectionTitle.id} className="label">
            Titre
          </label>
          <input {...fieldProps(sectionFields.sectionTitle)} className="fr-input" />
          <FieldError field={sectionFields.sectionTitle} />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Ajouter la partie
        </button>
      </Form>

      {draft.sections.length ? (
        <>
          <h2>Ajouter une question</h2>
          <FormErrors form={itemForm} />
          <Form method="post" className="card mb-6" {...getFormProps(itemForm)}>
            {hidden}
            <input type="hidden" name="intent" value="add-item" />
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <label htmlFor={itemFields.section.id} className="label">
                  Partie
                </label>
                <select {...fieldProps(itemFields.section)} className="fr-select">
                  {draft.sections.map((s, i) => (
                    <option key={s.key} value={i}>
                      {s.title}
                    </option>
                  ))}
                </select>
                <FieldError field={itemFields.section} />
              </div>
              <div>
                <label htmlFor={itemFields.type.id} className="label">
                  Type
                </label>
                <select {...fieldProps(itemFields.type)} className="fr-select">
                  {ITEM_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
                <FieldError field={itemFields.type} />
              </div>
              <div>
                <label htmlFor={itemFields.key.id} className="label">
                  Clé (stable d'une version à l'autre)
                </label>
                <input {...fieldProps(itemFields.key)} className="fr-input" />
                <FieldError field={itemFields.key} />
              </div>
              <div>
                <label htmlFor={itemFields.label.id} className="label">
                  Libellé
                </label>
                <input {...fieldProps(itemFields.label)} className="fr-input" />
                <FieldError field={itemFields.label} />
              </div>
            </div>
            <label htmlFor={itemFields.choices.id} className="label mt-4">
              Choix
              <span className="hint">
                Un par ligne. Échelles : les 5 libellés. Choix : « valeur | libellé ». Matrice : les 5 libellés, puis les lignes « clé | libellé ».
              </span>
            </label>
            <textarea {...fieldProps(itemFields.choices)} rows={5} className="fr-input" />
            <FieldError field={itemFields.choices} />
            <label htmlFor={itemFields.help.id} className="label mt-4">
              Aide (facultatif)
            </label>
            <input {...fieldProps(itemFields.help)} className="fr-input mb-4" />
            <FieldError field={itemFields.help} />
            <div className="mb-4 flex flex-wrap gap-6">
              <span className="flex items-center gap-2">
                <input id={itemFields.required.id} type="checkbox" name={itemFields.required.name} className="size-4" />
                <label htmlFor={itemFields.required.id}>Obligatoire</label>
              </span>
              <span className="flex items-center gap-2">
                <input id={itemFields.allowNotApplicable.id} type="checkbox" name={itemFields.allowNotApplicable.name} className="size-4" />
                <label htmlFor={itemFields.allowNotApplicable.id}>Proposer « non concerné »</label>
              </span>
            </div>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Ajouter la question
            </button>
          </Form>
        </>
      ) : null}

      <h2>Aperçu</h2>
      {valid ? <p className="font-bold">Le questionnaire est valide.</p> : null}
      {problems.length ? (
        <div className="fr-alert fr-alert--error fr-alert--sm mb-6" role="region" aria-label="À corriger avant l'enregistrement">
          <p className="font-bold">À corriger avant l'enregistrement :</p>
          <ul className="list-disc pl-6">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft.sections.map((s) => (
        <section key={s.key} aria-labelledby={`apercu-${s.key}`} className="card mb-4">
          <h3 id={`apercu-${s.key}`} className="mt-0">
            {s.title}
          </h3>
          {s.items.map((item) => {
            const key = String(item.key);
            return (
              <div key={key} className="border-b border-gris-200 pb-2 mb-4">
                {valid ? <SurveyItem item={item as unknown as QuestionnaireItem} value={undefined} /> : <p>{String(item.label)} ({String(item.type)})</p>}
                <div className="flex gap-2">
                  {(["up", "down"] as const).map((direction) => (
                    <Form method="post" key={direction}>
                      {hidden}
                      <input type="hidden" name="intent" value="move-item" />
                      <input type="hidden" name="key" value={key} />
                      <button type="submit" name="direction" value={direction} className="fr-btn fr-btn--secondary">
                        {direction === "up" ? "Monter" : "Descendre"}
                        <span className="sr-only"> la question {key}</span>
                      </button>
                    </Form>
                  ))}
                  <Form method="post">
                    {hidden}
                    <input type="hidden" name="intent" value="remove-item" />
                    <input type="hidden" name="key" value={key} />
                    <button type="submit" className="fr-btn fr-btn--secondary">
                      Retirer<span className="sr-only"> la question {key}</span>
                    </button>
                  </Form>
                </div>
              </div>
            );
          })}
        </section>
      ))}
      {allItems.length === 0 ? <p>Aucune question pour l'instant.</p> : null}

      <h2>Enregistrer</h2>
      <FormErrors form={saveForm} />
      <Form method="post" className="card grid gap-4 md:grid-cols-3 md:items-end" {...getFormProps(saveForm)}>
        {hidden}
        <input type="hidden" name="intent" value="save" />
        <div>
          <label htmlFor={saveFields.slug.id} className="label">
            Identifiant du questionnaire
          </label>
          <input {...fieldProps(saveFields.slug)} className="fr-input" />
          <FieldError field={saveFields.slug} />
        </div>
        <div>
          <label htmlFor={saveFields.title.id} className="label">
            Nom
          </label>
          {/* Keyed by the draft's title: a renamed draft proposes its new name. */}
          <input key={draft.title} {...fieldProps(saveFields.title, draft.title)} className="fr-input" />
          <FieldError field={saveFields.title} />
        </div>
        <button type="submit" className="fr-btn">
          Enregistrer comme nouvelle version
        </button>
      </Form>
      <h2>JSON</h2>
      <label htmlFor="json" className="label">
        Définition JSON du brouillon (à copier pour l'exporter)
      </label>
      <textarea id="json" readOnly rows={6} className="fr-input font-mono text-sm" value={JSON.stringify(draft, null, 2)} />
    </div>
  );
}
