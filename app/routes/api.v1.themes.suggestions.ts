import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { readJson } from "~/lib/api.server";
import { similarQuerySchema } from "~/modules/irritants";
import { suggestThemesFor } from "~/modules/irritants/index.server";

// The draft travels in the request body only (see api.v1.irritants.similar.ts).
export function loader() {
  return methodNotAllowed("POST", "Utilisez POST avec le texte dans le corps de la requête ({text}).");
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const { text } = await readJson(request, similarQuerySchema);
    return Response.json({ items: suggestThemesFor(text).map(({ slug, label, score }) => ({ slug, label, score })) });
  });
}
