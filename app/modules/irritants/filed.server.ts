import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, preparedQueries, preparedQuery } from "#db/client";
import { events, irritants, organisations, themes, ticketMessages, tickets } from "#db/schema";
import { readEvent } from "~/lib/event-catalogue";
import { withFixAnnounced } from "./irritants.server";
import { originNote } from "./origins";
import { describeTimelineEvent, timelineEventTypes } from "./timeline";

const FILED_PAGE_SIZE = 20;

/** The author's own irritants, newest first, from a keyset cursor (an id). Hidden ones are the moderators' only. */
const filedQuery = preparedQueries((db, withCursor: boolean) =>
  db
    .select({
      id: irritants.id,
      title: irritants.title,
      status: irritants.status,
      fixAnnouncedAt: irritants.fixAnnouncedAt,
      published: irritants.published,
      mergedIntoId: irritants.mergedIntoId,
      createdAt: irritants.createdAt,
      origin: irritants.origin,
      collectedVia: irritants.collectedVia,
    })
    .from(irritants)
    .where(
      and(
        eq(irritants.authorId, sql.placeholder("authorId")),
        isNull(irritants.hiddenAt),
        withCursor ? lt(irritants.id, sql.placeholder("before")) : undefined,
      ),
    )
    .orderBy(desc(irritants.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

// The types travel as one JSON array, so the statement does not depend on the catalogue's size.
const latestEventQuery = preparedQuery((db) =>
  db
    .select()
    .from(events)
    .where(
      and(
        eq(events.subjectType, "irritant"),
        eq(events.subjectId, sql.placeholder("id")),
        sql`${events.type} in (select value from json_each(${sql.placeholder("types")}))`,
      ),
    )
    .orderBy(desc(events.id))
    .limit(5)
    .prepare(),
);

const latestVendorMessageQuery = preparedQuery((db) =>
  db
    .select({ createdAt: ticketMessages.createdAt, vendorName: organisations.name })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .innerJoin(organisations, eq(organisations.id, tickets.vendorId))
    .where(and(eq(tickets.irritantId, sql.placeholder("id")), eq(ticketMessages.visibility, "public")))
    .orderBy(desc(ticketMessages.id))
    .limit(1)
    .prepare(),
);

type News = { at: string; text: string };

/** Events keep theme slugs; the news shows their labels. */
function themeLabel(slug: string) {
  return getDb().select({ label: themes.label }).from(themes).where(eq(themes.slug, slug)).get()?.label ?? slug;
}

/**
 * The latest news of an irritant as its author may read it: the newest entry of its public timeline (filing, status
 * changes, publication, merges…) or the newest public reply of a vendor on its ticket, whichever came last.
 */
function latestNews(id: number, types: string): News | null {
  let news: News | null = null;
  for (const row of latestEventQuery().all({ id, types })) {
    const event = readEvent(row);
    const text = event && describeTimelineEvent(event, themeLabel);
    if (text) {
      news = { at: row.createdAt, text };
      break;
    }
  }
  const reply = latestVendorMessageQuery().get({ id });
  if (reply && (!news || reply.createdAt > news.at)) news = { at: reply.createdAt, text: `Réponse de l'éditeur ${reply.vendorName}` };
  return news;
}

/**
 * « Mes signalements »: every irritant a person filed, published or not, newest first, each with its latest news;
 * keyset pagination on the id (`before`: the last id of the previous page). Only the author's own rows are read,
 * whoever asks: the caller passes the signed-in person's id.
 */
export function listIrritantsFiledBy(userId: number, { before, limit = FILED_PAGE_SIZE }: { before?: number; limit?: number } = {}) {
  const size = Math.min(Math.max(limit, 1), 100);
  const rows = filedQuery(before !== undefined).all({ authorId: userId, before, limit: size + 1 });
  const page = rows.slice(0, size);
  const types = JSON.stringify(timelineEventTypes("public"));
  const last = page[page.length - 1];
  return {
    items: withFixAnnounced(page).map(({ origin, collectedVia, ...r }) => ({
      ...r,
      // A report the team collected in the person's name says so (issue 20).
      collected: origin === "on_behalf" || origin === "import" ? originNote({ origin, collectedVia }) : null,
      news: latestNews(r.id, types),
    })),
    nextCursor: rows.length > size && last ? last.id : undefined,
  };
}

