import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { confirmEmail } from "~/modules/accounts/index.server";
import { emailLinkSchema, linkFormSchema } from "~/modules/accounts";

export const meta: MetaFunction = () => [{ title: "Confirmer votre adresse e-mail — Sentinelle" }, { name: "robots", content: "noindex" }];

// The link opens a page with a button: mail scanners that follow links do not confirm for the person.
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("fait")) return { token: null, done: true };
  const parsed = emailLinkSchema.safeParse({ jeton: url.searchParams.get("jeton") ?? undefined });
  if (!parsed.success) return data({ token: null, done: false }, { status: 400 });
  return { token: parsed.data.jeton, done: false };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, linkFormSchema, ({ jeton }) => {
    confirmEmail(jeton);
    return redirect("/confirmer-email?fait=1", 303);
  });
}

export default function ConfirmEmail() {
  const { token, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Confirmer votre adresse e-mail</h1>
      {done ? <Notice ok message="Merci : votre adresse e-mail est confirmée. Vous recevrez les nouvelles de ce que vous suivez." /> : null}
      {result ? <Notice ok={false} message={result.message} /> : null}
      {!result && !done && !token ? <Notice ok={false} message="Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail." /> : null}
      {!result && token ? (
        <Form method="post" className="card">
          <input type="hidden" name="jeton" value={token} />
          <p>Confirmez que cette adresse est bien la vôtre pour recevoir les nouvelles de vos signalements par e-mail.</p>
          <button type="submit" className="fr-btn">
            Confirmer mon adresse
          </button>
        </Form>
      ) : null}
      <p className="mt-6">
        <Link to="/compte">Mon compte</Link>
      </p>
    </div>
  );
}
