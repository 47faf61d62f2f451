import type { Db, DbOrTx } from "#db/client";
import type { Statement } from "better-sqlite3";
import { events } from "#db/schema";
import { eventPayloadSchema, type EventPayload, type EventSubjectType, type EventType } from "./event-catalogue";

export type EventInput<T extends EventType> = {
  type: T;
  actorId: number | null;
  subject: { type: EventSubjectType<T>; id: number };
} & (Record<string, never> extends EventPayload<T> ? { payload?: EventPayload<T> } : { payload: EventPayload<T> });

/**
 * The moment of a transaction's events: one per transaction, shared by all its events and distinct from the
 * previous transaction's (bumped by a millisecond when the clock has not moved), so that readers can tell the
 * events of one change apart (the notifications worker sends one e-mail per change and person).
 */
const stamps = new WeakMap<object, string>();
let lastStamp = 0;
function changeStamp(tx: DbOrTx) {
  const inTransaction = "rollback" in tx;
  const known = inTransaction ? stamps.get(tx) : undefined;
  if (known) return known;
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  const stamp = new Date(lastStamp).toISOString();
  if (inTransaction) stamps.set(tx, stamp);
  return stamp;
}

/**
 * Writes a state change to the outbox. Always call it with the transaction that
 * makes the change, so the change and its event commit or fail together. A payload
 * that does not match the catalogue's schema is a bug: it throws, and the change rolls back.
 */
export function recordEvent<T extends EventType>(tx: DbOrTx, input: EventInput<T>) {
  const payload = input.payload ?? {};
  const checked = eventPayloadSchema(input.type).safeParse(payload);
  if (!checked.success) throw new Error(`Event ${input.type}: payload does not match the catalogue (${checked.error.message})`);
  return tx
    .insert(events)
    .values({
      type: input.type,
      actorId: input.actorId,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      payload: payload as Record<string, unknown>,
      createdAt: changeStamp(tx),
    })
    .returning({ id: events.id })
    .get();
}

const lastEventStatements = new WeakMap<Db, Statement<[], number | null>>();

/**
 * The id of the last event written, by any process: since every change writes its event in its own transaction, it
 * names the state of the data (caches compare it). A prepared statement per connection: `max(id)` reads the last
 * entry of the table's b-tree, a few microseconds.
 */
export function lastEventId(db: Db): number {
  let statement = lastEventStatements.get(db);
  if (!statement) {
    statement = db.$client.prepare<[], number | null>("select max(id) from events").pluck();
    lastEventStatements.set(db, statement);
  }
  return statement.get() ?? 0;
}
