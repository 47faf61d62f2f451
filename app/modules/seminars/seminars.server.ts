import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "#db/client";
import {
  actions,
  campaigns,
  irritants,
  registrationWorkshops,
  seminarOutcomes,
  seminarRegistrations,
  seminarSlots,
  seminarVerbatims,
  seminars,
  users,
  workshopCards,
  workshopClusters,
  workshops,
} from "#db/schema";
import { formatDate } from "~/lib/dates";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/modules/accounts/accounts.server";
import { overdueOf } from "~/modules/action-plan/plan.server";
import { redactPatientIdentifiers } from "~/modules/irritants/redaction";
import { publicBaseUrl, queueAccountEmail } from "~/modules/notifications/mailer.server";
import { randomToken, sha256 } from "~/lib/tokens.server";
import { computeBalance, generateCode, placesLeft } from "./board";
import type { RegistrationInput, SeminarInput, SlotInput, WorkshopInput } from "./schemas";
import type { Side, SideDetail } from "./vocabulary";

function requireSeminarManager(actor: SessionUser | null) {
  if (!can(actor, "seminar:manage")) throw new HttpError(403, "Les séminaires sont préparés par l'équipe programme.");
}

/** Today in Paris, as YYYY-MM-DD: a seminar of today is still "upcoming". */
function parisToday(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

const MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

/** "2023-11-20" → "seminaire-20-novembre-2023"; a second seminar the same day gets "-2", and so on. */
function freeSlug(tx: Tx, date: string) {
  const [y, m, d] = date.split("-").map(Number);
  const base = `seminaire-${d}-${MONTHS[m - 1]}-${y}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: seminars.id }).from(seminars).where(eq(seminars.slug, slug)).get()) return slug;
  }
}

/** A fresh workshop code, never given to another workshop. */
function freeCode(tx: Tx) {
  for (;;) {
    const code = generateCode((n) => randomBytes(n));
    if (!tx.select({ id: workshops.id }).from(workshops).where(eq(workshops.code, code)).get()) return code;
  }
}

function requireSeminar(tx: DbOrTx, id: number) {
  const row = tx.select().from(seminars).where(eq(seminars.id, id)).get();
  if (!row) throw new HttpError(404, "Ce séminaire n'existe pas.");
  return row;
}

function requireWorkshop(tx: DbOrTx, id: number) {
  const row = tx.select().from(workshops).where(eq(workshops.id, id)).get();
  if (!row) throw new HttpError(404, "Cet atelier n'existe pas.");
  return row;
}

// --- Events (team) ---------------------------------------------------------------------------------

export function createSeminar(actor: SessionUser, input: SeminarInput, options: { slug?: string } = {}) {
  requireSeminarManager(actor);
  return getDb().transaction((tx) => {
    const slug = options.slug ?? freeSlug(tx, input.date);
    const row = tx
      .insert(seminars)
      .values({
        slug,
        title: input.title,
        date: input.date,
        place: input.place,
        description: input.description,
        objectives: input.objectives,
        published: input.published ?? false,
        registrationOpen: input.registrationOpen ?? false,
      })
      .returning({ id: seminars.id, slug: seminars.slug })
      .get();
    recordEvent(tx, { type: "seminar.created", actorId: actor.id, subject: { type: "seminar", id: row.id }, payload: { title: input.title, date: input.date } });
    return row;
  });
}

export function updateSeminar(actor: SessionUser, id: number, input: SeminarInput) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    requireSeminar(tx, id);
    tx.update(seminars)
      .set({
        title: input.title,
        date: input.date,
        place: input.place,
        description: input.description,
        objectives: input.objectives,
        published: input.published ?? false,
        registrationOpen: input.registrationOpen ?? false,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(seminars.id, id))
      .run();
    recordEvent(tx, { type: "seminar.updated", actorId: actor.id, subject: { type: "seminar", id }, payload: { title: input.title } });
  });
}

export function listSeminarsForTeam() {
  const db = getDb();
  const rows = db.select().from(seminars).orderBy(desc(seminars.date), desc(seminars.id)).all();
  const counts = db
    .select({ seminarId: seminarRegistrations.seminarId, n: count() })
    .from(seminarRegistrations)
    .where(confirmed)
    .groupBy(seminarRegistrations.seminarId)
    .all();
  const workshopCounts = db.select({ seminarId: workshops.seminarId, n: count() }).from(workshops).groupBy(workshops.seminarId).all();
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    date: s.date,
    place: s.place,
    published: s.published,
    registrationOpen: s.registrationOpen,
    registrations: counts.find((c) => c.seminarId === s.id)?.n ?? 0,
    workshops: workshopCounts.find((c) => c.seminarId === s.id)?.n ?? 0,
  }));
}

function slotsOf(seminarId: number) {
  return getDb()
    .select({ id: seminarSlots.id, period: seminarSlots.period, kind: seminarSlots.kind, title: seminarSlots.title, workshopId: seminarSlots.workshopId, position: seminarSlots.position })
    .from(seminarSlots)
    .where(eq(seminarSlots.seminarId, seminarId))
    .orderBy(asc(seminarSlots.position), asc(seminarSlots.id))
    .all();
}

function workshopsOf(seminarId: number) {
  const db = getDb();
  const rows = db
    .select({ workshop: workshops, facilitatorEmail: users.email, facilitatorName: users.displayName })
    .from(workshops)
    .leftJoin(users, eq(users.id, workshops.facilitatorId))
    .where(eq(workshops.seminarId, seminarId))
    .orderBy(asc(workshops.number))
    .all();
  const ids = rows.map((r) => r.workshop.id);
  const registered = ids.length
    ? db
        .select({ workshopId: registrationWorkshops.workshopId, n: count() })
        .from(registrationWorkshops)
        .innerJoin(seminarRegistrations, eq(seminarRegistrations.id, registrationWorkshops.registrationId))
        .where(and(inArray(registrationWorkshops.workshopId, ids), confirmed))
        .groupBy(registrationWorkshops.workshopId)
        .all()
    : [];
  const cards = ids.length
    ? db.select({ workshopId: workshopCards.workshopId, n: count() }).from(workshopCards).where(and(inArray(workshopCards.workshopId, ids), sql`${workshopCards.hiddenAt} is null`)).groupBy(workshopCards.workshopId).all()
    : [];
  return rows.map(({ workshop: w, facilitatorEmail, facilitatorName }) => {
    const n = registered.find((r) => r.workshopId === w.id)?.n ?? 0;
    return {
      id: w.id,
      number: w.number,
      title: w.title,
      question: w.question,
      facilitatorId: w.facilitatorId,
      facilitatorEmail,
      facilitatorName,
      facilitatorLabel: w.facilitatorLabel,
      capacity: w.capacity,
      code: w.code,
      status: w.status,
      votingOpen: w.votingOpen,
      dotsPerParticipant: w.dotsPerParticipant,
      registered: n,
      placesLeft: placesLeft(w.capacity, n),
      cardCount: cards.find((c) => c.workshopId === w.id)?.n ?? 0,
    };
  });
}

/** Everything the team's page of one seminar shows. */
export function getSeminarForTeam(actor: SessionUser, id: number) {
  requireSeminarManager(actor);
  const db = getDb();
  const seminar = requireSeminar(db, id);
  const campaign = seminar.feedbackCampaignId
    ? db.select({ slug: campaigns.slug, title: campaigns.title, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, seminar.feedbackCampaignId)).get()
    : undefined;
  return {
    ...seminar,
    slots: slotsOf(id),
    workshops: workshopsOf(id),
    verbatims: db.select().from(seminarVerbatims).where(eq(seminarVerbatims.seminarId, id)).orderBy(asc(seminarVerbatims.position), asc(seminarVerbatims.id)).all(),
    campaign: campaign ?? null,
  };
}

// --- Agenda and workshops (team) -------------------------------------------------------------------

export function addSlot(actor: SessionUser, seminarId: number, input: SlotInput) {
  requireSeminarManager(actor);
  return getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    if (input.workshopId) {
      const w = requireWorkshop(tx, input.workshopId);
      if (w.seminarId !== seminarId) throw new HttpError(422, "Cet atelier n'est pas de ce séminaire.", { workshopId: ["Choisissez un atelier de ce séminaire."] });
    }
    const position = (tx.select({ p: max(seminarSlots.position) }).from(seminarSlots).where(eq(seminarSlots.seminarId, seminarId)).get()?.p ?? -1) + 1;
    const row = tx
      .insert(seminarSlots)
      .values({ seminarId, position, period: input.period, kind: input.kind, title: input.title, workshopId: input.kind === "workshop" ? (input.workshopId ?? null) : null })
      .returning({ id: seminarSlots.id })
      .get();
    recordEvent(tx, { type: "seminar.slot_added", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { slotId: row.id, kind: input.kind, title: input.title } });
    return row.id;
  });
}

export function removeSlot(actor: SessionUser, seminarId: number, slotId: number) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const slot = tx.select().from(seminarSlots).where(and(eq(seminarSlots.id, slotId), eq(seminarSlots.seminarId, seminarId))).get();
    if (!slot) throw new HttpError(404, "Cette séquence n'existe pas.");
    tx.delete(seminarSlots).where(eq(seminarSlots.id, slotId)).run();
    recordEvent(tx, { type: "seminar.slot_removed", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { title: slot.title } });
  });
}

/** Moves an agenda slot one place up or down. */
export function moveSlot(actor: SessionUser, seminarId: number, slotId: number, direction: "up" | "down") {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const list = tx.select({ id: seminarSlots.id }).from(seminarSlots).where(eq(seminarSlots.seminarId, seminarId)).orderBy(asc(seminarSlots.position), asc(seminarSlots.id)).all();
    const index = list.findIndex((s) => s.id === slotId);
    if (index < 0) throw new HttpError(404, "Cette séquence n'existe pas.");
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= list.length) return;
    [list[index], list[other]] = [list[other], list[index]];
    list.forEach((s, position) => tx.update(seminarSlots).set({ position }).where(eq(seminarSlots.id, s.id)).run());
    recordEvent(tx, { type: "seminar.slot_moved", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { slotId, direction } });
  });
}

function facilitatorIdFor(tx: Tx, email: string | undefined) {
  if (!email) return null;
  const user = tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!user || user.disabledAt) throw new HttpError(422, "Aucun compte actif avec cette adresse.", { facilitatorEmail: ["Aucun compte Sentinelle actif avec cette adresse : l'animateur doit avoir un compte."] });
  return user.id;
}

export function addWorkshop(actor: SessionUser, seminarId: number, input: WorkshopInput, options: { code?: string } = {}) {
  requireSeminarManager(actor);
  return getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    const number = (tx.select({ n: max(workshops.number) }).from(workshops).where(eq(workshops.seminarId, seminarId)).get()?.n ?? 0) + 1;
    const row = tx
      .insert(workshops)
      .values({
        seminarId,
        number,
        title: input.title,
        question: input.question,
        facilitatorId: facilitatorIdFor(tx, input.facilitatorEmail),
        facilitatorLabel: input.facilitatorLabel || `Animateur de l'atelier ${number}`,
        capacity: input.capacity ?? null,
        dotsPerParticipant: input.dotsPerParticipant,
        code: options.code ?? freeCode(tx),
      })
      .returning({ id: workshops.id, code: workshops.code, number: workshops.number })
      .get();
    recordEvent(tx, { type: "workshop.created", actorId: actor.id, subject: { type: "workshop", id: row.id }, payload: { seminarId, number, title: input.title } });
    return row;
  });
}

