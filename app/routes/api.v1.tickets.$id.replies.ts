import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, idParam, readJson } from "~/lib/api.server";
import { getDb } from "#db/client";
import { requireUser } from "~/lib/permissions.server";
import { ticketReplySchema } from "~/modules/tickets";
import { replyToTicket, requireTicket } from "~/modules/tickets/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour répondre.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // Who may see the ticket is checked before the body: another vendor learns nothing, not even what is invalid.
    requireTicket(getDb(), user, id);
    const input = await readJson(request, ticketReplySchema);
    const { id: messageId, redacted } = replyToTicket(user, id, input);
    return created({ id: messageId, redacted });
  });
}
