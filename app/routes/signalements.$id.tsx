import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { orErrorPage } from "~/lib/errors";
import { formatDateTime } from "~/lib/dates";
import { getUser } from "~/lib/permissions.server";
import { getIrritant } from "~/modules/irritants/irritants.server";
import { STATUS_LABELS } from "~/modules/irritants/statuses";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.irritant.title ?? "Signalement"} — Sentinelle` }];

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Ce signalement n'existe pas.", { status: 404 });
  const { id, title, body, status, published, createdAt, themes, isAuthor } = orErrorPage(() => getIrritant(viewer, parsed.data.id));
  return { irritant: { id, title, body, status, published, createdAt, themes, isAuthor } };
}

export default function IrritantPage() {
  const { irritant } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <article className="prose-page">
      {searchParams.get("envoye") && irritant.isAuthor ? (
        <div role="status" className="alert alert-success">
          <p className="mb-0">Merci, votre signalement n°{irritant.id} a bien été reçu. L'équipe programme va l'examiner.</p>
        </div>
      ) : null}
      <p className="text-sm text-gris-600">
        Signalement n°{irritant.id} · reçu le {formatDateTime(irritant.createdAt)}
      </p>
      <h1>{irritant.title}</h1>
      <p>
        <span className="badge">{STATUS_LABELS[irritant.status]}</span>{" "}
        {!irritant.published ? <span className="text-sm text-gris-600">Non publié : visible par vous et l'équipe programme.</span> : null}
      </p>
      <ul aria-label="Thèmes" className="mb-4 flex flex-wrap gap-2">
        {irritant.themes.map((t) => (
          <li key={t.slug} className="border border-gris-200 px-2 py-0.5 text-sm">
            {t.label}
          </li>
        ))}
      </ul>
      <p className="whitespace-pre-line">{irritant.body}</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </article>
  );
}
