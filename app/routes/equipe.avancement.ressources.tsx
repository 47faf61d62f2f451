import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listThemes } from "~/modules/irritants/index.server";
import { addResource, listResources, removeResource } from "~/modules/progress/index.server";
import { RESOURCE_KINDS, resourcesPageSchema } from "~/modules/progress";

export const meta: MetaFunction = () => [{ title: "Ressources par thème — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { resources: listResources(), themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["add", "remove"] as const;
export const ACTION_SCHEMA = resourcesPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return formAction(
    request,
    resourcesPageSchema,
    (input) => {
      if (input.intent === "remove") {
        removeResource(user, input.id);
        return { message: "Ressource retirée." };
      }
      const { intent: _, ...resource } = input;
      addResource(user, resource);
      return { message: "Ressource ajoutée.", resetForm: true };
    },
    // The add form sends no intent.
    { defaultIntent: "add" },
  );
}

export default function Resources() {
  const { resources, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(resourcesPageSchema, { actionData, intent: "add", defaultValue: { kind: "guide" } });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link>
      </p>
      <h1>Ressources par thème</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <ul className="mb-6 grid gap-2">
        {resources.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3">
            <span>
              {r.themeLabel} — <a href={r.url}>{r.title}</a> ({RESOURCE_KINDS[r.kind]})
            </span>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="id" value={r.id} />
              <button type="submit" className="fr-btn fr-btn--secondary">
                Retirer<span className="sr-only"> {r.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>Ajouter une ressource</h2>
      <FormErrors form={form} />
      <Form method="post" className="card grid gap-x-4 md:grid-cols-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add" />
        <SelectField field={fields.themeSlug} label="Thème" options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <SelectField field={fields.kind} label="Type" options={Object.entries(RESOURCE_KINDS).map(([value, label]) => ({ value, label }))} />
        <TextField field={fields.title} label="Titre" />
        <TextField field={fields.url} label="Adresse" />
        <button type="submit" className="fr-btn">
          Ajouter
        </button>
      </Form>
    </div>
  );
}
