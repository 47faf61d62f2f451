/**
 * Vendors' scorecard tallies (issue 21): after random ticket changes through the application (opening, acknowledging,
 * replying, every resolution, reassigning, closing, fix verdicts and the reopenings they cause, on days that move),
 * the tallies kept change by change equal a full recount from the tickets, without any rebuild; the scorecards read
 * from them equal the computation from every ticket they replaced; tickets inserted behind their back are caught.
 */
import { and, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fixConfirmations, organisations, products, ticketScorecardCells, ticketScorecardState, ticketUnansweredDue, tickets } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { getSettings } from "~/modules/settings/index.server";
import {
  acknowledgeTicket,
  answerFixQuestion,
  closeTicket,
  listTickets,
  publicScorecards,
  reassignTicket,
  recountScorecardCells,
  replyToTicket,
  resolveTicket,
  scorecards,
} from "~/modules/tickets/index.server";
import { computeScorecard } from "~/modules/tickets/scorecard";
import { isOverdue, workingDaysBetween } from "~/modules/tickets/working-days";
import { createTestDatabase } from "../support/database";
import { capturePlans, scansOfGrowingTables } from "../support/queries";

const database = createTestDatabase();
afterAll(() => {
  vi.useRealTimers();
  database.close();
});

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let reporter: SessionUser;
let supporters: SessionUser[];
let vendors: SessionUser[];
let team: SessionUser;
let productIds: number[][];

beforeAll(async () => {
  const org = (slug: string) => database.db.insert(organisations).values({ slug, name: `Éditeur ${slug}` }).returning().get().id;
  const orgs = [org("a"), org("b"), org("c")];
  productIds = orgs.map((o, i) => [0, 1].map((k) => database.db.insert(products).values({ vendorId: o, name: `Produit ${i}-${k}`, category: "LGC" }).returning().get().id));
  const mk = (email: string, role: SessionUser["role"], organisationId: number | null = null) =>
    createUser({ email, password: "mot de passe solide", displayName: email, role, organisationId, profession: role === "practitioner" ? "medecin" : null });
  reporter = await mk("pro@test.fr", "practitioner");
  supporters = [await mk("s1@test.fr", "practitioner"), await mk("s2@test.fr", "practitioner"), await mk("s3@test.fr", "patient"), await mk("s4@test.fr", "practitioner")];
  vendors = await Promise.all(orgs.map((o, i) => mk(`v${i}@editeur.fr`, "vendor", o)));
  team = await mk("equipe@test.fr", "team");
});

const storedUnanswered = () =>
  database.db
    .select()
    .from(ticketUnansweredDue)
    .where(gt(ticketUnansweredDue.tickets, 0))
    .orderBy(ticketUnansweredDue.vendorId, ticketUnansweredDue.due)
    .all();
const recountUnanswered = () =>
  database.db
    .select({ vendorId: tickets.vendorId, due: tickets.firstResponseDue, tickets: sql<number>`count(*)` })
    .from(tickets)
    .where(and(isNull(tickets.firstResponseAt), or(isNull(tickets.resolution), ne(tickets.resolution, "other_product"))))
    .groupBy(tickets.vendorId, tickets.firstResponseDue)
    .orderBy(tickets.vendorId, tickets.firstResponseDue)
    .all();

const storedCells = () =>
  database.db
    .select()
    .from(ticketScorecardCells)
    .all()
    .filter((c) => c.tickets !== 0 || c.resolved !== 0 || c.fixAnswered !== 0 || c.fixConfirmed !== 0)
    .sort((a, b) => a.vendorId - b.vendorId || a.firstResponseDays - b.firstResponseDays);

