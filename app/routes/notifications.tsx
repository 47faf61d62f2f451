import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/dates";
import { requireUser } from "~/lib/permissions.server";
import { takeNotifications } from "~/modules/notifications/index.server";

export const meta: MetaFunction = () => [{ title: "Notifications — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: takeNotifications(user.id) };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Notifications</h1>
      {notifications.length === 0 ? <p>Aucune notification pour l'instant. Vous êtes prévenu des suites des signalements que vous déposez, soutenez ou suivez.</p> : null}
      <ul className="grid gap-3">
        {notifications.map((n) => (
          <li key={n.id} className={`card ${n.unread ? "border-l-4 border-l-bleu" : ""}`}>
            <p className="mb-1 text-sm text-gris-600">
              {formatDateTime(n.createdAt)}
              {n.unread ? " · nouvelle" : ""}
            </p>
            <Link to={n.url}>{n.text}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
