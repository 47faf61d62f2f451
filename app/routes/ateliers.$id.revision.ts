import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/api.server";
import { withApiErrors } from "~/lib/errors";
import { requireUser } from "~/lib/permissions.server";
import { boardRevisionById } from "~/modules/seminars/index.server";

/** The board's revision for the facilitator's page (same guard as the board). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return withApiErrors(() => Response.json({ revision: boardRevisionById(user, idParam(params.id)) }, { headers: { "Cache-Control": "no-store" } }));
}
