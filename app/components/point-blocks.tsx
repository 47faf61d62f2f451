import { IndicatorChart } from "~/components/chart";
import { SurveyResults } from "~/components/survey-results";
import { NextStepList } from "~/components/next-steps";
import { TableRegion } from "~/components/table-region";
import { formatDay, formatPeriod } from "~/lib/dates";
import { counted } from "~/lib/text/plural";
import { ACTION_STATUS_LABELS } from "~/modules/action-plan";
import type { PointRendering, RenderedBlock } from "~/modules/progress/index.server";

const fmt = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 2 });

type Change = Extract<RenderedBlock, { kind: "changes" }>["changes"][number];

/** One sentence for a change since the previous point. */
function changeSentence(c: Change) {
  switch (c.kind) {
    case "status":
      return c.from === null ? (
        <>
          Nouvelle action au plan : <a href={`/plan-action/${c.actionId}`}>{c.title}</a> ({ACTION_STATUS_LABELS[c.to]}).
        </>
      ) : (
        <>
          <a href={`/plan-action/${c.actionId}`}>{c.title}</a> : {ACTION_STATUS_LABELS[c.from]} → <strong>{ACTION_STATUS_LABELS[c.to]}</strong>.
        </>
      );
    case "deadline":
      return (
        <>
          <a href={`/plan-action/${c.actionId}`}>{c.title}</a> : échéance reportée de « {c.from || "non fixée"} » à « {c.to || "non fixée"} » le {formatDay(c.date)}
          {c.reason ? <> — motif : {c.reason}</> : " (aucun motif donné)"}.
        </>
      );
    case "irritant-new":
      return (
        <>
          Nouveau signalement : <a href={`/signalements/${c.irritantId}`}>{c.title}</a> ({formatDay(c.date)}).
        </>
      );
    case "irritant-resolved":
      return (
        <>
          Signalement résolu : <a href={`/signalements/${c.irritantId}`}>{c.title}</a> ({formatDay(c.date)}).
        </>
      );
    case "figure":
      return (
        <>
          {c.title} : {fmt(c.value)} {c.unit} en {formatPeriod(c.period)}
          {c.periods > 1 ? ` (${counted(c.periods, "nouvelle période", "nouvelles périodes")})` : ""}.
        </>
      );
  }
}

