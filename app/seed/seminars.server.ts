import { randomBytes } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { getDb } from "#db/client";
import { actions, irritants } from "#db/schema";
import type { SessionUser } from "~/lib/session-users.server";
import {
  addSlot,
  addVerbatim,
  addWorkshop,
  castVote,
  createCluster,
  createSeminar,
  linkToExisting,
  moveCard,
  postCard,
  register,
  renameCluster,
  restituteAsIrritant,
  saveFeedback,
  setVoting,
  setWorkshopStatus,
} from "~/modules/seminars/index.server";
import type { Side, SideDetail, SlotKind } from "~/modules/seminars";

/** The code of the demonstration workshop that is open, printed in the README. */
export const DEMO_WORKSHOP_CODE = "ATE347";
export const DEMO_UPCOMING_SLUG = "seminaire-tripartite-demonstration";

// The seminar of 20 November 2023 as the program's status deck of 11 January 2024 reports it: objectives,
// agenda, the three workshops and their questions, the sides of the participants, positive points,
// improvement points and verbatims. The deck gives no place, no times and no head counts: the place is left
// empty, the agenda keeps "Matinée" / "Après-midi", and the registrations below are illustrative (only
// "une dizaine d'autres PS" comes from the deck), which the seminar's description says.
const DECK = {
  slug: "seminaire-20-novembre-2023",
  title: "Séminaire « Usages numériques en médecine de ville »",
  date: "2023-11-20",
  description:
    "Séminaire tripartite réunissant professionnels de santé de la médecine de ville, éditeurs de logiciels, patients et institutionnels. " +
    "Données de démonstration : les effectifs par côté et les cartes des ateliers sont illustratifs ; le programme, les questions, les retours et les verbatims sont ceux du point d'étape du 11 janvier 2024.",
  objectives: [
    "Recréer la confiance entre éditeurs, professionnels de la médecine de ville et pouvoirs publics",
    "Travailler collectivement sur les solutions opérationnelles répondant aux irritants majeurs",
    "Définir un processus de mise en commun des retours et d'amélioration continue",
  ],
  workshops: [
    { title: "Usages en consultation", question: "Quels usages des outils numériques lors d'une consultation médicale dans le monde du Ségur numérique ?" },
    { title: "Retours terrain en continu", question: "Comment capter des retours terrain pour améliorer les services numériques publics et privés en continu ?" },
    { title: "Appropriation des nouveaux usages", question: "Comment sécuriser la bonne appropriation des nouveaux usages par les professionnels de santé ?" },
  ],
  agenda: [
    { period: "Matinée", kind: "break", title: "Accueil café" },
    { period: "Matinée", kind: "plenary", title: "Plénière-débat sur les principaux irritants liés aux outils numériques et la trajectoire de résolution : contexte, points durs, résultats" },
    { period: "Matinée", kind: "demonstrators", title: "« Démonstrateurs »" },
    { period: "Matinée", kind: "workshop", title: "Atelier 1 — Quels usages des outils numériques lors d'une consultation médicale dans le monde du Ségur numérique ?", workshop: 1 },
    { period: "Après-midi", kind: "workshop", title: "Atelier 2 — Comment capter des retours terrain pour améliorer les services numériques publics et privés en continu ?", workshop: 2 },
    { period: "Après-midi", kind: "workshop", title: "Atelier 3 — Comment sécuriser la bonne appropriation des nouveaux usages par les professionnels de santé ?", workshop: 3 },
    { period: "Après-midi", kind: "restitution", title: "Restitution et prochaines étapes" },
    { period: "Après-midi", kind: "break", title: "Cocktail" },
  ] as { period: string; kind: SlotKind; title: string; workshop?: number }[],
  positives: [
    "Très bonne dynamique collective et des retours très positifs sur le séminaire, avec une attente forte pour la suite",
    "Des professionnels de santé très constructifs identifiés et engagés pour poursuivre la réflexion",
    "Des irritants bien identifiés (pas de surprise !) et des pistes d'actions concrètes sur certains chantiers",
  ],
  improvements: [
    "Contenu très dense, grand nombre de sujets abordés : thématiser, focaliser pour les prochaines éditions",
    "Présence des personnes pertinentes à sécuriser, par implication en amont et par le choix du jour (ex. : la MIE, sujet de discussion important ; absence de l'ordre et de certaines représentations syndicales)",
  ],
  verbatims: [
    { text: "C'était bon, mais c'était court !" },
    { text: "Merci à vous, c'était une journée vraiment passionnante !" },
    { text: "Merci à vous et vos équipes, pour la qualité de l'accueil, des échanges et l'animation de la journée en impliquant ensemble les « 3 côtés du triangle ».", side: "practitioner" },
    { text: "Félicitations pour ce séminaire tant sur le fond des sujets traités que sur l'organisation.", side: "vendor" },
    {
      text: "Je crois effectivement que nous pouvons nous féliciter collectivement de la réussite de cet événement. J'ai depuis reçu quelques appels de professionnels qui me faisaient part du même avis et de leur volonté de s'inscrire dès lors durablement dans une démarche récurrente. Il semble que nous tenions enfin la bonne formule de mobilisation en prenant appui sur des acteurs issus des différents horizons impliqués.",
      side: "vendor",
    },
  ] as { text: string; side?: Side }[],
};

