import { z } from "zod";
import { DELIVERY_MODE_VALUES, NOTIFICATION_KIND_VALUES } from "./kinds";

export const followIntentSchema = z.object({ intent: z.enum(["follow", "unfollow"], { error: "Action inconnue." }) });

/** One radio group per kind on the account page: `mode-<kind>`. */
export const preferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KIND_VALUES.map((k) => [`mode-${k}`, z.enum(DELIVERY_MODE_VALUES, { error: "Choisissez une option." }).optional()])),
);

export const unsubscribeSchema = z.object({ jeton: z.string({ error: "Lien incomplet." }).min(10, "Lien incomplet.").max(2000, "Lien invalide.") });
