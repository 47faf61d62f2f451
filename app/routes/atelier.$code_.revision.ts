import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { boardRevision } from "~/modules/seminars/index.server";

/** The live board's revision, polled by participants' phones: a tiny, uncached answer. */
export function loader({ params }: LoaderFunctionArgs) {
  return withApiErrors(() => Response.json({ revision: boardRevision(params.code ?? "") }, { headers: { "Cache-Control": "no-store" } }));
}
