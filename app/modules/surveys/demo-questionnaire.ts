/**
 * Demo questionnaire "Satisfaction fonctions Ségur", in two versions.
 *
 * V1 → V2 (nouvel envoi janvier-février 2024, « complété de quelques éléments clés Sentinelle ») :
 * - reworded : « recommandation » (« à un confrère ou une consœur ») — still comparable;
 * - rescaled : « satisfaction-globale » (new agreement labels) — not comparable between waves;
 * - new      : « connaissance-sentinelle »;
 * - removed  : « mode-exercice » (now taken from the practitioner's profile).
 *
 * Each version is a self-contained JSON definition: options are copied here on purpose, so that a
 * published version never changes when application constants do.
 */
import { defineQuestionnaire, type QuestionnaireDefinitionInput, type QuestionnaireItemInput } from "./definition";

export const SEGUR_FUNCTION_ROWS = [
  { key: "qualification-ins", label: "Qualification de l'INS (appel au téléservice INSi)" },
  { key: "envoi-mes", label: "Alimentation du dossier médical de Mon espace santé (DMP)" },
  { key: "mssante-envoi", label: "Envoi de documents par messagerie sécurisée de santé (MSSanté)" },
  { key: "mssante-reception", label: "Réception et intégration des documents reçus par MSSanté" },
  { key: "vsm", label: "Production du volet de synthèse médicale (VSM)" },
  { key: "ordonnance-numerique", label: "Ordonnance numérique" },
  { key: "consultation-mes", label: "Consultation du dossier médical de Mon espace santé" },
  { key: "rapidite", label: "Rapidité du logiciel lors de l'utilisation de ces fonctions" },
] as const;

const SATISFACTION_LABELS = [
  "Très insatisfait",
  "Plutôt insatisfait",
  "Ni satisfait ni insatisfait",
  "Plutôt satisfait",
  "Très satisfait",
];

const profession = {
  key: "profession",
  type: "single",
  label: "Quelle est votre profession ?",
  required: true,
  options: [
    { value: "medecin", label: "Médecin" },
    { value: "chirurgien-dentiste", label: "Chirurgien-dentiste" },
    { value: "sage-femme", label: "Sage-femme" },
    { value: "pharmacien", label: "Pharmacien" },
    { value: "infirmier", label: "Infirmier" },
    { value: "masseur-kinesitherapeute", label: "Masseur-kinésithérapeute" },
    { value: "pedicure-podologue", label: "Pédicure-podologue" },
    { value: "orthophoniste", label: "Orthophoniste" },
    { value: "orthoptiste", label: "Orthoptiste" },
    { value: "autre", label: "Autre profession de santé" },
  ],
} satisfies QuestionnaireItemInput;

const modeExercice = {
  key: "mode-exercice",
  type: "single",
  label: "Quel est votre mode d'exercice principal ?",
  required: true,
  options: [
    { value: "liberal", label: "Libéral" },
    { value: "salarie", label: "Salarié (centre de santé, structure)" },
    { value: "mixte", label: "Mixte" },
    { value: "exercice-coordonne", label: "Exercice coordonné (MSP, CPTS)" },
  ],
} satisfies QuestionnaireItemInput;

const satisfactionFonctions = {
  key: "satisfaction-fonctions",
  type: "matrix",
  label: "Quel est votre niveau de satisfaction pour chacune des fonctions suivantes ?",
  required: true,
  scale: "csat",
  labels: SATISFACTION_LABELS,
  allowNotApplicable: true,
  rows: SEGUR_FUNCTION_ROWS.map((row) => ({ ...row })),
} satisfies QuestionnaireItemInput;

const satisfactionGlobaleV1 = {
  key: "satisfaction-globale",
  type: "likert",
  label: "Globalement, je suis satisfait des fonctions Ségur de mon logiciel",
  required: true,
  labels: [
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni d'accord ni pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
  ],
} satisfies QuestionnaireItemInput;

const recommandationV1 = {
  key: "recommandation",
  type: "nps",
  label: "Recommanderiez-vous votre logiciel à un confrère ?",
  help: "De 0 (certainement pas) à 10 (certainement).",
  required: true,
} satisfies QuestionnaireItemInput;

