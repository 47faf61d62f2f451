import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam, readJson } from "~/lib/api.server";
import { assertCan, getUser, requireUser } from "~/lib/permissions.server";
import { attachmentPatchSchema } from "~/modules/attachments";
import { approveAttachment, coverAttachment, getAttachment } from "~/modules/attachments/index.server";

/** `{id, status, masked, …}` of an attachment the caller may see (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => Response.json(getAttachment(await getUser(request), idParam(params.id))));
}

/** `{approved: true}` (the team) and/or `{covers: [{x, y, width, height}]}` (the team; the author until approval). */
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "PATCH") return methodNotAllowed("GET, PATCH");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // An attachment the caller may not see does not exist for them, before the body is read.
    let result = getAttachment(user, id);
    const input = await readJson(request, attachmentPatchSchema);
    if (input.approved) assertCan(user, "irritant:triage");
    if (input.covers) result = await coverAttachment(user, id, input.covers);
    if (input.approved) result = approveAttachment(user, id);
    return Response.json(result);
  });
}
