import type { LoaderFunctionArgs } from "@remix-run/node";
import { readQuery } from "~/lib/api.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors";
import { requirePermission } from "~/lib/permissions.server";
import { auditFiltersSchema, exportAuditEntries } from "~/modules/audit/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const { avant: _cursor, ...filters } = orErrorPage(() => readQuery(request, auditFiltersSchema));
  const entries = exportAuditEntries(filters);
  const body = toCsv(
    ["id", "date", "auteur", "categorie", "action", "sujet", "details"],
    entries.map((e) => [String(e.id), e.at, e.actor, e.category, e.what, e.subject, e.details]),
  );
  return csvResponse(body, "journal-sentinelle.csv");
}
