import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, withApiErrors } from "~/lib/errors";
import { created, readJson, readQuery } from "~/lib/api.server";
import { getUser, requirePermission } from "~/lib/permissions.server";
import { fileIrritant, listIrritants } from "~/modules/irritants/irritants.server";
import { fileIrritantSchema, irritantStatusSchema } from "~/modules/irritants/schemas";

const listQuery = z.object({
  theme: z.string().max(60).optional(),
  status: irritantStatusSchema.optional(),
  cursor: z.coerce.number({ error: "cursor doit être un nombre." }).int().positive().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const viewer = await getUser(request);
    const query = readQuery(request, listQuery);
    const { items, nextCursor } = listIrritants(viewer, query);
    return Response.json({
      items: items.map((i) => ({ id: i.id, title: i.title, status: i.status, published: i.published, createdAt: i.createdAt, themes: i.themes.map((t) => t.slug) })),
      ...(nextCursor ? { nextCursor: String(nextCursor) } : {}),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return apiError(405, "Méthode non autorisée.");
    const user = await requirePermission(request, "irritant:file");
    const input = await readJson(request, fileIrritantSchema);
    const irritant = fileIrritant(user, input);
    return created(irritant);
  });
}
