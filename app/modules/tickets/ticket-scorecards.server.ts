/** Vendors' scorecards, computed from their tickets: for the vendor itself, the team, and the public page. */
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { getDb } from "#db/client";
import { fixConfirmations, organisations, tickets } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { getSettings } from "~/modules/settings/index.server";
import { computeScorecard, PUBLIC_SCORECARD_MIN_TICKETS } from "./scorecard";
import { isOverdue, workingDaysBetween } from "./working-days";

/** Scorecards per vendor, from their tickets. A vendor gets only its own; the team all of them. */
export function scorecards(user: SessionUser | null, { vendorId }: { vendorId?: number } = {}) {
  const seesAll = can(user, "ticket:read-all");
  if (!seesAll && !(can(user, "ticket:respond") && user?.organisationId)) throw new HttpError(403, "Réservé aux éditeurs et à l'équipe.");
  return computeScorecards(seesAll ? vendorId : user!.organisationId!);
}

/** Scorecards that may be public: vendors with at least the minimum number of tickets. */
export function publicScorecards() {
  return computeScorecards(undefined).filter((c) => c.ticketCount >= PUBLIC_SCORECARD_MIN_TICKETS);
}

function computeScorecards(onlyVendor: number | undefined) {
  const settings = getSettings();
  const now = new Date().toISOString();
  // A ticket passed on to another vendor's product does not count against this vendor.
  const rows = getDb()
    .select({
      vendorId: tickets.vendorId,
      vendorName: organisations.name,
      id: tickets.id,
      status: tickets.status,
      resolution: tickets.resolution,
      openedAt: tickets.openedAt,
      firstResponseAt: tickets.firstResponseAt,
      firstResponseDue: tickets.firstResponseDue,
      reopenCount: tickets.reopenCount,
    })
    .from(tickets)
    .innerJoin(organisations, eq(organisations.id, tickets.vendorId))
    .where(and(onlyVendor ? eq(tickets.vendorId, onlyVendor) : undefined, or(isNull(tickets.resolution), ne(tickets.resolution, "other_product"))))
    .all();
  const confirmations = rows.length
    ? getDb()
        .select({ ticketId: fixConfirmations.ticketId, answer: fixConfirmations.answer, round: fixConfirmations.round })
        .from(fixConfirmations)
        .where(inArray(fixConfirmations.ticketId, rows.filter((r) => r.resolution === "fixed").map((r) => r.id)))
        .all()
    : [];
  const byVendor = new Map<number, { name: string; rows: typeof rows }>();
  for (const r of rows) {
    const entry = byVendor.get(r.vendorId) ?? { name: r.vendorName, rows: [] };
    entry.rows.push(r);
    byVendor.set(r.vendorId, entry);
  }
  return [...byVendor.entries()]
    .map(([id, { name, rows: vendorRows }]) => ({
      vendorId: id,
      vendorName: name,
      ...computeScorecard(
        vendorRows.map((t) => {
          const firstResponseDays = t.firstResponseAt ? workingDaysBetween(t.openedAt, t.firstResponseAt) : null;
          const answers = confirmations.filter((c) => c.ticketId === t.id && c.round === t.reopenCount && c.answer !== "not_updated");
          const fixClaimed = t.resolution === "fixed";
          return {
            firstResponseDays,
            respondedWithinTarget:
              firstResponseDays !== null ? firstResponseDays <= settings.slaFirstResponseDays : isOverdue(t.firstResponseDue, now) ? false : null,
            resolved: t.status === "resolved" || (t.status === "closed" && t.resolution !== null),
            fixClaimed,
            fixConfirmed: fixClaimed && answers.length ? answers.filter((a) => a.answer === "yes").length > answers.length / 2 : null,
          };
        }),
      ),
    }))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, "fr"));
}
