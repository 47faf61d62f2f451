import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { intentsOf } from "~/lib/intents";
import { requirePermission } from "~/lib/permissions.server";
import { getProfile } from "~/modules/accounts/index.server";
import { fileIrritant, findSimilar, listThemes, suggestThemesFor } from "~/modules/irritants/index.server";
import {
  CONSULTATION_STEP_LABELS,
  FREQUENCY_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  filingPageSchema,
} from "~/modules/irritants";
import { listProducts } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Signaler un irritant — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:file");
  const profile = getProfile(user.id);
  return {
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
    products: listProducts(),
    defaults: { productId: profile.usualProductId ? String(profile.usualProductId) : "", productVersion: profile.usualProductVersion ?? "" },
  };
}

export const INTENTS = intentsOf(filingPageSchema);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file");
  return formAction(
    request,
    filingPageSchema,
    ({ intent, ...input }) => {
      const text = `${input.title}. ${input.body}`;
      // Without JavaScript, "Vérifier les doublons" shows the similar irritants and suggested themes before filing.
      if (intent === "check") return { message: "Signalements proches et thèmes suggérés affichés.", similar: findSimilar(user, text, 5), suggestions: suggestThemesFor(text) };
      const irritant = fileIrritant(user, input);
      return redirect(`/signalements/${irritant.id}?envoye=1`);
    },
    { defaultIntent: "file" },
  );
}

type Similar = { id: number; title: string; status: keyof typeof STATUS_LABELS; supportCount: number; score: number };
type Suggestion = { slug: string; label: string; score: number };

/** Live similar irritants and theme suggestions while the person types (JavaScript only; the check step covers the rest). */
function useLiveHints(text: string) {
  const [similar, setSimilar] = useState<Similar[] | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  useEffect(() => {
    if (text.trim().length < 12) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      // The draft goes in the request body, never in the URL (which access and proxy logs keep).
      const lookUp = (url: string) =>
        fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ text: text.slice(0, 2000) }),
          signal: controller.signal,
        }).then((r) => (r.ok ? r.json() : { items: [] }));
      try {
        const [s, t] = await Promise.all([lookUp("/api/v1/irritants/similar"), lookUp("/api/v1/themes/suggestions")]);
        setSimilar(s.items);
        setSuggestions(t.items);
      } catch {
        // Aborted by a newer keystroke, or offline: the check step still works.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return { similar, suggestions };
}

const supportFormId = (id: number) => `soutenir-${id}`;

/** The support buttons' forms, outside the filing form: the filing form's validation does not hold them back. */
function SupportForms({ items }: { items: Similar[] }) {
  return items.map((s) => (
    <Form key={s.id} id={supportFormId(s.id)} method="post" action={`/signalements/${s.id}`}>
      <input type="hidden" name="intent" value="support" />
    </Form>
  ));
}

