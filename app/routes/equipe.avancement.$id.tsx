import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { useActionForm, FormErrors } from "~/components/forms";
import { idParam } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { updatePageSchema } from "~/modules/progress";
import { listThemes } from "~/modules/irritants/index.server";
import { listAllUpdates, saveUpdate, setUpdatePublished, updateThemeSlugs } from "~/modules/progress/index.server";
import { UpdateFields } from "~/components/progress";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction = () => [{ title: "Modifier un point d'étape — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  const update = listAllUpdates(user).find((u) => u.id === id);
  if (!update) throw new Response("Ce point d'étape n'existe pas.", { status: 404 });
  return { update: { ...update, themes: updateThemeSlugs(update.id) }, themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["save", "publish", "unpublish"] as const;
export const ACTION_SCHEMA = updatePageSchema;

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

export const handle = crumbFrom<{ update?: { title: string } }>((data) => data.update?.title);

export default function EditUpdate() {
  const { update, themeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(updatePageSchema, {
    actionData,
    intent: "save",
    defaultValue: { title: update.title, slug: update.slug, summary: update.summary, body: update.body, themes: update.themes },
  });
  const [searchParams] = useSearchParams();
  const confirming = searchParams.get("confirmer") === "publication";
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link> · <Link to={`/points-etape/${update.slug}`}>Aperçu</Link>
      </p>
      <h1>{update.title}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <p>{update.status === "published" ? "Publié." : "Brouillon : visible par l'équipe seulement."}</p>
      {update.status === "published" ? (
        <Form method="post" className="mb-6">
          <button type="submit" name="intent" value="unpublish" className="fr-btn">
            Repasser en brouillon
          </button>
        </Form>
      ) : confirming ? (
        // Publishing is public at once (page, feed, followers' notifications): a second step, which works without JavaScript.
        <section aria-labelledby="confirmer-publication" className="fr-alert fr-alert--warning mb-6">
          <h2 id="confirmer-publication" className="fr-alert__title">
            Publier « {update.title} » ?
          </h2>
          <p>Il apparaîtra aussitôt sur la page Avancement et dans le flux, et les personnes qui suivent ses thèmes seront prévenues.</p>
          <Form method="post" action={`/equipe/avancement/${update.id}`} className="mt-4 flex flex-wrap items-center gap-4">
            <button type="submit" name="intent" value="publish" className="fr-btn">
              Confirmer la publication
            </button>
            <Link to={`/equipe/avancement/${update.id}`}>Annuler</Link>
          </Form>
        </section>
      ) : (
        <p className="mb-6">
          <Link to="?confirmer=publication" className="fr-btn">
            Publier…
          </Link>
        </p>
      )}
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <UpdateFields fields={fields} themeOptions={themeOptions} />
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer
        </button>
      </Form>
    </div>
  );
}
