import { count, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations, products, users } from "#db/schema";
import type { PatientSubject } from "#db/vocabularies/irritants";
import { createUser } from "~/modules/accounts/index.server";
import { fileIrritant, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { acknowledgeTicket, listTickets, replyToTicket, resolveTicket } from "~/modules/tickets/index.server";
import { writeAction } from "~/modules/action-plan/index.server";
import { actionNotes, actions, announcements, challenges, indicators, workstreams } from "#db/schema";
import { DEMO_ACTION_PLAN, DEMO_INSTITUTIONS, DEMO_NOTES, DEMO_PLAN_OWNER } from "./action-plan.server";
import { loadDemoSurveys } from "./surveys.server";
import { loadDemoProgressUpdates, loadDemoResources } from "./progress.server";
import { loadDemoIndicators } from "./indicators.server";
import { loadDemoNextSteps } from "./next-steps.server";
import { loadDemoSeminars } from "./seminars.server";
import { loadDemoRegulation } from "./regulation.server";
import type { IrritantStatus } from "#db/schema";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/lib/session-users.server";

export const DEMO_PASSWORD = "sentinelle-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.sentinelle.fr", role: "admin", displayName: "Administration Sentinelle (démo)" },
  { email: "equipe@demo.sentinelle.fr", role: "team", displayName: "Équipe programme (démo)" },
  { email: "medecin@demo.sentinelle.fr", role: "practitioner", displayName: "Médecin généraliste (démo)" },
  { email: "patient@demo.sentinelle.fr", role: "patient", displayName: "Patient (démo)" },
  { email: "editeur-a@demo.sentinelle.fr", role: "vendor", displayName: "Support Azur Logiciels (démo)" },
  { email: "editeur-b@demo.sentinelle.fr", role: "vendor", displayName: "Support Brume Informatique (démo)" },
] as const;

// Drawn from the irritants named in the program's status deck of January 2024.
type DemoIrritant = {
  title: string;
  body: string;
  themes: string[];
  by: "medecin" | "patient";
  /** A patient's subject (Mon espace santé, a national service). */
  subject?: PatientSubject;
  status?: IrritantStatus;
  published?: boolean;
  product?: string;
  severity?: "bloquant" | "genant" | "mineur";
  supporters?: number;
};

const DEMO_IRRITANTS: DemoIrritant[] = [
  {
    title: "Qualification de l'INS trop longue en consultation",
    body: "L'appel au téléservice INSi échoue une fois sur trois avec le nom d'usage ; je dois relancer avec le nom de naissance, ce qui prend plusieurs minutes par patient.",
    themes: ["ins"],
    by: "medecin",
    status: "forwarded",
    published: true,
    product: "AzurMed",
    severity: "genant",
    supporters: 4,
  },
  {
    title: "Lenteurs du logiciel de cabinet depuis la version Ségur",
    body: "Depuis la mise à jour Ségur, l'ouverture d'un dossier patient prend plus de dix secondes et l'envoi au DMP bloque l'écran pendant l'envoi.",
    themes: ["performance-lgc", "mes-dmp"],
    by: "medecin",
    status: "forwarded",
    published: true,
    product: "Brume Cabinet",
    severity: "bloquant",
    supporters: 5,
  },
  {
    title: "Comptes rendus de biologie non reçus par MSSanté",
    body: "Certains comptes rendus de biologie n'arrivent jamais dans ma boîte MSSanté, d'autres arrivent en double et dans des formats différents (PDF, CDA).",
    themes: ["mssante"],
    by: "medecin",
    status: "in_progress",
    published: true,
    product: "Cèdre Labo",
    severity: "bloquant",
    supporters: 3,
  },
  {
    title: "Noms des documents incompréhensibles dans Mon espace santé",
    body: "Les documents reçus s'appellent tous « Document » suivi d'une date : impossible de retrouver la bonne ordonnance sans ouvrir chaque fichier.",
    themes: ["nommage-documents", "mes-dmp"],
    by: "patient",
    subject: "mon-espace-sante",
    status: "new",
  },
  {
    title: "Remplir le VSM prend trop de temps",
    body: "Le volet de synthèse médicale demande de ressaisir des informations déjà présentes dans le dossier ; la reprise automatique ne fonctionne pas.",
    themes: ["vsm"],
    by: "medecin",
    status: "new",
  },
  {
    title: "Ordonnance numérique : le paraphe est demandé à chaque page",
    body: "Pour une ordonnance de trois pages, le logiciel demande trois fois le paraphe, alors que la signature suffit.",
    themes: ["ordonnance-numerique"],
    by: "medecin",
    status: "resolved",
    published: true,
    product: "AzurMed",
    severity: "mineur",
    supporters: 1,
  },
  {
    title: "Adresse MSSanté du correspondant introuvable dans l'annuaire",
    body: "Je ne trouve pas l'adresse de messagerie sécurisée du kiné de mon patient : l'annuaire propose trois adresses dont deux ne fonctionnent plus.",
    themes: ["mssante"],
    by: "medecin",
    status: "triaged",
    published: true,
    product: "Dune Messagerie",
    severity: "genant",
    supporters: 2,
  },
];

