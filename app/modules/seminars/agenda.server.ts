/** The team's side of a seminar: the event itself, its agenda and its workshops. */
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, max, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "#db/client";
import { campaigns, seminarRegistrations, seminarSlots, seminarVerbatims, seminars, users, workshops } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { generateCode } from "./board";
import { confirmed, confirmedSeats, requireSeminar, requireSeminarManager, slotsOf, workshopsOf } from "./internal.server";
import type { SeminarInput, SlotInput, WorkshopInput } from "./schemas";

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

function requireWorkshop(tx: DbOrTx, id: number) {
  const row = tx.select().from(workshops).where(eq(workshops.id, id)).get();
  if (!row) throw new HttpError(404, "Cet atelier n'existe pas.");
  return row;
}

// --- Events (team) ---------------------------------------------------------------------------------

/** What the seminar form sets, alike on creation and on update (unticked boxes are `false`, not "unchanged"). */
function seminarColumns(input: SeminarInput) {
  return {
    title: input.title,
    date: input.date,
    place: input.place,
    description: input.description,
    objectives: input.objectives,
    published: input.published ?? false,
    registrationOpen: input.registrationOpen ?? false,
  };
}

export function createSeminar(actor: SessionUser, input: SeminarInput, options: { slug?: string } = {}) {
  requireSeminarManager(actor);
  return getDb().transaction((tx) => {
    const slug = options.slug ?? freeSlug(tx, input.date);
    const row = tx
      .insert(seminars)
      .values({ slug, ...seminarColumns(input) })
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
      .set({ ...seminarColumns(input), updatedAt: new Date().toISOString() })
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
