import { deliverPendingEvents } from "./delivery.server";

/** Delivers pending events every `intervalMs`; returns a function that stops it. */
export function startDeliveryLoop(intervalMs = 2000) {
  const tick = () => {
    try {
      // Drain what is pending, a batch at a time.
      while (deliverPendingEvents().events > 0);
    } catch (error) {
      console.error("Notification delivery failed; it will be retried.", error);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
