import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam } from "~/lib/api.server";
import { requirePermission } from "~/lib/permissions.server";
import { supportIrritant } from "~/modules/irritants/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour soutenir un signalement.");
}

// Idempotent: supporting twice answers 200 with the same count.
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requirePermission(request, "irritant:file");
    const result = supportIrritant(user, idParam(params.id));
    return Response.json(result, { status: result.created ? 201 : 200 });
  });
}