function BlockBody({ block, since }: { block: RenderedBlock; since: string | null }) {
  switch (block.kind) {
    case "narrative":
      // The HTML comes from markdown-it with raw HTML disabled: tags in the source are escaped.
      return <div className="markdown" dangerouslySetInnerHTML={{ __html: block.html }} />;
    case "missing":
      return <p>{block.message}</p>;
    case "figures":
      return (
        <ul className="grid list-none gap-4 p-0 md:grid-cols-3">
          {block.figures.map((f) => (
            <li key={f.slug} className="card">
              <p className="mb-1 text-sm">{f.title}</p>
              <p className="mb-1 text-2xl font-bold">
                {fmt(f.value)} <span className="text-base font-normal">{f.unit}</span>
              </p>
              <p className="mb-0 text-sm">
                {formatPeriod(f.period)}
                {f.previous ? ` ; ${fmt(f.previous.value)} en ${formatPeriod(f.previous.period)}` : ""}. Source : {f.source}
                {f.demonstration ? " (données de démonstration)" : ""}.
              </p>
            </li>
          ))}
        </ul>
      );
    case "indicator":
      return (
        <>
          <IndicatorChart id={`bloc-${block.id}`} title={block.indicator.title} unit={block.indicator.unit} type={block.indicator.chart} values={block.indicator.values} />
          <p className="text-sm">
            Source : {block.indicator.source}
            {block.indicator.demonstration ? " (données de démonstration)" : ""}.
          </p>
        </>
      );
    case "plan":
      return (
        <>
          <p>
            {counted(block.counts.total, "action", "actions")} : {counted(block.counts.done, "faite", "faites")}, {counted(block.counts.overdue, "en retard", "en retard")} à cette date,{" "}
            {counted(block.counts.slipped, "échéance reportée", "échéances reportées")}
            {since ? " depuis le point précédent" : ""}.
          </p>
          {block.challenges.map((c) => (
            <div key={c.id}>
              <h3 id={`bloc-${block.id}-defi-${c.id}`}>
                {c.workstream} — {c.title}
              </h3>
              <TableRegion labelledBy={`bloc-${block.id}-defi-${c.id}`}>
                <table className="table mb-4">
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">Pilote</th>
                      <th scope="col">Statut</th>
                      <th scope="col">Échéance</th>
                      <th scope="col">Étapes faites</th>
                      <th scope="col">Report depuis le point précédent</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.actions.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <a href={`/plan-action/${a.id}`}>{a.title}</a>
                        </td>
                        <td>{a.lead}</td>
                        <td>
                          {a.status}
                          {a.overdue ? <strong> — en retard</strong> : null}
                        </td>
                        <td>{a.deadline || "—"}</td>
                        <td>{a.progress || "—"}</td>
                        <td>{a.slips.length ? a.slips.map((s, i) => <p key={i} className="mb-0">{`« ${s.from} » → « ${s.to} »${s.reason ? ` : ${s.reason}` : ""}`}</p>) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </div>
          ))}
        </>
      );
    case "irritants":
      return block.rows.length ? (
        <TableRegion label={`Tableau : ${block.title}`}>
          <table className="table mb-4">
            <caption className="sr-only">{block.title}, par thème</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Reçus</th>
                <th scope="col">Résolus</th>
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r) => (
                <tr key={r.theme}>
                  <th scope="row">{r.theme}</th>
                  <td>{r.received}</td>
                  <td>{r.resolved}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total (un signalement peut relever de plusieurs thèmes)</th>
                <td>{block.total.received}</td>
                <td>{block.total.resolved}</td>
              </tr>
            </tfoot>
          </table>
        </TableRegion>
      ) : (
        <p>Aucun signalement reçu ni résolu sur la période.</p>
      );
    case "changes":
      return block.changes.length ? (
        <ul>
          {block.changes.map((c, i) => (
            <li key={i}>{changeSentence(c)}</li>
          ))}
        </ul>
      ) : (
        <p>Aucun changement sur la période.</p>
      );
    case "seminar":
      return (
        <>
          <p>
            <a href={`/seminaires/${block.seminar.slug}`}>{block.seminar.title}</a>, le {formatDay(block.seminar.date)}.
          </p>
          {block.seminar.objectives.length ? (
            <>
              <h3>Objectifs</h3>
              <ul>{block.seminar.objectives.map((o, i) => <li key={i}>{o}</li>)}</ul>
            </>
          ) : null}
          {block.seminar.positives.length ? (
            <>
              <h3>Points positifs</h3>
              <ul>{block.seminar.positives.map((o, i) => <li key={i}>{o}</li>)}</ul>
            </>
          ) : null}
          {block.seminar.improvements.length ? (
            <>
              <h3>Points d'amélioration</h3>
              <ul>{block.seminar.improvements.map((o, i) => <li key={i}>{o}</li>)}</ul>
            </>
          ) : null}
          {block.seminar.outcomes.length ? (
            <>
              <h3>Ce qui en est sorti</h3>
              <ul>
                {block.seminar.outcomes.map((o, i) => (
                  <li key={i}>
                    {o.kind === "action" ? "Action" : "Signalement"} : {o.title}
                    {o.statusThen ? ` — ${o.statusThen} à cette date` : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      );
    case "survey":
      return (
        <>
          <p>
            <a href={`/enquetes/${block.campaign.slug}`}>{block.campaign.title}</a> ({block.campaign.wave}).
          </p>
          <SurveyResults results={block.results} />
        </>
      );
    case "regulation":
      return block.dated.length ? (
        <>
          <p>
            Entrées en vigueur du {formatDay(block.from)} au {formatDay(block.to)}.
          </p>
          <ul>
            {block.dated.map((g) => (
              <li key={g.due}>
                <strong>{formatDay(g.due)}</strong> :{" "}
                {g.items.map((i, k) => (
                  <span key={k}>
                    {k ? " ; " : ""}
                    <a href={`/reglementation/${i.slug}`}>{i.title}</a>
                    {i.documentType ? ` — ${i.documentType}` : ""} ({i.label})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Aucune échéance réglementaire autour de cette date.</p>
      );
    case "next-steps":
      return <NextStepList groups={block.groups} />;
  }
}

/**
 * The blocks of a point d'étape, each a section with its heading; `slides` lays each one out as a printed page.
 * The same rendering serves the page, the print view and the Atom feed (plain links: it is also rendered outside
 * the router, for the feed).
 */
export function PointBlocks({ rendering, slides = false }: { rendering: PointRendering; slides?: boolean }) {
  const since = rendering.previous?.day ?? null;
  return (
    <>
      {rendering.blocks.map((block) => (
        <section key={block.id} aria-labelledby={`bloc-${block.id}-titre`} className={slides ? "slide prose-page min-h-[60vh] border-b-4 border-bleu py-8" : "mb-8"}>
          <h2 id={`bloc-${block.id}-titre`}>{block.title}</h2>
          {block.kind === "changes" || block.kind === "irritants" || block.kind === "plan" ? (
            <p className="text-sm">
              {rendering.previous ? (
                <>
                  Depuis le point précédent (<a href={`/points-etape/${rendering.previous.slug}`}>{rendering.previous.title}</a>, {formatDay(rendering.previous.day)}) jusqu'au{" "}
                  {formatDay(rendering.day)}.
                </>
              ) : (
                <>Premier point d'étape : tout ce qui précède le {formatDay(rendering.day)}.</>
              )}
            </p>
          ) : null}
          <BlockBody block={block} since={since} />
        </section>
      ))}
    </>
  );
}
