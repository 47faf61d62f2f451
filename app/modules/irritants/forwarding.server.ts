import type { Tx } from "#db/client";

/**
 * Extension point "when an irritant is forwarded" (by the team, or automatically at filing). Tickets sit above
 * irritants and open the vendor's ticket here, in the forwarding transaction; irritants cannot import them (arrows
 * point down), so the tickets capability registers at start-up through `connectCapabilities` (app/capabilities.server.ts).
 * Forwarding with nothing registered throws: the link cannot be lost silently. Decision 017.
 */
type ForwardedIrritantHandler = (tx: Tx, irritantId: number, actorId: number) => void;

let forwardedIrritantHandler: ForwardedIrritantHandler | undefined;

export function whenIrritantForwarded(handler: ForwardedIrritantHandler) {
  forwardedIrritantHandler = handler;
}

export function irritantForwarded(tx: Tx, irritantId: number, actorId: number) {
  if (!forwardedIrritantHandler) {
    throw new Error("Nothing handles forwarded irritants: connectCapabilities() (app/capabilities.server.ts) must run at start-up.");
  }
  forwardedIrritantHandler(tx, irritantId, actorId);
}
