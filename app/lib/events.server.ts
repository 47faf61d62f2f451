import type { DbOrTx } from "#db/client";
import { events } from "#db/schema";

export type EventInput = {
  type: string;
  actorId: number | null;
  subject: { type: string; id: number };
  payload?: Record<string, unknown>;
};

/**
 * Writes a state change to the outbox. Always call it with the transaction that
 * makes the change, so the change and its event commit or fail together.
 */
export function recordEvent(tx: DbOrTx, input: EventInput) {
  return tx
    .insert(events)
    .values({
      type: input.type,
      actorId: input.actorId,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      payload: input.payload ?? {},
    })
    .returning({ id: events.id })
    .get();
}
