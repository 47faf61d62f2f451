import { describe, expect, it } from "vitest";
import { ROLES } from "#db/schema";
import { can, PERMISSIONS } from "~/lib/permissions.server";

describe("can", () => {
  it("lets only professionals and patients file irritants", () => {
    const allowed = ROLES.filter((role) => can({ role }, "irritant:file"));
    expect(allowed).toEqual(["practitioner", "patient"]);
  });

  it("lets only the team and admins triage", () => {
    expect(ROLES.filter((role) => can({ role }, "irritant:triage"))).toEqual(["team", "admin"]);
  });

  it("refuses everything to anonymous visitors", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(null, permission)).toBe(false);
    }
  });
});
