import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Page introuvable — Sentinelle" }];

// Any unknown address: thrown so the root error page answers with a real 404 status.
export function loader() {
  throw new Response("Page introuvable.", { status: 404 });
}

// A form posted to an unknown address is not found either (without an action Remix answers 405 and logs an error).
export const action = loader;

export default function NotFound() {
  return null;
}
