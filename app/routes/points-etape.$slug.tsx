import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { getUser } from "~/lib/permissions.server";
import { getUpdate } from "~/modules/progress/index.server";
import { crumbFrom } from "~/components/breadcrumb";
import { PointBlocks } from "~/components/point-blocks";
import { formatDay } from "~/lib/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.update.title ?? "Point d'étape"} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const u = orErrorPage(() => getUpdate(viewer, params.slug ?? ""));
  // The print view splits the update into slides at each level-2 heading, for committee meetings.
  const print = new URL(request.url).searchParams.get("impression") === "1";
  return {
    print,
    // A draft reads live data as of its day; a published point shows what it showed when published.
    update: { slug: u.slug, title: u.title, summary: u.summary, status: u.status, publishedAt: u.publishedAt, html: u.html, slides: print ? u.html.split(/(?=<h2>)/).filter((h) => h.trim()) : [] },
    rendering: u.rendering,
  };
}

export const handle = crumbFrom<{ update?: { title: string } }>((data) => data.update?.title);

export default function UpdatePage() {
  const { update, print, rendering } = useLoaderData<typeof loader>();
  const dataDay = <p className="text-sm">Données au {formatDay(rendering.day)}{update.status === "published" ? ", figées à la publication" : " (aperçu calculé à partir des données actuelles)"}.</p>;
  if (print) {
    return (
      <div className="slides">
        <section className="slide flex min-h-[60vh] flex-col justify-center border-b-4 border-bleu">
          <p className="text-sm text-gris-600">Sentinelle — point d'étape</p>
          <h1>{update.title}</h1>
          <p className="text-xl">{update.summary}</p>
          {update.publishedAt ? <p>{formatDate(update.publishedAt)}</p> : null}
          {rendering.blocks.length ? dataDay : null}
        </section>
        {update.slides.map((html, i) => (
          // The HTML comes from markdown-it with raw HTML disabled: tags in the source are escaped.
          <section key={i} className="slide prose-page min-h-[60vh] border-b-4 border-bleu py-8" dangerouslySetInnerHTML={{ __html: html }} />
        ))}
        <PointBlocks rendering={rendering} slides />
        <p className="mt-6 print:hidden">
          <Link to={`/points-etape/${update.slug}`}>Quitter la vue impression</Link>
        </p>
      </div>
    );
  }
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/points-etape">← Points d'étape</Link> · <Link to={`?impression=1`}>Vue impression (diapositives)</Link>
      </p>
      {update.status !== "published" ? <p className="fr-badge fr-badge--warning">Brouillon — visible par l'équipe seulement</p> : null}
      <h1>{update.title}</h1>
      {update.publishedAt ? <p className="text-sm text-gris-600">Publié le {formatDate(update.publishedAt)}</p> : null}
      <p className="text-lg">{update.summary}</p>
      {rendering.blocks.length ? dataDay : null}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: update.html }} />
      <PointBlocks rendering={rendering} />
    </article>
  );
}
