import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { readJson } from "~/lib/api.server";
import { getUser } from "~/lib/permissions.server";
import { findSimilar } from "~/modules/irritants/index.server";
import { similarQuerySchema } from "~/modules/irritants";

// The draft (identifiers included, before masking) travels in the request body only: a query
// string ends up in access and proxy logs.
export function loader() {
  return methodNotAllowed("POST", "Utilisez POST avec le texte dans le corps de la requête ({text}).");
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const viewer = await getUser(request);
    const { text } = await readJson(request, similarQuerySchema);
    return Response.json({ items: findSimilar(viewer, text, 5) });
  });
}
