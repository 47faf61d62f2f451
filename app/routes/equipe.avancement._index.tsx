import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { UpdateFields } from "~/components/progress";
import { parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { updateSchema } from "~/modules/progress/schemas";
import { listThemes } from "~/modules/irritants/themes.server";
import { listAllUpdates, saveUpdate } from "~/modules/progress/updates.server";
import { getSetting, SETTINGS_SCHEMA, updateSettings } from "~/modules/settings/settings.server";

const headlinesSchema = SETTINGS_SCHEMA.pick({ progressHeadlines: true });
const HEADLINE_LABELS = { irritants: "Signalements", actions: "Plan d'action", vendors: "Réponses des éditeurs", survey: "Satisfaction" } as const;

export const meta: MetaFunction = () => [{ title: "Points d'étape (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return { themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })), headlines: getSetting("progressHeadlines"), updates: listAllUpdates(user).map(({ id, title, status, slug }) => ({ id, title, status, slug })) };
}

/** The new-update form sends no intent: it creates. */
export const INTENTS = ["create", "headlines"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  try {
    const form = await readFormData(request);
    if (readIntent(form, INTENTS, "create") === "headlines") {
      const chosen = parseOrThrow(headlinesSchema, { progressHeadlines: form.getAll("progressHeadlines") }, "Choix invalide.");
      updateSettings(user, chosen);
      return { ok: true, message: "Chiffres clés de la page Avancement enregistrés." };
    }
    const input = parseOrThrow(updateSchema, { ...Object.fromEntries(form), themes: form.getAll("themes") }, "Point d'étape invalide.");
    const id = saveUpdate(user, null, input);
    return redirect(`/equipe/avancement/${id}`);
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function TeamUpdates() {
  const { updates, headlines, themeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Points d'étape</h1>
      <p>
        <Link to="/equipe/avancement/ressources">Ressources par thème</Link> · <Link to="/equipe/avancement/indicateurs">Indicateurs</Link>
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
      <Form method="post" className="card mb-6">
        <input type="hidden" name="intent" value="headlines" />
        <fieldset className="mb-4">
          <legend className="label">Blocs de chiffres clés de la page Avancement</legend>
          {(Object.keys(HEADLINE_LABELS) as (keyof typeof HEADLINE_LABELS)[]).map((key) => (
            <span key={key} className="mr-6 inline-flex items-center gap-2">
              <input id={`h-${key}`} type="checkbox" name="progressHeadlines" value={key} defaultChecked={headlines.includes(key)} className="size-4" />
              <label htmlFor={`h-${key}`}>{HEADLINE_LABELS[key]}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-secondary">
          Enregistrer
        </button>
      </Form>
      <h2>Nouveau point d'étape</h2>
      <Form method="post" className="card">
        <UpdateFields themeOptions={themeOptions} />
        <button type="submit" className="btn">
          Créer le brouillon
        </button>
      </Form>
    </div>
  );
}
