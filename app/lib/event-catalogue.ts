import { z } from "zod";

/**
 * Every event the outbox (`events` table) may hold: its subject type and the shape of its payload. `recordEvent`
 * is typed by it, and readers (audit labels, notifications, the public timeline) switch over its types, so a new
 * event that a reader forgot fails `tsc`. Vocabularies owned by modules (irritant or action statuses, notification
 * kinds, …) are plain strings here: lib may not import modules.
 */
const none = z.object({});
const id = z.number().int();
const title = z.object({ title: z.string() });
const statusChange = z.object({ from: z.string(), to: z.string() }); // irritant statuses (modules/irritants/statuses)
const irritantStatus = statusChange.extend({ cause: z.enum(["auto-forward", "ticket"]).optional() });
const masked = { occurrences: z.number().int(), characters: z.number().int() };
const tokensRevoked = z.object({ tokensRevoked: z.number().int() });
const registration = z.object({ registrationId: id, side: z.string(), workshops: z.array(z.number().int()), guest: z.boolean(), confirmed: z.boolean().optional() });
const vote = z.object({ target: z.string(), targetId: id });
const verbatim = z.object({ verbatimId: id });
const slug = z.object({ slug: z.string() });
const cardId = z.object({ cardId: id });

const entry = <S extends string, P extends z.ZodType>(subject: S, payload: P) => ({ subject, payload });

