import { describe, expect, it } from "vitest";
import { EVENT_TYPES, readEvent, type CatalogueEvent } from "~/lib/event-catalogue";
import { auditTypeLabel } from "~/modules/audit/labels";

const row = (type: string, payload: unknown) => ({ id: 1, type, actorId: null, subjectType: "irritant", subjectId: 7, payload, createdAt: "2026-12-04T00:00:00.000Z" });

describe("event catalogue", () => {
  it("gives every event type a French audit label", () => {
    for (const type of EVENT_TYPES) expect(auditTypeLabel(type), type).not.toBe(type);
  });

  it("reads a row into a typed event, and skips unknown types and payloads that do not parse", () => {
    const event: CatalogueEvent | null = readEvent(row("irritant.merged", { into: 3 }));
    expect(event?.type === "irritant.merged" && event.payload.into).toBe(3);
    expect(readEvent(row("irritant.merged", { into: "trois" }))).toBeNull();
    expect(readEvent(row("irritant.vanished", {}))).toBeNull();
  });
});
