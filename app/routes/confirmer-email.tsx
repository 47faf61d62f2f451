import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { errorSentence, HttpError } from "~/lib/errors";
import { readFormData } from "~/lib/forms.server";
import { confirmEmail } from "~/modules/accounts/account-emails.server";

export const meta: MetaFunction = () => [{ title: "Confirmer votre adresse e-mail — Sentinelle" }, { name: "robots", content: "noindex" }];

const tokenSchema = z.object({ jeton: z.string().min(10).max(200) });

// The link opens a page with a button: mail scanners that follow links do not confirm for the person.
export function loader({ request }: LoaderFunctionArgs) {
  const parsed = tokenSchema.safeParse({ jeton: new URL(request.url).searchParams.get("jeton") ?? undefined });
  if (!parsed.success) return data({ token: null }, { status: 400 });
  return { token: parsed.data.jeton };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = tokenSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ ok: false, message: "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail." }, { status: 400 });
  try {
    confirmEmail(parsed.data.jeton);
    return { ok: true, message: "Merci : votre adresse e-mail est confirmée. Vous recevrez les nouvelles de ce que vous suivez." };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ ok: false, message: errorSentence(error) }, { status: error.status });
  }
}

export default function ConfirmEmail() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Confirmer votre adresse e-mail</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {!result && !token ? <Notice ok={false} message="Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail." /> : null}
      {!result && token ? (
        <Form method="post" className="card">
          <input type="hidden" name="jeton" value={token} />
          <p>Confirmez que cette adresse est bien la vôtre pour recevoir les nouvelles de vos signalements par e-mail.</p>
          <button type="submit" className="btn">
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
