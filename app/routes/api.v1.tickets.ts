import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { requireUser } from "~/lib/permissions.server";
import { listTickets } from "~/modules/tickets/index.server";
import { apiTicketListQuery } from "~/modules/tickets";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const user = await requireUser(request);
    const { product, ...filters } = readQuery(request, apiTicketListQuery);
    const { items, nextCursor } = listTickets(user, { ...filters, productId: product });
    return Response.json({
      items: items.map((t) => ({
        id: t.id,
        irritantId: t.irritantId,
        title: t.irritantTitle,
        product: { id: t.productId, name: t.productName },
        vendor: { id: t.vendorId, name: t.vendorName },
        status: t.status,
        resolution: t.resolution,
        resolutionVersion: t.resolutionVersion,
        openedAt: t.openedAt,
        firstResponseAt: t.firstResponseAt,
        firstResponseDue: t.firstResponseDue,
        resolutionDue: t.resolutionDue,
        overdue: t.overdue,
      })),
      ...(nextCursor ? { nextCursor: String(nextCursor) } : {}),
    });
  });
}
