import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { announcements, organisations, users, type VendorGroup } from "#db/schema";
import { emailSubject } from "~/lib/email-template";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { VENDOR_GROUP_LABELS } from "./catalogue";

/**
 * Announcements to vendor groups (SONS and non-SONS vendors), for instance the programme's webinars. Sending records
 * an event; the notification worker tells each member of the groups' vendors, in the app and by e-mail (their
 * notification choices apply), with a link to the announcement's page. The team previews the e-mail and its recipients
 * first.
 */
export type AnnouncementInput = { title: string; body: string; groups: VendorGroup[] };

/** What the in-app notification and the e-mail say (the e-mail's subject and first paragraph). */
export const announcementText = (title: string) => `Annonce de l'équipe programme : ${title}`;
export const announcementUrl = (id: number) => `/editeur/annonces/${id}`;

function requireAnnouncer(actor: SessionUser) {
  if (!can(actor, "vendor:announce")) throw new HttpError(403, "Les annonces aux éditeurs sont envoyées par l'équipe programme.");
}

/** Active members of the vendors of each group, today: a vendor is SONS or not (`organisations.is_sons`). */
export function vendorGroupMembers(tx: Tx | ReturnType<typeof getDb>, groups: readonly VendorGroup[]) {
  const flags = [...new Set(groups)].map((g) => g === "sons");
  if (!flags.length) return [];
  return tx
    .select({ id: users.id, vendorId: organisations.id, sons: organisations.isSons })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, "vendor"), isNull(users.disabledAt), eq(organisations.kind, "vendor"), inArray(organisations.isSons, flags)))
    .all();
}

/** The preview: the e-mail as it will read, and how many people and vendors of each group will receive it. */
export function previewAnnouncement(actor: SessionUser, input: AnnouncementInput) {
  requireAnnouncer(actor);
  const members = vendorGroupMembers(getDb(), input.groups);
  const groups = [...new Set(input.groups)].map((group) => {
    const inGroup = members.filter((m) => m.sons === (group === "sons"));
    return { group, label: VENDOR_GROUP_LABELS[group], people: inGroup.length, vendors: new Set(inGroup.map((m) => m.vendorId)).size };
  });
  const text = announcementText(input.title);
  return { subject: emailSubject(text), text, groups, recipients: members.length };
}

export function sendAnnouncement(actor: SessionUser, input: AnnouncementInput) {
  requireAnnouncer(actor);
  const groups = [...new Set(input.groups)];
  return getDb().transaction((tx) => {
    const recipients = vendorGroupMembers(tx, groups).length;
    if (!recipients) throw new HttpError(422, "Aucun destinataire : ces groupes n'ont pas encore de membre.", { groups: ["Choisissez un groupe qui a des membres."] });
    const row = tx.insert(announcements).values({ title: input.title, body: input.body, groups, recipientCount: recipients, senderId: actor.id }).returning({ id: announcements.id }).get();
    recordEvent(tx, { type: "announcement.sent", actorId: actor.id, subject: { type: "announcement", id: row.id }, payload: { groups, recipients } });
    return { id: row.id, recipients };
  });
}

/** The announcement an event names, for the notification worker (in its transaction). */
export function getAnnouncementForDelivery(tx: Tx, id: number) {
  return tx.select({ id: announcements.id, title: announcements.title, groups: announcements.groups }).from(announcements).where(eq(announcements.id, id)).get();
}

export function listAnnouncements() {
  return getDb()
    .select({ id: announcements.id, title: announcements.title, groups: announcements.groups, recipientCount: announcements.recipientCount, sentAt: announcements.sentAt })
    .from(announcements)
    .orderBy(desc(announcements.id))
    .all();
}

/** One announcement, for the team or for a member of a vendor of its groups; anyone else gets a 404 (it is not theirs). */
export function getAnnouncement(viewer: SessionUser, id: number) {
  const row = getDb().select({ id: announcements.id, title: announcements.title, body: announcements.body, groups: announcements.groups, sentAt: announcements.sentAt }).from(announcements).where(eq(announcements.id, id)).get();
  if (!row) throw new HttpError(404, "Cette annonce n'existe pas.");
  if (can(viewer, "vendor:announce")) return row;
  const vendor = viewer.organisationId ? getDb().select({ isSons: organisations.isSons, kind: organisations.kind }).from(organisations).where(eq(organisations.id, viewer.organisationId)).get() : undefined;
  const group: VendorGroup | null = can(viewer, "announcement:receive") && vendor?.kind === "vendor" ? (vendor.isSons ? "sons" : "non-sons") : null;
  if (!group || !row.groups.includes(group)) throw new HttpError(404, "Cette annonce n'existe pas.");
  return row;
}
