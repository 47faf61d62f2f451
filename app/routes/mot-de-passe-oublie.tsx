import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms";
import { Notice } from "~/components/notice";
import { invalidForm, parseForm } from "~/lib/forms.server";
import { requestPasswordReset } from "~/modules/accounts/account-emails.server";
import { forgotPasswordSchema } from "~/modules/accounts/schemas";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Sentinelle" }];

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, forgotPasswordSchema);
  if (submission.status !== "success") return invalidForm(submission);
  requestPasswordReset(submission.value.email);
  // The same answer whether an account exists or not.
  return {
    result: submission.reply({ resetForm: true }),
    message: "Si un compte existe avec cette adresse, un e-mail vient de partir avec un lien pour choisir un nouveau mot de passe. Il est valable une heure.",
  };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, shouldValidate: "onSubmit" });
  return (
    <div className="mx-auto max-w-lg">
      <h1>Mot de passe oublié</h1>
      {actionData && "message" in actionData ? <Notice ok message={actionData.message} /> : null}
      <p>Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card">
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" required />
        <button type="submit" className="btn">
          Recevoir le lien
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
