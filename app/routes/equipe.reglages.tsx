import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { getSettings, updateSettings } from "~/modules/settings/settings.server";
import { settingsFormSchema } from "~/modules/vendors/schemas";

export const meta: MetaFunction = () => [{ title: "Réglages — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ticket:manage");
  return { settings: getSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ticket:manage");
  try {
    const input = parseOrThrow(settingsFormSchema, Object.fromEntries(await readFormData(request)), "Réglages invalides.");
    updateSettings(user, input);
    return { ok: true, message: "Réglages enregistrés. Les nouveaux délais s'appliquent aux tickets ouverts à partir de maintenant." };
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function SettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Réglages</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <Form method="post" className="card">
        <div className="mb-4">
          <label htmlFor="slaFirstResponseDays" className="label">
            Délai de première réponse des éditeurs<span className="hint">En jours ouvrés (week-ends et jours fériés exclus).</span>
          </label>
          <input id="slaFirstResponseDays" name="slaFirstResponseDays" inputMode="numeric" defaultValue={settings.slaFirstResponseDays} className="input" />
        </div>
        <div className="mb-4">
          <label htmlFor="slaResolutionDays" className="label">
            Délai de résolution<span className="hint">En jours ouvrés.</span>
          </label>
          <input id="slaResolutionDays" name="slaResolutionDays" inputMode="numeric" defaultValue={settings.slaResolutionDays} className="input" />
        </div>
        <div className="mb-4">
          <label htmlFor="fixDenialsToReopen" className="label">
            Réponses « non corrigé » qui rouvrent un ticket
            <span className="hint">Un ticket rouvre aussi quand au moins deux personnes, et une majorité, répondent « non ».</span>
          </label>
          <input id="fixDenialsToReopen" name="fixDenialsToReopen" inputMode="numeric" defaultValue={settings.fixDenialsToReopen} className="input" />
        </div>
        <div className="mb-4 flex items-center gap-2">
          <input id="autoForward" type="checkbox" name="autoForwardProductIrritants" defaultChecked={settings.autoForwardProductIrritants} className="size-4" />
          <label htmlFor="autoForward">Transmettre automatiquement à l'éditeur les signalements qui nomment un logiciel</label>
        </div>
        <button type="submit" className="btn">
          Enregistrer
        </button>
      </Form>
    </div>
  );
}
