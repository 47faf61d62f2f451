import type { LoaderFunctionArgs } from "@remix-run/node";
import { readQuery } from "~/lib/api.server";
import { csvStreamResponse } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors";
import { requirePermission } from "~/lib/permissions.server";
import { auditFiltersSchema, exportAuditPages } from "~/modules/audit/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const { avant: _cursor, ...filters } = orErrorPage(() => readQuery(request, auditFiltersSchema));
  // Written a page at a time as the client reads it, and stopped if it leaves (issue 21).
  const pages = (function* () {
    for (const page of exportAuditPages(filters)) yield page.map((e) => [String(e.id), e.at, e.actor, e.category, e.what, e.subject, e.details]);
  })();
  return csvStreamResponse(["id", "date", "auteur", "categorie", "action", "sujet", "details"], pages, "journal-sentinelle.csv", request.signal);
}
