import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentTable } from "~/components/document-table";
import { ObligationStatusBadge } from "~/components/regulation";
import { getUser } from "~/lib/permissions.server";
import { can } from "~/lib/permissions";
import { formatDay } from "~/lib/dates";
import { AUDIENCE_LABELS, OBLIGATION_KIND_LABELS, linkSentence, regulatoryCalendar } from "~/modules/regulation";
import { listDocumentRows, listObligations } from "~/modules/regulation/index.server";

export const meta: MetaFunction = () => [{ title: "Référentiel réglementaire — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const entries = listObligations(viewer);
  const rows = listDocumentRows();
  return { entries, rows, calendar: regulatoryCalendar(entries, rows), canEdit: can(viewer, "regulation:edit") };
}

type CalendarItem = ReturnType<typeof regulatoryCalendar>["dated"][number]["items"][number];

/** A day's lines by entry: the entry itself (when it takes effect that day) and the document types of its table that do. */
function groupByEntry(items: readonly CalendarItem[]) {
  const groups: { slug: string; title: string; status: CalendarItem["status"]; label: string | null; documents: { documentType: string; label: string }[] }[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.slug === item.slug);
    if (!group) groups.push((group = { slug: item.slug, title: item.title, status: item.status, label: null, documents: [] }));
    if (item.kind === "entry") group.label = item.label;
    else group.documents.push({ documentType: item.documentType, label: item.label });
  }
  return groups;
}

export default function Regulation() {
  const { entries, rows, calendar, canEdit } = useLoaderData<typeof loader>();
  const tables = [...new Map(rows.map((r) => [r.obligation.slug, r.obligation])).values()];
  return (
    <div className="prose-page">
      <h1>Référentiel réglementaire</h1>
      <p>
        Les obligations et exigences qui encadrent le partage des documents de santé (DMP / Mon espace santé, messagerie sécurisée MSSanté) et
        les évolutions des logiciels du Ségur numérique, telles que le point d'étape du 11 janvier 2024 les présente : le texte, sa source, sa
        date d'entrée en vigueur et qui est concerné. Les dates sont écrites comme dans la source ; un projet de texte est signalé comme tel.
      </p>
      {canEdit ? (
        <p>
          <Link to="/equipe/reglementation" className="fr-btn fr-btn--secondary">
            Modifier le référentiel (équipe)
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="calendrier">
        <h2 id="calendrier">Calendrier</h2>
        <ol className="grid gap-4">
          {calendar.dated.map((day) => (
            <li key={day.due} className="card">
              <h3 className="mt-0 text-lg">{formatDay(day.due)}</h3>
              <ul className="list-disc pl-6">
                {groupByEntry(day.items).map((group) => (
                  <li key={group.slug}>
                    <Link to={`/reglementation/${group.slug}`}>{group.title}</Link>
                    <ObligationStatusBadge status={group.status} />
                    {group.label && group.label !== formatDay(day.due) ? ` (écrit « ${group.label} »)` : ""}
                    {group.documents.length ? (
                      <>
                        {" "}: entrée en vigueur de l'obligation pour
                        <ul className="list-[circle] pl-6">
                          {group.documents.map((d) => (
                            <li key={d.documentType}>
                              {d.documentType}
                              {d.label !== formatDay(day.due) ? ` (écrit « ${d.label} »)` : ""}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        {calendar.undated.length ? (
          <>
            <h3>Sans date précise dans la source</h3>
            <ul className="list-disc pl-6">
              {calendar.undated.map((e) => (
                <li key={e.slug}>
                  <Link to={`/reglementation/${e.slug}`}>{e.title}</Link>
                  {e.effective.label ? ` — ${e.effective.label}` : ""}
                  <ObligationStatusBadge status={e.status} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {tables.map((t) => (
        <section key={t.slug} aria-labelledby={`tableau-${t.slug}`}>
          <h2 id={`tableau-${t.slug}`}>Documents concernés, par canal et par date</h2>
          <p>
            Tableau de : <Link to={`/reglementation/${t.slug}`}>{t.title}</Link>
            <ObligationStatusBadge status={t.status} />
          </p>
          <DocumentTable rows={rows.filter((r) => r.obligation.slug === t.slug)} caption={`Documents concernés — ${t.title}`} />
        </section>
      ))}

      <section aria-labelledby="obligations">
        <h2 id="obligations">Toutes les obligations</h2>
        <ul className="grid gap-3">
          {entries.map((e) => {
            const sentence = linkSentence(e.links);
            return (
              <li key={e.slug} className="card">
                <h3 className="mt-0 text-lg">
                  <Link to={`/reglementation/${e.slug}`}>{e.title}</Link>
                  <ObligationStatusBadge status={e.status} />
                </h3>
                <p className="mb-1 text-sm">
                  {OBLIGATION_KIND_LABELS[e.kind]} · {e.source.reference} · Entrée en vigueur : {e.effective.label || "non précisée"}
                </p>
                <p className="mb-1 text-sm">Concerne : {e.audiences.map((a) => AUDIENCE_LABELS[a]).join(", ")}</p>
                {sentence ? <p className="mb-0 text-sm">{sentence}.</p> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
