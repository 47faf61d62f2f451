import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { organisations, products } from "#db/schema";
import { HttpError } from "~/lib/errors";

/** The public software catalogue, optionally for one vendor. */
export function listProducts({ vendorId }: { vendorId?: number } = {}) {
  return getDb()
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
    .where(and(isNull(products.retiredAt), vendorId ? eq(products.vendorId, vendorId) : undefined))
    .orderBy(asc(products.name))
    .all();
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
