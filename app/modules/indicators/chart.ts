import { formatPeriod } from "~/lib/dates";
import type { IndicatorValue } from "./values-csv";

/** The shape a chart draws: categories on the x axis, one series per dimension, and a rounded axis maximum. */
export type ChartModel = {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  max: number;
  ticks: number[];
};

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

export function periodLabel(period: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : period;
}

/** A "nice" axis top (1, 2, 2.5 or 5 × 10^n) at or above the largest value, and its ticks. */
export function niceScale(maxValue: number, tickCount = 4) {
  if (!(maxValue > 0)) return { max: 1, ticks: [0, 1] };
  const raw = maxValue / tickCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const max = Math.ceil(maxValue / step) * step;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max, ticks };
}

/** Builds the chart model; for stacked bars the axis covers the stacked totals. */
export function chartModel(values: IndicatorValue[], stacked: boolean): ChartModel {
  const timeSeries = values.some((v) => v.period);
  // A ranking reads from the largest to the smallest.
  const categories = timeSeries ? [...new Set(values.map((v) => v.period))].sort() : [...values].sort((a, b) => b.value - a.value).map((v) => v.dimension);
  const seriesNames = timeSeries ? [...new Set(values.map((v) => v.dimension))] : [""];
  const series = seriesNames.map((name) => ({
    name,
    values: categories.map((c) => (timeSeries ? values.find((v) => v.period === c && v.dimension === name)?.value : values.find((v) => v.dimension === c)?.value) ?? null),
  }));
  const top = stacked
    ? Math.max(0, ...categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)))
    : Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return { categories, series, ...niceScale(top) };
}

const fmt = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 2 });

/** One or two sentences that say what the chart shows, for people who cannot see it. */
export function chartSummary(model: ChartModel, unit: string): string {
  if (model.categories.length === 0) return "Aucune valeur pour l'instant.";
  const first = model.categories[0];
  const last = model.categories[model.categories.length - 1];
  if (model.series.length === 1 && model.series[0].name === "" && !/^\d{4}/.test(first)) {
    const values = model.series[0].values;
    const best = values.indexOf(Math.max(...values.map((v) => v ?? -Infinity)));
    return `${model.categories.length} catégories ; la plus élevée : ${model.categories[best]} (${fmt(values[best] ?? 0)} ${unit}).`;
  }
  return model.series
    .map((s) => {
      const a = s.values[0];
      const b = s.values[s.values.length - 1];
      const name = s.name ? `${s.name} : ` : "";
      return `${name}de ${a === null ? "—" : fmt(a)} en ${formatPeriod(first)} à ${b === null ? "—" : fmt(b)} ${unit} en ${formatPeriod(last)}.`;
    })
    .join(" ");
}
