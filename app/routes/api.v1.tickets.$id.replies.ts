import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, idParam, isMultipart, parseOrThrow, readJson, readMultipart } from "~/lib/api.server";
import { getDb } from "#db/client";
import { requireUser } from "~/lib/permissions.server";
import { ticketReplySchema } from "~/modules/tickets";
import { replyToTicket, requireTicket } from "~/modules/tickets/index.server";
import { apiFilesSchema } from "~/modules/attachments";
import { attachPrepared, prepareUploads } from "~/modules/attachments/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour répondre.");
}

/** JSON `{body, visibility}`, or multipart with the same fields and up to 5 files (field `files`). */
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // Who may see the ticket is checked before the body: another vendor learns nothing, not even what is invalid.
    requireTicket(getDb(), user, id);
    let input;
    let uploads: Awaited<ReturnType<typeof prepareUploads>> = { files: [] };
    if (isMultipart(request)) {
      const fields = await readMultipart(request);
      input = parseOrThrow(ticketReplySchema, fields);
      // Every file typed from its bytes and cleaned first: a refused one refuses the reply, nothing is written.
      uploads = await prepareUploads(parseOrThrow(apiFilesSchema, fields).files);
    } else input = await readJson(request, ticketReplySchema);
    const { id: messageId, redacted } = replyToTicket(user, id, input);
    const attachments = attachPrepared(user, { kind: "ticket_reply", id: messageId }, uploads);
    return created({ id: messageId, redacted, attachments });
  });
}
