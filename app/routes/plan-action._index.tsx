import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OverdueBadge, StatusBadge } from "~/components/status-badge";
import { StepProgress } from "~/components/action-plan";
import { FilterSelect, FilterSubmit } from "~/components/filters";
import { parseOrThrow } from "~/lib/api.server";
import { formatDate } from "~/lib/dates";
import { errorSentence, HttpError, orErrorPage } from "~/lib/errors";
import { getPlan } from "~/modules/action-plan/index.server";
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  LEAD_KINDS,
  LEAD_LABELS,
  planFiltersSchema,
} from "~/modules/action-plan";
import { listThemes } from "~/modules/irritants/index.server";
import { TableRegion } from "~/components/table-region";
import { counted, plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Plan d'action — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // The error page says which filter is wrong (a date "Situation au" that does not exist, say).
  const { vue, au, ...filters } = orErrorPage(() => {
    try {
      return parseOrThrow(planFiltersSchema, params, "Filtres invalides.");
    } catch (error) {
      throw error instanceof HttpError ? new HttpError(error.status, `Filtres invalides : ${errorSentence(error)}`) : error;
    }
  });
  const today = new Date().toISOString().slice(0, 10);
  const day = au ?? today;
  // The calendar does not name who is responsible: that name is not even selected for it.
  const plan = getPlan({ ...filters, asOf: day, withResponsible: vue !== "calendrier" });
  return {
    plan,
    filters: { ...filters, au },
    day,
    isToday: day === today,
    view: vue ?? "tableau",
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
  };
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

export default function ActionPlan() {
  const { plan, filters, day, isToday, view, themes } = useLoaderData<typeof loader>();
  const all = plan.flatMap((ws) => ws.challenges.flatMap((ch) => ch.actions.map((a) => ({ ...a, workstream: ws.title, challenge: ch.title }))));
  const counts = { total: all.length, fait: all.filter((a) => a.status === "fait").length, overdue: all.filter((a) => a.overdue).length };
  // Timeline: actions with a due date grouped by month; the others listed apart.
  const dated = all.filter((a) => a.deadline.due).sort((a, b) => a.deadline.due!.localeCompare(b.deadline.due!) || a.id - b.id);
  const months = [...new Set(dated.map((a) => a.deadline.due!.slice(0, 7)))];
  const undated = all.filter((a) => !a.deadline.due);
  const query = (vue: string) => new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v === true ? "1" : v)])), vue }).toString();

  return (
    <div>
      <h1>Plan d'action</h1>
      <p className="max-w-3xl">
        Les chantiers issus du séminaire tripartite du 20 novembre : pour chaque défi, les actions, leur pilote, leur échéance et leur
        état d'avancement.
      </p>
      <h2 className="fr-h4">Situation au {formatDate(day + "T12:00:00Z")}{isToday ? " (aujourd'hui)" : ""}</h2>
      <p className="max-w-3xl">
        {counts.total} {plural(counts.total, "action", "actions")} {plural(counts.total, "affichée", "affichées")}, dont {counted(counts.fait, "faite", "faites")} et {counts.overdue} en retard à cette date.
        {isToday ? null : " Statuts, échéances et retards sont ceux de cette date ; l'avancement des étapes est celui d'aujourd'hui."}
      </p>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4 bg-gris-100 p-4" aria-label="Filtrer le plan d'action">
        <input type="hidden" name="vue" value={view} />
        <div>
          <label htmlFor="au" className="label">
            Situation au
          </label>
          <input id="au" name="au" type="date" defaultValue={day} min="2000-01-01" max="2099-12-31" className="fr-input" />
        </div>
        <FilterSelect id="theme" name="theme" label="Thème" allLabel="Tous les thèmes" value={filters.theme ?? ""} options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <FilterSelect
          id="lead"
          name="lead"
          label="Pilote"
          allLabel="Tous les pilotes"
          value={filters.lead ?? ""}
          options={LEAD_KINDS.map((k) => ({ value: k, label: LEAD_LABELS[k] }))}
        />
        <FilterSelect
          id="status"
          name="status"
          label="Statut"
          allLabel="Tous les statuts"
          value={filters.status ?? ""}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        />
        <FilterSelect
          id="wave"
          name="wave"
          label="Vague Ségur"
          allLabel="Toutes"
          value={filters.wave ? String(filters.wave) : ""}
          options={[
            { value: "1", label: "Vague 1" },
            { value: "2", label: "Vague 2" },
          ]}
        />
        <FilterSubmit overdue={{ checked: !!filters.overdue }} />
      </Form>
      <nav aria-label="Vues du plan" className="mb-6 flex gap-4">
        <Link to={`?${query("tableau")}`} aria-current={view === "tableau" ? "page" : undefined} className={view === "tableau" ? "font-bold" : ""}>
          Tableau
        </Link>
        <Link to={`?${query("calendrier")}`} aria-current={view === "calendrier" ? "page" : undefined} className={view === "calendrier" ? "font-bold" : ""}>
          Calendrier des échéances
        </Link>
        <a href="/plan-action.csv">Télécharger le plan (CSV)</a>
      </nav>

      {all.length === 0 ? <p>Aucune action ne correspond à ces critères.</p> : null}

      {view === "tableau"
        ? plan.map((ws) => (
            <section key={ws.id} aria-labelledby={`chantier-${ws.id}`} className="mb-10">
              <h2 id={`chantier-${ws.id}`}>{ws.title}</h2>
              {ws.challenges.map((ch) => (
                <TableRegion key={ch.id} labelledBy={`defi-${ch.id}`} className="mb-6">
                  <table>
                    <caption className="mb-2 text-left">
                      <strong id={`defi-${ch.id}`}>Défi : {ch.title}</strong>
                      {ch.description ? <span className="block text-sm text-gris-700">{ch.description}</span> : null}
                      <StepProgress progress={ch.progress} label="Avancement du défi" />
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Solution</th>
                        <th scope="col">Pilote</th>
                        <th scope="col">Échéance</th>
                        <th scope="col">Statut</th>
                        <th scope="col">Étapes</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ch.actions.map((a) => (
                        <tr key={a.id}>
                          <td>
                            <Link to={`/plan-action/${a.id}`}>{a.title}</Link>
                            {a.wave ? <span className="block text-sm text-gris-600">Vague {a.wave}</span> : null}
                          </td>
                          <td>
                            {a.lead.label}
                            {a.organisations.lead.length ? <span className="block text-sm">Pilotes : {a.organisations.lead.map((o) => o.name).join(", ")}</span> : null}
                            {a.organisations.coLead.length ? <span className="block text-sm">Copilotes : {a.organisations.coLead.map((o) => o.name).join(", ")}</span> : null}
                            {a.responsible ? <span className="block text-sm text-gris-700">Responsable : {a.responsible}</span> : null}
                          </td>
                          <td>
                            {a.deadline.label || "—"}
                            {a.overdue ? <OverdueBadge /> : null}
                          </td>
                          <td>
                            <StatusBadge kind="action" status={a.status} />
                          </td>
                          <td>{a.progress.total ? <StepProgress progress={a.progress} label="Avancement de l'action" /> : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              ))}
            </section>
          ))
        : (
          <div>
            {months.map((month) => (
              <section key={month} aria-labelledby={`mois-${month}`} className="mb-6 border-l-4 border-bleu pl-4">
                <h2 id={`mois-${month}`} className="mt-0 capitalize">
                  {monthFormat.format(new Date(`${month}-01T00:00:00Z`))}
                </h2>
                <ul className="grid gap-2">
                  {dated
                    .filter((a) => a.deadline.due!.startsWith(month))
                    .map((a) => (
                      <li key={a.id}>
                        <Link to={`/plan-action/${a.id}`}>{a.title}</Link> — {a.deadline.label} (au plus tard le {formatDate(a.deadline.due! + "T12:00:00Z")}){" "}
                        <StatusBadge kind="action" status={a.status} />
                        {a.overdue ? <OverdueBadge /> : null}
                      </li>
                    ))}
                </ul>
              </section>
            ))}
            {undated.length ? (
              <section aria-labelledby="sans-date">
                <h2 id="sans-date">En continu ou sans date</h2>
                <ul className="grid gap-2">
                  {undated.map((a) => (
                    <li key={a.id}>
                      <Link to={`/plan-action/${a.id}`}>{a.title}</Link> — {a.deadline.label || "échéance non précisée"} <StatusBadge kind="action" status={a.status} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        )}
    </div>
  );
}