/** The scorecards as they were computed before the tallies: from every ticket (the reference). */
function referenceScorecards() {
  const now = new Date().toISOString();
  const sla = getSettings().slaFirstResponseDays;
  const rows = database.db
    .select()
    .from(tickets)
    .where(or(isNull(tickets.resolution), ne(tickets.resolution, "other_product")))
    .all();
  const confirmations = database.db.select().from(fixConfirmations).all();
  const vendorIds = [...new Set(rows.map((r) => r.vendorId))];
  const names = new Map(database.db.select().from(organisations).where(inArray(organisations.id, vendorIds)).all().map((o) => [o.id, o.name]));
  return vendorIds
    .map((vendorId) => ({
      vendorId,
      vendorName: names.get(vendorId)!,
      ...computeScorecard(
        rows
          .filter((t) => t.vendorId === vendorId)
          .map((t) => {
            const days = t.firstResponseAt ? workingDaysBetween(t.openedAt, t.firstResponseAt) : null;
            const answers = confirmations.filter((c) => c.ticketId === t.id && c.round === t.reopenCount && c.answer !== "not_updated");
            const fixClaimed = t.resolution === "fixed";
            return {
              firstResponseDays: days,
              respondedWithinTarget: days !== null ? days <= sla : isOverdue(t.firstResponseDue, now) ? false : null,
              resolved: t.status === "resolved" || (t.status === "closed" && t.resolution !== null),
              fixClaimed,
              fixConfirmed: fixClaimed && answers.length ? answers.filter((a) => a.answer === "yes").length > answers.length / 2 : null,
            };
          }),
      ),
    }))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, "fr"));
}

