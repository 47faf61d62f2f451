import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam, readJson } from "~/lib/api.server";
import { getUser, requirePermission } from "~/lib/permissions.server";
import { getIrritant, requireDigitsReviewed, updateIrritant } from "~/modules/irritants/index.server";
import { irritantPatchSchema, statusLabel } from "~/modules/irritants";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const viewer = await getUser(request);
    const i = getIrritant(viewer, idParam(params.id));
    return Response.json({
      id: i.id,
      title: i.title,
      body: i.body,
      status: i.status,
      statusLabel: statusLabel(i),
      fixAnnounced: i.fixAnnounced,
      published: i.published,
      severity: i.severity,
      frequency: i.frequency,
      timeLostMinutes: i.timeLostMinutes,
      patientSafety: i.patientSafety,
      consultationStep: i.consultationStep,
      subject: i.subject,
      product: i.productId ? { id: i.productId, name: i.productName, version: i.productVersion, vendor: i.vendorName } : null,
      supportCount: i.supportCount,
      patientSupportCount: i.patientSupportCount,
      mergedInto: i.mergedIntoId,
      createdAt: i.createdAt,
      themes: i.themes.map((t) => t.slug),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "PATCH") return methodNotAllowed("GET, PATCH");
    const user = await requirePermission(request, "irritant:triage");
    const id = idParam(params.id);
    const { confirmDigits, ...patch } = await readJson(request, irritantPatchSchema);
    if (patch.published) requireDigitsReviewed(id, confirmDigits);
    return Response.json(updateIrritant(user, id, patch));
  });
}
