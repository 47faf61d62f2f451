import { withApiErrors } from "~/lib/errors";
import { headlineFigures } from "~/modules/progress/figures.server";

export function loader() {
  return withApiErrors(() => Response.json(headlineFigures()));
}
