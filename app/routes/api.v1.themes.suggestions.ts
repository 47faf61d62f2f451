import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { similarQuerySchema } from "~/modules/irritants/schemas";
import { suggestThemesFor } from "~/modules/irritants/themes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { text } = readQuery(request, similarQuerySchema);
    return Response.json({ items: suggestThemesFor(text).map(({ slug, label, score }) => ({ slug, label, score })) });
  });
}
