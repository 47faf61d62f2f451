import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formErrorReply, invalidForm, parseForm } from "~/lib/forms.server";
import { checkResetToken, resetPassword } from "~/modules/accounts/account-emails.server";
import { resetPasswordSchema } from "~/modules/accounts/schemas";

export const meta: MetaFunction = () => [{ title: "Choisir un nouveau mot de passe — Sentinelle" }, { name: "robots", content: "noindex" }];

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("jeton") ?? "";
  const usable = token.length >= 10 && token.length <= 200 && checkResetToken(token);
  if (!usable) return data({ token: null }, { status: 410 });
  return { token };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, resetPasswordSchema);
  if (submission.status !== "success") return invalidForm(submission);
  try {
    await resetPassword(submission.value.jeton, submission.value.newPassword);
  } catch (error) {
    return formErrorReply(submission, error);
  }
  return redirect("/connexion?motDePasse=change", 303);
}

export default function NewPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, shouldValidate: "onSubmit" });
  return (
    <div className="mx-auto max-w-lg">
      <h1>Choisir un nouveau mot de passe</h1>
      {token ? (
        <>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="card">
            <input type="hidden" name="jeton" value={token} />
            <TextField field={fields.newPassword} label="Nouveau mot de passe" hint="12 caractères au moins ; une phrase facile à retenir convient." type="password" autoComplete="new-password" required />
            <TextField field={fields.newPasswordConfirmation} label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required />
            <button type="submit" className="btn">
              Enregistrer le mot de passe
            </button>
          </Form>
        </>
      ) : (
        <>
          <Notice ok={false} message="Ce lien n'est plus valable : il a expiré, a déjà servi ou a été remplacé par un plus récent." />
          <p>
            <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </>
      )}
    </div>
  );
}
