/** Registrations to a seminar: registering (team, member or guest), confirming by e-mail, the team's list and the balance. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { registrationWorkshops, seminarRegistrations, users, workshops } from "#db/schema";
import { formatDate } from "~/lib/dates";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { publicBaseUrl, queueAccountEmail } from "~/lib/outbox.server";
import { randomToken, sha256 } from "~/lib/tokens.server";
import { computeBalance, placesLeft } from "./board";
import { todayInParis } from "~/lib/dates";
import { confirmed, confirmedSeats, requireSeminar, requireSeminarManager } from "./internal.server";
import type { RegistrationInput } from "./schemas";
import type { Side, SideDetail } from "./vocabulary";

type Registrant = { kind: "user"; user: SessionUser } | { kind: "guest" } | { kind: "team"; actor: SessionUser };

/** How long the link confirming a guest's registration works; the unconfirmed row is then erased (retention). */
export const REGISTRATION_CONFIRMATION_HOURS = 72;
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
      if (seminar.date < todayInParis()) throw new HttpError(409, "Ce séminaire a déjà eu lieu : les inscriptions sont closes.");
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
