import { and, count, desc, eq, inArray, lt } from "drizzle-orm";
import { getDb } from "#db/client";
import { irritantThemes, irritants, themes, users, type IrritantStatus } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/modules/accounts/accounts.server";
import type { FileIrritantInput } from "./schemas";

export function listThemes() {
  return getDb().select({ slug: themes.slug, label: themes.label }).from(themes).orderBy(themes.position).all();
}

export function fileIrritant(author: SessionUser, input: FileIrritantInput) {
  const db = getDb();
  return db.transaction((tx) => {
    const found = tx.select({ id: themes.id, slug: themes.slug }).from(themes).where(inArray(themes.slug, input.themes)).all();
    const unknown = input.themes.filter((slug) => !found.some((t) => t.slug === slug));
    if (unknown.length > 0) throw new HttpError(422, "Thème inconnu.", { themes: [`Thème inconnu : ${unknown.join(", ")}.`] });
    const row = tx
      .insert(irritants)
      .values({ title: input.title, body: input.body, authorId: author.id, lane: author.role === "patient" ? "patient" : "practitioner" })
      .returning({ id: irritants.id, status: irritants.status })
      .get();
    tx.insert(irritantThemes).values(found.map((t) => ({ irritantId: row.id, themeId: t.id }))).run();
    recordEvent(tx, {
      type: "irritant.filed",
      actorId: author.id,
      subject: { type: "irritant", id: row.id },
      payload: { themes: found.map((t) => t.slug) },
    });
    return { id: row.id, status: row.status, themes: found.map((t) => t.slug) };
  });
}

function themesOf(ids: number[]) {
  if (ids.length === 0) return new Map<number, { slug: string; label: string }[]>();
  const rows = getDb()
    .select({ irritantId: irritantThemes.irritantId, slug: themes.slug, label: themes.label })
    .from(irritantThemes)
    .innerJoin(themes, eq(themes.id, irritantThemes.themeId))
    .where(inArray(irritantThemes.irritantId, ids))
    .orderBy(themes.position)
    .all();
  const map = new Map<number, { slug: string; label: string }[]>();
  for (const r of rows) map.set(r.irritantId, [...(map.get(r.irritantId) ?? []), { slug: r.slug, label: r.label }]);
  return map;
}

const PAGE_SIZE = 50;

/**
 * Irritants visible to `viewer`, newest first, by keyset pagination on the id.
 * The public and reporters see published ones only; the team sees all.
 */
export function listIrritants(viewer: SessionUser | null, opts: { status?: IrritantStatus; theme?: string; cursor?: number; limit?: number } = {}) {
  const limit = Math.min(opts.limit ?? PAGE_SIZE, 100);
  const seesAll = can(viewer, "irritant:read-unpublished");
  const rows = getDb()
    .select({
      id: irritants.id,
      title: irritants.title,
      status: irritants.status,
      lane: irritants.lane,
      published: irritants.published,
      createdAt: irritants.createdAt,
      authorName: users.displayName,
    })
    .from(irritants)
    .innerJoin(users, eq(users.id, irritants.authorId))
    .where(
      and(
        seesAll ? undefined : eq(irritants.published, true),
        opts.status ? eq(irritants.status, opts.status) : undefined,
        opts.theme
          ? inArray(
              irritants.id,
              getDb()
                .select({ id: irritantThemes.irritantId })
                .from(irritantThemes)
                .innerJoin(themes, eq(themes.id, irritantThemes.themeId))
                .where(eq(themes.slug, opts.theme)),
            )
          : undefined,
        opts.cursor ? lt(irritants.id, opts.cursor) : undefined,
      ),
    )
    .orderBy(desc(irritants.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const themeMap = themesOf(page.map((r) => r.id));
  return {
    items: page.map((r) => ({ ...r, authorName: seesAll ? r.authorName : undefined, themes: themeMap.get(r.id) ?? [] })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : undefined,
  };
}

/** One irritant, if `viewer` may see it: published, their own, or any for the team. Otherwise 404. */
export function getIrritant(viewer: SessionUser | null, id: number) {
  const row = getDb().select().from(irritants).where(eq(irritants.id, id)).get();
  const visible = row && (row.published || row.authorId === viewer?.id || can(viewer, "irritant:read-unpublished"));
  if (!row || !visible) throw new HttpError(404, "Ce signalement n'existe pas ou n'est pas public.");
  return { ...row, themes: themesOf([row.id]).get(row.id) ?? [], isAuthor: row.authorId === viewer?.id };
}

export function updateIrritant(actor: SessionUser, id: number, patch: { status?: IrritantStatus; published?: boolean }) {
  if (!can(actor, "irritant:triage")) throw new HttpError(403, "Seule l'équipe programme peut modifier un signalement.");
  return getDb().transaction((tx) => {
    const current = tx.select({ status: irritants.status, published: irritants.published }).from(irritants).where(eq(irritants.id, id)).get();
    if (!current) throw new HttpError(404, "Ce signalement n'existe pas.");
    const updatedAt = new Date().toISOString();
    tx.update(irritants).set({ ...patch, updatedAt }).where(eq(irritants.id, id)).run();
    if (patch.status && patch.status !== current.status) {
      recordEvent(tx, {
        type: "irritant.status_changed",
        actorId: actor.id,
        subject: { type: "irritant", id },
        payload: { from: current.status, to: patch.status },
      });
    }
    if (patch.published !== undefined && patch.published !== current.published) {
      recordEvent(tx, {
        type: patch.published ? "irritant.published" : "irritant.unpublished",
        actorId: actor.id,
        subject: { type: "irritant", id },
      });
    }
    return { id, status: patch.status ?? current.status, published: patch.published ?? current.published };
  });
}

export function countReceivedIrritants() {
  return getDb().select({ n: count() }).from(irritants).get()?.n ?? 0;
}
