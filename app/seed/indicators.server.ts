import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { indicatorValues, indicators, themes } from "#db/schema";

// Figures the program's status deck gives exactly (January 2024), and one demonstration series, labelled as such.
const TOP_CONSULTED: [string, number][] = [
  ["CR d'examens biologiques", 219874],
  ["CR ou fiche de consultation ou de visite", 209187],
  ["Prescription de médicaments", 157905],
  ["Historique de vaccinations", 136847],
  ["CR d'imagerie médicale", 136281],
  ["Synthèse", 103482],
  ["Lettre de sortie", 93221],
  ["Données de remboursement", 75156],
  ["CR opératoire", 45098],
  ["CR hospitalier (séjour)", 35053],
];

const CHANNELS = ["Médecine de ville", "Hôpital", "Biologie", "Radiologie"];

export function loadDemoIndicators() {
  const db = getDb();
  const mesDmp = db.select({ id: themes.id }).from(themes).where(eq(themes.slug, "mes-dmp")).get()!.id;
  const insert = (values: typeof indicators.$inferInsert, rows: { period: string; dimension: string; value: number }[]) => {
    const id = db.insert(indicators).values(values).returning({ id: indicators.id }).get().id;
    if (rows.length) db.insert(indicatorValues).values(rows.map((r) => ({ ...r, indicatorId: id }))).run();
  };
  insert(
    {
      slug: "top-documents-consultes",
      title: "Top 10 des documents consultés par les professionnels de santé libéraux",
      unit: "documents",
      source: "Point d'étape du programme, 11 janvier 2024 (36 derniers mois jusqu'à décembre 2023)",
      method: "Nombre de documents consultés dans le DMP par type de document.",
      chart: "bar",
      themeId: mesDmp,
      position: 0,
    },
    TOP_CONSULTED.map(([dimension, value]) => ({ period: "", dimension, value })),
  );
  insert(
    {
      slug: "documents-par-professionnel",
      title: "Documents alimentés dans Mon espace santé par professionnel de médecine de ville",
      unit: "documents par professionnel",
      source: "Point d'étape du programme, 11 janvier 2024",
      method: "Nombre moyen de documents alimentés par professionnel de santé.",
      chart: "line",
      themeId: mesDmp,
      position: 1,
    },
    [
      { period: "2023-09", dimension: "", value: 65 },
      { period: "2023-12", dimension: "", value: 115 },
    ],
  );
  // The deck shows this one only as a chart: a generated series stands in for it, labelled as demonstration.
  const rows: { period: string; dimension: string; value: number }[] = [];
  for (let m = 1; m <= 12; m++) {
    const period = `2023-${String(m).padStart(2, "0")}`;
    rows.push({ period, dimension: "Médecine de ville", value: Math.round((0.6 + m * 0.45) * 100) / 100 });
    rows.push({ period, dimension: "Hôpital", value: Math.round((3.2 + m * 0.05) * 100) / 100 });
    rows.push({ period, dimension: "Biologie", value: Math.round((4.1 + m * 0.08) * 100) / 100 });
    rows.push({ period, dimension: "Radiologie", value: Math.round((1.1 + m * 0.04) * 100) / 100 });
  }
  insert(
    {
      slug: "documents-dmp-par-couloir",
      title: "Documents envoyés au DMP par couloir et par mois",
      unit: "millions de documents",
      source: "Série de démonstration (le point d'étape la présente en graphique sans les valeurs)",
      method: "Valeurs générées pour la démonstration de la plateforme ; ne pas citer.",
      chart: "stacked",
      dimensions: CHANNELS,
      themeId: mesDmp,
      demonstration: true,
      position: 2,
    },
    rows,
  );
}
