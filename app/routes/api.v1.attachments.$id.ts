import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors } from "~/lib/errors";
import { idParam, readJson } from "~/lib/api.server";
import { assertCan, getUser, requireUser } from "~/lib/permissions.server";
import { attachmentPatchSchema } from "~/modules/attachments";
import { approveAttachment, getAttachment } from "~/modules/attachments/index.server";

/** `{id, status, masked, …}` of an attachment the caller may see (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => Response.json(getAttachment(await getUser(request), idParam(params.id))));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "PATCH") return methodNotAllowed("GET, PATCH");
    const user = await requireUser(request);
    const id = idParam(params.id);
    assertCan(user, "irritant:triage");
    await readJson(request, attachmentPatchSchema);
    return Response.json(approveAttachment(user, id));
  });
}
