import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { irritantThemes, irritants } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { irritantForwarded } from "./forwarding.server";
import type { IrritantPatch } from "./schemas";
import { canTransition, type IrritantStatus, STATUS_LABELS } from "./statuses";
import { recountChange } from "./counters.server";
import { adjustThemeCounters, invalidateThemeModel, resolveThemeSlugs, themeIdsOf } from "./themes.server";
import { isPubliclyVisible } from "./visibility.server";

type Row = typeof irritants.$inferSelect;

/** Whether a row counts in the theme counters: live (not merged, not hidden), and among those, publicly visible. */
const counted = (r: Pick<Row, "mergedIntoId" | "hiddenAt" | "published">) => {
  const live = r.mergedIntoId === null && r.hiddenAt === null;
  return { total: live ? 1 : 0, published: isPubliclyVisible(r) ? 1 : 0 };
};

function requireRow(tx: Tx, id: number) {
  const row = tx.select().from(irritants).where(eq(irritants.id, id)).get();
  if (!row) throw new HttpError(404, `Le signalement n°${id} n'existe pas.`);
  return row;
}

function recountSupports(tx: Tx, id: number) {
  tx.run(sql`update irritants set
      support_count = (select count(*) from supports where irritant_id = ${id}),
      patient_support_count = (select count(*) from supports where irritant_id = ${id} and lane = 'patient')
    where id = ${id}`);
}

/**
 * Moves a duplicate into its target: supports move (each person counted once), the duplicate's
 * author becomes a supporter, followers follow the target, and the duplicate redirects.
 */
function merge(tx: Tx, actor: SessionUser, source: Row, targetId: number) {
  if (targetId === source.id) throw new HttpError(422, "Un signalement ne peut pas être fusionné avec lui-même.", { mergeInto: ["Choisissez un autre signalement."] });
  if (source.mergedIntoId) throw new HttpError(409, "Ce signalement est déjà fusionné.");
  const target = requireRow(tx, targetId);
  if (target.mergedIntoId) {
    throw new HttpError(409, `Le signalement n°${targetId} est lui-même fusionné dans le n°${target.mergedIntoId}.`, {
      mergeInto: [`Fusionnez plutôt dans le n°${target.mergedIntoId}.`],
    });
  }
  tx.run(sql`insert or ignore into supports (irritant_id, user_id, lane, profession, product_id, product_version, created_at)
    select ${targetId}, user_id, lane, profession, product_id, product_version, created_at from supports
    where irritant_id = ${source.id} and user_id != ${target.authorId}`);
  if (source.authorId !== target.authorId) {
    tx.run(sql`insert or ignore into supports (irritant_id, user_id, lane, profession, product_id, product_version, created_at)
      select ${targetId}, u.id, ${source.lane}, u.profession, ${source.productId}, ${source.productVersion}, ${source.createdAt}
      from users u where u.id = ${source.authorId}`);
  }
  tx.run(sql`insert or ignore into follows (user_id, subject_type, subject_id)
    select user_id, 'irritant', ${targetId} from follows where subject_type = 'irritant' and subject_id = ${source.id}`);
  recountSupports(tx, targetId);
  tx.update(irritants).set({ mergedIntoId: targetId, status: "duplicate", updatedAt: new Date().toISOString() }).where(eq(irritants.id, source.id)).run();
  recordEvent(tx, { type: "irritant.merged", actorId: actor.id, subject: { type: "irritant", id: source.id }, payload: { into: targetId } });
  recordEvent(tx, { type: "irritant.duplicate_absorbed", actorId: actor.id, subject: { type: "irritant", id: targetId }, payload: { from: source.id } });
}

/** Team edits in the caller's transaction; the caller checks the permission (see updateIrritant). */
export function applyIrritantPatch(tx: Tx, actor: SessionUser, id: number, patch: IrritantPatch) {
  return applyPatch(tx, actor, id, patch);
}

