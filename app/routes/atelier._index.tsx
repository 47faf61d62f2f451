import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { readQuery } from "~/lib/api.server";
import { orRefusal, refusalMessage } from "~/lib/errors";
import { joinCodeQuerySchema } from "~/modules/seminars";
import { checkJoinCode } from "~/modules/seminars/index.server";

export const meta: MetaFunction = () => [{ title: "Rejoindre un atelier — Sentinelle" }];

/** The code form is a GET: it works without JavaScript and from a bookmark. */
export async function loader({ request }: LoaderFunctionArgs) {
  let typed = "";
  const outcome = orRefusal(() => {
    const { code } = readQuery(request, joinCodeQuerySchema);
    typed = code ?? "";
    return code === undefined ? null : checkJoinCode(code);
  });
  if (!outcome.ok) return data({ code: typed, error: refusalMessage(outcome.error, "code") }, { status: outcome.error.status });
  if (outcome.value) throw redirect(`/atelier/${outcome.value.code}`);
  return { code: "", error: null };
}

export default function JoinWorkshop() {
  const { code, error } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page max-w-xl">
      <h1>Rejoindre un atelier</h1>
      <p>Saisissez le code affiché dans la salle (six caractères, par exemple « ATE-347 »). Pas besoin de compte.</p>
      <Form method="get" className="card">
        <label htmlFor="code" className="label">
          Code de l'atelier
        </label>
        <input
          id="code"
          name="code"
          className="fr-input text-2xl uppercase tracking-widest"
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-error" : undefined}
          required
        />
        {error ? (
          <div id="code-error" className="field-error" role="alert">
            <p className="mb-0">{error}</p>
          </div>
        ) : null}
        <button type="submit" className="fr-btn mt-4">
          Rejoindre
        </button>
      </Form>
    </div>
  );
}
