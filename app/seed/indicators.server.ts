import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { indicatorValues, indicators, themes } from "#db/schema";

/**
 * The national Mon espace santé and DMP figures of the programme's point d'étape of 11 January 2024, exactly as the deck
 * writes them. Where the deck shows a series only as a chart, only the values it writes are stored (no month is
 * interpolated or deduced); what the deck leaves unsaid ("plus de…", no month given, a ratio without its base) is said in
 * each series' notes. The slugs are stable: points d'étape and other pages refer to them.
 */
const DECK = "Point d'étape du programme, 11 janvier 2024";
const DECK_DATE = "2024-01-11";
const source = (slide: string) => `${DECK}, diapositive « ${slide} »`;

const MES_SLIDE = "Un dossier médical accessible à tous";
const UNDATED = "Le point d'étape ne précise pas la date d'arrêt de ce chiffre.";
const CONSULTATION_SLIDE = "La consultation du dossier médical de Mon espace santé (DMP) en médecine de ville progresse également (1/2)";
const CONSULTATION_PERIOD = "Le point d'étape ne précise pas la période couverte par ce chiffre (la diapositive présente l'évolution des consultations mensuelles de 2023).";

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

type Row = { period: string; dimension: string; value: number };
type Series = Omit<typeof indicators.$inferInsert, "themeId" | "position" | "sourceDate"> & { rows: Row[] };

const one = (value: number, period = "", dimension = ""): Row[] => [{ period, dimension, value }];

