import { describe, expect, it } from "vitest";
import { addMonths, headlineAsOf, inWindow, periodKnownBy, previousPoint, regulatoryWindow, valuesAsOf } from "~/modules/progress/as-of";
import { changeList, type ChangeInput } from "~/modules/progress/changes";

describe("as-of selection of indicator values", () => {
  it("knows a month from its first day, a year once it is over, a timeless value always", () => {
    expect(periodKnownBy("2023-12", "2024-01-11")).toBe(true);
    expect(periodKnownBy("2024-01", "2024-01-11")).toBe(true);
    expect(periodKnownBy("2024-02", "2024-01-11")).toBe(false);
    expect(periodKnownBy("2023", "2024-01-11")).toBe(true);
    expect(periodKnownBy("2024", "2024-01-11")).toBe(false);
    expect(periodKnownBy("", "2024-01-11")).toBe(true);
  });

  it("keeps only the values known by the day", () => {
    const values = [
      { period: "2023-09", dimension: "", value: 65 },
      { period: "2023-12", dimension: "", value: 115 },
      { period: "2024-06", dimension: "", value: 150 },
    ];
    expect(valuesAsOf(values, "2024-01-11").map((v) => v.value)).toEqual([65, 115]);
  });

  it("gives the latest period's total over dimensions, with the period before", () => {
    const values = [
      { period: "2023-11", dimension: "Ville", value: 5 },
      { period: "2023-11", dimension: "Hôpital", value: 3 },
      { period: "2023-12", dimension: "Ville", value: 6.54 },
      { period: "2023-12", dimension: "Hôpital", value: 3.1 },
      { period: "2024-03", dimension: "Ville", value: 9 },
    ];
    expect(headlineAsOf(values, "2024-01-11")).toEqual({ period: "2023-12", value: 9.64, previous: { period: "2023-11", value: 8 } });
    expect(headlineAsOf(values, "2023-11-30")).toEqual({ period: "2023-11", value: 8, previous: null });
    expect(headlineAsOf(values, "2023-10-01")).toBeNull();
    // A timeless ranking has no headline figure.
    expect(headlineAsOf([{ period: "", dimension: "CR", value: 3 }], "2024-01-11")).toBeNull();
  });
});

describe("previous point and windows", () => {
  const points = [
    { id: 1, day: "2023-10-01" },
    { id: 2, day: "2024-01-11" },
    { id: 3, day: "2024-06-30" },
  ];
  it("picks the latest earlier point other than itself", () => {
    expect(previousPoint(points, { id: 3, day: "2024-06-30" })?.id).toBe(2);
    expect(previousPoint(points, { id: 2, day: "2024-01-11" })?.id).toBe(1);
    expect(previousPoint(points, { id: 1, day: "2023-10-01" })).toBeNull();
    // A draft dated between two published points follows the earlier one.
    expect(previousPoint(points, { id: 9, day: "2024-03-01" })?.id).toBe(2);
    // A point of the same day is not "before".
    expect(previousPoint(points, { id: 9, day: "2024-01-11" })?.id).toBe(1);
  });

  it("counts what happened after the previous point's day and by the end of the point's day", () => {
    expect(inWindow("2024-01-11T23:59:00.000Z", "2023-10-01", "2024-01-11")).toBe(true);
    expect(inWindow("2024-01-12T00:00:00.000Z", "2023-10-01", "2024-01-11")).toBe(false);
    expect(inWindow("2023-10-01T12:00:00.000Z", "2023-10-01", "2024-01-11")).toBe(false);
    expect(inWindow("2020-01-01T12:00:00.000Z", null, "2024-01-11")).toBe(true);
  });

  it("moves by months, clamped to the month's end", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-01-11", -6)).toBe("2023-07-11");
    expect(addMonths("2024-01-11", 12)).toBe("2025-01-11");
    expect(regulatoryWindow("2024-01-11")).toEqual({ from: "2023-07-11", to: "2025-01-11" });
  });
});

