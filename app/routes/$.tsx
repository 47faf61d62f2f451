import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Page introuvable — Sentinelle" }];

// Any unknown address: thrown so the root error page answers with a real 404 status.
export function loader() {
  throw new Response("Page introuvable.", { status: 404 });
}

export default function NotFound() {
  return null;
}