export function updateWorkshop(actor: SessionUser, seminarId: number, workshopId: number, input: WorkshopInput) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const w = requireWorkshop(tx, workshopId);
    if (w.seminarId !== seminarId) throw new HttpError(404, "Cet atelier n'existe pas.");
    const registered = confirmedSeats(tx, workshopId);
    if (input.capacity !== undefined && input.capacity < registered) {
      throw new HttpError(422, "Capacité inférieure aux inscrits.", { capacity: [`${registered} personnes sont déjà inscrites : la capacité ne peut pas descendre en dessous.`] });
    }
    tx.update(workshops)
      .set({
        title: input.title,
        question: input.question,
        facilitatorId: facilitatorIdFor(tx, input.facilitatorEmail),
        facilitatorLabel: input.facilitatorLabel || `Animateur de l'atelier ${w.number}`,
        capacity: input.capacity ?? null,
        dotsPerParticipant: input.dotsPerParticipant,
        revision: sql`${workshops.revision} + 1`,
      })
      .where(eq(workshops.id, workshopId))
      .run();
    recordEvent(tx, { type: "workshop.updated", actorId: actor.id, subject: { type: "workshop", id: workshopId }, payload: { title: input.title } });
  });
}

/** A new code for a workshop (the old one stops working at once), e.g. after it leaked outside the room. */
export function renewWorkshopCode(actor: SessionUser, seminarId: number, workshopId: number) {
  requireSeminarManager(actor);
  return getDb().transaction((tx) => {
    const w = requireWorkshop(tx, workshopId);
    if (w.seminarId !== seminarId) throw new HttpError(404, "Cet atelier n'existe pas.");
    const code = freeCode(tx);
    tx.update(workshops).set({ code, revision: sql`${workshops.revision} + 1` }).where(eq(workshops.id, workshopId)).run();
    recordEvent(tx, { type: "workshop.code_renewed", actorId: actor.id, subject: { type: "workshop", id: workshopId } });
    return code;
  });
}

