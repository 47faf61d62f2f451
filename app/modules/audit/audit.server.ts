import { and, desc, eq, gte, like, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client";
import { events, users } from "#db/schema";
import { AUDIT_CATEGORY_FILTERS, auditCategory, auditTypeLabel, prefixesOf } from "./labels";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ.");
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const auditFiltersSchema = z.object({
  categorie: optional(z.enum(AUDIT_CATEGORY_FILTERS as [string, ...string[]], { error: "Catégorie inconnue." })),
  qui: optional(z.string().trim().max(254, "Texte trop long.")),
  du: optional(isoDay),
  au: optional(isoDay),
  avant: optional(z.coerce.number().int().positive("Curseur invalide.")),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

function conditions(filters: AuditFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filters.categorie) parts.push(or(...prefixesOf(filters.categorie).map((p) => like(events.type, `${p}.%`))));
  if (filters.qui) parts.push(or(like(users.email, `%${filters.qui}%`), like(users.displayName, `%${filters.qui}%`)));
  if (filters.du) parts.push(gte(events.createdAt, `${filters.du}T00:00:00.000Z`));
  if (filters.au) parts.push(lte(events.createdAt, `${filters.au}T23:59:59.999Z`));
  if (filters.avant) parts.push(lt(events.id, filters.avant));
  return and(...parts);
}

/** Who did what and when, newest first, a page at a time (keyset on the event id). Read-only by design. */
export function listAuditEntries(filters: AuditFilters, limit = 100) {
  const rows = getDb()
    .select({ id: events.id, type: events.type, subjectType: events.subjectType, subjectId: events.subjectId, payload: events.payload, createdAt: events.createdAt, actorName: users.displayName, actorEmail: users.email, actorRole: users.role })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(conditions(filters))
    .orderBy(desc(events.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.createdAt,
    category: auditCategory(r.type),
    what: auditTypeLabel(r.type),
    type: r.type,
    subject: `${r.subjectType} n°${r.subjectId}`,
    actor: r.actorEmail ? `${r.actorName} <${r.actorEmail}>` : "Système ou visiteur",
    details: summarisePayload(r.payload),
  }));
  return { entries: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}

/** A short "key: value" line of an event's details; long values are cut. */
function summarisePayload(payload: Record<string, unknown>) {
  return Object.entries(payload ?? {})
    // Survey invitations are counted, not listed: older reminder events list the invitations still unanswered,
    // which the journal must not turn into a who-answered list.
    .map(([k, v]) => (k === "invitationIds" && Array.isArray(v) ? `invitations: ${v.length}` : `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`))
    .join(" · ")
    .slice(0, 300);
}

/** Every entry matching the filters, for the CSV export (bounded, newest first). */
export function exportAuditEntries(filters: Omit<AuditFilters, "avant">, max = 50_000) {
  return listAuditEntries(filters, max).entries;
}
