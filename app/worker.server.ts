import { getEnv } from "~/lib/env.server";
import { sendPendingEmails } from "~/lib/outbox.server";
import { remindStaleActions } from "~/modules/action-plan/index.server";
import { analysePendingAttachments, removeAttachmentsOfHiddenIrritants, sweepHeldUploads } from "~/modules/attachments/index.server";
import { applyRetention } from "~/modules/privacy/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { composeDigests, deliverPendingEvents } from "~/modules/notifications/index.server";

/*
 * The worker's loop sits above the capabilities: it drives personal-data retention, the action plan's stale-status
 * reminders, notification delivery and the analysis of attached files, and no capability may import another one above it.
 */

/** Delivers pending events, composes due digests and sends due e-mails every `intervalMs`; returns a function that stops it. */
export function startDeliveryLoop(intervalMs = 2000) {
  let sending = false;
  let analysing = false;
  let retentionAt = 0;
  // The files of hidden irritants: the first sweep reads every hidden irritant, the next ones those hidden since the
  // previous sweep began, a minute earlier still, so that a hide whose transaction straddled a sweep is not missed.
  let hiddenSince: string | undefined;
  const tick = () => {
    // Retention runs with the worker, at most once an hour.
    if (Date.now() - retentionAt > 3_600_000) {
      retentionAt = Date.now();
      try {
        applyRetention(getEnv().RETENTION_HIDDEN_DAYS);
      } catch (error) {
        console.error("Retention pass failed; it will be retried.", error);
      }
      // Files held by the filing form's duplicate check and never filed: gone after a day.
      try {
        sweepHeldUploads();
      } catch (error) {
        console.error("Sweeping held uploads failed; it will be retried.", error);
      }
      // Actions without news of their status for the team's number of weeks: their responsible person is reminded
      // (once per period; the events become notifications and e-mails below).
      try {
        remindStaleActions(getSettings().staleStatusWeeks);
      } catch (error) {
        console.error("Stale-status reminders failed; they will be retried.", error);
      }
    }
    try {
      // Drain what is pending, a batch at a time.
      while (deliverPendingEvents().events > 0);
      composeDigests();
    } catch (error) {
      console.error("Notification delivery failed; it will be retried.", error);
    }
    // Attachments: OCR and masking, one pass at a time (heavy on the CPU; one image after another).
    if (!analysing) {
      analysing = true;
      try {
        // "Masquer" through the API: the hidden irritants' files go too.
        const sweptFrom = new Date(Date.now() - 60_000).toISOString();
        removeAttachmentsOfHiddenIrritants(undefined, null, hiddenSince);
        hiddenSince = sweptFrom;
      } catch (error) {
        console.error("Removing the files of hidden irritants failed; it will be retried.", error);
      }
      analysePendingAttachments()
        .catch((error) => console.error("Attachment analysis failed; it will be retried.", error))
        .finally(() => {
          analysing = false;
        });
    }
    // One sending pass at a time, so a slow SMTP server never gets the same e-mail twice.
    if (sending) return;
    sending = true;
    sendPendingEmails()
      .catch((error) => console.error("E-mail sending failed; it will be retried.", error))
      .finally(() => {
        sending = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