const SERIES: Series[] = [
  // « Un dossier médical accessible à tous »: the national figures of Mon espace santé.
  {
    slug: "mes-profils-ouverts",
    title: "Profils Mon espace santé ouverts",
    unit: "millions de profils",
    source: source(MES_SLIDE),
    method: "Nombre de profils Mon espace santé ouverts.",
    notes: `Le point d'étape écrit « +68,1M » : plus de 68,1 millions. ${UNDATED}`,
    chart: "figure",
    rows: one(68.1),
  },
  {
    slug: "mes-part-profils-ouverts",
    title: "Part des Français ayant un profil Mon espace santé ouvert",
    unit: "%",
    source: source(MES_SLIDE),
    method: "Part des Français dont le profil Mon espace santé est ouvert.",
    notes: `Le point d'étape écrit « +97 % » : plus de 97 %. ${UNDATED}`,
    chart: "figure",
    rows: one(97),
  },
  {
    slug: "mes-profils-actives",
    title: "Usagers ayant activé leur profil Mon espace santé",
    unit: "millions d'usagers",
    source: source(MES_SLIDE),
    method: "Nombre d'usagers ayant activé leur profil Mon espace santé.",
    notes: `Le point d'étape écrit « +10,5 M » : plus de 10,5 millions. ${UNDATED}`,
    chart: "figure",
    rows: one(10.5),
  },
  {
    slug: "mes-part-profils-actives",
    title: "Part des usagers ayant activé leur profil Mon espace santé",
    unit: "%",
    source: source(MES_SLIDE),
    method: "Part des usagers ayant activé leur profil.",
    notes: `Le point d'étape écrit « (15,2 %) » à côté des 10,5 millions d'usagers sans dire sur quelle base cette part est calculée. ${UNDATED}`,
    chart: "figure",
    rows: one(15.2),
  },
  {
    slug: "mes-activations-par-mois",
    title: "Nouvelles activations de profils Mon espace santé par mois, en moyenne",
    unit: "activations par mois",
    source: source(MES_SLIDE),
    method: "Croissance mensuelle moyenne du nombre de profils activés.",
    notes: "Le point d'étape écrit « +300 000 en moyenne par mois » sans préciser sur quels mois porte la moyenne.",
    chart: "figure",
    rows: one(300000),
  },
  {
    slug: "mes-telechargements-application",
    title: "Téléchargements de l'application mobile Mon espace santé",
    unit: "millions de téléchargements",
    source: source(MES_SLIDE),
    method: "Nombre de téléchargements de l'application mobile.",
    notes: `Le point d'étape écrit « + 2,2M » : plus de 2,2 millions. ${UNDATED}`,
    chart: "figure",
    rows: one(2.2),
  },
  {
    slug: "mes-documents-ajoutes-patients",
    title: "Documents ajoutés par les patients dans Mon espace santé",
    unit: "millions de documents",
    source: source(MES_SLIDE),
    method: "Nombre de documents que les patients ont eux-mêmes ajoutés à leur profil.",
    notes: `Le point d'étape écrit « +13M » : plus de 13 millions. ${UNDATED}`,
    chart: "figure",
    rows: one(13),
  },
  {
    slug: "mes-profil-medical-complete",
    title: "Utilisateurs actifs ayant complété leur profil médical",
    unit: "% des utilisateurs actifs",
    source: source(MES_SLIDE),
    method: "Part des utilisateurs actifs de Mon espace santé ayant complété leur profil médical.",
    notes: UNDATED,
    chart: "figure",
    rows: one(27),
  },
  {
    slug: "mes-retour-mensuel",
    title: "Utilisateurs qui reviennent sur Mon espace santé d'un mois sur l'autre",
    unit: "% des utilisateurs",
    source: source(MES_SLIDE),
    method: "Part des utilisateurs qui reviennent d'un mois sur l'autre, sur l'application mobile et sur le web.",
    notes: `Le point d'étape écrit « Près de 40 % » pour le mobile et « 10 % » pour le web, « soit environ 300 000 utilisateurs » sans dire si ces 300 000 utilisateurs portent sur le web seul ou sur les deux. ${UNDATED}`,
    chart: "figure",
    dimensions: ["Application mobile", "Web"],
    rows: [
      { period: "", dimension: "Application mobile", value: 40 },
      { period: "", dimension: "Web", value: 10 },
    ],
  },
  // The feeding of Mon espace santé.
  {
    slug: "documents-mes-rythme-annuel",
    title: "Documents mis à disposition dans Mon espace santé, en rythme annuel",
    unit: "millions de documents",
    source: source("L'alimentation de Mon espace santé a connu une croissance très positive au cours des 2 dernières années"),
    method: "Nombre de documents mis à disposition dans Mon espace santé, en rythme annuel.",
    notes: "Le point d'étape présente la série mensuelle depuis janvier 2021 en graphique, sans ses valeurs : seule celle de fin décembre 2023 est écrite (231 millions). Les autres mois ne sont ni saisis ni déduits.",
    chart: "figure",
    rows: one(231, "2023-12"),
  },
  {
    slug: "documents-dmp-par-couloir",
    title: "Documents envoyés au DMP par couloir et par mois",
    unit: "millions de documents",
    source: source("En médecine de ville, une alimentation de Mon espace santé en hausse à fin décembre 2023"),
    method: "Nombre de documents envoyés au DMP, par couloir et par mois.",
    notes:
      "Le point d'étape présente la série par couloir et par mois depuis janvier 2021 en graphique, sans ses valeurs. Seul le chiffre de la médecine de ville à fin décembre 2023 est écrit (6,54 millions), « soit 3 fois plus de documents qu'en août dernier » : la valeur d'août 2023 n'est pas donnée et n'est pas déduite ici.",
    chart: "stacked",
    dimensions: CHANNELS,
    rows: one(6.54, "2023-12", "Médecine de ville"),
  },
  {
    slug: "documents-par-professionnel",
    title: "Documents alimentés dans Mon espace santé par professionnel de médecine de ville",
    unit: "documents par professionnel",
    source: source("En médecine de ville, une alimentation de Mon espace santé en hausse à fin décembre 2023"),
    method: "Nombre moyen de documents alimentés par professionnel de santé.",
    notes: "Le point d'étape compare fin décembre 2023 à septembre 2023 (+77 %) ; les mois intermédiaires ne sont pas donnés.",
    chart: "line",
    rows: [
      { period: "2023-09", dimension: "", value: 65 },
      { period: "2023-12", dimension: "", value: 115 },
    ],
  },
  {
    slug: "mdv-documents-par-type",
    title: "Répartition par type des documents alimentés dans Mon espace santé par la médecine de ville",
    unit: "% des documents alimentés",
    source: source("Les documents les plus alimentés par les médecins de ville dans MES sont les prescriptions de médicaments en déc. 2023"),
    method: "Part de chaque type de document parmi les documents alimentés dans Mon espace santé par la médecine de ville, sur le mois.",
    notes: "Le point d'étape montre la répartition de décembre 2023 en graphique, sans ses valeurs : seule la part des prescriptions (75 %) est écrite ; les prescriptions de médicaments y sont le type le plus alimenté.",
    chart: "figure",
    rows: one(75, "2023-12", "Prescriptions"),
  },
  {
    slug: "vsm-alimentes-par-mois",
    title: "Volets de synthèse médicale (VSM) alimentés dans Mon espace santé par la médecine de ville, par mois",
    unit: "VSM",
    source: source("Les documents les plus alimentés par les médecins de ville dans MES sont les prescriptions de médicaments en déc. 2023"),
    method: "Nombre de VSM alimentés dans Mon espace santé sur le mois.",
    notes: "Le point d'étape écrit « Plus de 700 000 VSM en décembre 2023 ».",
    chart: "figure",
    rows: one(700000, "2023-12"),
  },
  {
    slug: "vsm-alimentes-par-an",
    title: "Volets de synthèse médicale (VSM) alimentés dans Mon espace santé par la médecine de ville, par an",
    unit: "millions de VSM",
    source: source("Les documents les plus alimentés par les médecins de ville dans MES sont les prescriptions de médicaments en déc. 2023"),
    method: "Nombre de VSM alimentés dans Mon espace santé sur l'année.",
    notes: "Le point d'étape écrit « Au total, plus de 2.8M VSM alimentés en 2023 » : plus de 2,8 millions.",
    chart: "figure",
    rows: one(2.8, "2023"),
  },
  // The consultation of the DMP by professionals in primary care.
  {
    slug: "dmp-professionnels-consultants",
    title: "Professionnels de santé libéraux ayant consulté au moins un DMP",
    unit: "professionnels",
    source: source(CONSULTATION_SLIDE),
    method: "Nombre de professionnels de santé libéraux ayant consulté au moins un DMP.",
    notes: CONSULTATION_PERIOD,
    chart: "figure",
    rows: one(56276),
  },
  {
    slug: "dmp-consultes",
    title: "DMP consultés par les professionnels de santé libéraux",
    unit: "DMP",
    source: source(CONSULTATION_SLIDE),
    method: "Nombre de DMP consultés par des professionnels de santé libéraux.",
    notes: `Le point d'étape écrit « 700k ». ${CONSULTATION_PERIOD}`,
    chart: "figure",
    rows: one(700000),
  },
  {
    slug: "dmp-documents-consultes",
    title: "Documents du DMP consultés par les professionnels de santé libéraux",
    unit: "millions de documents",
    source: source(CONSULTATION_SLIDE),
    method: "Nombre de documents du DMP consultés par des professionnels de santé libéraux.",
    notes: `Le point d'étape écrit « 1,5 M ». ${CONSULTATION_PERIOD}`,
    chart: "figure",
    rows: one(1.5),
  },
  {
    slug: "dmp-documents-consultes-par-mois",
    title: "Documents du DMP consultés par mois, en moyenne sur les 3 derniers mois",
    unit: "documents par mois",
    source: source(CONSULTATION_SLIDE),
    method: "Nombre moyen de documents consultés par mois par les professionnels de santé libéraux, sur les 3 derniers mois.",
    notes: "Le point d'étape écrit « en moyenne de 170 000 sur les 3 derniers mois » sans nommer ces mois (vraisemblablement ceux qui précèdent janvier 2024 : ce n'est pas écrit).",
    chart: "figure",
    rows: one(170000),
  },
  {
    slug: "dmp-profils-consultes-par-mois",
    title: "Profils Mon espace santé concernés par ces consultations, par mois en moyenne sur les 3 derniers mois",
    unit: "profils",
    source: source(CONSULTATION_SLIDE),
    method: "Nombre de profils Mon espace santé dont des documents ont été consultés, en moyenne sur les 3 derniers mois.",
    notes: "Le point d'étape écrit « près de 100 000 MES » sans nommer les 3 mois.",
    chart: "figure",
    rows: one(100000),
  },
  {
    slug: "top-documents-consultes",
    title: "Top 10 des documents consultés par les professionnels de santé libéraux",
    unit: "documents",
    source: `${source("La consultation du dossier médical de Mon espace santé (DMP) en médecine de ville progresse également (2/2)")} (36 derniers mois jusqu'à décembre 2023)`,
    method: "Nombre de documents consultés dans le DMP par type de document, sur les 36 mois jusqu'à décembre 2023.",
    notes: "",
    chart: "bar",
    rows: TOP_CONSULTED.map(([dimension, value]) => ({ period: "", dimension, value })),
  },
];

export function loadDemoIndicators() {
  const db = getDb();
  const mesDmp = db.select({ id: themes.id }).from(themes).where(eq(themes.slug, "mes-dmp")).get()!.id;
  SERIES.forEach(({ rows, ...series }, position) => {
    const id = db
      .insert(indicators)
      .values({ ...series, sourceDate: DECK_DATE, themeId: mesDmp, position })
      .returning({ id: indicators.id })
      .get().id;
    db.insert(indicatorValues)
      .values(rows.map((r) => ({ ...r, indicatorId: id })))
      .run();
  });
}
