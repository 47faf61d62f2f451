import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { readQuery } from "~/lib/api.server";
import { HttpError } from "~/lib/errors";
import { checkJoinCode } from "~/modules/seminars/index.server";

export const meta: MetaFunction = () => [{ title: "Rejoindre un atelier — Sentinelle" }];

const querySchema = z.object({ code: z.string().max(40, "Ce code est trop long.").optional() });

/** The code form is a GET: it works without JavaScript and from a bookmark. */
export async function loader({ request }: LoaderFunctionArgs) {
  let code: string | undefined;
  try {
    code = readQuery(request, querySchema).code;
    if (code === undefined) return { code: "", error: null };
    const checked = checkJoinCode(code);
    throw redirect(`/atelier/${checked.code}`);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const message = error.fields?.code?.[0] ?? Object.values(error.fields ?? {}).flat()[0] ?? error.message;
    return data({ code: code ?? "", error: message }, { status: error.status });
  }
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
          className="input text-2xl uppercase tracking-widest"
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
        <button type="submit" className="btn mt-4">
          Rejoindre
        </button>
      </Form>
    </div>
  );
}
