import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
      if (input.op === "save") {
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
      <Form method="post" className="card mb-6">
        {hidden}
        <input type="hidden" name="op" value="set-title" />
        <label htmlFor="e-title" className="label">
          Titre du questionnaire
        </label>
        <input id="e-title" name="title" defaultValue={draft.title} className="input mb-4" />
        <label htmlFor="e-intro" className="label">
          Introduction (facultatif)
        </label>
        <textarea id="e-intro" name="intro" defaultValue={draft.intro ?? ""} rows={2} className="input mb-4" />
        <button type="submit" className="btn btn-secondary">
          Mettre à jour
        </button>
      </Form>

      <h2>Ajouter une partie</h2>
      <Form method="post" className="card mb-6 grid gap-4 md:grid-cols-3 md:items-end">
        {hidden}
        <input type="hidden" name="op" value="add-section" />
        <div>
          <label htmlFor="s-key" className="label">
            Clé
          </label>
          <input id="s-key" name="sectionKey" className="input" />
        </div>
        <div>
          <label htmlFor="s-title" className="label">
            Titre
          </label>
          <input id="s-title" name="sectionTitle" className="input" />
        </div>
        <button type="submit" className="btn btn-secondary">
          Ajouter la partie
        </button>
      </Form>

      {draft.sections.length ? (
        <>
          <h2>Ajouter une question</h2>
          <Form method="post" className="card mb-6">
            {hidden}
            <input type="hidden" name="op" value="add-item" />
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <label htmlFor="i-section" className="label">
                  Partie
                </label>
                <select id="i-section" name="section" className="input">
                  {draft.sections.map((s, i) => (
                    <option key={s.key} value={i}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="i-type" className="label">
                  Type
                </label>
                <select id="i-type" name="type" className="input">
                  {ITEM_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="i-key" className="label">
                  Clé (stable d'une version à l'autre)
                </label>
                <input id="i-key" name="key" className="input" />
              </div>
              <div>
                <label htmlFor="i-label" className="label">
                  Libellé
                </label>
                <input id="i-label" name="label" className="input" />
              </div>
            </div>
            <label htmlFor="i-choices" className="label mt-4">
              Choix
              <span className="hint">
                Un par ligne. Échelles : les 5 libellés. Choix : « valeur | libellé ». Matrice : les 5 libellés, puis les lignes « clé | libellé ».
              </span>
            </label>
            <textarea id="i-choices" name="choices" rows={5} className="input mb-4" />
            <label htmlFor="i-help" className="label">
              Aide (facultatif)
            </label>
            <input id="i-help" name="help" className="input mb-4" />
            <div className="mb-4 flex flex-wrap gap-6">
              <span className="flex items-center gap-2">
                <input id="i-required" type="checkbox" name="required" className="size-4" />
                <label htmlFor="i-required">Obligatoire</label>
              </span>
              <span className="flex items-center gap-2">
                <input id="i-na" type="checkbox" name="allowNotApplicable" className="size-4" />
                <label htmlFor="i-na">Proposer « non concerné »</label>
              </span>
            </div>
            <button type="submit" className="btn btn-secondary">
              Ajouter la question
            </button>
          </Form>
        </>
      ) : null}

      <h2>Aperçu</h2>
      {valid ? <p className="font-bold">Le questionnaire est valide.</p> : null}
      {problems.length ? (
        <div className="alert alert-error" role="region" aria-label="À corriger avant l'enregistrement">
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
                      <input type="hidden" name="op" value="move-item" />
                      <input type="hidden" name="key" value={key} />
                      <button type="submit" name="direction" value={direction} className="btn btn-secondary">
                        {direction === "up" ? "Monter" : "Descendre"}
                        <span className="sr-only"> la question {key}</span>
                      </button>
                    </Form>
                  ))}
                  <Form method="post">
                    {hidden}
                    <input type="hidden" name="op" value="remove-item" />
                    <input type="hidden" name="key" value={key} />
                    <button type="submit" className="btn btn-secondary">
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
      <Form method="post" className="card grid gap-4 md:grid-cols-3 md:items-end">
        {hidden}
        <input type="hidden" name="op" value="save" />
        <div>
          <label htmlFor="v-slug" className="label">
            Identifiant du questionnaire
          </label>
          <input id="v-slug" name="slug" className="input" />
        </div>
        <div>
          <label htmlFor="v-title" className="label">
            Nom
          </label>
          <input id="v-title" name="title" defaultValue={draft.title} className="input" />
        </div>
        <button type="submit" className="btn">
          Enregistrer comme nouvelle version
        </button>
      </Form>
      <h2>JSON</h2>
      <label htmlFor="json" className="label">
        Définition JSON du brouillon (à copier pour l'exporter)
      </label>
      <textarea id="json" readOnly rows={6} className="input font-mono text-sm" value={JSON.stringify(draft, null, 2)} />
    </div>
  );
}