const signalementEditeur = {
  key: "signalement-editeur",
  type: "yesno",
  label: "Avez-vous signalé un problème à votre éditeur ces 6 derniers mois ?",
  required: true,
  allowNotApplicable: false,
} satisfies QuestionnaireItemInput;

const satisfactionReponseEditeur = {
  key: "satisfaction-reponse-editeur",
  type: "csat",
  label: "Êtes-vous satisfait de la réponse de l'éditeur ?",
  required: true,
  labels: SATISFACTION_LABELS,
  showIf: { item: "signalement-editeur", equals: "yes" },
} satisfies QuestionnaireItemInput;

const ameliorationPrioritaire = {
  key: "amelioration-prioritaire",
  type: "text",
  label: "Que faudrait-il améliorer en priorité ?",
  help: "Merci de ne saisir aucune donnée permettant d'identifier un patient.",
  maxLength: 2000,
} satisfies QuestionnaireItemInput;

const TITLE = "Satisfaction fonctions Ségur";

const fonctionsSection = {
  key: "fonctions-segur",
  title: "Les fonctions Ségur de votre logiciel",
  description: "Répondez « Non concerné » pour les fonctions que vous n'utilisez pas.",
  items: [satisfactionFonctions],
};
const editeurSection = {
  key: "editeur",
  title: "Vos échanges avec votre éditeur",
  items: [signalementEditeur, satisfactionReponseEditeur],
};
const suggestionsSection = { key: "suggestions", title: "Vos suggestions", items: [ameliorationPrioritaire] };

const V1_INPUT: QuestionnaireDefinitionInput = {
  title: TITLE,
  intro:
    "Ce questionnaire recueille votre avis sur les fonctions Ségur de votre logiciel métier. " +
    "Il prend moins de 5 minutes. Vos réponses sont analysées de façon agrégée et servent à prioriser " +
    "les travaux menés avec les éditeurs.",
  sections: [
    { key: "profil", title: "Votre exercice", items: [profession, modeExercice] },
    fonctionsSection,
    { key: "appreciation", title: "Votre appréciation globale", items: [satisfactionGlobaleV1, recommandationV1] },
    editeurSection,
    suggestionsSection,
  ],
};

const V2_INPUT: QuestionnaireDefinitionInput = {
  title: TITLE,
  intro:
    "Ce questionnaire recueille votre avis sur les fonctions Ségur de votre logiciel métier, quelques mois " +
    "après le premier envoi. Il prend moins de 5 minutes. Vos réponses sont analysées de façon agrégée.",
  sections: [
    // « mode-exercice » removed: it is now taken from the practitioner's profile.
    { key: "profil", title: "Votre exercice", items: [profession] },
    fonctionsSection,
    {
      key: "appreciation",
      title: "Votre appréciation globale",
      items: [
        // Rescaled: new agreement labels, answers are no longer comparable with V1.
        {
          ...satisfactionGlobaleV1,
          labels: ["Pas du tout d'accord", "Pas d'accord", "Neutre", "D'accord", "Tout à fait d'accord"],
        },
        // Reworded: same 0–10 scale, still comparable.
        { ...recommandationV1, label: "Recommanderiez-vous votre logiciel à un confrère ou une consœur ?" },
      ],
    },
    editeurSection,
    {
      key: "sentinelle",
      title: "La démarche Sentinelle",
      items: [
        {
          key: "connaissance-sentinelle",
          type: "yesno",
          label: "Connaissez-vous Sentinelle ?",
          help: "Sentinelle recueille les retours des professionnels pour améliorer en continu les logiciels Ségur.",
          required: true,
          allowNotApplicable: false,
        },
      ],
    },
    suggestionsSection,
  ],
};

/** Version 1 (premier envoi). Parsed at import: an invalid definition fails fast. */
export const SEGUR_QUESTIONNAIRE_V1 = defineQuestionnaire(V1_INPUT);
/** Version 2 (nouvel envoi, complété d'éléments Sentinelle). */
export const SEGUR_QUESTIONNAIRE_V2 = defineQuestionnaire(V2_INPUT);
