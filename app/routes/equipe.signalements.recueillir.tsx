import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { PROFESSION_OPTIONS } from "~/modules/accounts";
import { COLLECTION_CHANNEL_LABELS, FREQUENCY_LABELS, SEVERITY_LABELS, onBehalfPageSchema } from "~/modules/irritants";
import { fileVoice, listThemes } from "~/modules/irritants/index.server";
import { listProducts } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Recueillir un signalement — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:file-on-behalf");
  return { themes: listThemes().map(({ slug, label }) => ({ slug, label })), products: listProducts() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["file"] as const;
export const ACTION_SCHEMA = onBehalfPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file-on-behalf");
  return formAction(
    request,
    onBehalfPageSchema,
    (input) => redirect(fileVoice(user, { origin: "on_behalf", input }).location),
    { defaultIntent: "file" },
  );
}

const CHANNEL_OPTIONS = Object.entries(COLLECTION_CHANNEL_LABELS).map(([value, label]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) }));

export default function CollectIrritant() {
  const { themes, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(onBehalfPageSchema, { actionData, intent: "file" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/signalements">← Tri des signalements</Link>
      </p>
      <h1>Recueillir un signalement</h1>
      <p>
        Après une visite ou un appel, déposez le signalement d'un professionnel de santé en son nom. S'il a un compte, indiquez son adresse : le
        signalement est rattaché à son compte, il en est informé et le retrouve dans « Mes signalements ». Sinon, indiquez son nom : il reste
        connu de l'équipe seule. Les pages publiques indiquent « Recueilli par l'équipe du programme », sans nommer personne.
      </p>
      <p>
        Pour reprendre tout un suivi existant (un tableur de signalements), utilisez l'<Link to="/equipe/signalements/import">import CSV</Link>.
      </p>
      <div className="fr-alert fr-alert--info fr-alert--sm mb-6">
        <p className="mb-0">
          N'indiquez aucune donnée permettant d'identifier un patient. Les numéros de sécurité sociale, numéros de téléphone et adresses e-mail sont
          masqués automatiquement dans le titre et la description.
        </p>
      </div>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="card">
        <input type="hidden" name="intent" value="file" />
        <fieldset className="mb-6">
          <legend className="text-lg font-bold">Le professionnel</legend>
          <TextField field={fields.behalfEmail} label="Adresse e-mail de son compte (s'il en a un)" type="email" />
          <TextField field={fields.behalfName} label="Son nom (s'il n'a pas de compte)" hint="Connu de l'équipe seule, jamais affiché publiquement." />
          <SelectField field={fields.behalfProfession} label="Sa profession (facultatif)" options={PROFESSION_OPTIONS} />
          <ChoiceGroup field={fields.collectedVia} legend="Recueilli" options={CHANNEL_OPTIONS} type="radio" />
        </fieldset>
        <TextField field={fields.title} label="Titre" hint="En une phrase : quel est le problème ?" required />
        <TextField field={fields.body} label="Description" hint="Ce qu'il faisait, ce qui s'est passé, ce qu'il attendait." multiline required />
        <ChoiceGroup
          field={fields.themes}
          legend="Thèmes (facultatif)"
          hint="Si vous n'en cochez aucun, les thèmes suggérés d'après la description seront retenus."
          options={themes.map((t) => ({ value: t.slug, label: t.label }))}
          type="checkbox"
        />
        <SelectField field={fields.productId} label="Logiciel concerné (facultatif)" options={products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }))} placeholder="Aucun ou inconnu" />
        <TextField field={fields.productVersion} label="Version du logiciel (facultatif)" />
        <ChoiceGroup field={fields.severity} legend="Gravité (facultatif)" options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} type="radio" />
        <SelectField field={fields.frequency} label="Fréquence (facultatif)" options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))} />
        <ChoiceGroup
          field={fields.patientSafety}
          legend="Sécurité des patients"
          options={[{ value: "on", label: "Ce problème peut mettre en danger la sécurité d'un patient" }]}
          type="checkbox"
        />
        <button type="submit" className="fr-btn">
          Déposer le signalement
        </button>
      </Form>
    </div>
  );
}
