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
import { addBlock, deleteBlock, listAllUpdates, listBlocks, moveBlock, saveBlock, saveUpdate, setUpdatePublished, updateThemeSlugs } from "~/modules/progress/index.server";
import { listIndicators } from "~/modules/indicators/index.server";
import { listPublicSeminars } from "~/modules/seminars/index.server";
import { listCampaigns } from "~/modules/surveys/index.server";
import { BlockEditor, NewBlockForm } from "~/components/progress";
import { UpdateFields } from "~/components/progress";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction = () => [{ title: "Modifier un point d'étape — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  const update = listAllUpdates(user).find((u) => u.id === id);
  if (!update) throw new Response("Ce point d'étape n'existe pas.", { status: 404 });
  return {
    update: { id: update.id, slug: update.slug, title: update.title, summary: update.summary, body: update.body, status: update.status, asOf: update.asOf, themes: updateThemeSlugs(update.id) },
    themeOptions: listThemes().map(({ slug, label }) => ({ slug, label })),
    blocks: listBlocks(update.id),
    choices: {
      indicators: listIndicators().map((i) => ({ value: i.slug, label: i.title })),
      seminars: Object.values(listPublicSeminars())
        .flat()
        .map((s) => ({ value: s.slug, label: s.title })),
      campaigns: listCampaigns()
        .filter((c) => c.status === "published")
        .map((c) => ({ value: c.slug, label: c.title })),
    },
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["save", "publish", "unpublish", "add-block", "save-block", "move-block", "delete-block"] as const;
export const ACTION_SCHEMA = updatePageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(
    request,
    updatePageSchema,
    (input) => {
      switch (input.intent) {
        case "add-block":
          return { message: "Bloc ajouté à la fin du point.", blockId: addBlock(user, id, { kind: input.kind }) };
        case "save-block": {
          const { markdown, indicators, indicator, seminar, campaign } = input;
          saveBlock(user, id, input.blockId, { title: input.title, config: { markdown, indicators, indicator, seminar, campaign } });
          return { message: "Bloc enregistré.", blockId: input.blockId };
        }
        case "move-block":
          moveBlock(user, id, input.blockId, input.direction);
          return { message: input.direction === "up" ? "Bloc remonté." : "Bloc descendu.", blockId: input.blockId };
        case "delete-block":
          deleteBlock(user, id, input.blockId);
          return { message: "Bloc supprimé.", blockId: input.blockId };
      }
      if (input.intent !== "save") {
        setUpdatePublished(user, id, input.intent === "publish");
        return { message: input.intent === "publish" ? "Point d'étape publié : il apparaît sur la page Avancement et dans le flux." : "Point d'étape repassé en brouillon." };
      }
      const { intent: _, ...update } = input;
      saveUpdate(user, id, update);
      return { message: "Point d'étape enregistré." };
    },
    // The edit form sends no intent: it saves. A block's form names its block, so that its errors show on it.
    { defaultIntent: "save", everyReply: (formData) => ({ blockId: Number(formData.get("blockId")) || undefined }) },
  );
}

export const handle = crumbFrom<{ update?: { title: string } }>((data) => data.update?.title);

export default function EditUpdate() {
  const { update, themeOptions, blocks, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(updatePageSchema, {
    actionData,
    intent: "save",
    defaultValue: { title: update.title, slug: update.slug, summary: update.summary, body: update.body, themes: update.themes, asOf: update.asOf ?? "" },
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
      <h2 id="blocs">Blocs</h2>
      {update.status === "published" ? (
        <p>Publié : le point est figé tel qu'il était à sa publication. Repassez-le en brouillon pour modifier ses blocs (il sera figé à nouveau à la prochaine publication).</p>
      ) : (
        <p>Chaque bloc lit les données de la plateforme à la date du point et devient une diapositive de la vue impression. L'aperçu montre les données du jour ; la publication les fige.</p>
      )}
      {blocks.length ? (
        <ol className="grid list-none gap-4 p-0">
          {blocks.map((b, i) => (
            <li key={b.id}>
              <BlockEditor block={b} index={i} count={blocks.length} choices={choices} actionData={actionData} frozen={update.status === "published"} />
            </li>
          ))}
        </ol>
      ) : (
        <p>Aucun bloc pour l'instant.</p>
      )}
      {update.status === "published" ? null : <NewBlockForm actionData={actionData} />}
    </div>
  );
}
