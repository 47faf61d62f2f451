import { describe, expect, it } from "vitest";
import { EVENT_TYPES, eventPayloadSchema } from "~/lib/event-catalogue";
import { AUDIT_DETAIL_KEYS, auditSubject, describeAuditDetails } from "~/modules/audit/details";

const names = {
  theme: (slug: string) => ({ "performance-lgc": "Performance et ergonomie des LGC", "mes-dmp": "Mon espace santé / DMP" })[slug] ?? slug,
  product: (id: number) => (id === 1 ? "Logiciel Alpha" : `logiciel n° ${id}`),
  vendor: (id: number) => (id === 4 ? "Éditeur A" : `éditeur n° ${id}`),
};

describe("audit log details", () => {
  it("tells a status change in French, not as 'from: new · to: triaged'", () => {
    expect(describeAuditDetails("irritant.status_changed", { from: "new", to: "triaged" }, names)).toBe("Statut : Nouveau → Qualifié");
    expect(describeAuditDetails("action.status_changed", { from: "a-lancer", to: "fait" }, names)).toMatch(/^Statut : .+ → .+$/);
    expect(describeAuditDetails("action.status_changed", { from: "a-lancer", to: "fait" }, names)).not.toMatch(/a-lancer|: fait$/);
  });

  it("names the software and the vendor instead of 'productId: 1'", () => {
    const text = describeAuditDetails("ticket.opened", { irritantId: 12, productId: 1, vendorId: 4 }, names);
    expect(text).toBe("Signalement n° 12 · Logiciel : Logiciel Alpha · Éditeur : Éditeur A");
  });

  it("shows theme labels, resolution labels and French counts", () => {
    expect(describeAuditDetails("irritant.filed", { themes: ["performance-lgc", "mes-dmp"], themeSource: "suggested", redacted: 0 }, names)).toBe(
      "Thèmes : Performance et ergonomie des LGC, Mon espace santé / DMP · thèmes suggérés par la plateforme",
    );
    expect(describeAuditDetails("ticket.resolution_set", { irritantId: 3, vendorId: 4, resolution: "fixed", version: "4.2" }, names)).toContain("Version : 4.2");
    expect(describeAuditDetails("ticket.resolution_set", { irritantId: 3, vendorId: 4, resolution: "fixed", version: null }, names)).not.toContain("fixed");
    expect(describeAuditDetails("campaign.invitations_emailed", { invitationIds: [1, 2, 3] }, names)).toBe("3 invitations");
  });

  it("has a French label for every payload field of the catalogue: no raw field name reaches the log", () => {
    const keys = new Set<string>();
    for (const type of EVENT_TYPES) {
      const schema = eventPayloadSchema(type) as { shape?: Record<string, unknown>; options?: { shape?: Record<string, unknown> }[] };
      for (const shape of [schema.shape, ...(schema.options ?? []).map((o) => o.shape)]) for (const key of Object.keys(shape ?? {})) keys.add(`${type}:${key}`);
    }
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => !AUDIT_DETAIL_KEYS.has(k.split(":")[1]));
    expect(missing).toEqual([]);
    for (const type of EVENT_TYPES) expect(describeAuditDetails(type, {}, names), type).not.toMatch(/\b[a-z]+[A-Z]\w*:/);
  });

  it("names what an event is about in French", () => {
    expect(auditSubject("irritant", 12)).toBe("Signalement n° 12");
    expect(auditSubject("progress_update", 2)).toBe("Point d'étape n° 2");
    expect(auditSubject("organisation", 4)).toBe("Organisation n° 4");
  });
});
