import { type IndicatorValue, chartModel, chartSummary, periodLabel } from "~/modules/indicators";
import { formatPeriod } from "~/lib/dates";
import { TableRegion } from "~/components/table-region";

const COLORS = ["#000091", "#e1000f", "#18753c", "#b34000", "#6a6af4", "#666666"];
const W = 640;
const H = 280;
const PAD = { left: 64, right: 16, top: 16, bottom: 56 };

type Props = { id: string; title: string; unit: string; type: "line" | "bar" | "stacked" | "figure"; values: IndicatorValue[] };

const fmt = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 2 });

/** Key figures: each value as a number with its unit, and the dimension and period it is about. */
function KeyFigures({ unit, values }: { unit: string; values: IndicatorValue[] }) {
  if (values.length === 0) return <p>Aucune valeur pour l'instant.</p>;
  return (
    <ul className="mb-4 flex flex-wrap gap-6">
      {values.map((v) => (
        <li key={`${v.period}|${v.dimension}`}>
          <span className="block text-3xl font-bold text-bleu">{fmt(v.value)}</span>
          <span className="block">{unit}</span>
          {v.dimension || v.period ? <span className="block text-sm">{[v.dimension, formatPeriod(v.period)].filter(Boolean).join(", ")}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A server-rendered SVG chart, with a title, a text summary and the data table: readable without JavaScript. */
export function IndicatorChart({ id, title, unit, type, values }: Props) {
  if (type === "figure") return <KeyFigures unit={unit} values={values} />;
  const model = chartModel(values, type === "stacked");
  const summary = chartSummary(model, unit);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = Math.max(model.categories.length, 1);
  const x = (i: number) => PAD.left + (plotW * (i + 0.5)) / n;
  const y = (v: number) => PAD.top + plotH - (plotH * v) / model.max;
  const band = plotW / n;
  const barSeries = type === "bar" ? model.series.length : 1;
  const barW = Math.max(2, (band * 0.7) / barSeries);
  const timeSeries = model.categories.some((c) => /^\d{4}/.test(c));
  // Axis ticks are short ("janv. 2024"); the data table says it in full ("janvier 2024").
  const label = (c: string) => (timeSeries ? periodLabel(c) : c);
  const every = Math.ceil(n / 8);
  // Rankings are drawn as horizontal bars, so that long category names stay readable.
  const horizontal = !timeSeries && type !== "line";
  const LEFT = 230;
  const rowH = 26;
  const HH = PAD.top + rowH * n + 24;
  const RIGHT = 40; // room for the last tick's label
  const hx = (v: number) => LEFT + ((W - LEFT - RIGHT) * v) / model.max;
  return (
    <figure className="mb-6">
      {horizontal ? (
        <svg viewBox={`0 0 ${W} ${HH}`} role="img" aria-labelledby={`${id}-titre ${id}-resume`} className="h-auto w-full max-w-3xl">
          <title id={`${id}-titre`}>{title}</title>
          <desc id={`${id}-resume`}>{summary}</desc>
          {model.ticks.map((t) => (
            <g key={t}>
              <line x1={hx(t)} x2={hx(t)} y1={PAD.top} y2={HH - 24} stroke="#dddddd" />
              <text x={hx(t)} y={HH - 8} textAnchor="middle" fontSize="11" fill="#3a3a3a">
                {fmt(t)}
              </text>
            </g>
          ))}
          {model.categories.map((c, i) => (
            <g key={c}>
              <text x={LEFT - 8} y={PAD.top + rowH * i + rowH / 2 + 4} textAnchor="end" fontSize="11" fill="#161616">
                {c.length > 38 ? `${c.slice(0, 37)}…` : c}
              </text>
              <rect x={LEFT} y={PAD.top + rowH * i + 4} width={Math.max(0, hx(model.series[0].values[i] ?? 0) - LEFT)} height={rowH - 8} fill={COLORS[0]} />
            </g>
          ))}
        </svg>
      ) : (
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-titre ${id}-resume`} className="h-auto w-full max-w-3xl">
        <title id={`${id}-titre`}>{title}</title>
        <desc id={`${id}-resume`}>{summary}</desc>
        {model.ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#dddddd" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#3a3a3a">
              {fmt(t)}
            </text>
          </g>
        ))}
        {type === "line"
          ? model.series.map((s, si) => {
              const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
              return (
                <g key={s.name}>
                  <polyline points={points.join(" ")} fill="none" stroke={COLORS[si % COLORS.length]} strokeWidth="2.5" />
                  {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={COLORS[si % COLORS.length]} />))}
                </g>
              );
            })
          : model.categories.map((_, i) => {
              let base = 0;
              return (
                <g key={i}>
                  {model.series.map((s, si) => {
                    const v = s.values[i] ?? 0;
                    const left = type === "bar" ? x(i) - (barW * barSeries) / 2 + si * barW : x(i) - barW / 2;
                    const top = type === "stacked" ? y(base + v) : y(v);
                    const height = type === "stacked" ? y(base) - y(base + v) : y(0) - y(v);
                    if (type === "stacked") base += v;
                    return <rect key={s.name} x={left} y={top} width={barW} height={Math.max(0, height)} fill={COLORS[si % COLORS.length]} />;
                  })}
                </g>
              );
            })}
        {model.categories.map((c, i) =>
          i % every === 0 ? (
            <text key={c} x={x(i)} y={H - PAD.bottom + 16} textAnchor="end" fontSize="10" fill="#3a3a3a" transform={`rotate(-30 ${x(i)} ${H - PAD.bottom + 16})`}>
              {label(c).slice(0, 28)}
            </text>
          ) : null,
        )}
      </svg>
      )}
      {model.series.length > 1 || model.series[0]?.name ? (
        <ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label="Légende">
          {model.series.map((s, si) => (
            <li key={s.name} className="flex items-center gap-2">
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" fill={COLORS[si % COLORS.length]} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption className="mt-2 text-sm">{summary}</figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer">Données du graphique</summary>
        <TableRegion label={`Données : ${title}`}>
          <table className="mt-2">
            <caption className="sr-only">Données : {title}</caption>
            <thead>
              <tr>
                <th scope="col">{timeSeries ? "Période" : "Catégorie"}</th>
                {model.series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name || `Valeur (${unit})`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row" className="font-normal">
                    {timeSeries ? formatPeriod(c) : c}
                  </th>
                  {model.series.map((s) => (
                    <td key={s.name}>{s.values[i] === null ? "—" : fmt(s.values[i]!)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}
