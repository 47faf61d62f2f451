import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { Notice } from "~/components/notice";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { RowActionForm } from "~/components/row-action";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { formatDay } from "~/lib/dates";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { nextStepsPageSchema } from "~/modules/progress";
import { addNextStep, listNextSteps, moveNextStep, removeNextStep, saveNextStep, setNextStepDone } from "~/modules/progress/index.server";

export const meta: MetaFunction = () => [{ title: "Prochaines étapes — Sentinelle" }];
export const handle: BreadcrumbHandle = { breadcrumb: () => "Prochaines étapes" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { steps: listNextSteps() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["add", "save", "move", "done", "reopen", "remove"] as const;
export const ACTION_SCHEMA = nextStepsPageSchema;

const MESSAGES = { save: "Étape enregistrée.", move: "Étape déplacée.", done: "Étape marquée comme faite.", reopen: "Étape remise à venir.", remove: "Étape supprimée." } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return formAction(request, nextStepsPageSchema, (input) => {
    switch (input.intent) {
      case "add": {
        const { intent: _, ...step } = input;
        addNextStep(user, step);
        return { message: "Étape ajoutée.", resetForm: true };
      }
      case "save": {
        const { intent: _, id, ...step } = input;
        saveNextStep(user, id, step);
        break;
      }
      case "move":
        moveNextStep(user, input.id, input.direction);
        break;
      case "done":
      case "reopen":
        setNextStepDone(user, input.id, input.intent === "done");
        break;
      case "remove":
        removeNextStep(user, input.id);
        break;
    }
    return { message: MESSAGES[input.intent] };
  });
}

export default function NextSteps() {
  const { steps } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(nextStepsPageSchema, { actionData, intent: "add" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link>
      </p>
      <h1>Prochaines étapes</h1>
      <p>
        Les étapes annoncées au public sur la page <Link to="/avancement#prochaines-etapes">Avancement</Link>, groupées par rubrique dans cet
        ordre. Un point d'étape qui les reprend (bloc « Prochaines étapes ») les montre telles qu'elles étaient à sa date : annoncées avant,
        faites ou non à ce jour-là. Chaque modification est inscrite au journal.
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {steps.length ? (
        <ol className="mb-6 grid gap-4">
          {steps.map((s, i) => (
            <li key={s.id} className="card">
              <p className="mb-2 text-sm text-gris-600">
                {s.doneOn ? `Faite le ${formatDay(s.doneOn)}` : "À venir"} · source : {s.source}, {formatDay(s.sourceDate)}
              </p>
              <Form method="post" className="grid gap-x-4 md:grid-cols-3">
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="id" value={s.id} />
                <div>
                  <label htmlFor={`etape-${s.id}-rubrique`} className="label">
                    Rubrique
                  </label>
                  <input id={`etape-${s.id}-rubrique`} name="heading" defaultValue={s.heading} className="fr-input" required minLength={3} maxLength={200} />
                </div>
                <div>
                  <label htmlFor={`etape-${s.id}-texte`} className="label">
                    Étape
                  </label>
                  <input id={`etape-${s.id}-texte`} name="text" defaultValue={s.text} className="fr-input" required minLength={3} maxLength={500} />
                </div>
                <div>
                  <label htmlFor={`etape-${s.id}-echeance`} className="label">
                    Échéance (facultatif)
                  </label>
                  <input id={`etape-${s.id}-echeance`} name="horizon" defaultValue={s.horizon} className="fr-input" maxLength={60} />
                </div>
                <button type="submit" className="fr-btn fr-btn--sm">
                  Enregistrer<span className="sr-only"> l'étape « {s.text} »</span>
                </button>
              </Form>
              <div className="mt-2 flex flex-wrap gap-2">
                {i > 0 ? (
                  <RowActionForm intent="move" idName="id" id={s.id} leading={<input type="hidden" name="direction" value="up" />} ariaLabel={`Monter l'étape « ${s.text} »`}>
                    Monter
                  </RowActionForm>
                ) : null}
                {i < steps.length - 1 ? (
                  <RowActionForm intent="move" idName="id" id={s.id} leading={<input type="hidden" name="direction" value="down" />} ariaLabel={`Descendre l'étape « ${s.text} »`}>
                    Descendre
                  </RowActionForm>
                ) : null}
                <RowActionForm intent={s.doneOn ? "reopen" : "done"} idName="id" id={s.id} ariaLabel={`${s.doneOn ? "Remettre à venir" : "Marquer comme faite"} l'étape « ${s.text} »`}>
                  {s.doneOn ? "Remettre à venir" : "Marquer comme faite"}
                </RowActionForm>
                <RowActionForm intent="remove" idName="id" id={s.id} ariaLabel={`Supprimer l'étape « ${s.text} »`}>
                  Supprimer
                </RowActionForm>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>Aucune étape pour l'instant.</p>
      )}
      <h2>Ajouter une étape</h2>
      <FormErrors form={form} />
      <Form method="post" className="card grid gap-x-4 md:grid-cols-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add" />
        <TextField field={fields.heading} label="Rubrique" hint="Par exemple : Sur les chantiers Sentinelle." />
        <TextField field={fields.text} label="Étape" />
        <TextField field={fields.horizon} label="Échéance (facultatif)" hint="Telle qu'annoncée : « T1 24 », « printemps-été 2024 »." />
        <button type="submit" className="fr-btn">
          Ajouter
        </button>
      </Form>
    </div>
  );
}
