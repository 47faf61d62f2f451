import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, preparedQueries, type DbOrTx } from "#db/client";
import { organisations, products } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";

const productsQuery = preparedQueries((db, forVendor: boolean) =>
  db
    .select({
      id: products.id,
      name: products.name,
      category: products.category,
      segurWave: products.segurWave,
      versions: products.versions,
      vendor: { id: organisations.id, name: organisations.name },
    })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.vendorId))
    .where(and(isNull(products.retiredAt), forVendor ? eq(products.vendorId, sql.placeholder("vendorId")) : undefined))
    .orderBy(asc(products.name))
    .prepare(),
);

/** The public software catalogue, optionally for one vendor. */
export function listProducts({ vendorId }: { vendorId?: number } = {}) {
  return productsQuery(!!vendorId).all({ vendorId });
}

/** A product that reports may name; unknown or retired ones are a 422 on `field`. */
export function requireActiveProduct(tx: DbOrTx, id: number, field = "productId") {
  const product = tx
    .select({ id: products.id, name: products.name, vendorId: products.vendorId, versions: products.versions })
    .from(products)
    .where(and(eq(products.id, id), isNull(products.retiredAt)))
    .get();
  if (!product) throw new HttpError(422, "Logiciel inconnu.", { [field]: ["Ce logiciel ne figure pas dans le catalogue."] });
  return product;
}

export function listVendors() {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, isSons: organisations.isSons, contactEmail: organisations.contactEmail })
    .from(organisations)
    .where(eq(organisations.kind, "vendor"))
    .orderBy(asc(organisations.name))
    .all();
}

function slugify(name: string) {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

function requireCatalogueManager(actor: SessionUser) {
  if (!can(actor, "catalogue:manage")) throw new HttpError(403, "Le catalogue est géré par l'équipe programme.");
}

export function createVendor(actor: SessionUser, input: { name: string; isSons: boolean; contactEmail?: string }) {
  requireCatalogueManager(actor);
  return getDb().transaction((tx) => {
    const slug = slugify(input.name);
    if (tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get()) {
      throw new HttpError(409, "Cet éditeur existe déjà.", { name: ["Un éditeur porte déjà ce nom."] });
    }
    const row = tx.insert(organisations).values({ slug, name: input.name, isSons: input.isSons, contactEmail: input.contactEmail ?? null }).returning({ id: organisations.id }).get();
    recordEvent(tx, { type: "vendor.created", actorId: actor.id, subject: { type: "organisation", id: row.id }, payload: { name: input.name } });
    return row;
  });
}

type ProductInput = { vendorId: number; name: string; category: (typeof products.$inferInsert)["category"]; segurWave?: number; versions: string[]; installedBase?: number };

export function saveProduct(actor: SessionUser, id: number | null, input: ProductInput) {
  requireCatalogueManager(actor);
  return getDb().transaction((tx) => {
    const vendor = tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.vendorId), eq(organisations.kind, "vendor"))).get();
    if (!vendor) throw new HttpError(422, "Éditeur inconnu.", { vendorId: ["Choisissez un éditeur de la liste."] });
    const values = { ...input, segurWave: input.segurWave ?? null, installedBase: input.installedBase ?? null };
    if (id === null) {
      const row = tx.insert(products).values(values).returning({ id: products.id }).get();
      recordEvent(tx, { type: "product.created", actorId: actor.id, subject: { type: "product", id: row.id }, payload: { name: input.name } });
      return row;
    }
    const changed = tx.update(products).set(values).where(eq(products.id, id)).run().changes;
    if (!changed) throw new HttpError(404, "Ce logiciel n'existe pas.");
    recordEvent(tx, { type: "product.updated", actorId: actor.id, subject: { type: "product", id }, payload: { name: input.name } });
    return { id };
  });
}

export function listCatalogue() {
  return getDb()
    .select({
      id: products.id,
      name: products.name,
      category: products.category,
      segurWave: products.segurWave,
      versions: products.versions,
      installedBase: products.installedBase,
      vendorId: products.vendorId,
      vendorName: organisations.name,
    })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.vendorId))
    .where(isNull(products.retiredAt))
    .orderBy(asc(organisations.name), asc(products.name))
    .all();
}
