import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam } from "~/lib/api.server";
import { requirePermission } from "~/lib/permissions.server";
import { supportIrritant, withdrawSupport } from "~/modules/irritants/index.server";

export function loader() {
  return methodNotAllowed("POST, DELETE", "Utilisez POST pour soutenir un signalement, DELETE pour retirer votre soutien.");
}

// Both idempotent: supporting twice answers 200 with the same count; withdrawing a support one no longer gives answers 200.
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST" && request.method !== "DELETE") return methodNotAllowed("POST, DELETE");
    const user = await requirePermission(request, "irritant:file");
    if (request.method === "DELETE") return Response.json(withdrawSupport(user, idParam(params.id)));
    const result = supportIrritant(user, idParam(params.id));
    return Response.json(result, { status: result.created ? 201 : 200 });
  });
}
