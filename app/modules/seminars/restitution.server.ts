import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { actions, irritants, seminarOutcomes, seminars, workshops } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { writeAction } from "~/modules/action-plan/index.server";
import {
  applyIrritantPatch,
  invalidateThemeModel,
  prepareIrritant,
  writeIrritant,
} from "~/modules/irritants/index.server";
import { originSentence } from "./board";
import { sourceContent } from "./board.server";
import type { OutcomeSource } from "./vocabulary";

function requireRestitution(actor: SessionUser, permission: "irritant:triage" | "action-plan:edit") {
  if (!can(actor, "seminar:manage") || !can(actor, permission)) throw new HttpError(403, "La restitution est faite par l'équipe programme.");
}

function workshopAndSeminar(tx: Tx, workshopId: number) {
  const row = tx
    .select({ workshop: workshops, date: seminars.date })
    .from(workshops)
    .innerJoin(seminars, eq(seminars.id, workshops.seminarId))
    .where(eq(workshops.id, workshopId))
    .get();
  if (!row) throw new HttpError(404, "Cet atelier n'existe pas.");
  return row;
}

function existingOutcome(tx: Tx, source: OutcomeSource, sourceId: number, targetKind: "irritant" | "action") {
  return tx
    .select({ targetId: seminarOutcomes.targetId })
    .from(seminarOutcomes)
    .where(and(eq(seminarOutcomes.sourceKind, source), eq(seminarOutcomes.sourceId, sourceId), eq(seminarOutcomes.targetKind, targetKind)))
    .get();
}

function link(tx: Tx, actor: SessionUser, w: { id: number; seminarId: number; number: number }, source: OutcomeSource, sourceId: number, targetKind: "irritant" | "action", targetId: number) {
  tx.insert(seminarOutcomes).values({ seminarId: w.seminarId, workshopId: w.id, sourceKind: source, sourceId, targetKind, targetId, createdById: actor.id }).run();
  tx.update(workshops).set({ revision: sql`${workshops.revision} + 1` }).where(eq(workshops.id, w.id)).run();
  recordEvent(tx, { type: "seminar.outcome_created", actorId: actor.id, subject: { type: "workshop", id: w.id }, payload: { source, sourceId, targetKind, targetId, seminarId: w.seminarId } });
}

/**
 * Turns a card or a cluster into an irritant, in one transaction: the irritant (masked, themed, indexed,
 * counted, through the irritants module), its triage and publication, and the link back to the workshop.
 */
export function restituteAsIrritant(
  actor: SessionUser,
  workshopId: number,
  input: { source: OutcomeSource; sourceId: number; title: string; body: string; themes: string[]; published?: boolean },
) {
  requireRestitution(actor, "irritant:triage");
  const db = getDb();
  // Redaction and theme suggestion happen before the transaction, as in the public filing path.
  const prepared = prepareIrritant({ title: input.title, body: input.body, themes: input.themes.length ? input.themes : undefined });
  const id = db.transaction((tx) => {
    const { workshop: w } = workshopAndSeminar(tx, workshopId);
    sourceContent(tx, w.id, input.source, input.sourceId);
    const already = existingOutcome(tx, input.source, input.sourceId, "irritant");
    if (already) throw new HttpError(409, `${input.source === "card" ? "Cette carte est déjà devenue" : "Ce regroupement est déjà devenu"} le signalement n°${already.targetId}.`);
    const created = writeIrritant(tx, actor, prepared, { lane: "practitioner" });
    applyIrritantPatch(tx, actor, created.id, { status: "triaged", published: input.published ?? false });
    link(tx, actor, w, input.source, input.sourceId, "irritant", created.id);
    return created.id;
  });
  if (input.themes.length) invalidateThemeModel();
  return id;
}

/**
 * Turns a card or a cluster into an action of the plan, in one transaction, through the action plan's own
 * writer. When the same source already became an irritant, the action is linked to it.
 */
export function restituteAsAction(
  actor: SessionUser,
  workshopId: number,
  input: { source: OutcomeSource; sourceId: number; challengeId: number; title: string; leadKind: "editeurs" | "pouvoirs-publics" | "editeurs-et-pouvoirs-publics"; deadlineLabel: string },
) {
  requireRestitution(actor, "action-plan:edit");
  return getDb().transaction((tx) => {
    const { workshop: w, date } = workshopAndSeminar(tx, workshopId);
    const content = sourceContent(tx, w.id, input.source, input.sourceId);
    const already = existingOutcome(tx, input.source, input.sourceId, "action");
    if (already) throw new HttpError(409, `${input.source === "card" ? "Cette carte est déjà devenue" : "Ce regroupement est déjà devenu"} l'action n°${already.targetId}.`);
    const irritant = existingOutcome(tx, input.source, input.sourceId, "irritant");
    const origin = originSentence(w.number, date);
    const description = `${origin[0].toUpperCase()}${origin.slice(1)}.\n\n${content.texts.map((t) => `« ${t} »`).join("\n")}`.slice(0, 5000);
    const actionId = writeAction(tx, actor, null, {
      challengeId: input.challengeId,
      title: input.title,
      description,
      leadKind: input.leadKind,
      deadlineLabel: input.deadlineLabel,
      status: "a-lancer",
      segurWave: null,
      steps: [],
      themes: content.themes,
      irritantIds: irritant ? [irritant.targetId] : [],
    });
    link(tx, actor, w, input.source, input.sourceId, "action", actionId);
    return actionId;
  });
}

/**
 * Links a card or a cluster to an irritant or an action that already exists (what the workshop said is
 * already on file), instead of filing a duplicate.
 */
export function linkToExisting(actor: SessionUser, workshopId: number, input: { source: OutcomeSource; sourceId: number; targetKind: "irritant" | "action"; targetId: number }) {
  requireRestitution(actor, input.targetKind === "irritant" ? "irritant:triage" : "action-plan:edit");
  getDb().transaction((tx) => {
    const { workshop: w } = workshopAndSeminar(tx, workshopId);
    sourceContent(tx, w.id, input.source, input.sourceId);
    const table = input.targetKind === "irritant" ? irritants : actions;
    if (!tx.select({ id: table.id }).from(table).where(eq(table.id, input.targetId)).get()) {
      const message = input.targetKind === "irritant" ? `Le signalement n°${input.targetId} n'existe pas.` : `L'action n°${input.targetId} n'existe pas.`;
      throw new HttpError(422, message, { targetId: [message] });
    }
    const already = existingOutcome(tx, input.source, input.sourceId, input.targetKind);
    if (already) throw new HttpError(409, `Cette source est déjà reliée ${input.targetKind === "irritant" ? `au signalement n°${already.targetId}` : `à l'action n°${already.targetId}`}.`);
    link(tx, actor, w, input.source, input.sourceId, input.targetKind, input.targetId);
  });
}
