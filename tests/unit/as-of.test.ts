import { describe, expect, it } from "vitest";
import { actionAsOf, isCalendarDay, stepProgress, stepsAsOf, type ActionHistory } from "~/modules/action-plan/as-of";

const action = (over: Partial<ActionHistory>): ActionHistory => ({
  createdAt: "2023-11-20T17:00:00.000Z",
  status: "en-cours",
  deadlineLabel: "Janvier 2024",
  statusChanges: [],
  deadlineChanges: [],
  ...over,
});

describe("an action as of a day", () => {
  it("is late only after the last day of a fuzzy deadline (« Janvier 2024 », « T1 2024 »)", () => {
    expect(actionAsOf(action({ deadlineLabel: "Janvier 2024" }), "2024-01-11").overdue).toBe(false);
    expect(actionAsOf(action({ deadlineLabel: "Janvier 2024" }), "2024-01-31").overdue).toBe(false);
    expect(actionAsOf(action({ deadlineLabel: "Janvier 2024" }), "2024-02-01").overdue).toBe(true);
    expect(actionAsOf(action({ deadlineLabel: "T1 2024" }), "2024-03-31").overdue).toBe(false);
    expect(actionAsOf(action({ deadlineLabel: "T1 2024" }), "2024-04-01").overdue).toBe(true);
    expect(actionAsOf(action({ deadlineLabel: "Décembre 2023" }), "2024-01-11").overdue).toBe(true);
  });

  it("never reads the deck's ambiguous « Décembre 23 Février - Mars 24 » as a date, so it is never late", () => {
    const asOf = actionAsOf(action({ deadlineLabel: "Décembre 23 Février - Mars 24" }), "2026-12-07");
    expect(asOf.deadline).toMatchObject({ kind: "unparsed", label: "Décembre 23 Février - Mars 24" });
    expect(asOf.overdue).toBe(false);
    expect(actionAsOf(action({ deadlineLabel: "En cours" }), "2030-01-01").overdue).toBe(false);
  });

  it("undoes the deadline changes made after the day, and keeps those made on the day", () => {
    const moved = action({
      deadlineLabel: "Février - Mars 24",
      deadlineChanges: [{ changedAt: "2024-01-11T09:00:00.000Z", fromLabel: "Décembre 23", toLabel: "Février - Mars 24" }],
    });
    expect(actionAsOf(moved, "2024-01-10")).toMatchObject({ deadline: { label: "Décembre 23", due: "2023-12-31" }, overdue: true });
    expect(actionAsOf(moved, "2024-01-11")).toMatchObject({ deadline: { label: "Février - Mars 24", due: "2024-03-31" }, overdue: false });
    expect(actionAsOf(moved, "2024-04-02").overdue).toBe(true);
  });

  it("walks several changes back to the one in force on the day, whatever their order in the list", () => {
    const twice = action({
      deadlineLabel: "S2 2024",
      deadlineChanges: [
        { changedAt: "2024-06-01T10:00:00Z", fromLabel: "T2 2024", toLabel: "S2 2024" },
        { changedAt: "2024-02-01T10:00:00Z", fromLabel: "T1 2024", toLabel: "T2 2024" },
      ],
    });
    expect(actionAsOf(twice, "2024-01-15").deadline.label).toBe("T1 2024");
    expect(actionAsOf(twice, "2024-03-01").deadline.label).toBe("T2 2024");
    expect(actionAsOf(twice, "2024-07-01").deadline.label).toBe("S2 2024");
  });

  it("reads the status of the day: an action done later was late before it was done", () => {
    const doneLate = action({
      status: "fait",
      deadlineLabel: "Décembre 2023",
      statusChanges: [
        { changedAt: "2023-12-01T08:00:00Z", fromStatus: "a-lancer", toStatus: "en-cours" },
        { changedAt: "2024-02-15T08:00:00Z", fromStatus: "en-cours", toStatus: "fait" },
      ],
    });
    expect(actionAsOf(doneLate, "2023-11-25")).toMatchObject({ status: "a-lancer", overdue: false });
    expect(actionAsOf(doneLate, "2024-01-11")).toMatchObject({ status: "en-cours", overdue: true });
    expect(actionAsOf(doneLate, "2024-02-15")).toMatchObject({ status: "fait", overdue: false });
    const abandoned = action({ status: "abandonne", deadlineLabel: "Décembre 2023" });
    expect(actionAsOf(abandoned, "2024-01-11").overdue).toBe(false);
  });

  it("says an action created after the day did not exist then, and is not late then", () => {
    const later = action({ createdAt: "2024-03-01T10:00:00Z", deadlineLabel: "Janvier 2024" });
    expect(actionAsOf(later, "2024-02-15")).toMatchObject({ existed: false, overdue: false });
    expect(actionAsOf(later, "2024-03-01")).toMatchObject({ existed: true, overdue: true });
  });

  it("refuses a day that is not a calendar date", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(isCalendarDay("11/01/2024")).toBe(false);
    expect(() => actionAsOf(action({}), "2024-13-01")).toThrow(RangeError);
  });
});

describe("step progress", () => {
  it("counts done steps over steps, with its text", () => {
    expect(stepProgress([{ status: "fait" }, { status: "fait" }, { status: "fait" }, { status: "en-cours" }, { status: "a-faire" }])).toEqual({ done: 3, total: 5, percent: 60, text: "3 étapes sur 5" });
    expect(stepProgress([{ status: "fait" }, { status: "a-faire" }])).toMatchObject({ text: "1 étape sur 2", percent: 50 });
    expect(stepProgress([])).toEqual({ done: 0, total: 0, percent: null, text: "0 étape sur 0" });
  });
});

describe("steps as of a day", () => {
  const steps = [
    { id: 1, status: "fait", createdAt: null },
    { id: 2, status: "fait", createdAt: "2024-01-05T09:00:00.000Z" },
    { id: 3, status: "a-faire", createdAt: "2024-03-01T09:00:00.000Z" },
  ];
  const changes = [
    { stepId: 1, changedAt: "2024-01-20T10:00:00.000Z", fromStatus: "en-cours" },
    { stepId: 2, changedAt: "2024-01-08T10:00:00.000Z", fromStatus: "a-faire" },
    { stepId: 2, changedAt: "2024-02-10T10:00:00.000Z", fromStatus: "en-cours" },
  ];

  it("reads back each status a later change started from, and leaves out steps added later", () => {
    expect(stepsAsOf(steps, changes, "2024-01-10").map((s) => [s.id, s.status])).toEqual([
      [1, "en-cours"],
      [2, "en-cours"],
    ]);
    expect(stepProgress(stepsAsOf(steps, changes, "2024-01-10")).text).toBe("0 étape sur 2");
    expect(stepsAsOf(steps, changes, "2024-02-15").map((s) => [s.id, s.status])).toEqual([
      [1, "fait"],
      [2, "fait"],
    ]);
    expect(stepsAsOf(steps, changes, "2024-03-01").map((s) => s.id)).toEqual([1, 2, 3]);
  });
});
