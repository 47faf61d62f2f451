import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { errorSentence, HttpError, orErrorPage } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { updateSchema } from "~/modules/progress/schemas";
import { listThemes } from "~/modules/irritants/themes.server";
import { listAllUpdates, saveUpdate, setUpdatePublished, updateThemeSlugs } from "~/modules/progress/updates.server";
import { UpdateFields } from "~/components/progress";

export const meta: MetaFunction = () => [{ title: "Modifier un point d'étape — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  const update = listAllUpdates(user).find((u) => u.id === id);
  if (!update) throw new Response("Ce point d'étape n'existe pas.", { status: 404 });
  return { update: { ...update, themes: updateThemeSlugs(update.id) }, themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

/** The edit form sends no intent: it saves. */
export const INTENTS = ["save", "publish", "unpublish"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  try {
    const intent = readIntent(form, INTENTS, "save");
    if (intent === "publish" || intent === "unpublish") {
      setUpdatePublished(user, id, intent === "publish");
      return { ok: true, message: intent === "publish" ? "Point d'étape publié : il apparaît sur la page Avancement et dans le flux." : "Point d'étape repassé en brouillon." };
    }
    saveUpdate(user, id, parseOrThrow(updateSchema, { ...Object.fromEntries(form), themes: form.getAll("themes") }, "Point d'étape invalide."));
    return { ok: true, message: "Point d'étape enregistré." };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return data({ ok: false, message: errorSentence(error) }, { status: error.status });
  }
}

export default function EditUpdate() {
  const { update, themeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <Form method="post" className="card">
        <UpdateFields defaults={update} themeOptions={themeOptions} />
        <button type="submit" className="btn btn-secondary">
          Enregistrer
        </button>
      </Form>
    </div>
  );
}
