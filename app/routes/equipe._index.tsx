import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePermission } from "~/lib/permissions.server";

// The team's home is its triage queue.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:triage");
  throw redirect("/equipe/signalements");
}
