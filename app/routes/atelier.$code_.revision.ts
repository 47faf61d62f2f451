import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/errors";
import { HttpError } from "~/lib/errors";
import { boardRevision } from "~/modules/seminars/index.server";

/** The live board's revision, polled by participants' phones: a tiny, uncached answer. */
export function loader({ params }: LoaderFunctionArgs) {
  try {
    return Response.json({ revision: boardRevision(params.code ?? "") }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof HttpError) return apiError(error.status, error.message);
    throw error;
  }
}
