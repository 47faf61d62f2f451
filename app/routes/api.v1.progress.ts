import { withApiErrors } from "~/lib/errors";
import { headlineFigures } from "~/modules/progress/index.server";

export function loader() {
  return withApiErrors(() => Response.json(headlineFigures()));
}