function SimilarList({ items }: { items: Similar[] }) {
  if (items.length === 0) return <p className="mb-0">Aucun signalement proche n'a été trouvé : votre signalement semble nouveau.</p>;
  return (
    <ul className="grid gap-3">
      {items.map((s) => (
        <li key={s.id} className="border border-gris-200 bg-white p-3">
          <Link to={`/signalements/${s.id}`} className="font-bold">
            {s.title}
          </Link>
          <p className="mb-2 text-sm text-gris-600">
            {STATUS_LABELS[s.status]} · {s.supportCount} soutien{s.supportCount > 1 ? "s" : ""}
          </p>
          {/* Inside the filing form (forms cannot nest): this button submits its own form, to the similar irritant's page. */}
          <button type="submit" form={supportFormId(s.id)} className="btn btn-secondary">
            C'est le même problème — je le soutiens<span className="sr-only"> : {s.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export default function NewIrritant() {
  const { themes, products, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(filingPageSchema, { actionData, defaultValue: defaults });
  const [text, setText] = useState("");
  const live = useLiveHints(text);
  const similar = live.similar ?? actionData?.similar ?? null;
  const suggestions = live.suggestions ?? actionData?.suggestions ?? null;
  const productOptions = products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }));

  return (
    <div className="prose-page">
      <h1>Signaler un irritant</h1>
      <p>
        Décrivez ce qui vous gêne dans vos outils numériques au quotidien. L'équipe programme lit chaque signalement, le transmet à
        l'éditeur concerné si besoin et vous tient informé.
      </p>
      <div className="fr-alert fr-alert--info fr-alert--sm mb-6">
        <p className="mb-0">
          N'indiquez aucune donnée permettant d'identifier un patient. Les numéros de sécurité sociale, numéros de téléphone et
          adresses e-mail sont masqués automatiquement avant l'enregistrement.
        </p>
      </div>
      <FormErrors form={form} />
      <Form
        method="post"
        {...getFormProps(form)}
        className="card"
        onInput={(event) => {
          const f = event.currentTarget;
          const title = (f.elements.namedItem("title") as HTMLInputElement | null)?.value ?? "";
          const body = (f.elements.namedItem("body") as HTMLTextAreaElement | null)?.value ?? "";
          setText(`${title}. ${body}`);
        }}
      >
        <TextField field={fields.title} label="Titre" hint="En une phrase : quel est le problème ?" required />
        <TextField field={fields.body} label="Description" hint="Ce que vous faisiez, ce qui s'est passé, ce que vous attendiez." multiline required />

        <section aria-labelledby="doublons" aria-live="polite" className="mb-6 bg-gris-100 p-4">
          <h2 id="doublons" className="mt-0 text-lg">
            Signalements proches
          </h2>
          {similar ? (
            <SimilarList items={similar} />
          ) : (
            <p className="mb-0 text-sm">
              Les signalements déjà déposés qui ressemblent au vôtre s'affichent ici. Sans JavaScript, utilisez le bouton « Vérifier
              les doublons » en bas du formulaire.
            </p>
          )}
        </section>

        <ChoiceGroup
          field={fields.themes}
          legend="Thèmes (facultatif)"
          hint={
            suggestions && suggestions.length
              ? `Thèmes suggérés d'après votre description : ${suggestions.map((s) => s.label).join(", ")}. Ils seront retenus si vous n'en cochez aucun.`
              : "Si vous n'en cochez aucun, les thèmes suggérés d'après votre description seront retenus."
          }
          options={themes.map((t) => ({ value: t.slug, label: t.label }))}
          type="checkbox"
        />
        <SelectField field={fields.productId} label="Logiciel concerné (facultatif)" options={productOptions} placeholder="Aucun ou je ne sais pas" />
        <TextField field={fields.productVersion} label="Version du logiciel (facultatif)" hint="Par exemple : 5.2." />
        <ChoiceGroup
          field={fields.severity}
          legend="Gravité (facultatif)"
          options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
          type="radio"
        />
        <SelectField
          field={fields.frequency}
          label="Fréquence (facultatif)"
          options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField field={fields.timeLostMinutes} label="Temps perdu à chaque fois, en minutes (facultatif)" type="number" />
        <ChoiceGroup
          field={fields.consultationStep}
          legend="Moment de la consultation (facultatif)"
          options={Object.entries(CONSULTATION_STEP_LABELS).map(([value, label]) => ({ value, label }))}
          type="radio"
        />
        <ChoiceGroup
          field={fields.patientSafety}
          legend="Sécurité des patients"
          options={[{ value: "on", label: "Ce problème peut mettre en danger la sécurité d'un patient" }]}
          type="checkbox"
        />
        <div className="flex flex-wrap gap-4">
          <button type="submit" name="intent" value="check" className="btn btn-secondary">
            Vérifier les doublons
          </button>
          <button type="submit" name="intent" value="file" className="btn">
            Envoyer le signalement
          </button>
        </div>
      </Form>
      {similar ? <SupportForms items={similar} /> : null}
    </div>
  );
}
