import { getDb } from "#db/client";
import { campaigns, invitations, products, responses } from "#db/schema";
import type { SessionUser } from "~/lib/session-users.server";
import {
  RESULTS_METHOD,
  computeResults,
  createCampaign,
  saveQuestionnaireVersion,
  setCampaignStatus,
} from "~/modules/surveys/index.server";
import { SEGUR_FUNCTION_ROWS, SEGUR_QUESTIONNAIRE_V1, SEGUR_QUESTIONNAIRE_V2 } from "~/modules/surveys";
import { eq } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";

/** A small deterministic generator, so the demo figures are the same on every machine. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Satisfaction leans on the product: some software is liked more than others, and it improves a little in 2025.
const PRODUCT_BIAS: Record<string, number> = { AzurMed: 0.6, "Brume Cabinet": -0.3, AzurOfficine: 0.2, "Cèdre Labo": 0, "Brume Imagerie": 0.1, "Dune Messagerie": 0 };
// Respondents per product: some fall under the public threshold of 10 on purpose.
const RESPONDENTS: Record<string, [number, number]> = { AzurMed: [140, 160], "Brume Cabinet": [110, 120], AzurOfficine: [30, 35], "Cèdre Labo": [7, 12], "Brume Imagerie": [4, 6] };

/** Free-text suggestions of the demo's respondents (one gives a telephone number: the team reads it masked). */
const DEMO_SUGGESTIONS = [
  "Que la qualification de l'INS ne bloque plus l'envoi du compte rendu quand le patient est né à l'étranger.",
  "Recevoir les résultats de biologie par MSSanté directement dans le dossier, sans les rattacher à la main.",
  "Pouvoir alimenter le DMP en un clic depuis l'ordonnance, sans ressaisir le type de document.",
  "Un annuaire MSSanté à jour : la moitié de mes correspondants n'y ont pas d'adresse.",
  "Moins de fenêtres de confirmation lors de l'envoi vers Mon espace santé.",
  "Que l'éditeur réponde aux signalements en moins d'un mois.",
  "Lire la carte Vitale dans l'application sans relancer le logiciel.",
  "Appelez-moi au 06 12 34 56 78 pour en parler, la messagerie sécurisée plante tous les jours.",
  "Un e-prescription qui fonctionne aussi pour les infirmiers.",
  "Des accusés de réception fiables pour les messages MSSanté.",
  "Que les documents du DMP s'affichent plus vite dans le dossier patient.",
  "Une formation courte, en vidéo, aux nouvelles fonctions Ségur.",
];

function scale(rnd: () => number, bias: number) {
  const x = 3 + bias + (rnd() + rnd() + rnd() - 1.5) * 1.6;
  return Math.min(5, Math.max(1, Math.round(x)));
}

export function generateAnswers(rnd: () => number, bias: number, version: 1 | 2) {
  const matrix: Record<string, number | "na"> = {};
  for (const row of SEGUR_FUNCTION_ROWS) matrix[row.key] = rnd() < 0.08 ? "na" : scale(rnd, bias);
  const reported = rnd() < 0.4 ? "yes" : "no";
  const answers: Record<string, unknown> = {
    profession: rnd() < 0.7 ? "medecin" : rnd() < 0.5 ? "infirmier" : "pharmacien",
    "satisfaction-fonctions": matrix,
    "satisfaction-globale": scale(rnd, bias),
    recommandation: Math.min(10, Math.max(0, Math.round(6 + bias * 2.5 + (rnd() - 0.5) * 7))),
    "signalement-editeur": reported,
  };
  if (reported === "yes") answers["satisfaction-reponse-editeur"] = scale(rnd, bias - 0.4);
  if (version === 1) answers["mode-exercice"] = rnd() < 0.8 ? "liberal" : "exercice-coordonne";
  else answers["connaissance-sentinelle"] = rnd() < 0.35 ? "yes" : "no";
  return answers;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function loadDemoSurveys(team: SessionUser) {
  const db = getDb();
  const v1 = saveQuestionnaireVersion(team, { slug: "satisfaction-segur", title: "Satisfaction fonctions Ségur", definition: SEGUR_QUESTIONNAIRE_V1 });
  const v2 = saveQuestionnaireVersion(team, { slug: "satisfaction-segur", title: "Satisfaction fonctions Ségur", definition: SEGUR_QUESTIONNAIRE_V2 });
  const productIds = new Map(db.select({ id: products.id, name: products.name }).from(products).all().map((p) => [p.name, p.id]));

  const waves = [
    { slug: "segur-2024", title: "Satisfaction fonctions Ségur — vague 2024", wave: "janvier–février 2024", version: v1.id, opensOn: "2024-01-08", closesOn: "2024-02-29", index: 0 as const },
    { slug: "segur-2025", title: "Satisfaction fonctions Ségur — vague 2025", wave: "janvier–février 2025", version: v2.id, opensOn: "2025-01-06", closesOn: "2025-02-28", index: 1 as const },
  ];
  const ids: number[] = [];
  for (const w of waves) {
    const id = createCampaign(team, {
      slug: w.slug,
      title: w.title,
      wave: w.wave,
      versionId: w.version,
      previousCampaignId: ids[0] ?? null,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      audienceRoles: ["practitioner"],
      audienceProfessions: [],
      allowSignedIn: false,
    });
    ids.push(id);
    const rnd = random(2024 + w.index);
    let total = 0;
    db.transaction((tx) => {
      for (const [name, counts] of Object.entries(RESPONDENTS)) {
        for (let i = 0; i < counts[w.index]; i++) {
          const answers = generateAnswers(rnd, PRODUCT_BIAS[name] + w.index * 0.25, w.index === 0 ? 1 : 2);
          // One respondent in four writes a suggestion (from a fixed list: the generated figures stay as they were).
          if (total % 4 === 0) answers["amelioration-prioritaire"] = DEMO_SUGGESTIONS[(total / 4) % DEMO_SUGGESTIONS.length];
          tx.insert(responses).values({ campaignId: id, subjectProductId: productIds.get(name)!, submittedOn: w.closesOn, answers }).run();
          total++;
        }
      }
      // The invitations those responses answered (used), and those left unanswered.
      const invited = Math.round(total * 2.5);
      for (let i = 0; i < invited; i++) {
        tx.insert(invitations)
          .values({ campaignId: id, tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"), usedOn: i < total ? w.closesOn : null })
          .run();
      }
      tx.update(campaigns).set({ status: "closed", invitedCount: invited }).where(eq(campaigns.id, id)).run();
    });
  }
  setCampaignStatus(team, "segur-2024", "published", () => ({ method: RESULTS_METHOD, results: computeResults("segur-2024") }));

  // A wave open today, which signed-in practitioners can answer in the demo.
  const today = new Date();
  createCampaign(team, {
    slug: "segur-en-cours",
    title: "Satisfaction fonctions Ségur — vague en cours",
    wave: "vague en cours",
    versionId: v2.id,
    previousCampaignId: ids[1],
    opensOn: iso(new Date(today.getTime() - 7 * 86_400_000)),
    closesOn: iso(new Date(today.getTime() + 90 * 86_400_000)),
    audienceRoles: ["practitioner"],
    audienceProfessions: [],
    allowSignedIn: true,
  });
  setCampaignStatus(team, "segur-en-cours", "open");
}
