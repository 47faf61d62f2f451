import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Notice } from "~/components/notice";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { newThemeSchema, themeFormSchema } from "~/modules/irritants/schemas";
import { createTheme, listThemes, updateTheme } from "~/modules/irritants/themes.server";

export const meta: MetaFunction = () => [{ title: "Thèmes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:triage");
  return { themes: listThemes({ includeRetired: true }) };
}

/** Each theme's edit form sends no intent: it updates. */
export const INTENTS = ["update", "create"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const form = await readFormData(request);
  const fields = Object.fromEntries(form);
  try {
    if (readIntent(form, INTENTS, "update") === "create") {
      const input = parseOrThrow(newThemeSchema, fields, "Thème invalide.");
      createTheme(user, input);
      return { ok: true, message: `Thème « ${input.label} » créé.` };
    }
    const slug = String(form.get("slug") ?? "");
    const input = parseOrThrow(themeFormSchema, fields, "Thème invalide.");
    updateTheme(user, slug, { ...input, retired: form.get("retired") === "on" });
    return { ok: true, message: `Thème « ${input.label} » enregistré.` };
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function Themes() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Thèmes</h1>
      <p>
        Les mots-clés servent à suggérer des thèmes aux personnes qui signalent, avec un classifieur qui apprend des thèmes
        confirmés par l'équipe. Un thème retiré n'est plus proposé mais reste sur les signalements existants.
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {themes.map((t) => (
        <section key={t.slug} aria-labelledby={`titre-${t.slug}`} className="card mb-4">
          <h2 id={`titre-${t.slug}`} className="mt-0 text-xl">
            {t.label} {t.retiredAt ? <span className="badge">Retiré</span> : null}
          </h2>
          <p className="text-sm text-gris-600">
            Identifiant : {t.slug} · {t.irritantCount} signalement(s), dont {t.publishedCount} publié(s)
          </p>
          <Form method="post">
            <input type="hidden" name="slug" value={t.slug} />
            <div className="mb-4">
              <label htmlFor={`label-${t.slug}`} className="label">
                Nom
              </label>
              <input id={`label-${t.slug}`} name="label" defaultValue={t.label} className="input" required />
            </div>
            <div className="mb-4">
              <label htmlFor={`keywords-${t.slug}`} className="label">
                Mots-clés<span className="hint">Un par ligne.</span>
              </label>
              <textarea id={`keywords-${t.slug}`} name="keywords" defaultValue={t.keywords.join("\n")} rows={4} className="input" />
            </div>
            <div className="mb-4 flex items-center gap-2">
              <input id={`retired-${t.slug}`} type="checkbox" name="retired" defaultChecked={!!t.retiredAt} className="size-4" />
              <label htmlFor={`retired-${t.slug}`}>Thème retiré</label>
            </div>
            <button type="submit" className="btn btn-secondary">
              Enregistrer<span className="sr-only"> le thème {t.label}</span>
            </button>
          </Form>
        </section>
      ))}
      <h2>Nouveau thème</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="create" />
        <div className="mb-4">
          <label htmlFor="new-slug" className="label">
            Identifiant<span className="hint">Minuscules sans accent et tirets, par exemple « teleconsultation ».</span>
          </label>
          <input id="new-slug" name="slug" className="input" required />
        </div>
        <div className="mb-4">
          <label htmlFor="new-label" className="label">
            Nom
          </label>
          <input id="new-label" name="label" className="input" required />
        </div>
        <div className="mb-4">
          <label htmlFor="new-keywords" className="label">
            Mots-clés<span className="hint">Un par ligne.</span>
          </label>
          <textarea id="new-keywords" name="keywords" rows={3} className="input" />
        </div>
        <button type="submit" className="btn">
          Créer le thème
        </button>
      </Form>
    </div>
  );
}
