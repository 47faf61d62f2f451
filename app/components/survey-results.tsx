import { Link } from "@remix-run/react";
import type { ItemResult, ShownResults } from "~/modules/surveys/index.server";
import { TableRegion } from "~/components/table-region";
import { counted, plural } from "~/lib/text/plural";

const pct = (v: number) => `${Math.round(v * 100)} %`;
const interval = (i: { low: number; high: number }, percent = true) =>
  percent ? `IC 95 % : ${pct(i.low)} – ${pct(i.high)}` : `IC 95 % : ${i.low.toLocaleString("fr-FR")} à ${i.high.toLocaleString("fr-FR")}`;

function StatsLine({ stats }: { stats: NonNullable<ItemResult["stats"]> }) {
  return (
    <>
      {stats.topBox ? (
        <span>
          Satisfaits (4 ou 5) : <strong>{pct(stats.topBox.value)}</strong> ({interval(stats.topBox)})
          {stats.mean !== undefined ? `, moyenne ${stats.mean.toLocaleString("fr-FR")} / 5` : ""}
        </span>
      ) : null}
      {stats.nps ? (
        <span>
          NPS : <strong>{stats.nps.value.toLocaleString("fr-FR")}</strong> ({interval(stats.nps, false)})
        </span>
      ) : null}
      {stats.yes ? (
        <span>
          Oui : <strong>{pct(stats.yes.value)}</strong> ({interval(stats.yes)})
        </span>
      ) : null}
    </>
  );
}

/**
 * Results as tables (each with its data), server-rendered; suppressed cells say so instead of a figure.
 * `subjectsHref`: where a question's per-software breakdown is, when the results carry only the one asked for (the
 * team's page); that one is shown open, the others are links.
 */
export function SurveyResults({ results, subjectsHref }: { results: ShownResults; subjectsHref?: (key: string) => string }) {
  return (
    <div>
      {results.items.map((item) => (
        <section key={item.key} aria-labelledby={`q-${item.key}`} className="card mb-6">
          <h3 id={`q-${item.key}`} className="mt-0">
            {item.label}
          </h3>
          {item.suppressed ? (
            <p className="mb-0">Moins de {results.minCell} répondants : résultat masqué pour protéger l'anonymat.</p>
          ) : (
            <>
              <p>
                {item.n} {plural(item.n ?? 0, "répondant", "répondants")}. {item.stats ? <StatsLine stats={item.stats} /> : null}
              </p>
              {item.change ? (
                <p>
                  Évolution depuis la vague {item.change.comparedWith} :{" "}
                  <strong>
                    {item.change.value > 0 ? "+" : ""}
                    {item.change.measure === "nps" ? item.change.value.toLocaleString("fr-FR") + " points" : `${Math.round(item.change.value * 100)} points de %`}
                  </strong>{" "}
                  ({item.change.measure === "nps" ? interval(item.change, false) : `IC 95 % : ${Math.round(item.change.low * 100)} à ${Math.round(item.change.high * 100)} points`})
                </p>
              ) : null}
              {item.distribution ? (
                <TableRegion label={`Répartition des réponses : ${item.label}`}>
                  <table className="mb-4">
                    <caption className="sr-only">Répartition des réponses : {item.label}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Réponse</th>
                        <th scope="col">Nombre</th>
                        <th scope="col">Part</th>
                      </tr>
                    </thead>
                    <tbody>
                      {item.distribution.map((d) => (
                        <tr key={String(d.value)}>
                          <th scope="row" className="font-normal">
                            {d.label}
                          </th>
                          <td>{d.count}</td>
                          <td>
                            <span className="flex items-center gap-2">
                              <svg width="120" height="12" aria-hidden="true" focusable="false">
                                <rect width="120" height="12" fill="#eeeeee" />
                                <rect width={item.n ? (120 * d.count) / item.n : 0} height="12" fill="#000091" />
                              </svg>
                              {item.n ? pct(d.count / item.n) : "—"}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              ) : null}
              {item.bySubject.length === 0 && item.subjectCount && subjectsHref ? (
                <p className="mb-0">
                  <Link to={subjectsHref(item.key)}>
                    Par logiciel<span className="sr-only"> : {item.label}</span> ({counted(item.subjectCount, "groupe", "groupes")})
                  </Link>
                </p>
              ) : null}
              {item.bySubject.length ? (
                <details open={!!subjectsHref}>
                  <summary className="cursor-pointer">Par logiciel</summary>
                  <TableRegion label={`Résultats par logiciel : ${item.label}`}>
                    <table className="mt-2">
                      <caption className="sr-only">Résultats par logiciel : {item.label}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Logiciel</th>
                          <th scope="col">Répondants</th>
                          <th scope="col">Résultat</th>
                        </tr>
                      </thead>
                      <tbody>
                        {item.bySubject.map((s) => (
                          <tr key={s.subject.name}>
                            <th scope="row" className="font-normal">
                              {s.subject.name}
                            </th>
                            <td>{s.suppressed ? "masqué" : s.n}</td>
                            <td>{s.suppressed ? `Moins de ${results.minCell} répondants ou case masquée pour l'anonymat` : s.stats ? <StatsLine stats={s.stats} /> : "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableRegion>
                </details>
              ) : null}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