describe("change list since the previous point", () => {
  const base: ChangeInput = {
    since: "2024-01-11",
    day: "2024-06-30",
    actions: [
      {
        id: 1,
        title: "Tests en vie réelle sur les CDA",
        createdAt: "2023-11-20T17:00:00.000Z",
        status: "fait",
        deadlineLabel: "Juin 2024",
        statusChanges: [
          { changedAt: "2023-12-01T10:00:00.000Z", fromStatus: "a-lancer", toStatus: "en-cours" },
          { changedAt: "2024-05-02T10:00:00.000Z", fromStatus: "en-cours", toStatus: "fait" },
        ],
        deadlineChanges: [
          { changedAt: "2023-12-15T10:00:00.000Z", fromLabel: "Décembre 2023", toLabel: "Février - Mars 2024", reason: "Avant le point" },
          { changedAt: "2024-03-01T10:00:00.000Z", fromLabel: "Février - Mars 2024", toLabel: "Juin 2024", reason: "Recette des éditeurs plus longue que prévu" },
        ],
      },
      // Changed and changed back within the window: no net status change.
      {
        id: 2,
        title: "API LPS",
        createdAt: "2023-11-20T17:00:00.000Z",
        status: "en-cours",
        deadlineLabel: "",
        statusChanges: [
          { changedAt: "2024-02-01T10:00:00.000Z", fromStatus: "en-cours", toStatus: "abandonne" },
          { changedAt: "2024-03-01T10:00:00.000Z", fromStatus: "abandonne", toStatus: "en-cours" },
        ],
        deadlineChanges: [],
      },
      { id: 3, title: "Nouvelle action", createdAt: "2024-04-01T10:00:00.000Z", status: "a-lancer", deadlineLabel: "", statusChanges: [], deadlineChanges: [] },
      // Created after the point's day: not in it.
      { id: 4, title: "Plus tard", createdAt: "2024-07-01T10:00:00.000Z", status: "a-lancer", deadlineLabel: "", statusChanges: [], deadlineChanges: [] },
    ],
    received: [
      { id: 10, title: "Avant", at: "2024-01-05T10:00:00.000Z" },
      { id: 11, title: "Pendant", at: "2024-02-05T10:00:00.000Z" },
      { id: 12, title: "Après", at: "2024-07-05T10:00:00.000Z" },
    ],
    resolved: [{ id: 10, title: "Avant", at: "2024-06-30T22:00:00.000Z" }],
    indicators: [
      {
        slug: "docs",
        title: "Documents",
        unit: "millions",
        values: [
          { period: "2023-12", dimension: "A", value: 1 },
          { period: "2024-05", dimension: "A", value: 2 },
          { period: "2024-05", dimension: "B", value: 0.5 },
          { period: "2024-06", dimension: "A", value: 3 },
          { period: "2024-07", dimension: "A", value: 4 },
        ],
      },
      { slug: "old", title: "Ancien", unit: "", values: [{ period: "2023-12", dimension: "", value: 1 }] },
    ],
  };

  it("lists net status changes, each deadline moved with its reason, irritants and new figures in the window", () => {
    expect(changeList(base)).toEqual([
      { kind: "status", actionId: 1, title: "Tests en vie réelle sur les CDA", from: "en-cours", to: "fait" },
      { kind: "status", actionId: 3, title: "Nouvelle action", from: null, to: "a-lancer" },
      { kind: "deadline", actionId: 1, title: "Tests en vie réelle sur les CDA", from: "Février - Mars 2024", to: "Juin 2024", reason: "Recette des éditeurs plus longue que prévu", date: "2024-03-01" },
      { kind: "irritant-new", irritantId: 11, title: "Pendant", date: "2024-02-05" },
      { kind: "irritant-resolved", irritantId: 10, title: "Avant", date: "2024-06-30" },
      { kind: "figure", slug: "docs", title: "Documents", unit: "millions", period: "2024-06", value: 3, periods: 2 },
    ]);
  });

  it("reads the plan as it stood at each point: the same data seen from the previous point's side lists other changes", () => {
    const early = changeList({ ...base, since: "2023-11-30", day: "2024-01-11" });
    expect(early.filter((c) => c.kind === "status")).toEqual([{ kind: "status", actionId: 1, title: "Tests en vie réelle sur les CDA", from: "a-lancer", to: "en-cours" }]);
    expect(early.filter((c) => c.kind === "deadline").map((c) => c.kind === "deadline" && c.reason)).toEqual(["Avant le point"]);
    expect(early.filter((c) => c.kind === "figure")).toEqual([{ kind: "figure", slug: "docs", title: "Documents", unit: "millions", period: "2023-12", value: 1, periods: 1 }, expect.objectContaining({ slug: "old" })]);
  });

  it("with no previous point, compares each action with the status it started with", () => {
    const first = changeList({ ...base, since: null, day: "2024-01-11" });
    expect(first.filter((c) => c.kind === "status")).toEqual([{ kind: "status", actionId: 1, title: "Tests en vie réelle sur les CDA", from: "a-lancer", to: "en-cours" }]);
    expect(first.filter((c) => c.kind === "irritant-new").map((c) => c.kind === "irritant-new" && c.irritantId)).toEqual([10]);
  });
});
