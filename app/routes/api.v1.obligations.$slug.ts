import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { getUser } from "~/lib/permissions.server";
import { getObligation } from "~/modules/regulation/index.server";

/** One entry of the register: its text, source, dates, document table and what links to it (as the viewer may see it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { id: _, updatedAt: _updated, ...entry } = getObligation(await getUser(request), params.slug ?? "");
    return Response.json(entry);
  });
}
