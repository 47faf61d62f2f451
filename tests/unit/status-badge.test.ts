import { describe, expect, it } from "vitest";
import { statusBadgeOf } from "~/components/status-badge";
import { IRRITANT_STATUSES } from "~/modules/irritants";
import { TICKET_STATUSES } from "~/modules/tickets";

describe("status badges", () => {
  it("gives each irritant status, « Correctif annoncé » included, its own colour and its words", () => {
    const badges = [...IRRITANT_STATUSES.map((status) => statusBadgeOf({ kind: "irritant", status })), statusBadgeOf({ kind: "irritant", status: "resolved", fixAnnounced: true })];
    expect(new Set(badges.map((b) => b.colour)).size).toBe(badges.length);
    expect(badges.map((b) => b.label)).toContain("Correctif annoncé");
    expect(badges.every((b) => /^[A-ZÀ-Ý][a-zà-ÿ' ]+[a-zé]$/i.test(b.label))).toBe(true);
  });

  it("shows « Correctif annoncé » only on a resolved irritant", () => {
    expect(statusBadgeOf({ kind: "irritant", status: "resolved", fixAnnounced: true })).toEqual({ colour: "green-menthe", label: "Correctif annoncé" });
    expect(statusBadgeOf({ kind: "irritant", status: "resolved" })).toEqual({ colour: "success", label: "Résolu" });
  });

  it("gives each ticket status its own colour", () => {
    const colours = TICKET_STATUSES.map((status) => statusBadgeOf({ kind: "ticket", status }).colour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
