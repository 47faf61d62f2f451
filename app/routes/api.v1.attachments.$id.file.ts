import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { idParam, readQuery } from "~/lib/api.server";
import { getUser } from "~/lib/permissions.server";
import { attachmentQuerySchema } from "~/modules/attachments";
import { readAttachmentFile } from "~/modules/attachments/index.server";

/**
 * The masked image (`?taille=vignette`: its thumbnail), with the permissions of what it is attached to. Only the
 * cleaned images are ever served, never under public/, with a file name and a sandboxing CSP (the edge's helmet adds
 * `X-Content-Type-Options: nosniff` to every answer).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { taille } = readQuery(request, attachmentQuerySchema);
    const file = readAttachmentFile(await getUser(request), idParam(params.id), taille === "vignette" ? "thumb" : "full");
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.type,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": `inline; filename="${file.name}"`,
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  });
}
