import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam, readJson } from "~/lib/api.server";
import { getDb } from "#db/client";
import { requireUser } from "~/lib/permissions.server";
import { ticketResolutionSchema } from "~/modules/tickets";
import { requireTicket, resolveTicket } from "~/modules/tickets/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour indiquer une résolution.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // Who may see the ticket is checked before the body: another vendor learns nothing, not even what is invalid.
    requireTicket(getDb(), user, id);
    const input = await readJson(request, ticketResolutionSchema);
    const { status, reassignedTo, redactions } = resolveTicket(user, id, input);
    return Response.json({ status, reassignedTo, redacted: redactions.reduce((sum, r) => sum + r.count, 0) });
  });
}