const CATALOGUE = {
  "irritant.filed": entry("irritant", z.object({ themes: z.array(z.string()), themeSource: z.string(), redacted: z.number().int() })),
  // Issue 20: filed by the team on a practitioner's behalf (via: collection channel; account: the practitioner is its author).
  "irritant.collected": entry("irritant", z.object({ via: z.string(), account: z.boolean() })),
  "irritant_import.done": entry("irritant_import", z.object({ created: z.number().int(), masked: z.number().int() })),
  "irritant.supported": entry("irritant", z.object({ lane: z.string() })),
  "irritant.support_withdrawn": entry("irritant", z.object({ lane: z.string() })),
  "irritant.commented": entry("irritant", z.object({ commentId: id })),
  "irritant.status_changed": entry("irritant", irritantStatus),
  "irritant.reopened": entry("irritant", irritantStatus),
  "irritant.published": entry("irritant", none),
  "irritant.unpublished": entry("irritant", none),
  "irritant.hidden": entry("irritant", z.object({ reason: z.string() })),
  "irritant.unhidden": entry("irritant", none),
  "irritant.merged": entry("irritant", z.object({ into: id })),
  "irritant.duplicate_absorbed": entry("irritant", z.object({ from: id })),
  "irritant.themes_confirmed": entry("irritant", z.object({ themes: z.array(z.string()) })),
  "irritant.action_done": entry("irritant", z.object({ actionId: id, title: z.string().optional() })),
  "irritant.purged": entry("irritant", z.object({ reason: z.literal("retention") })),
  "irritant.passage_masked": entry("irritant", z.object({ field: z.enum(["title", "body", "comment"]), commentId: id.optional(), ...masked })),
  "attachment.uploaded": entry("attachment", z.object({ irritantId: id, owner: z.string(), pages: z.number().int() })),
  "attachment.approved": entry("attachment", z.object({ irritantId: id })),
  "attachment.covered": entry("attachment", z.object({ irritantId: id, areas: z.number().int() })),
  "attachment.removed": entry("attachment", z.object({ irritantId: id, reason: z.enum(["team", "hidden", "account_deleted", "retention"]) })),
  "ticket.opened": entry("ticket", z.object({ irritantId: id, productId: id, vendorId: id })),
  "ticket.acknowledged": entry("ticket", z.object({ irritantId: id, vendorId: id })),
  "ticket.replied": entry("ticket", z.object({ irritantId: id, vendorId: id, messageId: id, visibility: z.string() })),
  "ticket.internal_note": entry("ticket", z.object({ irritantId: id, vendorId: id, messageId: id, visibility: z.string() })),
  "ticket.resolution_set": entry("ticket", z.object({ irritantId: id, vendorId: id, resolution: z.string(), version: z.string().nullable() })),
  "ticket.fix_answered": entry("ticket", z.object({ irritantId: id, answer: z.string() })),
  "ticket.reopened": entry("ticket", z.object({ irritantId: id, denials: z.number().int() })),
  "ticket.reassigned": entry("ticket", z.object({ irritantId: id, toTicketId: id, toProductId: id, reason: z.string().nullable().optional() })),
  "ticket.closed": entry("ticket", z.object({ irritantId: id })),
  "ticket.passage_masked": entry("ticket", z.object({ messageId: id, irritantId: id, ...masked })),
  "action.created": entry("action", title),
  "action.updated": entry("action", title),
  "action.deadline_changed": entry("action", z.object({ from: z.string(), to: z.string(), reason: z.string().optional() })),
  "action.status_changed": entry("action", statusChange), // action statuses (modules/action-plan)
  "action.done": entry("action", z.object({ irritantIds: z.array(id) })),
  "action.note_added": entry("action", none),
  "action.moved": entry("action", z.object({ direction: z.enum(["up", "down"]) })),
  "action.steps_updated": entry("action", z.object({ done: z.number().int(), total: z.number().int() })),
  "action.status_stale": entry("action", z.object({ responsibleId: id, weeks: z.number().int(), since: z.string() })),
  "action_plan.imported": entry("action_plan", z.object({ created: z.number().int(), updated: z.number().int() })),
  "workstream.created": entry("workstream", title),
  "obligation.created": entry("obligation", z.object({ slug: z.string(), title: z.string() })),
  "obligation.updated": entry("obligation", z.object({ slug: z.string(), title: z.string() })),
  "obligation.linked": entry("obligation", z.object({ linkedKind: z.string(), linkedId: id })), // link targets (modules/regulation)
  "obligation.unlinked": entry("obligation", z.object({ linkedKind: z.string(), linkedId: id })),
  "challenge.created": entry("challenge", title),
  "campaign.created": entry("campaign", slug),
  "campaign.open": entry("campaign", slug),
  "campaign.closed": entry("campaign", slug),
  "campaign.published": entry("campaign", slug),
  "campaign.invitations_created": entry("campaign", z.record(z.string(), z.unknown())), // older rows only
  "campaign.invitations_emailed": entry("campaign", z.object({ invitationIds: z.array(id) })),
  "campaign.reminder_sent": entry("campaign", z.object({ remindedAt: z.string() })),
  "campaign.text_tagged": entry("campaign", z.object({ item: z.string(), themes: z.array(z.string()) })),
  "announcement.sent": entry("announcement", z.object({ groups: z.array(z.string()), recipients: z.number().int() })), // vendor groups (modules/vendors)
  "questionnaire.version_created": entry("questionnaire", z.object({ version: z.number().int() })),
  "progress_update.created": entry("progress_update", title),
  "progress_update.edited": entry("progress_update", title),
  "progress_update.published": entry("progress_update", z.object({ title: z.string(), slug: z.string() })),
  "progress_update.unpublished": entry("progress_update", z.object({ title: z.string(), slug: z.string() })),
  "progress_update.blocks_edited": entry("progress_update", z.object({ what: z.enum(["added", "saved", "moved", "deleted"]) })),
  "indicator.created": entry("indicator", slug),
  "indicator.values_imported": entry("indicator", z.object({ count: z.number().int() })),
  "theme.created": entry("theme", z.object({ slug: z.string(), label: z.string() })),
  "theme.updated": entry("theme", z.object({ slug: z.string(), from: z.string(), to: z.string(), retired: z.boolean().optional() })),
  // The field's vocabulary (modules/irritants): synonym groups and the reindex they call for.
  "vocabulary.group_created": entry("synonym_group", z.object({ concept: z.string(), terms: z.array(z.string()) })),
  "vocabulary.group_updated": entry("synonym_group", z.object({ concept: z.string(), previous: z.array(z.string()), terms: z.array(z.string()) })),
  "vocabulary.group_deleted": entry("synonym_group", z.object({ concept: z.string(), terms: z.array(z.string()) })),
  "vocabulary.reindex_started": entry("search_index", z.object({ total: z.number().int() })),
  "theme_resource.added": entry("theme", title),
  "theme_resource.removed": entry("theme", title),
  "theme_resource.updated": entry("theme", title),
  "product.created": entry("product", z.object({ name: z.string() })),
  "product.updated": entry("product", z.object({ name: z.string() })),
  "vendor.created": entry("organisation", z.object({ name: z.string() })),
  "settings.updated": entry("settings", z.record(z.string(), z.unknown())), // the changed settings (modules/settings)
  "user.created": entry("user", z.object({ role: z.string(), via: z.string().optional(), signupLink: z.string().optional() })),
  "user.psc_linked": entry("user", none),
  "user.signed_in": entry("user", none),
  "user.signin_failed": entry("user", none),
  "user.signin_locked": entry("user", none),
  "user.signup_attempted": entry("user", none),
  "user.profile_updated": entry("user", none),
  "user.password_changed": entry("user", z.object({ tokensRevoked: z.number().int(), tokensKept: z.boolean() })),
  "user.password_reset_requested": entry("user", none),
  "user.password_reset": entry("user", tokensRevoked),
  "user.email_confirmed": entry("user", none),
  // Notification kinds to delivery modes (modules/notifications/kinds).
  "user.notification_preferences_changed": entry("user", z.record(z.string(), z.string().optional())),
  "user.unsubscribed": entry("user", z.union([z.object({ u: id, s: z.string(), i: id }), z.object({ u: id, k: z.string() })])),
  "user.disabled": entry("user", tokensRevoked),
  "user.enabled": entry("user", none),
  "user.sessions_revoked": entry("user", tokensRevoked),
  "user.deleted": entry("user", none),
  "user.data_exported": entry("user", none),
  "api_token.created": entry("api_token", z.object({ label: z.string() })),
  "api_token.revoked": entry("api_token", none),
  "seminar.created": entry("seminar", z.object({ title: z.string(), date: z.string() })),
  "seminar.updated": entry("seminar", title),
  "seminar.slot_added": entry("seminar", z.object({ slotId: id, kind: z.string(), title: z.string() })),
  "seminar.slot_moved": entry("seminar", z.object({ slotId: id, direction: z.enum(["up", "down"]) })),
  "seminar.slot_removed": entry("seminar", title),
  "seminar.registration_requested": entry("seminar", registration),
  "seminar.registered": entry("seminar", registration),
  "seminar.registration_removed": entry("seminar", z.object({ registrationId: id, side: z.string() })),
  "seminar.verbatim_added": entry("seminar", z.object({ verbatimId: id, published: z.boolean() })),
  "seminar.verbatim_published": entry("seminar", verbatim),
  "seminar.verbatim_unpublished": entry("seminar", verbatim),
  "seminar.verbatim_removed": entry("seminar", verbatim),
  "seminar.feedback_saved": entry("seminar", z.object({ positives: z.number().int(), improvements: z.number().int(), campaign: z.string().nullable() })),
  "seminar.outcome_created": entry("workshop", z.object({ source: z.string(), sourceId: id, targetKind: z.string(), targetId: id, seminarId: id })),
  "workshop.created": entry("workshop", z.object({ seminarId: id, number: z.number().int(), title: z.string() })),
  "workshop.updated": entry("workshop", title),
  "workshop.code_renewed": entry("workshop", none),
  "workshop.status_changed": entry("workshop", z.object({ to: z.string() })),
  "workshop.card_posted": entry("workshop", z.object({ cardId: id, redacted: z.number().int() })),
  "workshop.card_moved": entry("workshop", z.object({ cardId: id, clusterId: z.union([id, z.literal("new")]).nullable() })),
  "workshop.card_hidden": entry("workshop", cardId),
  "workshop.card_shown": entry("workshop", cardId),
  "workshop.cluster_created": entry("workshop", title),
  "workshop.cluster_renamed": entry("workshop", z.object({ clusterId: id, title: z.string() })),
  "workshop.vote_opened": entry("workshop", none),
  "workshop.vote_closed": entry("workshop", none),
  "workshop.vote_cast": entry("workshop", vote),
  "workshop.vote_removed": entry("workshop", vote),
  "workshop.passage_masked": entry("workshop", z.object({ cardId: id, ...masked })),
} as const;

