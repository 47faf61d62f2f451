import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { getSettings, updateSettings } from "~/modules/settings/index.server";
import { settingsFormSchema } from "~/modules/settings";

export const meta: MetaFunction = () => [{ title: "Réglages — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ticket:manage");
  return { settings: getSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ticket:manage");
  return formAction(request, settingsFormSchema, (input) => {
    updateSettings(user, input);
    return { message: "Réglages enregistrés. Les nouveaux délais s'appliquent aux tickets ouverts à partir de maintenant." };
  });
}

export default function SettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(settingsFormSchema, {
    actionData,
    defaultValue: {
      slaFirstResponseDays: String(settings.slaFirstResponseDays),
      slaResolutionDays: String(settings.slaResolutionDays),
      fixDenialsToReopen: String(settings.fixDenialsToReopen),
      fixConfirmationDays: String(settings.fixConfirmationDays),
    },
  });
  return (
    <div className="prose-page">
      <h1>Réglages</h1>
      {/* Every refusal, the browser's or the server's, is announced above the form; success by the notice. */}
      {actionData?.ok ? <Notice ok message={actionData.message} /> : null}
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <TextField field={fields.slaFirstResponseDays} label="Délai de première réponse des éditeurs" hint="En jours ouvrés (week-ends et jours fériés exclus)." />
        <TextField field={fields.slaResolutionDays} label="Délai de résolution" hint="En jours ouvrés." />
        <TextField
          field={fields.fixDenialsToReopen}
          label="Réponses « non corrigé » qui rouvrent un ticket"
          hint="Un ticket rouvre aussi quand au moins deux personnes, et une majorité, répondent « non »."
        />
        <TextField
          field={fields.fixConfirmationDays}
          label="Durée de l'affichage « Correctif annoncé »"
          hint="En jours. Un signalement corrigé par l'éditeur reste « Correctif annoncé » jusqu'à ce que ses auteurs et soutiens confirment la correction, ou que ce délai passe ; il est ensuite « Résolu »."
        />
        <div className="mb-4 flex items-center gap-2">
          <input
            id={fields.autoForwardProductIrritants.id}
            type="checkbox"
            name={fields.autoForwardProductIrritants.name}
            defaultChecked={settings.autoForwardProductIrritants}
            className="size-4"
          />
          <label htmlFor={fields.autoForwardProductIrritants.id}>Transmettre automatiquement à l'éditeur les signalements qui nomment un logiciel</label>
        </div>
        <button type="submit" className="fr-btn">
          Enregistrer
        </button>
      </Form>
    </div>
  );
}
