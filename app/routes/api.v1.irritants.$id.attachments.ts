import type { ActionFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, withApiErrors, HttpError } from "~/lib/errors";
import { created, idParam, parseOrThrow } from "~/lib/api.server";
import { requireUser } from "~/lib/permissions.server";
import { attachmentUploadSchema } from "~/modules/attachments";
import { attachFile, requireAttachable } from "~/modules/attachments/index.server";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST (multipart, champ file) pour joindre un fichier.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = await requireUser(request);
    const id = idParam(params.id);
    // Who may attach is settled before the body is read: others learn nothing, not even what is invalid.
    requireAttachable(user, { kind: "irritant", id });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new HttpError(400, "Envoyez le fichier en multipart/form-data, dans le champ « file ».");
    }
    const { file } = parseOrThrow(attachmentUploadSchema, { file: form.get("file") });
    const result = await attachFile(user, { kind: "irritant", id }, new Uint8Array(await file.arrayBuffer()));
    return created(result);
  });
}
