import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { requestPasswordReset } from "~/modules/accounts/index.server";
import { forgotPasswordSchema } from "~/modules/accounts";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Sentinelle" }];

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, forgotPasswordSchema, ({ email }) => {
    requestPasswordReset(email);
    // The same answer whether an account exists or not.
    return {
      message: "Si un compte existe avec cette adresse, un e-mail vient de partir avec un lien pour choisir un nouveau mot de passe. Il est valable une heure.",
      resetForm: true,
    };
  });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(forgotPasswordSchema, { actionData });
  return (
    <div className="mx-auto max-w-lg">
      <h1>Mot de passe oublié</h1>
      {actionData?.ok ? <Notice ok message={actionData.message} /> : null}
      <p>Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="card">
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" required />
        <button type="submit" className="fr-btn">
          Recevoir le lien
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
