import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { requireUser } from "~/lib/permissions.server";
import {
  DELIVERY_MODES,
  type DeliveryMode,
  type NotificationKind,
  notificationsPageSchema,
} from "~/modules/notifications";
import { getPreferences, listFollows, savePreferences, setFollow } from "~/modules/notifications/index.server";
import { getDb } from "#db/client";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { preferences: getPreferences(user.id, user.role), follows: listFollows(user.id) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["notifications", "unfollow"] as const;
export const ACTION_SCHEMA = notificationsPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return formAction(request, notificationsPageSchema, (input) => {
    if (input.intent === "unfollow") {
      setFollow(getDb(), user.id, input.subjectType, input.subjectId, false);
      return { message: "Vous ne suivez plus ce sujet." };
    }
    const { intent: _, ...fields } = input;
    const modes = Object.fromEntries(Object.entries(fields).map(([key, mode]) => [key.replace(/^mode-/, ""), mode])) as Partial<Record<NotificationKind, DeliveryMode>>;
    savePreferences(user.id, user.role, modes);
    return { message: "Vos choix de notification sont enregistrés." };
  });
}

export default function AccountNotifications() {
  const { preferences, follows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [notificationsForm, notificationFields] = useActionForm(notificationsPageSchema, {
    actionData,
    intent: "notifications",
    defaultValue: Object.fromEntries(preferences.map((p) => [`mode-${p.kind}`, p.mode])),
  });
  return (
    <>
      {actionData && (actionData.ok || actionData.intent === "unfollow") ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <h2 id="notifications">Notifications</h2>
      <p>
        Vous êtes prévenu dans Sentinelle (la cloche en haut de page) de tout ce que vous suivez. Choisissez ici, pour chaque type de
        nouvelle, si vous la recevez aussi par e-mail, tout de suite ou dans un résumé quotidien.
      </p>
      <FormErrors form={notificationsForm} />
      <Form method="post" {...getFormProps(notificationsForm)} className="card mb-6">
        <input type="hidden" name="intent" value="notifications" />
        {preferences.map((p) => (
          <ChoiceGroup key={p.kind} field={notificationFields[`mode-${p.kind}`]} legend={p.label} options={DELIVERY_MODES} type="radio" />
        ))}
        <button type="submit" className="fr-btn">
          Enregistrer mes choix
        </button>
      </Form>
      <h3>Ce que vous suivez</h3>
      {follows.length ? (
        <ul className="mb-6 grid gap-2">
          {follows.map((f) => (
            <li key={`${f.subjectType}-${f.subjectId}`} className="flex flex-wrap items-center gap-3">
              <Link to={f.url}>{f.description.charAt(0).toUpperCase() + f.description.slice(1)}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="subjectType" value={f.subjectType} />
                <input type="hidden" name="subjectId" value={f.subjectId} />
                <button type="submit" className="fr-btn fr-btn--secondary" aria-label={`Ne plus suivre ${f.description}`}>
                  Ne plus suivre
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Vous ne suivez rien pour l'instant. Les signalements que vous déposez ou soutenez sont suivis automatiquement ; les actions du plan et les thèmes se suivent depuis leur page.</p>
      )}
    </>
  );
}