// --- Registrations ---------------------------------------------------------------------------------

type Registrant = { kind: "user"; user: SessionUser } | { kind: "guest" } | { kind: "team"; actor: SessionUser };

/** How long the link confirming a guest's registration works; the unconfirmed row is then erased (retention). */
export const REGISTRATION_CONFIRMATION_HOURS = 72;

/** Registrations that count: confirmed addresses only (a guest's unconfirmed one says nothing yet). */
const confirmed = isNotNull(seminarRegistrations.confirmedAt);

function confirmedSeats(tx: DbOrTx, workshopId: number) {
  return tx
    .select({ n: count() })
    .from(registrationWorkshops)
    .innerJoin(seminarRegistrations, eq(seminarRegistrations.id, registrationWorkshops.registrationId))
    .where(and(eq(registrationWorkshops.workshopId, workshopId), confirmed))
    .get()!.n;
}

/**
 * Registers someone. The team adds people directly (confirmed); a signed-in person whose account address is confirmed
 * is registered at once. Anyone else, a guest above all, gets a single-use link by e-mail and counts only once it is
 * opened: until then the registration takes no seat and is in no figure, and it is tied to no account even when the
 * address is an account's. The answer to a guest is the same whether the address is new, an account's or already
 * registered (the already-registered person is told by e-mail), so the form says nothing about who attends.
 */
