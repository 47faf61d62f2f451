import type { ActionFunctionArgs } from "@remix-run/node";
import { HttpError, methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, idParam, isMultipart, parseOrThrow, readJson, readMultipart } from "~/lib/api.server";
import { can, requireUser } from "~/lib/permissions.server";
import { commentSchema } from "~/modules/irritants";
import { addComment, getIrritant } from "~/modules/irritants/index.server";
import { apiFilesSchema } from "~/modules/attachments";
import { attachPrepared, prepareUploads } from "~/modules/attachments/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour commenter.");
}

/** JSON `{body}`, or multipart with `body` and up to 5 files (field `files`): a comment, its text masked like the page's. */
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // Settled before the body is read: vendors answer from their tickets; an irritant one may not see does not exist.
    if (!can(user, "irritant:comment")) throw new HttpError(403, "Les éditeurs répondent depuis leurs tickets.");
    getIrritant(user, id);
    let input;
    let uploads: Awaited<ReturnType<typeof prepareUploads>> = { files: [] };
    if (isMultipart(request)) {
      const fields = await readMultipart(request);
      input = parseOrThrow(commentSchema, fields);
      uploads = await prepareUploads(parseOrThrow(apiFilesSchema, fields).files);
    } else input = await readJson(request, commentSchema);
    const { id: commentId, irritantId, redactions } = addComment(user, id, input.body);
    const attachments = attachPrepared(user, { kind: "comment", id: commentId }, uploads);
    return created({ id: commentId, irritantId, redacted: redactions.length, attachments });
  });
}
