import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PointBlocks } from "~/components/point-blocks";
import { getEnv } from "~/lib/env.server";
import { buildAtomFeed } from "~/modules/progress";
import { listPublishedUpdates } from "~/modules/progress/index.server";

export function loader({ request }: LoaderFunctionArgs) {
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  // Each entry carries its introduction and its blocks as frozen at publication, rendered as on its page.
  const entries = listPublishedUpdates().map(({ rendering, html, ...u }) => ({
    ...u,
    html: html + (rendering.blocks.length ? renderToStaticMarkup(createElement(PointBlocks, { rendering })) : ""),
  }));
  return new Response(buildAtomFeed(entries, base), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