// Illustrative head counts per side (the deck names the sides; "une dizaine" of other professionals).
const DEMO_REGISTRATIONS: { side: Side; detail: SideDetail | null; label: string; count: number }[] = [
  { side: "practitioner", detail: "vip", label: "Représentant VIP de la médecine de ville", count: 5 },
  { side: "practitioner", detail: "other", label: "Professionnel de santé", count: 10 },
  { side: "vendor", detail: "sons", label: "Éditeur SONS", count: 6 },
  { side: "vendor", detail: "non-sons", label: "Éditeur hors SONS", count: 3 },
  { side: "patient", detail: null, label: "Représentant des patients", count: 2 },
  { side: "institution", detail: null, label: "Institutionnel", count: 6 },
];

// Illustrative cards, worded after the deck's list of main irritants; clusters as a facilitator would make them.
const DEMO_BOARDS: { cards: { text: string; theme?: string; cluster?: string }[]; votes: [string, number][] }[] = [
  {
    cards: [
      { text: "L'envoi des documents au DMP fige le logiciel pendant la consultation", theme: "performance-lgc", cluster: "Envoi au DMP bloquant en consultation" },
      { text: "Attendre la fin de l'envoi au DMP avant de passer au patient suivant", theme: "mes-dmp", cluster: "Envoi au DMP bloquant en consultation" },
      { text: "Qualifier l'INS prend plusieurs minutes quand le téléservice ne répond pas", theme: "ins" },
      { text: "Le VSM demande de ressaisir ce qui est déjà dans le dossier", theme: "vsm" },
    ],
    votes: [["Envoi au DMP bloquant en consultation", 9], ["Qualifier l'INS", 6], ["Le VSM demande", 3]],
  },
  {
    cards: [
      { text: "Les documents reçus s'appellent tous « Document » : impossible de s'y retrouver", theme: "nommage-documents", cluster: "Nommage des documents reçus" },
      { text: "Le même compte rendu arrive sous trois noms différents selon le canal", theme: "nommage-documents", cluster: "Nommage des documents reçus" },
      { text: "Pas de canal simple pour dire à l'éditeur et aux pouvoirs publics ce qui ne marche pas", theme: "autre" },
    ],
    votes: [["Nommage des documents reçus", 8], ["Pas de canal simple", 7]],
  },
  {
    cards: [
      { text: "Les secrétaires ne peuvent pas qualifier l'INS avec leur carte CPE", theme: "delegation", cluster: "Délégation des tâches au secrétariat" },
      { text: "Le secrétariat ne peut pas alimenter Mon espace santé à la place du médecin", theme: "delegation", cluster: "Délégation des tâches au secrétariat" },
      { text: "Se former à l'ordonnance numérique sans y passer une soirée", theme: "formation" },
    ],
    votes: [["Délégation des tâches au secrétariat", 10], ["Se former à l'ordonnance numérique", 4]],
  },
];

