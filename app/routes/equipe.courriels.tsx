import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/dates";
import { getEnv } from "~/lib/env.server";
import { requirePermission } from "~/lib/permissions.server";
import { listMailbox } from "~/lib/outbox.server";
import { counted } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Courriels — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:mailbox");
  return { emails: listMailbox(), smtp: !!getEnv().SMTP_URL };
}

const STATUS = { pending: "en attente", sending: "en cours d'envoi", sent: "envoyé", kept: "gardé ici (pas de SMTP)", failed: "abandonné après plusieurs essais", held: "en attente du résumé quotidien", digested: "envoyé dans un résumé quotidien" } as const;

export default function Mailbox() {
  const { emails, smtp } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Courriels</h1>
      <p>
        {smtp
          ? "Les courriels partent par le serveur SMTP configuré ; cette page montre les derniers et leur état."
          : "Aucun serveur SMTP n'est configuré (SMTP_URL) : les courriels sont gardés ici, sans être envoyés."}
      </p>
      {emails.length === 0 ? <p>Aucun courriel pour l'instant.</p> : null}
      <ul className="grid gap-3">
        {emails.map((e) => (
          <li key={e.id} className="card">
            <p className="mb-1 text-sm text-gris-600">
              {formatDateTime(e.createdAt)} · à {e.to} · {STATUS[e.status]}
              {e.attempts ? ` · ${counted(e.attempts, "essai", "essais")}` : ""}
              {e.lastError ? ` · dernière erreur : ${e.lastError}` : ""}
            </p>
            <p className="mb-1 font-bold">{e.subject}</p>
            <pre className="mb-0 whitespace-pre-wrap font-sans text-sm">{e.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
