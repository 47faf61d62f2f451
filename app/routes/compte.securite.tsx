import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requireUser } from "~/lib/permissions.server";
import { clearSessionCookie } from "~/lib/session.server";
import { getProfile, revokeAllSessions } from "~/modules/accounts/index.server";
import { deleteAccount } from "~/modules/privacy/index.server";
import { securityPageSchema } from "~/modules/accounts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { hasPassword: getProfile(user.id).hasPassword };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["signout-everywhere", "delete-account"] as const;
export const ACTION_SCHEMA = securityPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return formAction(request, securityPageSchema, async (input) => {
    if (input.intent === "signout-everywhere") {
      revokeAllSessions(user.id, user.id);
      return redirect("/connexion", { headers: { "Set-Cookie": await clearSessionCookie() } });
    }
    await deleteAccount(user, input.confirmation);
    return redirect("/?compte=supprime", { headers: { "Set-Cookie": await clearSessionCookie() } });
  });
}

export default function AccountSecurity() {
  const { hasPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [deleteForm, deleteFields] = useActionForm(securityPageSchema, { actionData, intent: "delete-account", id: "suppression" });
  return (
    <>
      <h2>Sécurité et données personnelles</h2>
      <Form method="post" className="mb-6">
        <input type="hidden" name="intent" value="signout-everywhere" />
        <p>Un appareil perdu, un poste partagé ? Fermez toutes vos sessions, celle-ci comprise, et révoquez vos jetons d'API.</p>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Se déconnecter de tous les appareils
        </button>
      </Form>
      <p>
        <a href="/compte/export" download>
          Télécharger mes données personnelles (JSON)
        </a>{" "}
        : profil, signalements, commentaires, soutiens, abonnements, notifications et activité.
      </p>
      <h3>Supprimer mon compte</h3>
      <p>
        Votre identité, vos sessions, jetons, abonnements et notifications sont effacés. Vos signalements et commentaires restent, attribués à
        « Compte supprimé », car d'autres personnes les soutiennent et les suivent. Voir la page <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
      <FormErrors form={deleteForm} />
      <Form method="post" {...getFormProps(deleteForm)} className="card">
        <input type="hidden" name="intent" value="delete-account" />
        <TextField
          field={deleteFields.confirmation}
          label={hasPassword ? "Votre mot de passe, pour confirmer" : "Tapez SUPPRIMER pour confirmer"}
          type={hasPassword ? "password" : "text"}
          autoComplete={hasPassword ? "current-password" : "off"}
          required
        />
        <button type="submit" className="fr-btn btn-danger">
          Supprimer définitivement mon compte
        </button>
      </Form>
    </>
  );
}
