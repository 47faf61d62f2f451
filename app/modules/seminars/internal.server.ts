/**
 * Helpers shared by the seminar files (internal to the seminars capability): the team's guard, today's date,
 * the seminar lookup, confirmed registrations and the agenda and workshops as both the team's and the public
 * page show them.
 */
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { registrationWorkshops, seminarRegistrations, seminarSlots, seminars, users, workshopCards, workshops } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { placesLeft } from "./board";

export function requireSeminarManager(actor: SessionUser | null) {
  if (!can(actor, "seminar:manage")) throw new HttpError(403, "Les séminaires sont préparés par l'équipe programme.");
}

export function requireSeminar(tx: DbOrTx, id: number) {
  const row = tx.select().from(seminars).where(eq(seminars.id, id)).get();
  if (!row) throw new HttpError(404, "Ce séminaire n'existe pas.");
  return row;
}

/** Registrations that count: confirmed addresses only (a guest's unconfirmed one says nothing yet). */
export const confirmed = isNotNull(seminarRegistrations.confirmedAt);

export function confirmedSeats(tx: DbOrTx, workshopId: number) {
  return tx
    .select({ n: count() })
    .from(registrationWorkshops)
    .innerJoin(seminarRegistrations, eq(seminarRegistrations.id, registrationWorkshops.registrationId))
    .where(and(eq(registrationWorkshops.workshopId, workshopId), confirmed))
    .get()!.n;
}

export function slotsOf(seminarId: number) {
  return getDb()
    .select({ id: seminarSlots.id, period: seminarSlots.period, kind: seminarSlots.kind, title: seminarSlots.title, workshopId: seminarSlots.workshopId, position: seminarSlots.position })
    .from(seminarSlots)
    .where(eq(seminarSlots.seminarId, seminarId))
    .orderBy(asc(seminarSlots.position), asc(seminarSlots.id))
    .all();
}

export function workshopsOf(seminarId: number) {
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
