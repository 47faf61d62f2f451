import { whenIrritantForwarded } from "~/modules/irritants/index.server";
import { openTicketsForForwardedIrritant } from "~/modules/tickets/index.server";

/**
 * Connects capabilities to the extension points of those below them (decision 017). Runs once per module graph before
 * any command: in the Remix build (entry.server.tsx), at start-up (prepareDatabase) and in the tests' database setup.
 */
export function connectCapabilities() {
  whenIrritantForwarded(openTicketsForForwardedIrritant);
}
