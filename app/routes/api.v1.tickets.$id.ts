import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { idParam } from "~/lib/api.server";
import { requireUser } from "~/lib/permissions.server";
import { getTicketDetail } from "~/modules/tickets/index.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const user = await requireUser(request);
    const { ticket, irritant, product, vendorName, breakdown, messages, fixAnswers } = getTicketDetail(user, idParam(params.id));
    return Response.json({
      id: ticket.id,
      status: ticket.status,
      resolution: ticket.resolution,
      resolutionVersion: ticket.resolutionVersion,
      resolutionDate: ticket.resolutionDate,
      openedAt: ticket.openedAt,
      firstResponseAt: ticket.firstResponseAt,
      firstResponseDue: ticket.firstResponseDue,
      resolutionDue: ticket.resolutionDue,
      overdue: ticket.overdue,
      reopenCount: ticket.reopenCount,
      product: { id: ticket.productId, name: product.name },
      vendor: { id: ticket.vendorId, name: vendorName },
      irritant,
      supportBreakdown: breakdown,
      fixAnswers,
      messages: messages.map((m) => ({ id: m.id, kind: m.kind, visibility: m.visibility, body: m.body, createdAt: m.createdAt, author: m.authorName })),
    });
  });
}
