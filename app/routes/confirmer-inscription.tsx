import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { formAction } from "~/lib/forms.server";
import { registrationDoneSchema, registrationLinkSchema } from "~/modules/seminars";
import { confirmRegistration } from "~/modules/seminars/index.server";

export const meta: MetaFunction = () => [{ title: "Confirmer votre inscription — Sentinelle" }, { name: "robots", content: "noindex" }];


// The link opens a page with a button: mail scanners that follow links do not register anyone.
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const done = registrationDoneSchema.safeParse({ seminaire: url.searchParams.get("seminaire") ?? undefined, date: url.searchParams.get("date") ?? undefined, complets: url.searchParams.get("complets") ?? undefined });
  if (done.success) return { token: null, done: done.data };
  const parsed = registrationLinkSchema.safeParse({ jeton: url.searchParams.get("jeton") ?? undefined });
  if (!parsed.success) return data({ token: null, done: null }, { status: 400 });
  return { token: parsed.data.jeton, done: null };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, registrationLinkSchema, ({ jeton }) => {
    const { seminar, fullWorkshops } = confirmRegistration(jeton);
    const query = new URLSearchParams({ seminaire: seminar.slug, date: seminar.date, complets: fullWorkshops.join(",") });
    return redirect(`/confirmer-inscription?${query}`, 303);
  });
}

export default function ConfirmRegistration() {
  const { token, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const full = done?.complets ? done.complets.split(",").filter(Boolean) : [];
  return (
    <div className="prose-page">
      <h1>Confirmer votre inscription</h1>
      {done ? (
        <>
          <Notice ok message={`Merci : votre inscription au séminaire du ${seminarDate(done.date)} est confirmée.`} />
          {full.length ? (
            <p>
              {full.length > 1 ? `Les ateliers ${full.join(", ")} se sont remplis` : `L'atelier ${full[0]} s'est rempli`} entre votre demande et votre confirmation : vous
              n'y êtes pas inscrit.
            </p>
          ) : null}
          <p>
            <Link to={`/seminaires/${done.seminaire}`}>Voir le séminaire</Link>
          </p>
        </>
      ) : null}
      {result ? <Notice ok={false} message={result.message} /> : null}
      {!result && !done && !token ? <Notice ok={false} message="Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail." /> : null}
      {!result && token ? (
        <Form method="post" className="card">
          <input type="hidden" name="jeton" value={token} />
          <p>Confirmez votre inscription au séminaire : elle comptera dans les places et l'équilibre des participants.</p>
          <button type="submit" className="fr-btn">
            Confirmer mon inscription
          </button>
        </Form>
      ) : null}
    </div>
  );
}
