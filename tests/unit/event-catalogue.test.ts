import { describe, expect, it } from "vitest";
import { EVENT_TYPES, readEvent, type CatalogueEvent, type EventType } from "~/lib/event-catalogue";
import { auditTypeLabel } from "~/modules/audit/labels";
import { describeTimelineEvent, TIMELINE_ENTRIES, timelineEventTypes } from "~/modules/irritants/timeline";
import { NOTIFICATION_RULES } from "~/modules/notifications/index.server";

const row = (type: string, payload: unknown) => ({ id: 1, type, actorId: null, subjectType: "irritant", subjectId: 7, payload, createdAt: "2026-12-04T00:00:00.000Z" });

function event(type: EventType, payload: unknown): CatalogueEvent {
  const read = readEvent(row(type, payload));
  if (!read) throw new Error(`${type}: the sample payload does not match the catalogue`);
  return read;
}

// Events the team sees and the public must not (moderation, unpublishing, masked passages).
const TEAM_ONLY = ["irritant.unpublished", "irritant.hidden", "irritant.unhidden", "irritant.passage_masked"];

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

describe("notification rules", () => {
  it("decide about every event type of the catalogue, and nothing else", () => {
    expect(Object.keys(NOTIFICATION_RULES).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("tell people about these events only: never about internal notes, moderation or accounts", () => {
    const notifying = EVENT_TYPES.filter((type) => NOTIFICATION_RULES[type] !== null);
    expect(notifying.sort()).toEqual(
      [
        "action.deadline_changed",
        "action.done",
        "action.status_stale",
        // The team's announcement to vendor groups: told to the groups' vendor members.
        "announcement.sent",
        "campaign.invitations_emailed",
        "campaign.reminder_sent",
        // The practitioner a report was collected from, when it is filed on their account (issue 20).
        "irritant.collected",
        "irritant.merged",
        "irritant.reopened",
        "irritant.status_changed",
        "progress_update.published",
        "ticket.opened",
        "ticket.reopened",
        "ticket.replied",
        "ticket.resolution_set",
      ].sort(),
    );
    for (const type of ["ticket.internal_note", ...TEAM_ONLY]) expect(NOTIFICATION_RULES[type as EventType], type).toBeNull();
  });
});

describe("irritant timeline", () => {
  it("decides about every irritant event, and only those", () => {
    expect(Object.keys(TIMELINE_ENTRIES).sort()).toEqual(EVENT_TYPES.filter((type) => type.startsWith("irritant.")).sort());
  });

  it("shows the public no private event, and the team everything it shows", () => {
    const publicTypes = timelineEventTypes("public");
    const teamTypes = timelineEventTypes("team");
    for (const type of TEAM_ONLY) {
      expect(publicTypes, type).not.toContain(type);
      expect(teamTypes, type).toContain(type);
    }
    expect(teamTypes.filter((type) => !publicTypes.includes(type)).sort()).toEqual([...TEAM_ONLY].sort());
    for (const type of ["irritant.supported", "irritant.commented", "irritant.purged"]) expect(teamTypes, type).not.toContain(type);
  });

  it("tells each shown event in French, from its payload, with theme labels instead of their slugs", () => {
    const labels: Record<string, string> = { "ordonnance-numerique": "Ordonnance numérique", "mes-dmp": "Mon espace santé / DMP" };
    const themeLabel = (slug: string) => labels[slug] ?? slug;
    const samples: Partial<Record<EventType, [unknown, string]>> = {
      "irritant.filed": [{ themes: [], themeSource: "auto", redacted: 0 }, "Signalement déposé"],
      "irritant.collected": [{ via: "appel", account: true }, "Recueilli par l'équipe du programme lors d'un appel"],
      "irritant.status_changed": [{ from: "new", to: "triaged", cause: "ticket" }, "Statut : Nouveau → Qualifié (correction annoncée par l'éditeur)"],
      "irritant.reopened": [{ from: "resolved", to: "in_progress" }, "Rouvert : Résolu → En cours de traitement"],
      "irritant.published": [{}, "Publié"],
      "irritant.unpublished": [{}, "Retiré de la publication"],
      "irritant.hidden": [{ reason: "hors sujet" }, "Masqué : hors sujet"],
      "irritant.unhidden": [{}, "Rendu visible à nouveau"],
      "irritant.merged": [{ into: 3 }, "Fusionné dans le signalement n°3"],
      "irritant.duplicate_absorbed": [{ from: 9 }, "Le signalement n°9 y a été fusionné (doublon)"],
      "irritant.themes_confirmed": [{ themes: ["ordonnance-numerique", "mes-dmp"] }, "Thèmes confirmés par l'équipe : Ordonnance numérique, Mon espace santé / DMP"],
      "irritant.action_done": [{ actionId: 2, title: "Former les équipes" }, "Action du plan réalisée : Former les équipes"],
      "irritant.passage_masked": [{ field: "body", occurrences: 1, characters: 12 }, "Passage masqué par l'équipe (description, 12 caractères)"],
    };
    for (const type of timelineEventTypes("team")) {
      const sample = samples[type];
      expect(sample, `${type}: add a sample`).toBeDefined();
      expect(describeTimelineEvent(event(type, sample![0]), themeLabel), type).toBe(sample![1]);
    }
    expect(describeTimelineEvent(event("irritant.supported", { lane: "professional" }), themeLabel)).toBeNull();
    expect(describeTimelineEvent(event("ticket.closed", { irritantId: 7 }), themeLabel)).toBeNull();
  });
});