function applyPatch(tx: Tx, actor: SessionUser, id: number, patch: IrritantPatch) {
  const before = requireRow(tx, id);
  const subject = { type: "irritant" as const, id };
  const now = new Date().toISOString();
  const oldThemeIds = themeIdsOf(tx, id);
  const countedBefore = counted(before);

  if (patch.themes) {
    const rows = resolveThemeSlugs(tx, patch.themes);
    tx.delete(irritantThemes).where(eq(irritantThemes.irritantId, id)).run();
    // Saved by the team, the tags are confirmed: they train the classifier.
    tx.insert(irritantThemes).values(rows.map((t) => ({ irritantId: id, themeId: t.id, source: "team" as const }))).run();
    recordEvent(tx, { type: "irritant.themes_confirmed", actorId: actor.id, subject, payload: { themes: rows.map((t) => t.slug) } });
  }
  if (patch.status && patch.status !== before.status) {
    if (patch.status === "duplicate") {
      throw new HttpError(422, "Pour marquer un doublon, fusionnez-le dans le signalement d'origine.", { status: ["Utilisez la fusion."] });
    }
    if (!canTransition(before.status, patch.status)) {
      throw new HttpError(409, `Impossible de passer de « ${STATUS_LABELS[before.status]} » à « ${STATUS_LABELS[patch.status]} ».`, {
        status: [`Transition non autorisée depuis « ${STATUS_LABELS[before.status]} ».`],
      });
    }
    tx.update(irritants).set({ status: patch.status, fixAnnouncedAt: null, updatedAt: now }).where(eq(irritants.id, id)).run();
    if (patch.status === "forwarded") irritantForwarded(tx, id, actor.id);
    const reopened = ["resolved", "wont_fix"].includes(before.status);
    recordEvent(tx, { type: reopened ? "irritant.reopened" : "irritant.status_changed", actorId: actor.id, subject, payload: { from: before.status, to: patch.status } });
  }
  if (patch.published === true && (before.mergedIntoId !== null || patch.mergeInto !== undefined)) {
    const into = before.mergedIntoId ?? patch.mergeInto;
    throw new HttpError(409, `Le n°${id} est un doublon fusionné dans le n°${into} : il ne peut pas être publié. Publiez plutôt le n°${into}.`, {
      published: [`Publiez plutôt le n°${into}.`],
    });
  }
  if (patch.published !== undefined && patch.published !== before.published) {
    tx.update(irritants).set({ published: patch.published, updatedAt: now }).where(eq(irritants.id, id)).run();
    recordEvent(tx, { type: patch.published ? "irritant.published" : "irritant.unpublished", actorId: actor.id, subject });
  }
  if (patch.hidden !== undefined) {
    const hide = patch.hidden !== false;
    if (hide !== (before.hiddenAt !== null)) {
      tx.update(irritants)
        .set({ hiddenAt: hide ? now : null, hiddenReason: patch.hidden ? patch.hidden.reason : null, updatedAt: now })
        .where(eq(irritants.id, id))
        .run();
      recordEvent(tx, { type: hide ? "irritant.hidden" : "irritant.unhidden", actorId: actor.id, subject, payload: patch.hidden ? { reason: patch.hidden.reason } : {} });
    }
  }
  if (patch.mergeInto !== undefined) merge(tx, actor, requireRow(tx, id), patch.mergeInto);

  // Counters: take the irritant out with its old state and themes, put it back with the new ones.
  const after = requireRow(tx, id);
  const newThemeIds = themeIdsOf(tx, id);
  adjustThemeCounters(tx, oldThemeIds, { total: -countedBefore.total, published: -countedBefore.published });
  adjustThemeCounters(tx, newThemeIds, counted(after));
  recountChange(tx, before, after);
  return { id, status: after.status, published: after.published, hidden: after.hiddenAt !== null, mergedInto: after.mergedIntoId };
}

/** Statuses a newly opened ticket moves to "forwarded": later ones (in progress, closed) are left as they are. */
const FORWARDED_FROM: readonly IrritantStatus[] = ["new", "triaged"];

/**
 * Keeps the irritant in step with its tickets (the tickets capability calls it): a ticket opened for a vendor marks
 * it forwarded ("transmis à l'éditeur") unless it is further along; a vendor's fix resolves it once no ticket is still
 * open (the caller checks that); a fix denied by enough people puts it back in progress. Transitions the workflow
 * forbids are skipped.
 */
export function followTicketOutcome(tx: Tx, irritantId: number, to: "forwarded" | "resolved" | "in_progress", actorId: number | null) {
  const row = requireRow(tx, irritantId);
  if (row.status === to || !canTransition(row.status, to)) return;
  if (to === "forwarded" && !FORWARDED_FROM.includes(row.status)) return;
  const now = new Date().toISOString();
  // Resolved by a vendor's fix: "Correctif annoncé" until its people confirm it (confirmFix) or the delay passes.
  tx.update(irritants)
    .set({ status: to, fixAnnouncedAt: to === "resolved" ? now : null, updatedAt: now })
    .where(eq(irritants.id, irritantId))
    .run();
  recountChange(tx, row, { ...row, status: to });
  recordEvent(tx, {
    type: to === "in_progress" ? "irritant.reopened" : "irritant.status_changed",
    actorId,
    subject: { type: "irritant", id: irritantId },
    payload: { from: row.status, to, cause: "ticket" },
  });
}

/** Team edits of one irritant: status, themes (confirmation), publication, hiding, merge. One transaction. */
export function updateIrritant(actor: SessionUser, id: number, patch: IrritantPatch) {
  if (!can(actor, "irritant:triage")) throw new HttpError(403, "Seule l'équipe programme peut modifier un signalement.");
  const result = getDb().transaction((tx) => applyPatch(tx, actor, id, patch));
  if (patch.themes) invalidateThemeModel();
  return result;
}

/** The same change on a selection: all of it applies, or none of it (the first error is reported, saying so). */
export function bulkUpdateIrritants(actor: SessionUser, ids: number[], patch: Pick<IrritantPatch, "status" | "published">) {
  if (!can(actor, "irritant:triage")) throw new HttpError(403, "Seule l'équipe programme peut modifier un signalement.");
  try {
    return getDb().transaction((tx) => ids.map((id) => applyPatch(tx, actor, id, patch)));
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.status, `Aucun changement appliqué : ${error.message}`);
    throw error;
  }
}


/** The reporter and supporters confirmed a vendor's fix: the irritant shows as "Résolu" (the tickets capability calls it). */
export function confirmFix(tx: Tx, irritantId: number) {
  tx.update(irritants).set({ fixAnnouncedAt: null }).where(eq(irritants.id, irritantId)).run();
}
