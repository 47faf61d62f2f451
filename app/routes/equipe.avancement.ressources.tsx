import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { FieldError, SelectField, TextField, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listThemes } from "~/modules/irritants/index.server";
import { addResource, completeResource, listResources, removeResource } from "~/modules/progress/index.server";
import { RESOURCE_DATE_KINDS, RESOURCE_KINDS, resourcesPageSchema } from "~/modules/progress";
import { formatDay } from "~/lib/dates";

export const meta: MetaFunction = () => [{ title: "Ressources par thème — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { resources: listResources(), themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["add", "complete", "remove"] as const;
export const ACTION_SCHEMA = resourcesPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return formAction(
    request,
    resourcesPageSchema,
    (input) => {
      if (input.intent === "complete") {
        const { intent: _, id, ...fields } = input;
        completeResource(user, id, fields);
        return { message: "Ressource complétée.", resetForm: true };
      }
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

const DATE_KIND_OPTIONS = [
  { value: "publication", label: "sa publication" },
  { value: "mise-a-jour", label: "sa dernière mise à jour" },
  { value: "citation", label: "sa citation par le programme" },
];

/** A resource's address and dated source, the same in the add and complete forms. */
function AddressAndDateFields({ fields }: { fields: { url: FieldMetadata<unknown>; date: FieldMetadata<unknown>; dateKind: FieldMetadata<unknown> } }) {
  return (
    <>
      <TextField field={fields.url} label="Adresse" />
      <div>
        <label htmlFor={fields.date.id} className="label">
          Date
        </label>
        <input {...fieldProps(fields.date)} type="date" className="fr-input" />
        <FieldError field={fields.date} />
      </div>
      <SelectField field={fields.dateKind} label="Cette date est celle de" options={DATE_KIND_OPTIONS} />
    </>
  );
}

export default function Resources() {
  const { resources, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(resourcesPageSchema, { actionData, intent: "add", defaultValue: { kind: "guide", dateKind: "publication" } });
  const [completeForm, complete] = useActionForm(resourcesPageSchema, { actionData, intent: "complete", defaultValue: { dateKind: "publication" } });
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
              {r.themeLabel} — {r.url ? <a href={r.url}>{r.title}</a> : r.title} ({RESOURCE_KINDS[r.kind]}
              {r.date ? `, ${RESOURCE_DATE_KINDS[r.dateKind].toLowerCase()} ${formatDay(r.date)}` : ""})
              {r.url ? null : <strong> — adresse non donnée par la source</strong>}
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
      <h2>Compléter une ressource</h2>
      <p>Donnez l'adresse d'une ressource que sa source citait sans adresse, ou corrigez son adresse et sa date.</p>
      <FormErrors form={completeForm} />
      <Form method="post" className="card mb-6 grid gap-x-4 md:grid-cols-2" {...getFormProps(completeForm)}>
        <input type="hidden" name="intent" value="complete" />
        <SelectField
          field={complete.id}
          label="Ressource"
          options={resources.map((r) => ({ value: String(r.id), label: `${r.title}${r.url ? "" : " (sans adresse)"}` }))}
        />
        <AddressAndDateFields fields={complete} />
        <button type="submit" className="fr-btn">
          Enregistrer
        </button>
      </Form>
      <h2>Ajouter une ressource</h2>
      <FormErrors form={form} />
      <Form method="post" className="card grid gap-x-4 md:grid-cols-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add" />
        <SelectField field={fields.themeSlug} label="Thème" options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <SelectField field={fields.kind} label="Type" options={Object.entries(RESOURCE_KINDS).map(([value, label]) => ({ value, label }))} />
        <TextField field={fields.title} label="Titre" />
        <AddressAndDateFields fields={fields} />
        <TextField field={fields.source} label="Source (facultatif)" />
        <button type="submit" className="fr-btn">
          Ajouter
        </button>
      </Form>
    </div>
  );
}
