import type { LoaderFunctionArgs } from "@remix-run/node";
import { readQuery } from "~/lib/api.server";
import { withApiErrors } from "~/lib/errors";
import { seminarListQuery } from "~/modules/seminars";
import { listSeminarsForApi } from "~/modules/seminars/index.server";

/** Published seminars with their workshops and the balance of participants by side (counts only). */
export function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(() => Response.json(listSeminarsForApi(readQuery(request, seminarListQuery))));
}
