import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { useActionForm, FormErrors } from "~/components/forms";
import { idParam } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { intentsOf } from "~/lib/intents";
import { requirePermission } from "~/lib/permissions.server";
import { updatePageSchema } from "~/modules/progress";
import { listThemes } from "~/modules/irritants/index.server";
import { listAllUpdates, saveUpdate, setUpdatePublished, updateThemeSlugs } from "~/modules/progress/index.server";
import { UpdateFields } from "~/components/progress";

export const meta: MetaFunction = () => [{ title: "Modifier un point d'étape — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  const update = listAllUpdates(user).find((u) => u.id === id);
  if (!update) throw new Response("Ce point d'étape n'existe pas.", { status: 404 });
  return { update: { ...update, themes: updateThemeSlugs(update.id) }, themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

export const INTENTS = intentsOf(updatePageSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(
    request,
    updatePageSchema,
    (input) => {
      if (input.intent !== "save") {
        setUpdatePublished(user, id, input.intent === "publish");
        return { message: input.intent === "publish" ? "Point d'étape publié : il apparaît sur la page Avancement et dans le flux." : "Point d'étape repassé en brouillon." };
      }
      const { intent: _, ...update } = input;
      saveUpdate(user, id, update);
      return { message: "Point d'étape enregistré." };
    },
    // The edit form sends no intent: it saves.
    { defaultIntent: "save" },
  );
}

export default function EditUpdate() {
  const { update, themeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(updatePageSchema, {
    actionData,
    intent: "save",
    defaultValue: { title: update.title, slug: update.slug, summary: update.summary, body: update.body, themes: update.themes },
  });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link> · <Link to={`/points-etape/${update.slug}`}>Aperçu</Link>
      </p>
      <h1>{update.title}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <p>{update.status === "published" ? "Publié." : "Brouillon : visible par l'équipe seulement."}</p>
      <Form method="post" className="mb-6">
        <button type="submit" name="intent" value={update.status === "published" ? "unpublish" : "publish"} className="btn">
          {update.status === "published" ? "Repasser en brouillon" : "Publier"}
        </button>
      </Form>
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <UpdateFields fields={fields} themeOptions={themeOptions} />
        <button type="submit" className="btn btn-secondary">
          Enregistrer
        </button>
      </Form>
    </div>
  );
}
