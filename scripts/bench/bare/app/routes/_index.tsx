import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client";

let statement: ReturnType<ReturnType<typeof getDb>["$client"]["prepare"]> | undefined;
let maxId = 0;

/** One indexed query: an irritant by its primary key, a different one on each request. */
export function loader({ request }: LoaderFunctionArgs) {
  const db = getDb().$client;
  statement ??= db.prepare("select id, title from irritants where id = ?");
  maxId ||= (db.prepare("select max(id) as m from irritants").get() as { m: number | null }).m ?? 1;
  const id = Number(new URL(request.url).searchParams.get("id")) || 1 + Math.floor(Math.random() * maxId);
  return { irritant: (statement.get(id) as { id: number; title: string } | undefined) ?? null };
}

export default function Bare() {
  const { irritant } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Signalement</h1>
      <p>{irritant ? `${irritant.id} — ${irritant.title}` : "Aucun signalement."}</p>
    </main>
  );
}
