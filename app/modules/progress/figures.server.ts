import { and, count, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { events, irritantThemes, irritants, resultSnapshots, campaigns, themes } from "#db/schema";
import { getPlan } from "~/modules/action-plan/index.server";
import { cachedAggregate } from "./cache.server";
import { publiclyVisible, readCounters } from "~/modules/irritants/index.server";
import type { CampaignResults } from "~/modules/surveys/index.server";
import { distributionSummary, readFirstResponseDistribution } from "~/modules/tickets/index.server";

const live = publiclyVisible();

/** The headline figures of the progress page, each with the definition it is computed by. */
export function headlineFigures() {
  return cachedAggregate("headline-figures", computeHeadlineFigures);
}

function computeHeadlineFigures() {
  const db = getDb();
  const counts = readCounters(db);
  const received = counts["irritants.received"];
  const published = counts["irritants.published"];
  const resolved = counts["irritants.resolved"];
  const actions = getPlan().flatMap((w) => w.challenges.flatMap((c) => c.actions));
  // From the distribution kept with each first response, not from every ticket.
  const firstResponses = distributionSummary(readFirstResponseDistribution(db));
  const latest = db
    .select({ slug: campaigns.slug, title: campaigns.title, results: resultSnapshots.results })
    .from(resultSnapshots)
    .innerJoin(campaigns, eq(campaigns.id, resultSnapshots.campaignId))
    .orderBy(desc(resultSnapshots.publishedAt))
    .get();
  const survey = latest
    ? (() => {
        const results = latest.results as CampaignResults;
        const item = results.items.find((i) => i.stats?.nps) ?? results.items.find((i) => i.stats?.topBox);
        return item ? { slug: latest.slug, title: latest.title, label: item.label, nps: item.stats?.nps ?? null, topBox: item.stats?.topBox ?? null, n: item.n } : null;
      })()
    : null;
  return {
    irritants: {
      received,
      // Whose voice the received reports are (decision 028, amended): a vendor's report about another vendor's
      // product is counted apart; a report the team collected from a practitioner is a practitioner's, said as such.
      voices: {
        practitioners: received - counts["irritants.received.patients"] - counts["irritants.received.vendors"],
        collected: counts["irritants.received.collected"],
        patients: counts["irritants.received.patients"],
        vendors: counts["irritants.received.vendors"],
      },
      published,
      resolved,
      method:
        "Reçus : tous les signalements déposés. Des professionnels de santé : déposés par eux, ou recueillis auprès d'eux par l'équipe du programme (visite, appel, reprise d'un suivi existant). Des éditeurs : déposés par un éditeur sur le logiciel d'un autre éditeur, comptés à part. Publiés : relus et rendus publics par l'équipe, hors doublons fusionnés et signalements masqués. Résolus : publiés au statut « Résolu ».",
    },
    actions: {
      total: actions.length,
      done: actions.filter((a) => a.status === "fait").length,
      inProgress: actions.filter((a) => a.status === "en-cours").length,
      overdue: actions.filter((a) => a.overdue).length,
      method: "Actions du plan d'action ; « en retard » : échéance passée (fin de la période écrite) et action ni faite ni abandonnée.",
    },
    vendors: {
      answeredTickets: firstResponses.count,
      medianFirstResponseDays: firstResponses.median,
      method: "Médiane, sur les tickets déjà répondus, du nombre de jours ouvrés entre la transmission à l'éditeur et sa première réponse.",
    },
    survey,
  };
}

/** Published irritants per theme, with those filed in the last 30 days as the trend. */
export function themeCounts() {
  return cachedAggregate("theme-counts", computeThemeCounts);
}

function computeThemeCounts() {
  const db = getDb();
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const recent = new Map(
    db
      .select({ themeId: irritantThemes.themeId, n: count() })
      .from(irritantThemes)
      .innerJoin(irritants, eq(irritants.id, irritantThemes.irritantId))
      .where(and(live, gte(irritants.createdAt, since)))
      .groupBy(irritantThemes.themeId)
      .all()
      .map((r) => [r.themeId, r.n]),
  );
  return db
    .select({ id: themes.id, slug: themes.slug, label: themes.label, published: themes.publishedCount })
    .from(themes)
    .where(isNull(themes.retiredAt))
    .orderBy(desc(themes.publishedCount), themes.position)
    .all()
    .map(({ id, ...t }) => ({ ...t, lastMonth: recent.get(id) ?? 0 }));
}

export function recentlyResolved(limit = 5) {
  return cachedAggregate(`recently-resolved:${limit}`, () => computeRecentlyResolved(limit));
}

function computeRecentlyResolved(limit: number) {
  return getDb()
    .select({ id: irritants.id, title: irritants.title, updatedAt: irritants.updatedAt, supportCount: irritants.supportCount })
    .from(irritants)
    .where(and(live, eq(irritants.status, "resolved")))
    .orderBy(desc(irritants.updatedAt))
    .limit(limit)
    .all();
}

/** What changed in the last 30 days, from the events log, counting only what is public. */
export function changesThisMonth() {
  return cachedAggregate("changes-this-month", computeChangesThisMonth);
}

function computeChangesThisMonth() {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const db = getDb();
  const publicIrritantEvents = (types: string[], extra?: ReturnType<typeof sql>) =>
    db
      .select({ n: count() })
      .from(events)
      .innerJoin(irritants, eq(irritants.id, events.subjectId))
      .where(and(eq(events.subjectType, "irritant"), inArray(events.type, types), gte(events.createdAt, since), live, extra))
      .get()!.n;
  const typeCount = (type: string) => db.select({ n: count() }).from(events).where(and(eq(events.type, type), gte(events.createdAt, since))).get()!.n;
  return {
    published: publicIrritantEvents(["irritant.published"]),
    // Through the partial index of status changes to "resolved" (the planner would otherwise read every status
    // change of the period); its condition is repeated word for word, as SQLite requires to use it.
    resolved: db.get<{ n: number }>(sql`
      select count(*) as n from events indexed by events_resolved_idx
      join irritants on irritants.id = events.subject_id
      where events.created_at >= ${since} and events.type = 'irritant.status_changed' and json_extract(events.payload, '$.to') = 'resolved'
        and events.subject_type = 'irritant' and ${live}`)!.n,
    actionsDone: typeCount("action.done"),
    updatesPublished: typeCount("progress_update.published"),
    vendorAnswers: typeCount("ticket.replied") + typeCount("ticket.resolution_set"),
  };
}
