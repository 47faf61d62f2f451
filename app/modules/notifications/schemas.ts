import { z } from "zod";
import { DELIVERY_MODE_VALUES, NOTIFICATION_KIND_VALUES, type NotificationKind } from "./kinds";

/** A public subject's page (an action, a theme): its follow / unfollow button. */
export const followPageSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("follow") }), z.object({ intent: z.literal("unfollow") })]);

const deliveryMode = z.enum(DELIVERY_MODE_VALUES, { error: "Choisissez une option." }).optional();

/** One radio group per kind on the account page: `mode-<kind>`. */
const preferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KIND_VALUES.map((k) => [`mode-${k}`, deliveryMode])) as Record<`mode-${NotificationKind}`, typeof deliveryMode>,
);

const unfollowSchema = z.object({
  subjectType: z.enum(["irritant", "action", "theme"], { error: "Sujet inconnu." }),
  subjectId: z.coerce.number({ error: "Sujet inconnu." }).int("Sujet inconnu.").positive("Sujet inconnu."),
});

/** The account's notifications page: the delivery mode of each kind, or stop following one subject. */
export const notificationsPageSchema = z.discriminatedUnion("intent", [
  preferencesSchema.extend({ intent: z.literal("notifications") }),
  unfollowSchema.extend({ intent: z.literal("unfollow") }),
]);

const INVALID_LINK = "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail, ou connectez-vous pour gérer vos notifications.";

/** An unsubscribe link's token, in its address or posted back by its page's button. */
export const unsubscribeSchema = z.object({ jeton: z.string({ error: INVALID_LINK }).min(10, INVALID_LINK).max(2000, INVALID_LINK) });