export function register(
  seminarId: number,
  registrant: Registrant,
  input: { name?: string; email?: string; side: Side; detail: SideDetail | null; organisation: string; workshopIds: number[] },
): { id: number | null; status: "confirmed" | "pending" } {
  if (registrant.kind === "team") requireSeminarManager(registrant.actor);
  return getDb().transaction((tx) => {
    const seminar = requireSeminar(tx, seminarId);
    if (registrant.kind !== "team") {
      if (!seminar.published || !seminar.registrationOpen) throw new HttpError(409, "Les inscriptions à ce séminaire ne sont pas ouvertes.");
      if (seminar.date < parisToday()) throw new HttpError(409, "Ce séminaire a déjà eu lieu : les inscriptions sont closes.");
    }
    const name = registrant.kind === "user" ? registrant.user.displayName : (input.name ?? "").trim();
    const email = (registrant.kind === "user" ? registrant.user.email : (input.email ?? "")).trim().toLowerCase();
    if (!name || !email) throw new HttpError(422, "Nom et adresse requis.", { name: ["Indiquez votre nom."], email: ["Indiquez votre adresse e-mail."] });
    const workshopIds = [...new Set(input.workshopIds)];
    const chosen = workshopIds.length ? tx.select().from(workshops).where(inArray(workshops.id, workshopIds)).all() : [];
    if (chosen.length !== workshopIds.length || chosen.some((w) => w.seminarId !== seminarId)) {
      throw new HttpError(422, "Atelier inconnu.", { workshopIds: ["Choisissez des ateliers de ce séminaire."] });
    }
    for (const w of chosen) {
      if (w.capacity === null) continue;
      if (confirmedSeats(tx, w.id) >= w.capacity) throw new HttpError(409, `L'atelier ${w.number} est complet.`, { workshopIds: [`L'atelier ${w.number} est complet (${w.capacity} places) : choisissez-en un autre.`] });
    }
    const existing = tx.select().from(seminarRegistrations).where(and(eq(seminarRegistrations.seminarId, seminarId), eq(seminarRegistrations.email, email))).get();
    if (existing?.confirmedAt) {
      if (registrant.kind !== "guest") throw new HttpError(409, "Cette adresse est déjà inscrite à ce séminaire.", { email: ["Cette adresse est déjà inscrite à ce séminaire."] });
      // Told to the address, not to whoever typed it; at most one such e-mail an hour.
      queueAccountEmail(tx, {
        userId: existing.userId,
        to: email,
        dedupeKey: `seminar-already:${existing.id}:${new Date().toISOString().slice(0, 13)}`,
        subject: `vous êtes déjà inscrit au séminaire du ${formatDate(`${seminar.date}T12:00:00Z`)}`,
        paragraphs: [
          `Une inscription au séminaire « ${seminar.title} » vient d'être demandée avec votre adresse. Vous êtes déjà inscrit : rien ne change.`,
          "Pour modifier vos ateliers, répondez à l'équipe programme.",
        ],
        link: { href: `${publicBaseUrl()}/seminaires/${seminar.slug}`, label: "Voir le séminaire" },
        reason: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
      });
      return { id: null, status: "pending" as const };
    }
    // An unconfirmed registration for the address is replaced: only the mailbox's owner can confirm the newest one.
    if (existing) tx.delete(seminarRegistrations).where(eq(seminarRegistrations.id, existing.id)).run();
    const confirmedNow =
      registrant.kind === "team" ||
      (registrant.kind === "user" && !!tx.select({ at: users.emailConfirmedAt }).from(users).where(eq(users.id, registrant.user.id)).get()?.at);
    const token = confirmedNow ? null : randomToken();
    const now = new Date();
    const row = tx
      .insert(seminarRegistrations)
      .values({
        seminarId,
        // A guest's registration belongs to no account until the link is opened, whatever the address.
        userId: registrant.kind === "user" ? registrant.user.id : null,
        name,
        email,
        side: input.side,
        sideDetail: input.detail,
        organisation: input.organisation,
        confirmedAt: confirmedNow ? now.toISOString() : null,
        confirmTokenHash: token ? sha256(token) : null,
        confirmExpiresAt: token ? new Date(now.getTime() + REGISTRATION_CONFIRMATION_HOURS * 3_600_000).toISOString() : null,
      })
      .returning({ id: seminarRegistrations.id })
      .get();
    if (chosen.length) tx.insert(registrationWorkshops).values(chosen.map((w) => ({ registrationId: row.id, workshopId: w.id }))).run();
    recordEvent(tx, {
      type: confirmedNow ? "seminar.registered" : "seminar.registration_requested",
      actorId: registrant.kind === "user" ? registrant.user.id : registrant.kind === "team" ? registrant.actor.id : null,
      subject: { type: "seminar", id: seminarId },
      payload: { registrationId: row.id, side: input.side, workshops: chosen.map((w) => w.number), guest: registrant.kind !== "user" },
    });
    if (token) {
      const account = registrant.kind === "guest" ? tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get() : undefined;
      queueAccountEmail(tx, {
        userId: registrant.kind === "user" ? registrant.user.id : null,
        to: email,
        dedupeKey: `seminar-registration:${row.id}`,
        subject: `confirmez votre inscription au séminaire du ${formatDate(`${seminar.date}T12:00:00Z`)}`,
        paragraphs: [
          `Une inscription au séminaire « ${seminar.title} » a été demandée avec votre adresse, au nom de « ${name} ».`,
          "Elle ne compte qu'une fois confirmée : ouvrez le lien ci-dessous pour la confirmer.",
          ...(account ? ["Cette adresse est celle d'un compte Sentinelle : en confirmant, l'inscription sera rattachée à ce compte."] : []),
          `Le lien est valable ${REGISTRATION_CONFIRMATION_HOURS} heures ; sans confirmation, la demande est effacée.`,
        ],
        link: { href: `${publicBaseUrl()}/confirmer-inscription?jeton=${token}`, label: "Confirmer mon inscription" },
        reason: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : vous ne serez pas inscrit.",
      });
    }
    return { id: row.id, status: confirmedNow ? ("confirmed" as const) : ("pending" as const) };
  });
}

