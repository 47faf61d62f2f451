import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { NewPasswordFields } from "~/components/password-fields";
import { formAction } from "~/lib/forms.server";
import { requireUser } from "~/lib/permissions.server";
import { readSessionId } from "~/lib/session.server";
import { changePassword, getProfile, listApiTokens } from "~/modules/accounts/index.server";
import { changePasswordSchema } from "~/modules/accounts";
import { plural } from "~/lib/text/plural";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { hasPassword: getProfile(user.id).hasPassword, tokenCount: listApiTokens(user.id).length };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const keepSessionId = (await readSessionId(request)) ?? undefined;
  return formAction(request, changePasswordSchema, async ({ currentPassword, newPassword, keepApiTokens }) => {
    await changePassword(user, currentPassword, newPassword, { keepSessionId, keepApiTokens: keepApiTokens === true });
    const tokens = keepApiTokens ? "Vos jetons d'API restent valables." : "Vos jetons d'API ont été révoqués : créez-en de nouveaux pour vos outils.";
    return { message: `Votre mot de passe a été changé. Vos autres sessions ont été fermées. ${tokens}`, resetForm: true };
  });
}

export default function AccountPassword() {
  const { hasPassword, tokenCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [passwordForm, passwordFields] = useActionForm(changePasswordSchema, { actionData, id: "mot-de-passe" });
  return (
    <>
      {actionData?.ok ? <Notice ok message={actionData.message} /> : null}
      <h2>Mot de passe</h2>
      {hasPassword ? (
        <>
          <FormErrors form={passwordForm} />
          <Form method="post" {...getFormProps(passwordForm)} className="card">
            <TextField field={passwordFields.currentPassword} label="Mot de passe actuel" type="password" autoComplete="current-password" required />
            <NewPasswordFields
              password={passwordFields.newPassword}
              confirmation={passwordFields.newPasswordConfirmation}
              label="Nouveau mot de passe"
              confirmationLabel="Confirmation du nouveau mot de passe"
              hint="12 caractères au moins."
            />
            {tokenCount > 0 ? (
              <div className="mb-4 flex items-start gap-2">
                <input id="keepApiTokens" type="checkbox" name="keepApiTokens" className="mt-1 size-4" aria-describedby="keepApiTokens-hint" />
                <div>
                  <label htmlFor="keepApiTokens">Garder mes jetons d'API</label>
                  <p id="keepApiTokens-hint" className="text-sm text-gris-600">
                    Sinon, vos {tokenCount} {plural(tokenCount, "jeton", "jetons")} {plural(tokenCount, "est révoqué", "sont révoqués")} avec l'ancien mot de passe.
                  </p>
                </div>
              </div>
            ) : null}
            <button type="submit" className="fr-btn">
              Changer le mot de passe
            </button>
          </Form>
        </>
      ) : (
        <p>Vous vous connectez avec Pro Santé Connect : votre compte n'a pas de mot de passe Sentinelle.</p>
      )}
    </>
  );
}
