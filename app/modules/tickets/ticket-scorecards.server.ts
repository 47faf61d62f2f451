/** Vendors' scorecards, computed from their tickets: for the vendor itself, the team, and the public page. */
import { inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { getSettings } from "~/modules/settings/index.server";
import { PUBLIC_SCORECARD_MIN_TICKETS, scorecardFromCells } from "./scorecard";
import { lateUnansweredByVendor, scorecardCells } from "./scorecard-tallies.server";

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

/** From the tallies kept as tickets change (issue 21), and today's late unanswered tickets. */
function computeScorecards(onlyVendor: number | undefined) {
  const settings = getSettings();
  const cells = scorecardCells(onlyVendor);
  // Cells without a first response (-1 days) hold each vendor's unanswered tickets that count.
  const unanswered = new Map(cells.filter((c) => c.firstResponseDays === -1).map((c) => [c.vendorId, c.tickets]));
  const late = lateUnansweredByVendor(new Date().toISOString(), unanswered);
  const byVendor = new Map<number, typeof cells>();
  for (const c of cells) byVendor.set(c.vendorId, [...(byVendor.get(c.vendorId) ?? []), c]);
  const names = new Map(
    byVendor.size
      ? getDb()
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [...byVendor.keys()]))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  );
  return [...byVendor.entries()]
    .map(([id, vendorCells]) => ({
      vendorId: id,
      vendorName: names.get(id) ?? "",
      ...scorecardFromCells(vendorCells, { slaFirstResponseDays: settings.slaFirstResponseDays, lateUnanswered: late.get(id) ?? 0 }),
    }))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, "fr"));
}
