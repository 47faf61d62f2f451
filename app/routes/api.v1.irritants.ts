import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, readJson, readQuery } from "~/lib/api.server";
import { getUser, requirePermission } from "~/lib/permissions.server";
import { fileIrritant, listIrritants } from "~/modules/irritants/index.server";
import { apiIrritantListQuery, fileIrritantSchema, statusLabel } from "~/modules/irritants";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const viewer = await getUser(request);
    const { product, ...query } = readQuery(request, apiIrritantListQuery);
    const { items, nextCursor } = listIrritants(viewer, { ...query, productId: product });
    return Response.json({
      items: items.map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
        statusLabel: statusLabel(i),
        fixAnnounced: i.fixAnnounced,
        published: i.published,
        severity: i.severity,
        subject: i.subject,
        supportCount: i.supportCount,
        product: i.productName,
        createdAt: i.createdAt,
        themes: i.themes.map((t) => t.slug),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("GET, POST");
    const user = await requirePermission(request, "irritant:file");
    const input = await readJson(request, fileIrritantSchema);
    const { id, themes, redacted, similar } = fileIrritant(user, input);
    return created({ id, themes, redacted, similar: similar.map(({ id, title, score }) => ({ id, title, score })) });
  });
}
