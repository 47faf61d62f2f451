import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { commitSessionId } from "~/lib/session.server";
import { checkSignUpLink, completeSignUp, createSession } from "~/modules/accounts/index.server";
import { linkFormSchema, signUpLinkSchema } from "~/modules/accounts";

export const meta: MetaFunction = () => [{ title: "Terminer votre inscription — Sentinelle" }, { name: "robots", content: "noindex" }];

const INVALID = "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail.";

// The link opens a page with a button: mail scanners that follow links do not create the account.
export function loader({ request }: LoaderFunctionArgs) {
  const parsed = signUpLinkSchema.safeParse({ jeton: new URL(request.url).searchParams.get("jeton") ?? undefined });
  if (!parsed.success) return data({ token: null, email: null, message: INVALID }, { status: 400 });
  const link = checkSignUpLink(parsed.data.jeton);
  if (!link.ok) return data({ token: null, email: null, message: link.message }, { status: link.status });
  return { token: parsed.data.jeton, email: link.email, message: null };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, linkFormSchema, async ({ jeton }) => {
    const user = completeSignUp(jeton);
    const session = createSession(user.id);
    return redirect("/compte?bienvenue=1", { status: 303, headers: { "Set-Cookie": await commitSessionId(session.id) } });
  });
}

export default function ConfirmSignUp() {
  const { token, email, message } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Terminer votre inscription</h1>
      {result ? <Notice ok={false} message={result.message} /> : null}
      {!result && message ? <Notice ok={false} message={message} /> : null}
      {!result && token ? (
        <Form method="post" className="card">
          <input type="hidden" name="jeton" value={token} />
          <p>Créer votre compte Sentinelle avec l'adresse {email} ?</p>
          <button type="submit" className="fr-btn">
            Créer mon compte
          </button>
        </Form>
      ) : null}
      <p className="mt-6">
        <Link to="/connexion">Se connecter</Link> · <Link to="/inscription">Recommencer l'inscription</Link>
      </p>
    </div>
  );
}
