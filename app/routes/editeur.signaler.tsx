import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { FREQUENCY_LABELS, SEVERITY_LABELS, vendorFilingPageSchema } from "~/modules/irritants";
import { fileVoice } from "~/modules/irritants/index.server";
import { listProducts } from "~/modules/vendors/index.server";

export const meta: MetaFunction = () => [{ title: "Signaler un problème sur le logiciel d'un autre éditeur — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:file-other-vendor");
  // Only other vendors' software: reports on one's own arrive as tickets.
  return { products: listProducts().filter((p) => p.vendor.id !== user.organisationId) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["file"] as const;
export const ACTION_SCHEMA = vendorFilingPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file-other-vendor");
  return formAction(
    request,
    vendorFilingPageSchema,
    (input) => redirect(fileVoice(user, { origin: "vendor", input }).location),
    { defaultIntent: "file" },
  );
}

export default function VendorFiling() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(vendorFilingPageSchema, { actionData, intent: "file" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/editeur">← Espace éditeur</Link>
      </p>
      <h1>Signaler un problème sur le logiciel d'un autre éditeur</h1>
      <p>
        Un document CDA produit par un autre éditeur ne s'intègre pas dans votre logiciel, un échange échoue de son côté : décrivez-le ici.
        Le signalement devient un ticket pour cet éditeur, qui y répond dans les mêmes délais que pour les professionnels de santé. Vous suivez
        son statut et ses réponses publiques dans « <Link to="/mes-signalements">Mes signalements</Link> » ; ses échanges internes avec l'équipe
        programme restent les siens, et votre organisation n'est pas nommée sur le signalement.
      </p>
      <div className="fr-alert fr-alert--info fr-alert--sm mb-6">
        <p className="mb-0">
          N'indiquez aucune donnée permettant d'identifier un patient. Les numéros de sécurité sociale, numéros de téléphone et adresses e-mail sont
          masqués automatiquement avant l'enregistrement.
        </p>
      </div>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="card">
        <input type="hidden" name="intent" value="file" />
        <SelectField
          field={fields.productId}
          label="Logiciel concerné"
          options={products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }))}
          placeholder="Choisir le logiciel de l'autre éditeur…"
          required
        />
        <TextField field={fields.productVersion} label="Version du logiciel (facultatif)" hint="Par exemple : 5.2." />
        <TextField field={fields.title} label="Titre" hint="En une phrase : quel est le problème ?" required />
        <TextField field={fields.body} label="Description" hint="Le document ou l'échange en cause, ce qui s'est passé, ce qui était attendu." multiline required />
        <ChoiceGroup field={fields.severity} legend="Gravité (facultatif)" options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} type="radio" />
        <SelectField field={fields.frequency} label="Fréquence (facultatif)" options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))} />
        <ChoiceGroup
          field={fields.patientSafety}
          legend="Sécurité des patients"
          options={[{ value: "on", label: "Ce problème peut mettre en danger la sécurité d'un patient" }]}
          type="checkbox"
        />
        <button type="submit" className="fr-btn">
          Envoyer le signalement
        </button>
      </Form>
    </div>
  );
}