export function registerFromForm(seminarId: number, registrant: Registrant, input: Partial<Pick<RegistrationInput, "name" | "email">> & Omit<RegistrationInput, "name" | "email">) {
  return register(seminarId, registrant, { name: input.name, email: input.email, side: input.sideChoice.side, detail: input.sideChoice.detail, organisation: input.organisation, workshopIds: input.workshopIds });
}

/**
 * Confirms a registration through its e-mailed link (single use). The person who opens it controls the address: the
 * registration then counts, and is tied to the account that has this address, if any. A workshop that filled up
 * while the link waited is dropped from the registration (the seminar itself has no cap).
 */
export function confirmRegistration(token: string) {
  return getDb().transaction((tx) => {
    const row = tx.select().from(seminarRegistrations).where(eq(seminarRegistrations.confirmTokenHash, sha256(token))).get();
    if (!row || row.confirmedAt) throw new HttpError(410, "Ce lien a déjà servi ou n'est plus valide. Si vous n'êtes pas inscrit, inscrivez-vous à nouveau.");
    if (!row.confirmExpiresAt || row.confirmExpiresAt <= new Date().toISOString()) throw new HttpError(410, "Ce lien a expiré. Inscrivez-vous à nouveau.");
    const seminar = requireSeminar(tx, row.seminarId);
    const account = tx.select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt }).from(users).where(eq(users.email, row.email)).get();
    const owner = account && !account.disabledAt ? account : null;
    const chosen = tx
      .select({ id: workshops.id, number: workshops.number, capacity: workshops.capacity })
      .from(registrationWorkshops)
      .innerJoin(workshops, eq(workshops.id, registrationWorkshops.workshopId))
      .where(eq(registrationWorkshops.registrationId, row.id))
      .all();
    const full = chosen.filter((w) => w.capacity !== null && confirmedSeats(tx, w.id) >= w.capacity);
    if (full.length) tx.delete(registrationWorkshops).where(and(eq(registrationWorkshops.registrationId, row.id), inArray(registrationWorkshops.workshopId, full.map((w) => w.id)))).run();
    tx.update(seminarRegistrations)
      .set({ confirmedAt: new Date().toISOString(), confirmTokenHash: null, confirmExpiresAt: null, ...(owner ? { userId: owner.id, name: owner.displayName } : {}) })
      .where(eq(seminarRegistrations.id, row.id))
      .run();
    recordEvent(tx, {
      type: "seminar.registered",
      actorId: owner?.id ?? null,
      subject: { type: "seminar", id: row.seminarId },
      payload: { registrationId: row.id, side: row.side, workshops: chosen.filter((w) => !full.includes(w)).map((w) => w.number), guest: !owner, confirmed: true },
    });
    return { seminar: { slug: seminar.slug, title: seminar.title, date: seminar.date }, fullWorkshops: full.map((w) => w.number) };
  });
}

/** Whether the address has a confirmed registration (an unconfirmed one, maybe typed by someone else, is not theirs yet). */
export function isRegistered(seminarId: number, email: string) {
  return !!getDb()
    .select({ id: seminarRegistrations.id })
    .from(seminarRegistrations)
    .where(and(eq(seminarRegistrations.seminarId, seminarId), eq(seminarRegistrations.email, email.toLowerCase()), confirmed))
    .get();
}

export function removeRegistration(actor: SessionUser, seminarId: number, registrationId: number) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const row = tx.select().from(seminarRegistrations).where(and(eq(seminarRegistrations.id, registrationId), eq(seminarRegistrations.seminarId, seminarId))).get();
    if (!row) throw new HttpError(404, "Cette inscription n'existe pas.");
    tx.delete(seminarRegistrations).where(eq(seminarRegistrations.id, registrationId)).run();
    recordEvent(tx, { type: "seminar.registration_removed", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { registrationId, side: row.side } });
  });
}

