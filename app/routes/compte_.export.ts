import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/permissions.server";
import { exportPersonalData } from "~/modules/privacy/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return new Response(JSON.stringify(exportPersonalData(user), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="mes-donnees-sentinelle.json"', "Cache-Control": "no-store" },
  });
}
