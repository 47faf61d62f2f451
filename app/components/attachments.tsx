import type { ReactNode } from "react";
import { ATTACHMENT_STATUS_LABELS } from "~/modules/attachments";

import { counted } from "~/lib/text/plural";
type Attachment = { id: number; status: keyof typeof ATTACHMENT_STATUS_LABELS; masked: number; pages: number; mayCover?: boolean };

const fileUrl = (id: number, thumbnail = false) => `/api/v1/attachments/${id}/file${thumbnail ? "?taille=vignette" : ""}`;

/**
 * Attached files as thumbnails linking to the masked image. While the worker analyses a file nothing is shown but
 * « Analyse en cours »; a failed analysis shows no image. `showStatus`: the author and the team see the review status
 * and how many identifiers were masked; `actions` adds the team's buttons under each file.
 */
export function AttachmentList<A extends Attachment>({ attachments, showStatus, actions }: { attachments: A[]; showStatus: boolean; actions?: (a: A) => ReactNode }) {
  if (attachments.length === 0) return <p>Aucun fichier joint.</p>;
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label="Fichiers joints">
      {attachments.map((a) => (
        <li key={a.id} className="card">
          {a.status === "pending_review" || a.status === "approved" ? (
            <a href={fileUrl(a.id)}>
              <img src={fileUrl(a.id, true)} alt={`Fichier joint n°${a.id}${a.pages > 1 ? ` (${a.pages} pages)` : ""}, version masquée — ouvrir en grand`} loading="lazy" className="h-auto max-h-60 max-w-full border border-gris-200" />
            </a>
          ) : (
            <p className="mb-2 font-bold">Fichier joint n°{a.id}</p>
          )}
          {showStatus ? (
            <p className="mb-0 mt-2 text-sm" role={a.status === "analysing" ? "status" : undefined}>
              {ATTACHMENT_STATUS_LABELS[a.status]}
              {a.status === "pending_review" || a.status === "approved"
                ? ` · ${a.masked === 0 ? "aucun identifiant trouvé" : counted(a.masked, "identifiant masqué", "identifiants masqués")}`
                : ""}
            </p>
          ) : null}
          {a.mayCover ? (
            <p className="mb-0 mt-2 text-sm">
              <a href={`/pieces-jointes/${a.id}/masquer`}>Masquer d&apos;autres zones<span className="sr-only"> du fichier n°{a.id}</span></a>
            </p>
          ) : null}
          {actions?.(a)}
        </li>
      ))}
    </ul>
  );
}