/** Registrations with their workshops (team only: names and addresses are personal data). */
export function listRegistrations(actor: SessionUser, seminarId: number) {
  requireSeminarManager(actor);
  const db = getDb();
  // Named columns: the hash of a pending confirmation link has no business in the page.
  const rows = db
    .select({
      id: seminarRegistrations.id,
      userId: seminarRegistrations.userId,
      name: seminarRegistrations.name,
      email: seminarRegistrations.email,
      side: seminarRegistrations.side,
      sideDetail: seminarRegistrations.sideDetail,
      organisation: seminarRegistrations.organisation,
      createdAt: seminarRegistrations.createdAt,
      confirmedAt: seminarRegistrations.confirmedAt,
      confirmExpiresAt: seminarRegistrations.confirmExpiresAt,
    })
    .from(seminarRegistrations)
    .where(eq(seminarRegistrations.seminarId, seminarId))
    .orderBy(asc(seminarRegistrations.id))
    .all();
  const links = rows.length
    ? db
        .select({ registrationId: registrationWorkshops.registrationId, number: workshops.number })
        .from(registrationWorkshops)
        .innerJoin(workshops, eq(workshops.id, registrationWorkshops.workshopId))
        .where(inArray(registrationWorkshops.registrationId, rows.map((r) => r.id)))
        .all()
    : [];
  return rows.map((r) => ({ ...r, workshops: links.filter((l) => l.registrationId === r.id).map((l) => l.number).sort((a, b) => a - b) }));
}

/** The balance of the triangle for the whole seminar and for each workshop (counts only: no names). */
export function seminarBalance(seminarId: number) {
  const db = getDb();
  const people = db
    .select({ id: seminarRegistrations.id, side: seminarRegistrations.side, detail: seminarRegistrations.sideDetail })
    .from(seminarRegistrations)
    .where(and(eq(seminarRegistrations.seminarId, seminarId), confirmed))
    .all();
  const links = db
    .select({ registrationId: registrationWorkshops.registrationId, workshopId: registrationWorkshops.workshopId })
    .from(registrationWorkshops)
    .innerJoin(workshops, eq(workshops.id, registrationWorkshops.workshopId))
    .where(eq(workshops.seminarId, seminarId))
    .all();
  const list = db.select({ id: workshops.id, number: workshops.number, title: workshops.title, capacity: workshops.capacity }).from(workshops).where(eq(workshops.seminarId, seminarId)).orderBy(asc(workshops.number)).all();
  return {
    overall: computeBalance(people),
    workshops: list.map((w) => {
      const ids = new Set(links.filter((l) => l.workshopId === w.id).map((l) => l.registrationId));
      const balance = computeBalance(people.filter((p) => ids.has(p.id)));
      return { ...w, balance, placesLeft: placesLeft(w.capacity, balance.total) };
    }),
  };
}

// --- Verbatims and feedback (team) -----------------------------------------------------------------

export function addVerbatim(actor: SessionUser, seminarId: number, input: { text: string; side?: Side; consent?: boolean; published?: boolean }) {
  requireSeminarManager(actor);
  if (input.published && !input.consent) {
    throw new HttpError(422, "Pas de publication sans consentement.", { published: ["Une citation n'est publiée qu'avec le consentement de la personne."] });
  }
  const text = redactPatientIdentifiers(input.text);
  return getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    const position = (tx.select({ p: max(seminarVerbatims.position) }).from(seminarVerbatims).where(eq(seminarVerbatims.seminarId, seminarId)).get()?.p ?? -1) + 1;
    const row = tx
      .insert(seminarVerbatims)
      .values({ seminarId, text: text.text, side: input.side ?? null, consent: input.consent ?? false, published: input.published ?? false, position })
      .returning({ id: seminarVerbatims.id })
      .get();
    recordEvent(tx, { type: "seminar.verbatim_added", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId: row.id, published: input.published ?? false } });
    return { id: row.id, redacted: text.total };
  });
}

export function setVerbatimPublication(actor: SessionUser, seminarId: number, verbatimId: number, published: boolean) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const row = tx.select().from(seminarVerbatims).where(and(eq(seminarVerbatims.id, verbatimId), eq(seminarVerbatims.seminarId, seminarId))).get();
    if (!row) throw new HttpError(404, "Cette citation n'existe pas.");
    if (published && !row.consent) throw new HttpError(409, "Cette citation n'a pas le consentement de la personne : elle ne peut pas être publiée.");
    tx.update(seminarVerbatims).set({ published }).where(eq(seminarVerbatims.id, verbatimId)).run();
    recordEvent(tx, { type: published ? "seminar.verbatim_published" : "seminar.verbatim_unpublished", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId } });
  });
}

export function removeVerbatim(actor: SessionUser, seminarId: number, verbatimId: number) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const row = tx.select({ id: seminarVerbatims.id }).from(seminarVerbatims).where(and(eq(seminarVerbatims.id, verbatimId), eq(seminarVerbatims.seminarId, seminarId))).get();
    if (!row) throw new HttpError(404, "Cette citation n'existe pas.");
    tx.delete(seminarVerbatims).where(eq(seminarVerbatims.id, verbatimId)).run();
    recordEvent(tx, { type: "seminar.verbatim_removed", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId } });
  });
}

