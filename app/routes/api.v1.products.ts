import type { LoaderFunctionArgs } from "@remix-run/node";
import { withApiErrors } from "~/lib/errors";
import { readQuery } from "~/lib/api.server";
import { listProducts } from "~/modules/vendors/index.server";
import { apiProductListQuery } from "~/modules/vendors";

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const { vendor } = readQuery(request, apiProductListQuery);
    return Response.json({ items: listProducts({ vendorId: vendor }).map(({ id, name, category, vendor }) => ({ id, name, category, vendor })) });
  });
}
