import { and, asc, desc, eq, isNull, max } from "drizzle-orm";
import { getDb } from "#db/client";
import { irritantThemes, irritants, themeResources, themes } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { getPlan, withoutResponsible } from "~/modules/action-plan/index.server";
import { publiclyVisible, withFixAnnounced } from "~/modules/irritants/index.server";
import type { RESOURCE_DATE_KINDS, RESOURCE_KINDS } from "./vocabulary";


/** A theme's public page: its most supported published irritants, its actions, its resources. */
export function themePage(slug: string) {
  const db = getDb();
  const theme = db.select().from(themes).where(and(eq(themes.slug, slug), isNull(themes.retiredAt))).get();
  if (!theme) throw new HttpError(404, "Ce thème n'existe pas.");
  const top = db
    .select({ id: irritants.id, title: irritants.title, status: irritants.status, fixAnnouncedAt: irritants.fixAnnouncedAt, supportCount: irritants.supportCount })
    .from(irritantThemes)
    .innerJoin(irritants, eq(irritants.id, irritantThemes.irritantId))
    .where(and(eq(irritantThemes.themeId, theme.id), publiclyVisible()))
    .orderBy(desc(irritants.supportCount), desc(irritants.id))
    .limit(10)
    .all();
  // The page does not name who is responsible for an action: that name stays out of its data too.
  const actions = withoutResponsible(getPlan({ theme: slug })).flatMap((w) => w.challenges.flatMap((c) => c.actions));
  return { theme: { id: theme.id, slug: theme.slug, label: theme.label, published: theme.publishedCount }, top: withFixAnnounced(top), actions, resources: listResources(theme.id) };
}

export function listResources(themeId?: number) {
  return getDb()
    .select({
      id: themeResources.id,
      title: themeResources.title,
      url: themeResources.url,
      kind: themeResources.kind,
      date: themeResources.date,
      dateKind: themeResources.dateKind,
      source: themeResources.source,
      themeSlug: themes.slug,
      themeLabel: themes.label,
    })
    .from(themeResources)
    .innerJoin(themes, eq(themes.id, themeResources.themeId))
    .where(themeId ? eq(themeResources.themeId, themeId) : undefined)
    .orderBy(asc(themes.position), asc(themeResources.position), asc(themeResources.id))
    .all();
}

export function addResource(
  actor: SessionUser,
  input: { themeSlug: string; title: string; url: string; kind: keyof typeof RESOURCE_KINDS; date: string; dateKind: keyof typeof RESOURCE_DATE_KINDS; source: string },
) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  return getDb().transaction((tx) => {
    const theme = tx.select({ id: themes.id }).from(themes).where(eq(themes.slug, input.themeSlug)).get();
    if (!theme) throw new HttpError(422, "Thème inconnu.", { themeSlug: ["Choisissez un thème de la liste."] });
    const position = (tx.select({ p: max(themeResources.position) }).from(themeResources).where(eq(themeResources.themeId, theme.id)).get()?.p ?? -1) + 1;
    const row = tx.insert(themeResources).values({ themeId: theme.id, title: input.title, url: input.url, kind: input.kind, date: input.date, dateKind: input.dateKind, source: input.source, position }).returning({ id: themeResources.id }).get();
    recordEvent(tx, { type: "theme_resource.added", actorId: actor.id, subject: { type: "theme", id: theme.id }, payload: { title: input.title } });
    return row.id;
  });
}

/** Gives a resource its address and date (those its source did not give, or corrected ones). */
export function completeResource(actor: SessionUser, id: number, input: { url: string; date: string; dateKind: keyof typeof RESOURCE_DATE_KINDS }) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  getDb().transaction((tx) => {
    const row = tx.select().from(themeResources).where(eq(themeResources.id, id)).get();
    if (!row) throw new HttpError(404, "Cette ressource n'existe pas.", { id: ["Choisissez une ressource de la liste."] });
    tx.update(themeResources).set({ url: input.url, date: input.date, dateKind: input.dateKind }).where(eq(themeResources.id, id)).run();
    recordEvent(tx, { type: "theme_resource.updated", actorId: actor.id, subject: { type: "theme", id: row.themeId }, payload: { title: row.title } });
  });
}

export function removeResource(actor: SessionUser, id: number) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  getDb().transaction((tx) => {
    const row = tx.select().from(themeResources).where(eq(themeResources.id, id)).get();
    if (!row) throw new HttpError(404, "Cette ressource n'existe pas.");
    tx.delete(themeResources).where(eq(themeResources.id, id)).run();
    recordEvent(tx, { type: "theme_resource.removed", actorId: actor.id, subject: { type: "theme", id: row.themeId }, payload: { title: row.title } });
  });
}
