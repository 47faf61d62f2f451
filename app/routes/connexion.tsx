import { can } from "~/lib/permissions";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { PscSignInButton } from "~/components/psc";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { commitSessionId } from "~/lib/session.server";
import { createSession, isPscEnabled, lockedMessage, signInWithPassword } from "~/modules/accounts/index.server";
import { signInSchema } from "~/modules/accounts";
import { safeRedirectPath } from "~/lib/redirects";

// A locked account's answer carries Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "Se connecter — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { psc: isPscEnabled() };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, signInSchema, async ({ email, password, redirectTo }) => {
    const attempt = await signInWithPassword(email, password);
    if (!attempt.ok) {
      // Same message whether the e-mail exists or not; a locked account says when to try again.
      if (attempt.reason !== "locked") throw new HttpError(401, "Adresse e-mail ou mot de passe incorrect.");
      const retryAfter = String(attempt.retryAfterSeconds);
      throw new HttpError(429, lockedMessage(attempt.retryAfterSeconds), undefined, undefined, { "Retry-After": retryAfter });
    }
    const session = createSession(attempt.user.id);
    const fallback = can(attempt.user, "team:workspace") ? "/equipe" : "/";
    return redirect(safeRedirectPath(redirectTo, fallback), {
      headers: { "Set-Cookie": await commitSessionId(session.id) },
    });
  });
}

export default function SignIn() {
  const { psc } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useActionForm(signInSchema, { actionData });
  return (
    <div className="mx-auto max-w-lg">
      <h1>Se connecter</h1>
      {searchParams.get("motDePasse") === "change" ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">Votre mot de passe est changé. Par sécurité, toutes vos sessions ont été fermées : connectez-vous avec le nouveau.</p>
        </div>
      ) : null}
      {psc ? (
        <>
          <PscSignInButton redirectTo={searchParams.get("redirectTo")} />
          <h2 className="text-lg">Avec votre adresse e-mail</h2>
        </>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="card">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" required />
        <TextField field={fields.password} label="Mot de passe" type="password" autoComplete="current-password" required />
        <button type="submit" className="fr-btn">
          Se connecter
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <p>
        Pas encore de compte ? <Link to="/inscription">Créer un compte professionnel de santé ou patient</Link>
      </p>
    </div>
  );
}
