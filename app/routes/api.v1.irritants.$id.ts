import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, withApiErrors } from "~/lib/errors";
import { idParam, readJson } from "~/lib/api.server";
import { getUser, requirePermission } from "~/lib/permissions.server";
import { getIrritant, updateIrritant } from "~/modules/irritants/irritants.server";
import { irritantPatchSchema } from "~/modules/irritants/schemas";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const viewer = await getUser(request);
    const irritant = getIrritant(viewer, idParam(params.id));
    return Response.json({
      id: irritant.id,
      title: irritant.title,
      body: irritant.body,
      status: irritant.status,
      published: irritant.published,
      createdAt: irritant.createdAt,
      themes: irritant.themes.map((t) => t.slug),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "PATCH") return apiError(405, "Méthode non autorisée.");
    const user = await requirePermission(request, "irritant:triage");
    const id = idParam(params.id);
    const patch = await readJson(request, irritantPatchSchema);
    return Response.json(updateIrritant(user, id, patch));
  });
}
