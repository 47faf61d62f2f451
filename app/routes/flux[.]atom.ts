import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { buildAtomFeed } from "~/modules/progress";
import { listPublishedUpdates } from "~/modules/progress/index.server";

export function loader({ request }: LoaderFunctionArgs) {
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return new Response(buildAtomFeed(listPublishedUpdates(), base), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