/** Positive points, improvement points and the post-event questionnaire's campaign (by slug, or none). */
export function saveFeedback(actor: SessionUser, seminarId: number, input: { positives: string[]; improvements: string[]; campaignSlug?: string }) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    const campaign = input.campaignSlug ? tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, input.campaignSlug)).get() : null;
    if (input.campaignSlug && !campaign) throw new HttpError(422, "Enquête inconnue.", { campaignSlug: ["Choisissez une enquête de la liste."] });
    tx.update(seminars)
      .set({ positives: input.positives, improvements: input.improvements, feedbackCampaignId: campaign?.id ?? null, updatedAt: new Date().toISOString() })
      .where(eq(seminars.id, seminarId))
      .run();
    recordEvent(tx, { type: "seminar.feedback_saved", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { positives: input.positives.length, improvements: input.improvements.length, campaign: input.campaignSlug ?? null } });
  });
}

// --- Outcomes (restitution's results) ----------------------------------------------------------------

/**
 * What came out of a seminar and what became of it: each irritant and action with its current status.
 * The public sees published, live irritants; the others are counted, not shown.
 */
export function listOutcomes(seminarId: number, viewer: SessionUser | null) {
  const db = getDb();
  const seesAll = can(viewer, "irritant:read-unpublished");
  const rows = db
    .select({ outcome: seminarOutcomes, workshopNumber: workshops.number, workshopTitle: workshops.title })
    .from(seminarOutcomes)
    .innerJoin(workshops, eq(workshops.id, seminarOutcomes.workshopId))
    .where(eq(seminarOutcomes.seminarId, seminarId))
    .orderBy(asc(workshops.number), asc(seminarOutcomes.id))
    .all();
  const irritantIds = rows.filter((r) => r.outcome.targetKind === "irritant").map((r) => r.outcome.targetId);
  const actionIds = rows.filter((r) => r.outcome.targetKind === "action").map((r) => r.outcome.targetId);
  const irritantRows = irritantIds.length
    ? db.select({ id: irritants.id, title: irritants.title, status: irritants.status, published: irritants.published, hiddenAt: irritants.hiddenAt, mergedIntoId: irritants.mergedIntoId, supportCount: irritants.supportCount }).from(irritants).where(inArray(irritants.id, irritantIds)).all()
    : [];
  const actionRows = actionIds.length ? db.select({ id: actions.id, title: actions.title, status: actions.status, deadlineLabel: actions.deadlineLabel, deadlineDue: actions.deadlineDue }).from(actions).where(inArray(actions.id, actionIds)).all() : [];
  const sourceTitles = sourceLabels(rows.map((r) => r.outcome));
  let hiddenIrritants = 0;
  const items = [];
  for (const { outcome: o, workshopNumber, workshopTitle } of rows) {
    const source = { kind: o.sourceKind, id: o.sourceId, label: sourceTitles.get(`${o.sourceKind}:${o.sourceId}`) ?? "" };
    if (o.targetKind === "irritant") {
      const i = irritantRows.find((r) => r.id === o.targetId);
      if (!i) continue;
      const visible = seesAll || (i.published && i.hiddenAt === null && i.mergedIntoId === null);
      if (!visible) {
        hiddenIrritants += 1;
        continue;
      }
      items.push({ id: o.id, workshopNumber, workshopTitle, source, kind: "irritant" as const, targetId: i.id, title: i.title, status: i.status, published: i.published, supportCount: i.supportCount, deadlineLabel: null, overdue: false, createdAt: o.createdAt });
    } else {
      const a = actionRows.find((r) => r.id === o.targetId);
      if (!a) continue;
      items.push({ id: o.id, workshopNumber, workshopTitle, source, kind: "action" as const, targetId: a.id, title: a.title, status: a.status, published: true, supportCount: 0, deadlineLabel: a.deadlineLabel, overdue: overdueOf(a), createdAt: o.createdAt });
    }
  }
  return { items, hiddenIrritants };
}

function sourceLabels(outcomes: { sourceKind: "card" | "cluster"; sourceId: number }[]) {
  const db = getDb();
  const cardIds = outcomes.filter((o) => o.sourceKind === "card").map((o) => o.sourceId);
  const clusterIds = outcomes.filter((o) => o.sourceKind === "cluster").map((o) => o.sourceId);
  const map = new Map<string, string>();
  if (cardIds.length) for (const c of db.select({ id: workshopCards.id, text: workshopCards.text }).from(workshopCards).where(inArray(workshopCards.id, cardIds)).all()) map.set(`card:${c.id}`, c.text);
  if (clusterIds.length) for (const c of db.select({ id: workshopClusters.id, title: workshopClusters.title }).from(workshopClusters).where(inArray(workshopClusters.id, clusterIds)).all()) map.set(`cluster:${c.id}`, c.title);
  return map;
}

/**
 * Where an irritant or an action came from, for its page: "issu de l'atelier 2 du séminaire du 20 novembre 2023".
 * The seminar's link is given only when its page is public (or to the team).
 */
