import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { checkResetToken, resetPassword } from "~/modules/accounts/index.server";
import { resetPasswordSchema } from "~/modules/accounts";

export const meta: MetaFunction = () => [{ title: "Choisir un nouveau mot de passe — Sentinelle" }, { name: "robots", content: "noindex" }];

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("jeton") ?? "";
  const usable = token.length >= 10 && token.length <= 200 && checkResetToken(token);
  if (!usable) return data({ token: null }, { status: 410 });
  return { token };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, resetPasswordSchema, async ({ jeton, newPassword }) => {
    await resetPassword(jeton, newPassword);
    return redirect("/connexion?motDePasse=change", 303);
  });
}

export default function NewPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(resetPasswordSchema, { actionData });
  return (
    <div className="mx-auto max-w-lg">
      <h1>Choisir un nouveau mot de passe</h1>
      {token ? (
        <>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)} className="card">
            <input type="hidden" name="jeton" value={token} />
            <TextField field={fields.newPassword} label="Nouveau mot de passe" hint="12 caractères au moins ; une phrase facile à retenir convient." type="password" autoComplete="new-password" required />
            <TextField field={fields.newPasswordConfirmation} label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required />
            <button type="submit" className="fr-btn">
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