export function isDatabaseEmpty() {
  return (getDb().select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

// Professionals who support the demo irritants; they have no password and cannot sign in.
const DEMO_SUPPORTERS = [
  { profession: "infirmier", displayName: "Infirmière libérale (démo)" },
  { profession: "pharmacien", displayName: "Pharmacien d'officine (démo)" },
  { profession: "masseur-kinesitherapeute", displayName: "Kinésithérapeute (démo)" },
  { profession: "medecin", displayName: "Médecin généraliste, maison de santé (démo)" },
  { profession: "sage-femme", displayName: "Sage-femme libérale (démo)" },
];

const DEMO_VENDORS = [
  { slug: "azur-logiciels", name: "Azur Logiciels Santé (démo)", isSons: true, contactEmail: "support@azur.demo.sentinelle.fr" },
  { slug: "brume-informatique", name: "Brume Informatique Médicale (démo)", isSons: false, contactEmail: "support@brume.demo.sentinelle.fr" },
  { slug: "cedre-biologie", name: "Cèdre Biologie Systèmes (démo)", isSons: true, contactEmail: "support@cedre.demo.sentinelle.fr" },
  { slug: "dune-messagerie", name: "Dune Messagerie Santé (démo)", isSons: true, contactEmail: "support@dune.demo.sentinelle.fr" },
];

const DEMO_PRODUCTS = [
  { vendor: "azur-logiciels", name: "AzurMed", category: "LGC", segurWave: 1, versions: ["4.2", "4.3", "5.0"], installedBase: 12000 },
  { vendor: "azur-logiciels", name: "AzurOfficine", category: "LGO", segurWave: 1, versions: ["2.1", "2.2"], installedBase: 3500 },
  { vendor: "brume-informatique", name: "Brume Cabinet", category: "LGC", segurWave: 1, versions: ["9.0", "9.1"], installedBase: 8000 },
  { vendor: "brume-informatique", name: "Brume Imagerie", category: "RIS", segurWave: 2, versions: ["3.4"], installedBase: 600 },
  { vendor: "cedre-biologie", name: "Cèdre Labo", category: "SGL", segurWave: 1, versions: ["7.2", "7.3"], installedBase: 900 },
  { vendor: "dune-messagerie", name: "Dune Messagerie", category: "operateur-mssante", segurWave: null, versions: ["2024.1"], installedBase: 40000 },
] as const;

export async function loadDemoData() {
  const db = getDb();
  const vendors = db.insert(organisations).values(DEMO_VENDORS).returning({ id: organisations.id, slug: organisations.slug }).all();
  const vendorId = (slug: string) => vendors.find((v) => v.slug === slug)!.id;
  const productRows = db
    .insert(products)
    .values(DEMO_PRODUCTS.map(({ vendor, versions, ...p }) => ({ ...p, versions: [...versions], vendorId: vendorId(vendor) })))
    .returning({ id: products.id, name: products.name })
    .all();
  const productId = (name: string) => productRows.find((p) => p.name === name)!.id;

  const created: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  for (const account of DEMO_ACCOUNTS) {
    created[account.email] = await createUser({
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      // Practitioners get a professional profile.
      ...(can(account, "profile:professional")
        ? { profession: "medecin", specialty: "Médecine générale", practiceMode: "liberal", region: "Bretagne" }
        : {}),
      organisationId:
        account.email === "editeur-a@demo.sentinelle.fr" ? vendorId("azur-logiciels") : account.email === "editeur-b@demo.sentinelle.fr" ? vendorId("brume-informatique") : null,
    });
  }
  db.update(users).set({ usualProductId: productId("AzurMed"), usualProductVersion: "5.0" }).where(eq(users.id, created["medecin@demo.sentinelle.fr"].id)).run();
  const supporters = db
    .insert(users)
    .values(
      DEMO_SUPPORTERS.map((s, i) => ({
        email: `soutien-${i + 1}@demo.sentinelle.fr`,
        displayName: s.displayName,
        role: "practitioner" as const,
        profession: s.profession,
        practiceMode: "liberal",
      })),
    )
    .returning({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, organisationId: users.organisationId })
    .all();

  const team = created["equipe@demo.sentinelle.fr"];
  const ids: Record<string, number> = {};
  for (const irritant of DEMO_IRRITANTS) {
    const author = created[irritant.by === "medecin" ? "medecin@demo.sentinelle.fr" : "patient@demo.sentinelle.fr"];
    const { id } = fileIrritant(author, { ...irritant, productId: irritant.product ? productId(irritant.product) : undefined });
    // The team confirms the demo themes, which gives the classifier its first examples; irritants about a
    // product that went past triage were forwarded first, which opened their vendor's ticket.
    const passedTriage = irritant.status && !["new", "triaged"].includes(irritant.status);
    if (irritant.product && passedTriage) updateIrritant(team, id, { status: "forwarded" });
    const finalStatus = irritant.status === "new" || irritant.status === "resolved" || (irritant.product && irritant.status === "forwarded") ? undefined : irritant.status;
    updateIrritant(team, id, { themes: irritant.themes, status: finalStatus, published: irritant.published });
    ids[irritant.title] = id;
    for (const supporter of supporters.slice(0, irritant.supporters ?? 0)) supportIrritant(supporter, id);
  }

  // The vendors' side of the demo: an acknowledged ticket with a public answer, a planned fix, a fix awaiting confirmation.
  const ticketOf = (title: string) => listTickets(team, { irritantId: ids[title] }).items[0].id;
  const vendorA = created["editeur-a@demo.sentinelle.fr"];
  const vendorB = created["editeur-b@demo.sentinelle.fr"];
  const slow = ticketOf("Lenteurs du logiciel de cabinet depuis la version Ségur");
  acknowledgeTicket(vendorB, slow);
  replyToTicket(vendorB, slow, {
    visibility: "public",
    body: "Nous reproduisons la lenteur à l'ouverture des dossiers volumineux ; un correctif est en cours de test chez des cabinets pilotes.",
  });
  replyToTicket(vendorB, slow, { visibility: "internal", body: "Cause probable : l'index des documents DMP est recalculé à chaque ouverture." });
  resolveTicket(team, ticketOf("Comptes rendus de biologie non reçus par MSSanté"), { resolution: "planned", version: "7.4", note: "Le format CDA N3 sera produit par défaut." });
  resolveTicket(vendorA, ticketOf("Ordonnance numérique : le paraphe est demandé à chaque page"), { resolution: "fixed", version: "5.0" });

  // The team member who answers for two actions' status: a team account without a password (it cannot sign in).
  const ownerId = getDb().insert(users).values(DEMO_PLAN_OWNER).returning({ id: users.id }).get().id;
  loadDemoActionPlan(team, (theme) => DEMO_IRRITANTS.filter((i) => i.themes[0] === theme && i.published).map((i) => ids[i.title]), ownerId);
  loadDemoSurveys(team);
  loadDemoResources();
  loadDemoNextSteps();
  loadDemoIndicators();
  loadDemoSeminars(team);
  loadDemoRegulation(team, (kind, key) => demoItemId(kind, key, ids));
  // An announcement the team sent to the SONS vendors (the deck's webinar), already delivered: stored as sent.
  getDb()
    .insert(announcements)
    .values({
      title: "Webinaire Sentinelle éditeurs SONS — 8 février 2024",
      body: "Nous présenterons les enseignements des signalements Sentinelle et les implémentations facilitantes (pas de datamatrix, de mention manuscrite…).\nInscription auprès de l'équipe programme avant le 1er février.",
      groups: ["sons"],
      recipientCount: getDb().select({ n: count() }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(organisations.isSons, true)).get()!.n,
      senderId: team.id,
      sentAt: "2024-01-15T09:00:00.000Z",
    })
    .run();
  // Last: its points are built from the data above.
  loadDemoProgressUpdates(team);
}

/** A demo irritant (by title, among those just filed), action (by title) or indicator (by slug), for the register's links. */
function demoItemId(kind: "irritant" | "action" | "indicator", key: string, irritantIds: Record<string, number>) {
  const id =
    kind === "irritant"
      ? irritantIds[key]
      : kind === "action"
        ? getDb().select({ id: actions.id }).from(actions).where(eq(actions.title, key)).get()?.id
        : getDb().select({ id: indicators.id }).from(indicators).where(eq(indicators.slug, key)).get()?.id;
  if (id === undefined) throw new Error(`Demo data: no ${kind} « ${key} » to link to the regulatory register`);
  return id;
}

/**
 * The deck's plan; the first action of each challenge is linked to the irritants `irritantsByTheme` gives for the
 * challenge's first theme (the demo's published ones here; the most supported ones in the scale seed).
 */
export function loadDemoActionPlan(team: SessionUser, irritantsByTheme: (theme: string) => number[], ownerId: number | null = null) {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(organisations)
      .values(DEMO_INSTITUTIONS.map((i) => ({ ...i, kind: "institution" as const })))
      .onConflictDoNothing()
      .run();
    const organisationIds = new Map(tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations).all().map((o) => [o.slug, o.id]));
    const idsOf = (slugs: string[] | undefined) =>
      (slugs ?? []).flatMap((slug) => {
        const id = organisationIds.get(slug);
        return id === undefined ? [] : [id];
      });
    DEMO_ACTION_PLAN.forEach((ws, wsPosition) => {
      const workstreamId = tx.insert(workstreams).values({ title: ws.title, position: wsPosition }).returning().get().id;
      ws.challenges.forEach((ch, chPosition) => {
        const challengeId = tx
          .insert(challenges)
          .values({ workstreamId, title: ch.title, description: ch.description ?? "", position: chPosition })
          .returning()
          .get().id;
        ch.actions.forEach((a, index) => {
          const input = {
            challengeId,
            title: a.title,
            description: a.description ?? "",
            leadKind: a.lead,
            leadOrganisationIds: idsOf(a.leadOrganisations),
            coLeadOrganisationIds: idsOf(a.coLeadOrganisations),
            responsibleId: a.responsible ? ownerId : null, // the scale seed names no owner
            deadlineLabel: a.previousDeadline ?? a.deadline,
            status: a.status,
            segurWave: a.wave ?? null,
            steps: a.steps ?? [],
            themes: ch.themes,
            irritantIds: index === 0 ? irritantsByTheme(ch.themes[0]) : [],
          };
          const id = writeAction(tx, team, null, input, { at: "2023-11-20T17:00:00.000Z" });
          // The deck shows this deadline as moved: keep the change in the history.
          if (a.previousDeadline) {
            const deadlineReason = "Report indiqué par le point d'étape du 11 janvier 2024 (le support n'en donne pas la raison)";
            writeAction(tx, team, id, { ...input, deadlineLabel: a.deadline, deadlineReason }, { at: "2024-01-11T09:00:00.000Z" });
          }
        });
      });
    });
    for (const note of DEMO_NOTES) {
      const action = tx.select({ id: actions.id }).from(actions).where(eq(actions.title, note.action)).get()!;
      tx.insert(actionNotes).values({ actionId: action.id, authorId: team.id, body: note.body, createdAt: note.at }).run();
    }
  });
}
