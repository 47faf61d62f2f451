import { describe, expect, it } from "vitest";
import {
  PUBLIC_SCORECARD_MIN_TICKETS,
  computeScorecard,
  median,
  type ScorecardTicket,
} from "~/modules/tickets/scorecard";

function ticket(overrides: Partial<ScorecardTicket> = {}): ScorecardTicket {
  return {
    firstResponseDays: null,
    resolved: false,
    respondedWithinTarget: null,
    fixClaimed: false,
    fixConfirmed: null,
    ...overrides,
  };
}

describe("median", () => {
  it("is null for an empty list", () => {
    expect(median([])).toBeNull();
  });

  it("takes the middle value for odd counts, numerically sorted", () => {
    expect(median([7])).toBe(7);
    expect(median([10, 2, 3])).toBe(3);
    expect(median([1, 100, 9, 20, 3])).toBe(9);
  });

  it("averages the two middle values for even counts", () => {
    expect(median([1, 2])).toBe(1.5);
    expect(median([4, 1, 10, 3])).toBe(3.5);
    expect(median([0, 0, 2, 2])).toBe(1);
  });

  it("does not mutate its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("computeScorecard", () => {
  it("handles an empty list", () => {
    expect(computeScorecard([])).toEqual({
      ticketCount: 0,
      medianFirstResponseDays: null,
      respondedWithinTargetRate: null,
      resolutionRate: null,
      confirmationRate: null,
    });
  });

  it("computes the median over answered tickets only", () => {
    const card = computeScorecard([
      ticket({ firstResponseDays: 4 }),
      ticket({ firstResponseDays: null }),
      ticket({ firstResponseDays: 1 }),
      ticket({ firstResponseDays: 2 }),
      ticket({ firstResponseDays: 9 }),
    ]);
    expect(card.ticketCount).toBe(5);
    expect(card.medianFirstResponseDays).toBe(3);
  });

  it("computes the response rate over judged tickets only", () => {
    const card = computeScorecard([
      ticket({ respondedWithinTarget: true }),
      ticket({ respondedWithinTarget: false }),
      ticket({ respondedWithinTarget: null }),
      ticket({ respondedWithinTarget: true }),
      ticket({ respondedWithinTarget: true }),
    ]);
    expect(card.respondedWithinTargetRate).toBe(0.75);
  });

  it("returns null rates when nothing can be judged", () => {
    const card = computeScorecard([ticket(), ticket({ fixClaimed: true, fixConfirmed: null })]);
    expect(card.respondedWithinTargetRate).toBeNull();
    expect(card.confirmationRate).toBeNull();
    expect(card.medianFirstResponseDays).toBeNull();
    expect(card.resolutionRate).toBe(0);
  });

  it("computes the resolution rate over all tickets", () => {
    const card = computeScorecard([ticket({ resolved: true }), ticket(), ticket({ resolved: true }), ticket()]);
    expect(card.resolutionRate).toBe(0.5);
  });

  it("computes the confirmation rate over answered fix claims only", () => {
    const card = computeScorecard([
      ticket({ fixClaimed: true, fixConfirmed: true }),
      ticket({ fixClaimed: true, fixConfirmed: false }),
      ticket({ fixClaimed: true, fixConfirmed: true }),
      ticket({ fixClaimed: true, fixConfirmed: null }), // not answered yet
      ticket({ fixClaimed: false, fixConfirmed: true }), // no claim: ignored
    ]);
    expect(card.confirmationRate).toBe(0.667);
  });

  it("rounds rates to 3 decimals", () => {
    const card = computeScorecard([
      ticket({ resolved: true, respondedWithinTarget: true }),
      ticket({ respondedWithinTarget: false }),
      ticket({ respondedWithinTarget: false }),
      ticket({ respondedWithinTarget: false }),
      ticket({ respondedWithinTarget: false }),
      ticket({ respondedWithinTarget: false }),
    ]);
    expect(card.resolutionRate).toBe(0.167); // 1/6
    expect(card.respondedWithinTargetRate).toBe(0.167);

    const sevenths = computeScorecard([
      ...Array.from({ length: 2 }, () => ticket({ resolved: true })),
      ...Array.from({ length: 5 }, () => ticket()),
    ]);
    expect(sevenths.resolutionRate).toBe(0.286); // 2/7 = 0.2857…
  });

  it("keeps rates within [0, 1]", () => {
    const all = computeScorecard([
      ticket({ resolved: true, respondedWithinTarget: true, fixClaimed: true, fixConfirmed: true }),
    ]);
    expect(all.resolutionRate).toBe(1);
    expect(all.respondedWithinTargetRate).toBe(1);
    expect(all.confirmationRate).toBe(1);
  });
});

describe("PUBLIC_SCORECARD_MIN_TICKETS", () => {
  it("is 10", () => {
    expect(PUBLIC_SCORECARD_MIN_TICKETS).toBe(10);
  });
});
