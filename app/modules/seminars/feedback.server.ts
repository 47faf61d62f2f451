/** What the team keeps of a seminar once it is over: verbatims (quotes) and feedback. */
import { and, eq, max } from "drizzle-orm";
import { getDb } from "#db/client";
import { campaigns, seminarVerbatims, seminars } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { requireSeminar, requireSeminarManager } from "./internal.server";
import type { Side } from "./vocabulary";

export function addVerbatim(actor: SessionUser, seminarId: number, input: { text: string; side?: Side; consent?: boolean; published?: boolean }) {
  requireSeminarManager(actor);
  if (input.published && !input.consent) {
    throw new HttpError(422, "Pas de publication sans consentement.", { published: ["Une citation n'est publiée qu'avec le consentement de la personne."] });
  }
  const text = redactPatientIdentifiers(input.text);
  return getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    const position = (tx.select({ p: max(seminarVerbatims.position) }).from(seminarVerbatims).where(eq(seminarVerbatims.seminarId, seminarId)).get()?.p ?? -1) + 1;
    const row = tx
      .insert(seminarVerbatims)
      .values({ seminarId, text: text.text, side: input.side ?? null, consent: input.consent ?? false, published: input.published ?? false, position })
      .returning({ id: seminarVerbatims.id })
      .get();
    recordEvent(tx, { type: "seminar.verbatim_added", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId: row.id, published: input.published ?? false } });
    return { id: row.id, redacted: text.total };
  });
}

export function setVerbatimPublication(actor: SessionUser, seminarId: number, verbatimId: number, published: boolean) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const row = tx.select().from(seminarVerbatims).where(and(eq(seminarVerbatims.id, verbatimId), eq(seminarVerbatims.seminarId, seminarId))).get();
    if (!row) throw new HttpError(404, "Cette citation n'existe pas.");
    if (published && !row.consent) throw new HttpError(409, "Cette citation n'a pas le consentement de la personne : elle ne peut pas être publiée.");
    tx.update(seminarVerbatims).set({ published }).where(eq(seminarVerbatims.id, verbatimId)).run();
    recordEvent(tx, { type: published ? "seminar.verbatim_published" : "seminar.verbatim_unpublished", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId } });
  });
}

export function removeVerbatim(actor: SessionUser, seminarId: number, verbatimId: number) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    const row = tx.select({ id: seminarVerbatims.id }).from(seminarVerbatims).where(and(eq(seminarVerbatims.id, verbatimId), eq(seminarVerbatims.seminarId, seminarId))).get();
    if (!row) throw new HttpError(404, "Cette citation n'existe pas.");
    tx.delete(seminarVerbatims).where(eq(seminarVerbatims.id, verbatimId)).run();
    recordEvent(tx, { type: "seminar.verbatim_removed", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { verbatimId } });
  });
}

/** Positive points, improvement points and the post-event questionnaire's campaign (by slug, or none). */
export function saveFeedback(actor: SessionUser, seminarId: number, input: { positives: string[]; improvements: string[]; campaignSlug?: string }) {
  requireSeminarManager(actor);
  getDb().transaction((tx) => {
    requireSeminar(tx, seminarId);
    const campaign = input.campaignSlug ? tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, input.campaignSlug)).get() : null;
    if (input.campaignSlug && !campaign) throw new HttpError(422, "Enquête inconnue.", { campaignSlug: ["Choisissez une enquête de la liste."] });
    tx.update(seminars)
      .set({ positives: input.positives, improvements: input.improvements, feedbackCampaignId: campaign?.id ?? null, updatedAt: new Date().toISOString() })
      .where(eq(seminars.id, seminarId))
      .run();
    recordEvent(tx, { type: "seminar.feedback_saved", actorId: actor.id, subject: { type: "seminar", id: seminarId }, payload: { positives: input.positives.length, improvements: input.improvements.length, campaign: input.campaignSlug ?? null } });
  });
}
