import { and, desc, eq, gte, like, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client";
import { events, organisations, products, themes, users } from "#db/schema";
import { auditSubject, describeAuditDetails, type AuditNames } from "./details";
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
  const names = nameLookups();
  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.createdAt,
    category: auditCategory(r.type),
    what: auditTypeLabel(r.type),
    subject: auditSubject(r.subjectType, r.subjectId),
    actor: r.actorEmail ? `${r.actorName} <${r.actorEmail}>` : "Système ou visiteur",
    details: describeAuditDetails(r.type, r.payload, names),
  }));
  return { entries: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}

/** Theme labels, software and vendor names that payloads refer to by slug or id, each table read once when needed. */
function nameLookups(): AuditNames {
  const cache = <K, V>(load: () => [K, V][]) => {
    let map: Map<K, V> | undefined;
    return (key: K) => (map ??= new Map(load())).get(key);
  };
  const theme = cache(() => getDb().select({ k: themes.slug, v: themes.label }).from(themes).all().map((r) => [r.k, r.v]));
  const product = cache(() => getDb().select({ k: products.id, v: products.name }).from(products).all().map((r) => [r.k, r.v]));
  const vendor = cache(() => getDb().select({ k: organisations.id, v: organisations.name }).from(organisations).all().map((r) => [r.k, r.v]));
  return {
    theme: (slug) => theme(slug) ?? slug,
    product: (id) => product(id) ?? `logiciel n° ${id}`,
    vendor: (id) => vendor(id) ?? `organisation n° ${id}`,
  };
}

/**
 * Every entry matching the filters, for the CSV export (bounded, newest first), a page at a time (keyset), so that the
 * export can be written as it is read and stopped when its reader leaves (issue 21: 50,000 entries formatted in one
 * go held the server's event loop for seconds, and abandoned exports were still computed to the end).
 */
export function* exportAuditPages(filters: Omit<AuditFilters, "avant">, { max = 50_000, pageSize = 1_000 }: { max?: number; pageSize?: number } = {}) {
  let before: number | undefined;
  let left = max;
  while (left > 0) {
    const { entries, nextBefore } = listAuditEntries({ ...filters, avant: before }, Math.min(pageSize, left));
    if (entries.length) yield entries;
    left -= entries.length;
    if (nextBefore === null) return;
    before = nextBefore;
  }
}
