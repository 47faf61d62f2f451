import { toCsv } from "~/lib/csv";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, irritantThemes, irritants, resultSnapshots, themes } from "#db/schema";
import { ACTION_STATUS_LABELS } from "~/modules/action-plan";
import { getPlan } from "~/modules/action-plan/index.server";
import { STATUS_LABELS } from "~/modules/irritants";
import { listIndicators } from "~/modules/indicators/index.server";
import { publiclyVisible } from "~/modules/irritants/index.server";
import type { CampaignResults } from "~/modules/surveys/index.server";

/** One open-data row: a dataset, up to two dimensions and a value, with the unit. */
export type OpenDataRow = { dataset: string; dimension1: string; dimension2: string; value: number; unit: string };

export const DATASETS = [
  { name: "signalements_publies_par_theme_et_statut", description: "Signalements publiés (hors doublons fusionnés et masqués), par thème et par statut.", unit: "signalements" },
  { name: "actions_par_chantier_et_statut", description: "Actions du plan d'action, par chantier et par statut.", unit: "actions" },
  { name: "enquetes_part_satisfaits", description: "Enquêtes publiées : part de répondants satisfaits (4 ou 5 sur 5) par question, cases masquées exclues.", unit: "proportion" },
  { name: "enquetes_nps", description: "Enquêtes publiées : Net Promoter Score par question, cases masquées exclues.", unit: "points NPS" },
  {
    name: "indicateurs",
    description:
      "Valeurs des indicateurs d'usage : identifiant de l'indicateur, puis période et dimension séparées par « | » ; l'unité est celle de l'indicateur. Le JSON décrit aussi chaque indicateur (liste « indicators » : titre, unité, source et sa date, méthode, notes sur ce que la source ne précise pas). Les séries de démonstration sont exclues.",
    unit: "selon l'indicateur",
  },
] as const;

/** The published aggregates, from the same sources as the pages (never a figure that is not public). */
export function openDataRows(): OpenDataRow[] {
  const db = getDb();
  const rows: OpenDataRow[] = [];
  const byTheme = db
    .select({ theme: themes.slug, status: irritants.status, n: count() })
    .from(irritantThemes)
    .innerJoin(irritants, eq(irritants.id, irritantThemes.irritantId))
    .innerJoin(themes, eq(themes.id, irritantThemes.themeId))
    .where(publiclyVisible())
    .groupBy(themes.slug, irritants.status)
    .all();
  for (const r of byTheme) rows.push({ dataset: DATASETS[0].name, dimension1: r.theme, dimension2: r.status, value: r.n, unit: DATASETS[0].unit });
  for (const ws of getPlan()) {
    const counts = new Map<string, number>();
    for (const a of ws.challenges.flatMap((c) => c.actions)) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
    for (const [status, n] of counts) rows.push({ dataset: DATASETS[1].name, dimension1: ws.title, dimension2: status, value: n, unit: DATASETS[1].unit });
  }
  const snapshots = db
    .select({ slug: campaigns.slug, results: resultSnapshots.results })
    .from(resultSnapshots)
    .innerJoin(campaigns, eq(campaigns.id, resultSnapshots.campaignId))
    .orderBy(desc(resultSnapshots.publishedAt))
    .all();
  for (const s of snapshots) {
    for (const item of (s.results as CampaignResults).items) {
      if (item.suppressed || !item.stats) continue;
      if (item.stats.topBox) rows.push({ dataset: DATASETS[2].name, dimension1: s.slug, dimension2: item.key, value: item.stats.topBox.value, unit: DATASETS[2].unit });
      if (item.stats.nps) rows.push({ dataset: DATASETS[3].name, dimension1: s.slug, dimension2: item.key, value: item.stats.nps.value, unit: DATASETS[3].unit });
    }
  }
  for (const indicator of listIndicators().filter((i) => !i.demonstration)) {
    for (const v of indicator.values) {
      rows.push({ dataset: DATASETS[4].name, dimension1: indicator.slug, dimension2: [v.period, v.dimension].filter(Boolean).join(" | "), value: v.value, unit: indicator.unit });
    }
  }
  return rows;
}

/**
 * What each published indicator is (open data's "indicateurs" rows name it by its slug): title, unit, source and its
 * date, method, and the notes that say what the source leaves unsaid. Demonstration series are excluded, as in the rows.
 */
export function openDataIndicators() {
  return listIndicators()
    .filter((i) => !i.demonstration)
    .map(({ slug, title, unit, source, sourceDate, method, notes }) => ({ slug, title, unit, source, sourceDate, method, notes }));
}

/** A label without its status emoji (which renders as an empty box without an emoji font). */
const plainLabel = (label: string) => label.replace(/\s*\p{Extended_Pictographic}\uFE0F?/gu, "").trim();

/**
 * The codes the files use in their dimensions, each with its French meaning, for the open-data page: theme
 * identifiers, irritant statuses, action statuses. Codes stay stable in the files; labels may be reworded.
 */
export function openDataCodes() {
  const themeRows = getDb().select({ code: themes.slug, label: themes.label }).from(themes).orderBy(themes.label).all();
  return [
    { title: "Thèmes", where: "dimension_1 de signalements_publies_par_theme_et_statut", codes: themeRows },
    { title: "Statuts des signalements", where: "dimension_2 de signalements_publies_par_theme_et_statut", codes: Object.entries(STATUS_LABELS).map(([code, label]) => ({ code, label })) },
    { title: "Statuts des actions", where: "dimension_2 de actions_par_chantier_et_statut", codes: Object.entries(ACTION_STATUS_LABELS).map(([code, label]) => ({ code, label: plainLabel(label) })) },
    { title: "Indicateurs", where: "dimension_1 de indicateurs", codes: openDataIndicators().map((i) => ({ code: i.slug, label: i.title })) },
  ];
}

export function openDataCsv(rows: OpenDataRow[]) {
  return toCsv(["jeu", "dimension_1", "dimension_2", "valeur", "unite"], rows.map((r) => [r.dataset, r.dimension1, r.dimension2, String(r.value).replace(".", ","), r.unit]));
}
