import type { CatalogueEvent, EventPayload, EventSubjectType, EventType } from "~/lib/event-catalogue";
import { STATUS_LABELS, type IrritantStatus } from "./statuses";
import { COLLECTION_CHANNEL_LABELS, type CollectionChannel } from "./origins";

/** The event types whose subject is an irritant: the only ones an irritant's timeline reads. */
type IrritantEventType = { [T in EventType]: EventSubjectType<T> extends "irritant" ? T : never }[EventType];

/** Who may read an entry: everyone who sees the irritant, or the team only. */
type TimelineAudience = "public" | "team";
/** The label of a theme from the slug an event stored: events keep slugs, pages show labels. */
type ThemeLabel = (slug: string) => string;
type TimelineEntry<T extends IrritantEventType> = { audience: TimelineAudience; describe: (payload: EventPayload<T>, themeLabel: ThemeLabel) => string };

const status = (s: string) => STATUS_LABELS[s as IrritantStatus] ?? s;
const MASKED_FIELDS = { title: "titre", body: "description", comment: "commentaire" } as const;

/**
 * How each irritant event appears on the irritant's timeline, in French; null when it does not. Every irritant
 * event type is listed, so a new one fails tsc until it is decided here. Hiding and unpublishing are for the team.
 */
export const TIMELINE_ENTRIES: { [T in IrritantEventType]: TimelineEntry<T> | null } = {
  "irritant.filed": { audience: "public", describe: () => "Signalement déposé" },
  "irritant.collected": { audience: "public", describe: (p) => `Recueilli par l'équipe du programme ${COLLECTION_CHANNEL_LABELS[p.via as CollectionChannel] ?? "lors d'un échange"}` },
  "irritant.supported": null, // counted on the page, never told one by one
  "irritant.support_withdrawn": null, // the same: the count on the page says it
  "irritant.commented": null, // the comments are shown as such
  "irritant.status_changed": {
    audience: "public",
    describe: (p) => (p.cause === "ticket" ? `Statut : ${status(p.from)} → ${status(p.to)} (correction annoncée par l'éditeur)` : `Statut : ${status(p.from)} → ${status(p.to)}`),
  },
  "irritant.reopened": {
    audience: "public",
    describe: (p) => (p.cause === "ticket" ? "Rouvert : plusieurs personnes indiquent que la correction annoncée ne règle pas le problème" : `Rouvert : ${status(p.from)} → ${status(p.to)}`),
  },
  "irritant.published": { audience: "public", describe: () => "Publié" },
  "irritant.unpublished": { audience: "team", describe: () => "Retiré de la publication" },
  "irritant.hidden": { audience: "team", describe: (p) => `Masqué : ${p.reason}` },
  "irritant.unhidden": { audience: "team", describe: () => "Rendu visible à nouveau" },
  "irritant.merged": { audience: "public", describe: (p) => `Fusionné dans le signalement n°${p.into}` },
  "irritant.duplicate_absorbed": { audience: "public", describe: (p) => `Le signalement n°${p.from} y a été fusionné (doublon)` },
  "irritant.themes_confirmed": { audience: "public", describe: (p, themeLabel) => `Thèmes confirmés par l'équipe : ${p.themes.map(themeLabel).join(", ")}` },
  "irritant.action_done": { audience: "public", describe: (p) => `Action du plan réalisée : ${p.title ?? ""}` },
  "irritant.purged": null, // retention: nothing left to tell
  "irritant.behalf_name_erased": null, // the team's own record: the public never knew the name
  "irritant.passage_masked": { audience: "team", describe: (p) => `Passage masqué par l'équipe (${MASKED_FIELDS[p.field]}, ${p.characters} caractères)` },
};

const SHOWN = Object.entries(TIMELINE_ENTRIES).flatMap(([type, entry]) => (entry ? [{ type: type as IrritantEventType, audience: entry.audience }] : []));

/** The event types a reader sees on an irritant's timeline: the public ones, or all those shown for the team. */
export function timelineEventTypes(reader: TimelineAudience): IrritantEventType[] {
  return SHOWN.filter((s) => reader === "team" || s.audience === "public").map((s) => s.type);
}

/** The French line of an event on the timeline, or null if the timeline does not show it. */
export function describeTimelineEvent(event: CatalogueEvent, themeLabel: ThemeLabel): string | null {
  if (!Object.hasOwn(TIMELINE_ENTRIES, event.type)) return null;
  // Each entry takes its own type's payload: the lookup by the event's own type keeps them matched.
  const entry = TIMELINE_ENTRIES[event.type as IrritantEventType] as TimelineEntry<IrritantEventType> | null;
  return entry ? entry.describe(event.payload as EventPayload<IrritantEventType>, themeLabel) : null;
}
