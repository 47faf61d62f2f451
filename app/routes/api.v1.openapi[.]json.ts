import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/modules/api/index.server";

export function loader({ request }: LoaderFunctionArgs) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
