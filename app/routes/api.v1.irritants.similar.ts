import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { getUser } from "~/lib/permissions.server";
import { findSimilar } from "~/modules/irritants/irritants.server";
import { similarQuerySchema } from "~/modules/irritants/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const viewer = await getUser(request);
    const { text } = readQuery(request, similarQuerySchema);
    return Response.json({ items: findSimilar(viewer, text, 5) });
  });
}
