import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Notice } from "~/components/notice";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { TextField, useActionForm, FormErrors } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { themesPageSchema } from "~/modules/irritants";
import { createTheme, listThemes, updateTheme } from "~/modules/irritants/index.server";
import { counted } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Thèmes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:triage");
  return { themes: listThemes({ includeRetired: true }) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["update", "create"] as const;
export const ACTION_SCHEMA = themesPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  return formAction(
    request,
    themesPageSchema,
    (input) => {
      if (input.intent === "create") {
        const { intent: _, ...theme } = input;
        createTheme(user, theme);
        return { message: `Thème « ${input.label} » créé.`, resetForm: true };
      }
      const { intent: _, slug, ...theme } = input;
      updateTheme(user, slug, theme);
      return { message: `Thème « ${input.label} » enregistré.` };
    },
    // Each theme's edit form sends no intent: it updates.
    { defaultIntent: "update" },
  );
}

type Theme = ReturnType<typeof useLoaderData<typeof loader>>["themes"][number];

/** One theme's form: it takes the action's answer only when this theme was the one posted. */
function ThemeForm({ theme: t }: { theme: Theme }) {
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "update" && actionData.result.initialValue?.slug === t.slug;
  const [form, fields] = useActionForm(themesPageSchema, {
    actionData: mine ? actionData : undefined,
    id: `theme-${t.slug}`,
    defaultValue: { label: t.label, keywords: t.keywords.join("\n") },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="slug" value={t.slug} />
      <TextField field={fields.label} label="Nom" required />
      <TextField field={fields.keywords} label="Mots-clés" hint="Un par ligne." multiline rows={4} />
      <div className="mb-4 flex items-center gap-2">
        <input id={fields.retired.id} type="checkbox" name={fields.retired.name} defaultChecked={!!t.retiredAt} className="size-4" />
        <label htmlFor={fields.retired.id}>Thème retiré</label>
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Enregistrer<span className="sr-only"> le thème {t.label}</span>
      </button>
    </Form>
  );
}

export default function Themes() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [createForm, createFields] = useActionForm(themesPageSchema, { actionData, intent: "create" });
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
            {t.label} {t.retiredAt ? <span className="fr-badge fr-badge--sm">Retiré</span> : null}
          </h2>
          <p className="text-sm text-gris-600">
            Identifiant : {t.slug} · {counted(t.irritantCount, "signalement", "signalements")}, dont {counted(t.publishedCount, "publié", "publiés")}
          </p>
          <ThemeForm theme={t} />
        </section>
      ))}
      <h2>Nouveau thème</h2>
      <FormErrors form={createForm} />
      <Form method="post" className="card" {...getFormProps(createForm)}>
        <input type="hidden" name="intent" value="create" />
        <TextField field={createFields.slug} label="Identifiant" hint="Minuscules sans accent et tirets, par exemple « teleconsultation »." required />
        <TextField field={createFields.label} label="Nom" required />
        <TextField field={createFields.keywords} label="Mots-clés" hint="Un par ligne." multiline rows={3} />
        <button type="submit" className="fr-btn">
          Créer le thème
        </button>
      </Form>
    </div>
  );
}
