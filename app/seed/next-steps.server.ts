import { getDb } from "#db/client";
import { nextSteps } from "#db/schema";

// The "Prochaines étapes" of the program's deck of 11 January 2024, as written there (horizons included).
const STEPS: { heading: string; text: string; horizon?: string }[] = [
  { heading: "Sur les chantiers Sentinelle", text: "Poursuite des travaux opérationnels pour résoudre les irritants + veille terrain ++" },
  { heading: "Sur les chantiers Sentinelle", text: "Mobilisations des parties prenantes dans le cadre d'ateliers de travail selon les besoins / sujets" },
  { heading: "Sur les chantiers Sentinelle", text: "Nouveau séminaire tripartite de travail", horizon: "printemps-été 2024" },
  { heading: "Sur les chantiers Sentinelle", text: "Mise à jour de la page Sentinelle pour informer des avancées" },
  { heading: "Sur les chantiers Sentinelle", text: "Lancement de l'enquête sur l'évolution du label e-santé" },
  { heading: "Sur les prochaines évolutions Ségur des logiciels : vague 2", text: "Reprise des ateliers Vague 2 MdV", horizon: "T1 24" },
];

export function loadDemoNextSteps() {
  getDb()
    .insert(nextSteps)
    .values(STEPS.map((s, position) => ({ ...s, horizon: s.horizon ?? "", source: "Point d'étape du 11 janvier 2024", sourceDate: "2024-01-11", position })))
    .run();
}
