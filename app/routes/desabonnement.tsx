import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { unsubscribeSchema } from "~/modules/notifications";
import { applyUnsubscribe, checkUnsubscribeToken } from "~/modules/notifications/index.server";

export const meta: MetaFunction = () => [{ title: "Se désabonner — Sentinelle" }, { name: "robots", content: "noindex" }];

function check(input: unknown) {
  const parsed = unsubscribeSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, status: 400 as const, message: parsed.error.issues[0].message };
  return { ...checkUnsubscribeToken(parsed.data.jeton), token: parsed.data.jeton };
}

// Opening the link only shows what it would stop: mail scanners follow links, so the change needs a click.
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const done = url.searchParams.get("fait");
  if (done === "type" || done === "suivi") {
    const message = done === "type" ? "C'est fait : vous ne recevrez plus d'e-mail de ce type. Les notifications restent visibles dans Sentinelle." : "C'est fait : vous ne suivez plus ce sujet.";
    return { ok: true as const, message, token: null, description: null, done: true };
  }
  const result = check({ jeton: url.searchParams.get("jeton") ?? undefined });
  if (!result.ok) return data({ ok: false as const, message: result.message, token: null, description: null, done: false }, { status: result.status });
  return { ok: true as const, message: null, token: result.token, description: result.description, done: false };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, unsubscribeSchema, ({ jeton }) => {
    const checked = checkUnsubscribeToken(jeton);
    if (!checked.ok) throw new HttpError(checked.status, checked.message);
    applyUnsubscribe(checked.target);
    // Post/redirect/get: the link is used up in the address bar too.
    return redirect(`/desabonnement?fait=${"k" in checked.target ? "type" : "suivi"}`, 303);
  });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Se désabonner</h1>
      {done ? <Notice ok={false} message={done.message} /> : null}
      {!done && loaded.message ? <Notice ok={loaded.ok} message={loaded.message} /> : null}
      {!done && loaded.ok && loaded.token ? (
        <Form method="post" className="card">
          <input type="hidden" name="jeton" value={loaded.token!} />
          <p>{loaded.description === "les e-mails de ce type" ? "Ne plus recevoir les e-mails de ce type ?" : `Ne plus suivre ${loaded.description} ?`}</p>
          <button type="submit" className="fr-btn">
            Confirmer
          </button>
        </Form>
      ) : null}
      <p className="mt-6">
        Vous pouvez aussi choisir, type par type, les e-mails que vous recevez depuis <Link to="/compte/notifications">votre compte</Link>.
      </p>
    </div>
  );
}
