import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { HttpError, methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, readJson, readQuery } from "~/lib/api.server";
import { can, getUser, requireUser, type Permission } from "~/lib/permissions.server";
import { fileIrritant, fileOnBehalf, listIrritants } from "~/modules/irritants/index.server";
import { apiFileIrritantSchema, apiIrritantListQuery, statusLabel } from "~/modules/irritants";

const FILING_PERMISSIONS: Permission[] = ["irritant:file", "irritant:file-other-vendor", "irritant:file-on-behalf"];

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
    const user = await requireUser(request);
    // Reporters, vendors (about another vendor's product) and the team (on a practitioner's behalf): others are refused
    // before the body is read.
    if (!FILING_PERMISSIONS.some((p) => can(user, p))) throw new HttpError(403, "Accès refusé.");
    const { onBehalf, ...input } = await readJson(request, apiFileIrritantSchema);
    if (onBehalf || can(user, "irritant:file-on-behalf")) {
      if (!onBehalf) throw new HttpError(422, "L'équipe dépose un signalement au nom d'un professionnel : indiquez onBehalf.", { onBehalf: ["Indiquez de qui vient le signalement."] });
      const { id, themes, redacted, account } = fileOnBehalf(user, { ...input, ...onBehalf });
      return created({ id, themes, redacted, onBehalf: { account } });
    }
    const { id, themes, redacted, similar } = fileIrritant(user, input);
    return created({ id, themes, redacted, similar: similar.map(({ id, title, score }) => ({ id, title, score })) });
  });
}
