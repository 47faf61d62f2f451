import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listThemes } from "~/modules/irritants/irritants.server";
import { addResource, listResources, removeResource } from "~/modules/progress/themes.server";
import { RESOURCE_KINDS } from "~/modules/progress/vocabulary";

export const meta: MetaFunction = () => [{ title: "Ressources par thème — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { resources: listResources(), themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

const resourceSchema = z.object({
  themeSlug: z.string({ error: "Choisissez un thème." }).min(1, "Choisissez un thème."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200, "Titre trop long."),
  // Only web links: no javascript: or data: addresses can be published.
  url: z.url({ protocol: /^https?$/, error: "Indiquez une adresse web complète (https://…)." }).max(1000),
  kind: z.enum(Object.keys(RESOURCE_KINDS) as [keyof typeof RESOURCE_KINDS], { error: "Choisissez un type." }),
});

/** The add form sends no intent. */
export const INTENTS = ["add", "remove"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const form = await readFormData(request);
  try {
    if (readIntent(form, INTENTS, "add") === "remove") {
      removeResource(user, parseOrThrow(z.coerce.number().int().positive(), form.get("id"), "Ressource inconnue."));
      return { ok: true, message: "Ressource retirée." };
    }
    addResource(user, parseOrThrow(resourceSchema, Object.fromEntries(form), "Ressource invalide."));
    return { ok: true, message: "Ressource ajoutée." };
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function Resources() {
  const { resources, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
              <button type="submit" className="btn btn-secondary">
                Retirer<span className="sr-only"> {r.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>Ajouter une ressource</h2>
      <Form method="post" className="card grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="r-theme" className="label">
            Thème
          </label>
          <select id="r-theme" name="themeSlug" className="input" defaultValue="">
            <option value="">Choisir…</option>
            {themes.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="r-kind" className="label">
            Type
          </label>
          <select id="r-kind" name="kind" className="input">
            {Object.entries(RESOURCE_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="r-title" className="label">
            Titre
          </label>
          <input id="r-title" name="title" className="input" />
        </div>
        <div>
          <label htmlFor="r-url" className="label">
            Adresse
          </label>
          <input id="r-url" name="url" type="url" className="input" />
        </div>
        <button type="submit" className="btn">
          Ajouter
        </button>
      </Form>
    </div>
  );
}