describe("vendors' scorecard tallies", () => {
  it("equal a full recount after random changes, and the scorecards equal the computation from every ticket", () => {
    const next = random(21);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    vi.useFakeTimers({ toFake: ["Date"] });
    let clock = Date.parse("2025-04-14T08:00:00Z");
    vi.setSystemTime(clock);
    const ticketIds: number[] = [];
    const tally = { opened: 0, responded: 0, fixed: 0, verdicts: 0, reopened: 0, movedOn: 0, closed: 0 };
    for (let step = 0; step < 260; step++) {
      // Time moves by 0 to 3 days: working days to first response vary, over weekends and public holidays.
      clock += Math.floor(next() * 72) * 3600_000;
      vi.setSystemTime(clock);
      const roll = next();
      try {
        if (roll < 0.22 || ticketIds.length < 3) {
          const v = Math.floor(next() * 3);
          const { id } = fileIrritant(reporter, { title: `Souci ${step}`, body: "L'envoi au DMP bloque l'écran.", themes: ["mes-dmp"], productId: pick(productIds[v]) });
          updateIrritant(team, id, { published: true, status: "forwarded" });
          for (const s of supporters) if (next() < 0.7) supportIrritant(s, id);
          ticketIds.push(listTickets(team, { irritantId: id }).items[0].id);
          tally.opened++;
          continue;
        }
        const ticketId = pick(ticketIds);
        const ticket = database.db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
        const vendor = vendors.find((v) => v.organisationId === ticket.vendorId)!;
        if (roll < 0.35) acknowledgeTicket(vendor, ticketId);
        else if (roll < 0.45) replyToTicket(next() < 0.8 ? vendor : team, ticketId, { body: "Nous regardons.", visibility: next() < 0.5 ? "public" : "internal" });
        else if (roll < 0.68) {
          const resolution = pick(["fixed", "fixed", "planned", "not_reproducible", "needs_info", "other_product"] as const);
          const other = productIds.flat().find((p) => !productIds[vendors.indexOf(vendor)].includes(p) && next() < 0.6) ?? productIds[(vendors.indexOf(vendor) + 1) % 3][0];
          resolveTicket(vendor, ticketId, { resolution, version: "5.2", reassignToProductId: resolution === "other_product" ? other : undefined });
          if (resolution === "fixed") tally.fixed++;
          if (resolution === "other_product") tally.movedOn++;
        } else if (roll < 0.88) {
          // A verdict on a claimed fix (the question is asked only then).
          const fixed = database.db.select().from(tickets).where(eq(tickets.resolution, "fixed")).all();
          if (fixed.length === 0) continue;
          const target = pick(fixed);
          answerFixQuestion(pick([reporter, ...supporters]), target.id, pick(["yes", "yes", "no", "no", "not_updated"] as const));
          tally.verdicts++;
          if (database.db.select().from(tickets).where(eq(tickets.id, target.id)).get()!.reopenCount > target.reopenCount) tally.reopened++;
        } else if (roll < 0.94) {
          closeTicket(team, ticketId);
          tally.closed++;
        } else {
          reassignTicket(team, ticketId, pick(productIds.flat()), "Autre logiciel");
          tally.movedOn++;
        }
        tally.responded++;
      } catch (error) {
        // Refusals (a closed ticket, no fix question pending for that person…) change nothing.
        if (!(error instanceof Error) || !("status" in error)) throw error;
      }
    }
    // The random walk went through every kind of change.
    expect(tally.opened).toBeGreaterThan(30);
    expect(tally.fixed).toBeGreaterThan(5);
    expect(tally.verdicts).toBeGreaterThan(5);
    expect(tally.reopened).toBeGreaterThan(0);
    expect(tally.movedOn).toBeGreaterThan(3);
    expect(tally.closed).toBeGreaterThan(3);
    expect(database.db.select().from(fixConfirmations).all().length).toBeGreaterThan(5);

    // Kept in step: the state is at the newest ticket (no rebuild would happen), and the cells are the recount.
    const newest = Math.max(...ticketIds, ...database.db.select({ id: tickets.id }).from(tickets).all().map((t) => t.id));
    expect(database.db.select().from(ticketScorecardState).get()?.maxTicketId).toBe(newest);
    const kept = storedCells();
    expect(kept.length).toBeGreaterThan(6);
    expect(kept).toEqual(recountScorecardCells(database.db));

    // The scorecards read from the tallies are those computed from every ticket, today and two weeks later (late
    // unanswered tickets are counted at read time).
    expect(scorecards(team)).toEqual(referenceScorecards());
    vi.setSystemTime(clock + 14 * 86_400_000);
    expect(scorecards(team)).toEqual(referenceScorecards());
    expect(scorecards(vendors[1])).toEqual(referenceScorecards().filter((c) => c.vendorId === vendors[1].organisationId));
    vi.useRealTimers();
    // The unanswered tickets per vendor and due date that triggers keep (what "late unanswered" reads) equal a recount.
    expect(storedUnanswered().length).toBeGreaterThan(3);
    expect(storedUnanswered()).toEqual(recountUnanswered());
  });

  it("count late unanswered tickets without reading the tickets (155,000 unanswered at 3,000,000 irritants)", async () => {
    const plans = await capturePlans(database.db, () => publicScorecards());
    expect(plans.filter((p) => /\bfrom "?tickets"?/i.test(p.sql)).map((p) => p.sql)).toEqual([`select max("id") from "tickets"`]);
    expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
  });

  it("are rebuilt when tickets were inserted by another path (a seed)", () => {
    const before = scorecards(team);
    const existing = database.db.select().from(tickets).where(and(eq(tickets.vendorId, vendors[0].organisationId!), isNull(tickets.resolution))).get()!;
    const { id } = fileIrritant(reporter, { title: "Inséré directement", body: "Ticket écrit par un script.", themes: ["mes-dmp"] });
    database.db
      .insert(tickets)
      .values({ ...existing, id: undefined, irritantId: id, firstResponseAt: null, firstResponseDue: "2000-01-03", status: "open" })
      .run();
    const after = scorecards(team);
    const card = (list: typeof before) => list.find((c) => c.vendorId === vendors[0].organisationId)!;
    expect(card(after).ticketCount).toBe(card(before).ticketCount + 1);
    expect(after).toEqual(referenceScorecards());
    expect(storedCells()).toEqual(recountScorecardCells(database.db));
    expect(storedUnanswered()).toEqual(recountUnanswered());
  });
});
