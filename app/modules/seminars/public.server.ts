/** The public read model of seminars: the list, a seminar's page and the API's list. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, seminarVerbatims, seminars, workshops } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { todayInParis } from "~/lib/dates";
import { slotsOf, workshopsOf } from "./internal.server";
import { listOutcomes } from "./outcomes.server";
import { seminarBalance } from "./registrations.server";

// A seminar of today is still "upcoming".
export function listPublicSeminars(today = todayInParis()) {
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
  const today = todayInParis();
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
  const today = todayInParis();
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
