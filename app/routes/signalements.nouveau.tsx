import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, TextField } from "~/components/forms";
import { formErrorReply, invalidForm, parseForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { fileIrritant, listThemes } from "~/modules/irritants/irritants.server";
import { fileIrritantSchema } from "~/modules/irritants/schemas";

export const meta: MetaFunction = () => [{ title: "Signaler un irritant — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:file");
  return { themes: listThemes() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file");
  const { submission } = await parseForm(request, fileIrritantSchema);
  if (submission.status !== "success") return invalidForm(submission);
  try {
    const irritant = fileIrritant(user, submission.value);
    return redirect(`/signalements/${irritant.id}?envoye=1`);
  } catch (error) {
    return formErrorReply(submission, error);
  }
}

export default function NewIrritant() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, shouldValidate: "onSubmit" });
  return (
    <div className="prose-page">
      <h1>Signaler un irritant</h1>
      <p>
        Décrivez ce qui vous gêne dans vos outils numériques au quotidien. L'équipe programme lit chaque signalement, le transmet à
        l'éditeur concerné si besoin et vous tient informé.
      </p>
      <div className="alert">
        <p className="mb-0">N'indiquez aucune donnée permettant d'identifier un patient (nom, numéro de sécurité sociale, téléphone…).</p>
      </div>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card">
        <TextField field={fields.title} label="Titre" hint="En une phrase : quel est le problème ?" required />
        <TextField
          field={fields.body}
          label="Description"
          hint="Ce que vous faisiez, ce qui s'est passé, ce que vous attendiez."
          multiline
          required
        />
        <ChoiceGroup
          field={fields.themes}
          legend="Thèmes"
          hint="Choisissez un ou plusieurs thèmes."
          options={themes.map((t) => ({ value: t.slug, label: t.label }))}
          type="checkbox"
        />
        <button type="submit" className="btn">
          Envoyer le signalement
        </button>
      </Form>
    </div>
  );
}
