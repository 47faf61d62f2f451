import type { LoaderFunctionArgs } from "@remix-run/node";
import { readQuery } from "~/lib/api.server";
import { withApiErrors } from "~/lib/errors";
import { getUser } from "~/lib/permissions.server";
import { apiObligationListQuery } from "~/modules/regulation";
import { listDocumentRows, listObligations } from "~/modules/regulation/index.server";

/** The regulatory register, by effective date, with the counts of what links to each entry and the document tables. */
export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const filters = readQuery(request, apiObligationListQuery);
    const viewer = await getUser(request);
    const items = listObligations(viewer, filters).map(({ id: _, updatedAt: _updated, ...entry }) => entry);
    const documents = listDocumentRows().map(({ id: _, obligation, ...row }) => ({ ...row, obligation: obligation.slug }));
    return Response.json({ items, documents });
  });
}