/** Loads the deck's seminar (past, restituted) and an upcoming demonstration seminar with an open workshop. */
export function loadDemoSeminars(team: SessionUser) {
  const db = getDb();
  const deck = createSeminar(team, { title: DECK.title, date: DECK.date, place: "", description: DECK.description, objectives: DECK.objectives, published: true, registrationOpen: false }, { slug: DECK.slug });
  const workshopRows = DECK.workshops.map((w, i) =>
    addWorkshop(team, deck.id, { title: w.title, question: w.question, facilitatorEmail: team.email, facilitatorLabel: `Animateur de l'atelier ${i + 1}`, dotsPerParticipant: 3 }),
  );
  for (const slot of DECK.agenda) {
    addSlot(team, deck.id, { period: slot.period, kind: slot.kind, title: slot.title, workshopId: slot.workshop ? workshopRows[slot.workshop - 1].id : undefined });
  }
  let n = 0;
  for (const group of DEMO_REGISTRATIONS) {
    for (let i = 1; i <= group.count; i++) {
      n++;
      // Everyone in the morning workshop; the afternoon splits between workshops 2 and 3.
      const afternoon = workshopRows[n % 2 === 0 ? 1 : 2].id;
      register(deck.id, { kind: "team", actor: team }, {
        name: `${group.label} ${i} (démo)`,
        email: `seminaire-2023-participant-${n}@demo.sentinelle.fr`,
        side: group.side,
        detail: group.detail,
        organisation: "",
        workshopIds: [workshopRows[0].id, afternoon],
      });
    }
  }
  for (const v of DECK.verbatims) addVerbatim(team, deck.id, { text: v.text, side: v.side, consent: true, published: true });
  saveFeedback(team, deck.id, { positives: DECK.positives, improvements: DECK.improvements });

  // The live boards as they were at the end of each workshop.
  const clusterIds: Record<string, number> = {};
  const cardIds: Record<string, number> = {};
  DEMO_BOARDS.forEach((board, index) => {
    const w = workshopRows[index];
    setWorkshopStatus(team, w.id, "open");
    board.cards.forEach((card, i) => {
      const { id } = postCard(w.code, `demo-participant-${index}-${i}-${randomBytes(12).toString("hex")}`, { text: card.text, theme: card.theme });
      cardIds[card.text] = id;
      if (card.cluster) {
        if (!clusterIds[card.cluster]) {
          clusterIds[card.cluster] = createCluster(team, w.id, card.cluster);
        }
        moveCard(team, w.id, id, clusterIds[card.cluster]);
      }
    });
    setVoting(team, w.id, true);
    for (const [prefix, dots] of board.votes) {
      const cluster = Object.keys(clusterIds).find((title) => title === prefix);
      const card = Object.keys(cardIds).find((text) => text.startsWith(prefix));
      for (let d = 0; d < dots; d++) {
        const voter = `demo-voter-${index}-${prefix.length}-${d}-${randomBytes(12).toString("hex")}`;
        castVote(w.code, voter, cluster ? { target: "cluster", targetId: clusterIds[cluster], direction: "add" } : { target: "card", targetId: cardIds[card!], direction: "add" });
      }
    }
    setVoting(team, w.id, false);
    setWorkshopStatus(team, w.id, "closed");
  });
  renameCluster(team, workshopRows[0].id, clusterIds["Envoi au DMP bloquant en consultation"], "Envoi au DMP bloquant pendant la consultation");

  // Restitution: what the workshops said that was already on file is linked to it; the rest became new items.
  const irritantByTitle = (title: string) => db.select({ id: irritants.id }).from(irritants).where(eq(irritants.title, title)).get()!.id;
  const actionByTitle = (start: string) => db.select({ id: actions.id }).from(actions).where(like(actions.title, `${start}%`)).get()!.id;
  linkToExisting(team, workshopRows[0].id, { source: "cluster", sourceId: clusterIds["Envoi au DMP bloquant en consultation"], targetKind: "irritant", targetId: irritantByTitle("Lenteurs du logiciel de cabinet depuis la version Ségur") });
  linkToExisting(team, workshopRows[0].id, { source: "cluster", sourceId: clusterIds["Envoi au DMP bloquant en consultation"], targetKind: "action", targetId: actionByTitle("Exigences") });
  linkToExisting(team, workshopRows[0].id, { source: "card", sourceId: cardIds["Qualifier l'INS prend plusieurs minutes quand le téléservice ne répond pas"], targetKind: "irritant", targetId: irritantByTitle("Qualification de l'INS trop longue en consultation") });
  linkToExisting(team, workshopRows[1].id, { source: "cluster", sourceId: clusterIds["Nommage des documents reçus"], targetKind: "action", targetId: actionByTitle("Atelier de consolidation des problèmes") });
  restituteAsIrritant(team, workshopRows[2].id, {
    source: "cluster",
    sourceId: clusterIds["Délégation des tâches au secrétariat"],
    title: "Délégation au secrétariat : la carte CPE ne permet ni de qualifier l'INS ni d'alimenter Mon espace santé",
    body: "Issu de l'atelier 3 du séminaire du 20 novembre 2023. Les secrétaires ne peuvent pas qualifier l'INS avec leur carte CPE, ni alimenter Mon espace santé à la place du médecin : ces tâches reviennent au médecin pendant la consultation.",
    themes: ["delegation", "ins"],
    published: true,
  });
  linkToExisting(team, workshopRows[2].id, { source: "cluster", sourceId: clusterIds["Délégation des tâches au secrétariat"], targetKind: "action", targetId: actionByTitle("Clarification des problématiques des cartes CPE") });

  // An upcoming seminar to try registration and the live board (dated from today, so it stays upcoming).
  const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const next = createSeminar(team, {
    title: "Séminaire tripartite de travail (démonstration)",
    date,
    place: "",
    description: "Séminaire de démonstration pour essayer l'inscription et le tableau d'atelier en direct : le point d'étape du 11 janvier 2024 annonce un nouveau séminaire tripartite de travail.",
    objectives: ["Faire le point sur les chantiers du plan d'action", "Consolider les problèmes de nommage des documents et travailler sur les solutions"],
    published: true,
    registrationOpen: true,
  }, { slug: DEMO_UPCOMING_SLUG });
  const open = addWorkshop(
    team,
    next.id,
    { title: "Nommage des documents", question: "Quelles règles de nommage rendraient lisibles les documents reçus par MSSanté et dans Mon espace santé ?", facilitatorEmail: team.email, facilitatorLabel: "Animateur de l'atelier 1", capacity: 30, dotsPerParticipant: 3 },
    { code: DEMO_WORKSHOP_CODE },
  );
  addWorkshop(team, next.id, { title: "Retours terrain", question: "Comment rendre compte aux professionnels de ce qui a changé grâce à leurs signalements ?", facilitatorEmail: team.email, facilitatorLabel: "Animateur de l'atelier 2", capacity: 30, dotsPerParticipant: 3 });
  addSlot(team, next.id, { period: "Matinée", kind: "plenary", title: "Point d'avancement du plan d'action" });
  addSlot(team, next.id, { period: "Matinée", kind: "workshop", title: "Atelier 1 — Nommage des documents", workshopId: open.id });
  addSlot(team, next.id, { period: "Après-midi", kind: "restitution", title: "Restitution et prochaines étapes" });
  setWorkshopStatus(team, open.id, "open");
}
