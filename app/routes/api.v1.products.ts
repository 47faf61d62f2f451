import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { listProducts } from "~/modules/vendors/products.server";

const query = z.object({
  vendor: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "vendor doit être un identifiant numérique." }).int().positive().optional()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { vendor } = readQuery(request, query);
    return Response.json({ items: listProducts({ vendorId: vendor }).map(({ id, name, category, vendor }) => ({ id, name, category, vendor })) });
  });
}