type Catalogue = typeof CATALOGUE;
export type EventType = keyof Catalogue;
export type EventPayload<T extends EventType> = z.infer<Catalogue[T]["payload"]>;
export type EventSubjectType<T extends EventType> = Catalogue[T]["subject"];

export const EVENT_TYPES = Object.keys(CATALOGUE) as EventType[];

function isEventType(type: string): type is EventType {
  return Object.hasOwn(CATALOGUE, type);
}

export function eventPayloadSchema<T extends EventType>(type: T): Catalogue[T]["payload"] {
  return CATALOGUE[type].payload;
}

type EventRow = { id: number; type: string; actorId: number | null; subjectType: string; subjectId: number; payload: unknown; createdAt: string };

/** A database row with its payload typed by its type: `switch (event.type)` narrows `event.payload`. */
export type CatalogueEvent = {
  [T in EventType]: Omit<EventRow, "type" | "payload"> & { type: T; payload: EventPayload<T> };
}[EventType];

/**
 * The typed event of a row, or null when its type is no longer in the catalogue or its payload does not match
 * today's schema (rows written by older code): readers skip such rows rather than crash on them.
 */
export function readEvent(row: EventRow): CatalogueEvent | null {
  if (!isEventType(row.type)) return null;
  const parsed = CATALOGUE[row.type].payload.safeParse(row.payload);
  return parsed.success ? ({ ...row, type: row.type, payload: parsed.data } as CatalogueEvent) : null;
}
