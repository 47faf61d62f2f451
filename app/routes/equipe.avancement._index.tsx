import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { UpdateFields } from "~/components/progress";
import { getFormProps } from "@conform-to/react";
import { ChoiceGroup, useActionForm, FormErrors } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { updatesPageSchema } from "~/modules/progress";
import { listThemes } from "~/modules/irritants/index.server";
import { listAllUpdates, saveUpdate } from "~/modules/progress/index.server";
import { getSetting, updateSettings } from "~/modules/settings/index.server";

const HEADLINE_LABELS = { irritants: "Signalements", actions: "Plan d'action", vendors: "Réponses des éditeurs", survey: "Satisfaction" } as const;

export const meta: MetaFunction = () => [{ title: "Points d'étape (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return { themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })), headlines: getSetting("progressHeadlines"), updates: listAllUpdates(user).map(({ id, title, status, slug }) => ({ id, title, status, slug })) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["create", "headlines"] as const;
export const ACTION_SCHEMA = updatesPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return formAction(
    request,
    updatesPageSchema,
    (input) => {
      if (input.intent === "headlines") {
        updateSettings(user, { progressHeadlines: input.progressHeadlines });
        return { message: "Chiffres clés de la page Avancement enregistrés." };
      }
      const { intent: _, ...update } = input;
      return redirect(`/equipe/avancement/${saveUpdate(user, null, update)}`);
    },
    // The new-update form sends no intent: it creates.
    { defaultIntent: "create" },
  );
}

export default function TeamUpdates() {
  const { updates, headlines, themeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [headlinesForm, headlinesFields] = useActionForm(updatesPageSchema, { actionData, intent: "headlines", defaultValue: { progressHeadlines: headlines } });
  const [form, fields] = useActionForm(updatesPageSchema, { actionData, intent: "create" });
  return (
    <div className="prose-page">
      <h1>Points d'étape</h1>
      <p>
        <Link to="/equipe/avancement/ressources">Ressources par thème</Link> · <Link to="/equipe/avancement/prochaines-etapes">Prochaines étapes</Link> · <Link to="/equipe/avancement/indicateurs">Indicateurs</Link>
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <ul className="mb-6 grid gap-2">
        {updates.map((u) => (
          <li key={u.id}>
            <Link to={`/equipe/avancement/${u.id}`}>{u.title}</Link> — {u.status === "published" ? "publié" : "brouillon"}
          </li>
        ))}
      </ul>
      <h2>Chiffres clés affichés</h2>
      <FormErrors form={headlinesForm} />
      <Form method="post" className="card mb-6" {...getFormProps(headlinesForm)}>
        <input type="hidden" name="intent" value="headlines" />
        <ChoiceGroup
          field={headlinesFields.progressHeadlines}
          legend="Blocs de chiffres clés de la page Avancement"
          type="checkbox"
          options={Object.entries(HEADLINE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer
        </button>
      </Form>
      <h2>Nouveau point d'étape</h2>
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <UpdateFields fields={fields} themeOptions={themeOptions} />
        <button type="submit" className="fr-btn">
          Créer le brouillon
        </button>
      </Form>
    </div>
  );
}
