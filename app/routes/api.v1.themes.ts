import { withApiErrors } from "~/lib/errors";
import { listThemes } from "~/modules/irritants/index.server";

export function loader() {
  return withApiErrors(() => Response.json({ items: listThemes().map(({ slug, label }) => ({ slug, label })) }));
}
