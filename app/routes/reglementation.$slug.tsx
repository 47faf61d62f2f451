import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { DocumentTable } from "~/components/document-table";
import { ObligationStatusBadge } from "~/components/regulation";
import { formatDay } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { can, getUser } from "~/lib/permissions.server";
import { AUDIENCE_LABELS, OBLIGATION_KIND_LABELS, OBLIGATION_STATUS_LABELS, linkSentence } from "~/modules/regulation";
import { getObligation } from "~/modules/regulation/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.obligation.title.slice(0, 80) ?? "Obligation"} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  return { obligation: orErrorPage(() => getObligation(viewer, params.slug ?? "")), canEdit: can(viewer, "regulation:edit") };
}

export const handle: BreadcrumbHandle = { breadcrumb: (data) => (data as { obligation?: { title: string } }).obligation?.title };

export default function ObligationPage() {
  const { obligation: o, canEdit } = useLoaderData<typeof loader>();
  const sentence = linkSentence(o.links);
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/reglementation">← Référentiel réglementaire</Link>
      </p>
      <h1>
        {o.title}
        <ObligationStatusBadge status={o.status} />
      </h1>
      <p className="text-lg">{sentence ? `${sentence}.` : "Aucun signalement, aucune action ni aucun indicateur ne concerne encore cette obligation."}</p>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)] [overflow-wrap:anywhere]">
        <dt className="font-bold">Nature</dt>
        <dd>
          {OBLIGATION_KIND_LABELS[o.kind]} ({OBLIGATION_STATUS_LABELS[o.status].toLowerCase()})
        </dd>
        <dt className="font-bold">Source</dt>
        <dd>
          {o.source.reference}
          {o.source.url ? (
            <>
              {" — "}
              <a href={o.source.url} rel="noopener noreferrer">
                {o.source.url.replace(/^https?:\/\//, "")}
              </a>
            </>
          ) : null}
        </dd>
        <dt className="font-bold">Entrée en vigueur</dt>
        <dd>
          {o.effective.label || "non précisée"}
          {o.effective.due && o.effective.label !== formatDay(o.effective.due) ? ` (au plus tard le ${formatDay(o.effective.due)})` : ""}
        </dd>
        <dt className="font-bold">Concerne</dt>
        <dd>{o.audiences.map((a) => AUDIENCE_LABELS[a]).join(", ")}</dd>
      </dl>
      <div className="whitespace-pre-line">{o.summary}</div>
      {o.note ? (
        <div className="card mt-6">
          <p className="mb-1 font-bold">Note sur la source</p>
          <p className="mb-0">{o.note}</p>
        </div>
      ) : null}
      {canEdit ? (
        <p className="mt-6">
          <Link to={`/equipe/reglementation/${o.slug}`} className="fr-btn fr-btn--secondary">
            Modifier (équipe)
          </Link>
        </p>
      ) : null}
      {o.documents.length ? (
        <section aria-labelledby="documents">
          <h2 id="documents">Documents concernés, par canal et par date</h2>
          <DocumentTable rows={o.documents} caption={`Documents concernés — ${o.title}`} />
        </section>
      ) : null}
      <section aria-labelledby="signalements-lies">
        <h2 id="signalements-lies">Signalements liés</h2>
        {o.linked.irritants.length ? (
          <ul className="list-disc pl-6">
            {o.linked.irritants.map((i) => (
              <li key={i.id}>
                <Link to={`/signalements/${i.id}`}>{i.title}</Link> <StatusBadge kind="irritant" status={i.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun signalement publié n'est lié à cette obligation.</p>
        )}
      </section>
      <section aria-labelledby="actions-liees">
        <h2 id="actions-liees">Actions du plan liées</h2>
        {o.linked.actions.length ? (
          <ul className="list-disc pl-6">
            {o.linked.actions.map((a) => (
              <li key={a.id}>
                <Link to={`/plan-action/${a.id}`}>{a.title}</Link> <StatusBadge kind="action" status={a.status} />
                {a.deadlineLabel ? ` — échéance : ${a.deadlineLabel}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune action du plan n'est liée à cette obligation.</p>
        )}
      </section>
      <section aria-labelledby="indicateurs-lies">
        <h2 id="indicateurs-lies">Indicateurs liés</h2>
        {o.linked.indicators.length ? (
          <ul className="list-disc pl-6">
            {o.linked.indicators.map((i) => (
              <li key={i.id}>
                <Link to={`/avancement/indicateurs#ind-${i.slug}`}>{i.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun indicateur n'est lié à cette obligation.</p>
        )}
      </section>
    </article>
  );
}