export function originsOf(targetKind: "irritant" | "action", targetId: number, viewer: SessionUser | null) {
  const rows = getDb()
    .select({ number: workshops.number, workshopTitle: workshops.title, slug: seminars.slug, seminarId: seminars.id, title: seminars.title, date: seminars.date, published: seminars.published })
    .from(seminarOutcomes)
    .innerJoin(workshops, eq(workshops.id, seminarOutcomes.workshopId))
    .innerJoin(seminars, eq(seminars.id, seminarOutcomes.seminarId))
    .where(and(eq(seminarOutcomes.targetKind, targetKind), eq(seminarOutcomes.targetId, targetId)))
    .all();
  const team = can(viewer, "seminar:manage");
  return rows
    .filter((r) => r.published || team)
    .map((r) => ({ workshopNumber: r.number, workshopTitle: r.workshopTitle, seminarSlug: r.slug, seminarId: r.seminarId, seminarTitle: r.title, date: r.date, published: r.published }));
}

// --- Public pages -------------------------------------------------------------------------------------

export function listPublicSeminars(today = parisToday()) {
  const rows = getDb()
    .select({ slug: seminars.slug, title: seminars.title, date: seminars.date, place: seminars.place, registrationOpen: seminars.registrationOpen })
    .from(seminars)
    .where(eq(seminars.published, true))
    .orderBy(desc(seminars.date))
    .all();
  return { upcoming: rows.filter((r) => r.date >= today).reverse(), past: rows.filter((r) => r.date < today) };
}

export function getPublicSeminar(slug: string, viewer: SessionUser | null) {
  const db = getDb();
  const seminar = db.select().from(seminars).where(eq(seminars.slug, slug)).get();
  if (!seminar || (!seminar.published && !can(viewer, "seminar:manage"))) throw new HttpError(404, "Ce séminaire n'existe pas.");
  const campaign = seminar.feedbackCampaignId
    ? db.select({ slug: campaigns.slug, title: campaigns.title, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, seminar.feedbackCampaignId)).get()
    : undefined;
  const today = parisToday();
  return {
    id: seminar.id,
    slug: seminar.slug,
    title: seminar.title,
    date: seminar.date,
    place: seminar.place,
    description: seminar.description,
    objectives: seminar.objectives,
    published: seminar.published,
    upcoming: seminar.date >= today,
    registrationOpen: seminar.registrationOpen && seminar.date >= today,
    positives: seminar.positives,
    improvements: seminar.improvements,
    slots: slotsOf(seminar.id),
    workshops: workshopsOf(seminar.id).map((w) => ({ id: w.id, number: w.number, title: w.title, question: w.question, facilitatorLabel: w.facilitatorLabel, capacity: w.capacity, placesLeft: w.placesLeft, status: w.status, cardCount: w.cardCount })),
    balance: seminarBalance(seminar.id),
    verbatims: db
      .select({ id: seminarVerbatims.id, text: seminarVerbatims.text, side: seminarVerbatims.side })
      .from(seminarVerbatims)
      .where(and(eq(seminarVerbatims.seminarId, seminar.id), eq(seminarVerbatims.published, true), eq(seminarVerbatims.consent, true)))
      .orderBy(asc(seminarVerbatims.position), asc(seminarVerbatims.id))
      .all(),
    outcomes: listOutcomes(seminar.id, viewer),
    // Public only once the campaign is out of preparation: open (answer it) or published (its results).
    campaign: campaign && campaign.status !== "draft" ? campaign : null,
  };
}

/** For the API: published seminars, newest first, by keyset on (date, id). */
export function listSeminarsForApi(options: { cursor?: string; limit?: number } = {}) {
  const limit = Math.min(options.limit ?? 50, 100);
  let cursor: { date: string; id: number } | null = null;
  if (options.cursor) {
    const m = /^(\d{4}-\d{2}-\d{2}):(\d{1,12})$/.exec(options.cursor);
    if (!m) throw new HttpError(422, "Curseur invalide.", { cursor: ["Curseur invalide."] });
    cursor = { date: m[1], id: Number(m[2]) };
  }
  const rows = getDb()
    .select({ id: seminars.id, slug: seminars.slug, title: seminars.title, date: seminars.date, place: seminars.place })
    .from(seminars)
    .where(and(eq(seminars.published, true), cursor ? sql`(${seminars.date}, ${seminars.id}) < (${cursor.date}, ${cursor.id})` : undefined))
    .orderBy(desc(seminars.date), desc(seminars.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const ws = ids.length ? getDb().select({ seminarId: workshops.seminarId, number: workshops.number, title: workshops.title, question: workshops.question, status: workshops.status }).from(workshops).where(inArray(workshops.seminarId, ids)).orderBy(asc(workshops.number)).all() : [];
  const today = parisToday();
  const last = page.at(-1);
  return {
    items: page.map((s) => ({
      slug: s.slug,
      title: s.title,
      date: s.date,
      place: s.place,
      upcoming: s.date >= today,
      workshops: ws.filter((w) => w.seminarId === s.id).map(({ seminarId: _s, ...w }) => w),
      balance: seminarBalance(s.id).overall.sides.map(({ side, count: n }) => ({ side, count: n })),
    })),
    nextCursor: rows.length > limit && last ? `${last.date}:${last.id}` : undefined,
  };
}

