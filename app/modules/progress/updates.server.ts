import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { progressUpdates, progressUpdateThemes, themes } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { renderMarkdown } from "./markdown";
import { dayOfUpdate, renderPoint, renderingOf } from "./blocks.server";
import { slugFromTitle } from "~/lib/text/slug";

/** Published points, newest first, each with its introduction's HTML and its blocks as frozen at publication. */
export function listPublishedUpdates(limit = 50) {
  return getDb()
    .select()
    .from(progressUpdates)
    .where(eq(progressUpdates.status, "published"))
    .orderBy(desc(progressUpdates.publishedAt))
    .limit(limit)
    .all()
    .map((u) => ({ slug: u.slug, title: u.title, summary: u.summary, publishedAt: u.publishedAt!, updatedAt: u.updatedAt, html: renderMarkdown(u.body), rendering: renderingOf(u) }));
}

/** A published update for everyone; drafts only for the team. */
export function getUpdate(viewer: SessionUser | null, slug: string) {
  const row = getDb().select().from(progressUpdates).where(eq(progressUpdates.slug, slug)).get();
  if (!row || (row.status !== "published" && !can(viewer, "progress:edit"))) throw new HttpError(404, "Ce point d'étape n'existe pas ou n'est pas publié.");
  return { ...row, day: dayOfUpdate(row), html: renderMarkdown(row.body), rendering: renderingOf(row) };
}

export function listAllUpdates(actor: SessionUser) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  return getDb().select().from(progressUpdates).orderBy(desc(progressUpdates.id)).all();
}

/** The slugs of the themes an update is about. */
export function updateThemeSlugs(updateId: number) {
  return getDb()
    .select({ slug: themes.slug })
    .from(progressUpdateThemes)
    .innerJoin(themes, eq(themes.id, progressUpdateThemes.themeId))
    .where(eq(progressUpdateThemes.updateId, updateId))
    .all()
    .map((t) => t.slug);
}

export type UpdateInput = { slug?: string; title: string; summary: string; body: string; themes?: string[]; asOf?: string };

export function saveUpdate(actor: SessionUser, id: number | null, input: UpdateInput) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  const { themes: themeSlugs = [], ...fields } = input;
  // Left blank, the address derives from the title.
  const columns = { ...fields, slug: fields.slug || slugFromTitle(fields.title), asOf: fields.asOf ?? null };
  return getDb().transaction((tx) => {
    const clash = tx.select({ id: progressUpdates.id }).from(progressUpdates).where(eq(progressUpdates.slug, columns.slug)).get();
    if (clash && clash.id !== id) throw new HttpError(409, "Adresse déjà utilisée.", { slug: ["Un autre point d'étape utilise déjà cette adresse."] });
    const themeIds = themeSlugs.length ? tx.select({ id: themes.id, slug: themes.slug }).from(themes).where(inArray(themes.slug, themeSlugs)).all() : [];
    if (themeIds.length !== new Set(themeSlugs).size) throw new HttpError(422, "Thème inconnu.", { themes: ["Choisissez des thèmes de la liste."] });
    const updatedAt = new Date().toISOString();
    const writeThemes = (updateId: number) => {
      tx.delete(progressUpdateThemes).where(eq(progressUpdateThemes.updateId, updateId)).run();
      for (const t of themeIds) tx.insert(progressUpdateThemes).values({ updateId, themeId: t.id }).run();
    };
    if (id === null) {
      const row = tx.insert(progressUpdates).values({ ...columns, authorId: actor.id }).returning({ id: progressUpdates.id }).get();
      writeThemes(row.id);
      recordEvent(tx, { type: "progress_update.created", actorId: actor.id, subject: { type: "progress_update", id: row.id }, payload: { title: input.title } });
      return row.id;
    }
    const changed = tx.update(progressUpdates).set({ ...columns, updatedAt }).where(eq(progressUpdates.id, id)).run().changes;
    if (!changed) throw new HttpError(404, "Ce point d'étape n'existe pas.");
    writeThemes(id);
    recordEvent(tx, { type: "progress_update.edited", actorId: actor.id, subject: { type: "progress_update", id }, payload: { title: input.title } });
    return id;
  });
}

export function setUpdatePublished(actor: SessionUser, id: number, published: boolean) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  getDb().transaction((tx) => {
    const row = tx.select().from(progressUpdates).where(eq(progressUpdates.id, id)).get();
    if (!row) throw new HttpError(404, "Ce point d'étape n'existe pas.");
    const now = new Date().toISOString();
    const publishedAt = published ? (row.publishedAt ?? now) : row.publishedAt;
    // Publishing freezes the point: what every block shows now is stored, and shown from then on. Back to draft, it
    // reads live data again (and is frozen anew when published again).
    const snapshot = published ? renderPoint({ ...row, publishedAt }) : null;
    tx.update(progressUpdates)
      .set({ status: published ? "published" : "draft", publishedAt, updatedAt: now, snapshot })
      .where(and(eq(progressUpdates.id, id)))
      .run();
    recordEvent(tx, { type: published ? "progress_update.published" : "progress_update.unpublished", actorId: actor.id, subject: { type: "progress_update", id }, payload: { title: row.title, slug: row.slug } });
  });
}
