import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { FieldError, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { idParam } from "~/lib/api.server";
import { formatDate, formatDateTime, formatDay, todayInParis } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { formAction, readFormData } from "~/lib/forms.server";
import { intentOf } from "~/lib/intents";
import { can, requireUser } from "~/lib/permissions.server";
import { listProducts } from "~/modules/vendors/index.server";
import { RESOLUTIONS, RESOLUTION_LABELS, ticketPageSchema as ticketSchemaWithoutFiles } from "~/modules/tickets";
import { describeRedactions, type Redaction } from "~/lib/text/redaction";
import {
  acknowledgeTicket,
  closeTicket,
  getTicketDetail,
  reassignTicket,
  replyToTicket,
  requireTicketAction,
  resolveTicket,
} from "~/modules/tickets/index.server";
import { TableRegion } from "~/components/table-region";
import { counted, plural } from "~/lib/text/plural";
import { StatusBadge } from "~/components/status-badge";
import { crumbFrom } from "~/components/breadcrumb";
import { z } from "zod";
import { AttachmentList } from "~/components/attachments";
import { FilesField } from "~/components/files-field";
import { attachmentFilesField } from "~/modules/attachments";
import { attachPrepared, listAttachments, prepareUploads } from "~/modules/attachments/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ticket n°${data?.ticket.id ?? ""} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = orErrorPage(() => idParam(params.id));
  const detail = orErrorPage(() => getTicketDetail(user, id));
  const isTeam = can(user, "ticket:manage");
  // Products of other vendors, for "cause in another product" (vendor) or reassignment (team).
  const otherProducts = listProducts().filter((p) => isTeam || p.vendor.id !== detail.ticket.vendorId);
  return {
    ...detail,
    // The irritant's files and the replies' files this viewer may see: approved ones for the vendor, all for the team.
    irritantAttachments: listAttachments(user, "irritant", [detail.irritant.id]),
    replyAttachments: listAttachments(user, "ticket_reply", detail.messages.map((m) => m.id)),
    today: todayInParis(), isTeam, canRedact: can(user, "content:redact"), otherProducts: otherProducts.map((p) => ({ id: p.id, label: `${p.name} (${p.vendor.name})` })) };
}

/** A reply carries up to 5 files (multipart, field `files`). */
const [acknowledgeOption, replyOption, ...otherOptions] = ticketSchemaWithoutFiles.options;
const ticketPageSchema = z.discriminatedUnion("intent", [acknowledgeOption, replyOption.extend({ files: attachmentFilesField }), ...otherOptions]);

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["acknowledge", "reply", "resolution", "reassign", "close"] as const;
export const ACTION_SCHEMA = ticketPageSchema;

/** The author is told what was masked in their text, and why. */
function withRedactionNotice(message: string, redactions: Redaction[]) {
  const notice = describeRedactions(redactions, "dans un ticket");
  return notice ? `${message} ${notice}` : message;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  // Who may act is settled before the form is parsed: a refused user learns nothing from validation messages.
  const intent = intentOf(ticketPageSchema, form);
  orErrorPage(() => requireTicketAction(user, id, intent === "reassign" || intent === "close" ? "manage" : "respond"));
  return formAction(form, ticketPageSchema, async (input) => {
    switch (input.intent) {
      case "acknowledge":
        acknowledgeTicket(user, id);
        return { message: "Prise en compte enregistrée." };
      case "reply": {
        const { intent: _, files, ...reply } = input;
        // The files are checked and cleaned first: a refused file refuses the reply too, nothing is written.
        const uploads = await prepareUploads(files);
        const { id: replyId, redactions } = replyToTicket(user, id, reply);
        const attached = attachPrepared(user, { kind: "ticket_reply", id: replyId }, uploads).length;
        const filesNote = attached
          ? ` ${attached === 1 ? "Fichier joint" : `${attached} fichiers joints`} : analyse en cours, puis vérification par l'équipe programme avant que l'éditeur ${plural(attached, "le", "les")} voie.`
          : "";
        return {
          message: withRedactionNotice(`${input.visibility === "public" ? "Réponse publiée." : "Note interne enregistrée."}${filesNote}`, redactions),
          resetForm: true,
        };
      }
      case "resolution": {
        const { intent: _, ...resolution } = input;
        const result = resolveTicket(user, id, resolution);
        return { message: withRedactionNotice(result.reassignedTo ? `Ticket transmis à l'autre éditeur (ticket n°${result.reassignedTo}).` : "Résolution enregistrée.", result.redactions) };
      }
      case "reassign": {
        const result = reassignTicket(user, id, input.productId, input.reason);
        return { message: withRedactionNotice(`Ticket réaffecté (ticket n°${result.reassignedTo}).`, result.redactions) };
      }
      case "close":
        closeTicket(user, id);
        return { message: "Ticket clos." };
    }
  });
}

export const handle = crumbFrom<{ ticket?: { id: number } }>((data) => (data.ticket ? `Ticket n°${data.ticket.id}` : undefined));

export default function TicketPage() {
  const { ticket, irritant, irritantAttachments, replyAttachments, product, vendorName, breakdown, messages, fixAnswers, isTeam, canRedact, otherProducts, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const closed = ticket.status === "closed";
  const [replyForm, reply] = useActionForm(ticketPageSchema, { actionData, intent: "reply", defaultValue: { visibility: "public" } });
  const [resolutionForm, resolution] = useActionForm(ticketPageSchema, { actionData, intent: "resolution", defaultValue: { resolution: "fixed" } });
  const [reassignForm, reassign] = useActionForm(ticketPageSchema, { actionData, intent: "reassign" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={isTeam ? "/equipe/tickets" : "/editeur"}>← Tickets</Link>
        {canRedact ? (
          <>
            {" "}
            · <Link to={`/equipe/masquer?signalement=${irritant.id}`}>Masquer un passage</Link> (signalement, commentaires, messages des tickets)
          </>
        ) : null}
      </p>
      <h1>
        Ticket n°{ticket.id} — {irritant.title}
      </h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Logiciel</dt>
        <dd>
          {product.name} ({vendorName}){irritant.productVersion ? `, version signalée ${irritant.productVersion}` : ""}
        </dd>
        <dt className="font-bold">Statut</dt>
        <dd>
          <StatusBadge kind="ticket" status={ticket.status} />
          {ticket.resolution ? ` — ${RESOLUTION_LABELS[ticket.resolution]}${ticket.resolutionVersion ? ` (${ticket.resolutionVersion})` : ""}` : ""}
          {ticket.resolution && ticket.resolutionDate ? `, prévue le ${formatDay(ticket.resolutionDate)}` : ""}
          {ticket.reopenCount ? ` — rouvert ${ticket.reopenCount} fois` : ""}
        </dd>
        <dt className="font-bold">Ouvert le</dt>
        <dd>{formatDateTime(ticket.openedAt)}</dd>
        <dt className="font-bold">Première réponse</dt>
        <dd>
          {ticket.firstResponseAt ? `le ${formatDateTime(ticket.firstResponseAt)}` : `attendue avant le ${formatDate(ticket.firstResponseDue + "T12:00:00Z")}`}
          {ticket.firstResponseOverdue ? <strong className="ml-1 text-rouge-fonce">en retard</strong> : null}
        </dd>
        <dt className="font-bold">Résolution attendue</dt>
        <dd>
          avant le {formatDate(ticket.resolutionDue + "T12:00:00Z")}
          {ticket.resolutionOverdue ? <strong className="ml-1 text-rouge-fonce">en retard</strong> : null}
        </dd>
        <dt className="font-bold">Signalement</dt>
        <dd>
          <Link to={`/signalements/${irritant.id}`}>n°{irritant.id}</Link> <StatusBadge kind="irritant" status={irritant.status} fixAnnounced={irritant.fixAnnounced} />
        </dd>
      </dl>
      <h2>Le problème</h2>
      {/* Who filed it is never named: another vendor, or the team on a practitioner's behalf (issue 20). */}
      {irritant.origin ? <p className="text-sm">{irritant.origin}</p> : null}
      <p className="whitespace-pre-line">{irritant.body}</p>
      {irritantAttachments.length ? (
        <>
          <h3>Fichiers joints au signalement</h3>
          <AttachmentList attachments={irritantAttachments} showStatus={isTeam} />
        </>
      ) : null}
      <h2>Soutiens</h2>
      <p>
        {irritant.supportCount} {plural(irritant.supportCount, "soutien", "soutiens")}
        {irritant.patientSupportCount ? `, dont ${counted(irritant.patientSupportCount, "patient", "patients")}` : ""}.
      </p>
      {breakdown.length ? (
        <TableRegion label="Soutiens par profession et par version">
          <table className="mb-6">
            <caption className="sr-only">Soutiens par profession et par version</caption>
            <thead>
              <tr>
                <th scope="col">Qui</th>
                <th scope="col">Version</th>
                <th scope="col">Nombre</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.map((b) => (
                <tr key={`${b.who}-${b.version}`}>
                  <td>{b.who}</td>
                  <td>{b.version}</td>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {ticket.resolution === "fixed" ? (
        <p>
          « Est-ce corrigé pour vous ? » — oui : {fixAnswers.yes}, non : {fixAnswers.no}, pas encore la mise à jour : {fixAnswers.not_updated}
        </p>
      ) : null}

      <h2>Échanges</h2>
      {messages.length === 0 ? <p>Aucun échange pour l'instant.</p> : null}
      <ol className="grid gap-3">
        {messages.map((m) => (
          <li key={m.id} className={`card ${m.visibility === "internal" ? "bg-gris-100" : ""}`}>
            <p className="mb-1 text-sm text-gris-600">
              {m.authorName ?? "Sentinelle"} · {formatDateTime(m.createdAt)} · {m.visibility === "internal" ? "note interne (éditeur et équipe)" : "publique"}
            </p>
            <p className="mb-0 whitespace-pre-line">{m.body}</p>
            {replyAttachments.some((a) => a.ownerId === m.id) ? (
              <div className="mt-3">
                {/* Files under review are shown only to their author and the team, with their status. */}
                <AttachmentList
                  attachments={replyAttachments.filter((a) => a.ownerId === m.id)}
                  showStatus={isTeam || replyAttachments.some((a) => a.ownerId === m.id && a.status !== "approved")}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {closed ? (
        <p className="mt-6">Ce ticket est clos.</p>
      ) : (
        <>
          {ticket.status === "open" ? (
            <Form method="post" className="mt-6">
              <input type="hidden" name="intent" value="acknowledge" />
              <button type="submit" className="fr-btn">
                Prendre en compte
              </button>
            </Form>
          ) : null}
          <h2>Répondre</h2>
          <FormErrors form={replyForm} />
          <Form method="post" encType="multipart/form-data" className="card" {...getFormProps(replyForm)}>
            <input type="hidden" name="intent" value="reply" />
            <div className="mb-4">
              <label htmlFor={reply.body.id} className="label">
                Message
              </label>
              <textarea {...fieldProps(reply.body)} rows={4} className="fr-input" required />
              <FieldError field={reply.body} />
            </div>
            <fieldset className="mb-4" aria-describedby={reply.visibility.errors?.length ? reply.visibility.errorId : undefined}>
              <legend className="label">Visibilité</legend>
              <div className="flex items-center gap-2">
                <input id="visibility-public" type="radio" name={reply.visibility.name} value="public" defaultChecked={reply.visibility.initialValue === "public"} className="size-4" />
                <label htmlFor="visibility-public">Publique : l'auteur, les soutiens et, une fois publié, tout le monde</label>
              </div>
              <div className="flex items-center gap-2">
                <input id="visibility-internal" type="radio" name={reply.visibility.name} value="internal" defaultChecked={reply.visibility.initialValue === "internal"} className="size-4" />
                <label htmlFor="visibility-internal">Interne : l'équipe programme seulement</label>
              </div>
              <FieldError field={reply.visibility} />
            </fieldset>
            <FilesField
              field={reply.files}
              label="Joindre des captures d'écran ou des documents (facultatif)"
              hint="PNG, JPEG, WebP ou PDF (5 pages), 10 Mo au plus par fichier, 5 fichiers au plus. Les métadonnées sont retirées et les identifiants de patient lus dans l'image masqués ; l'équipe programme vérifie chaque fichier avant que l'éditeur le voie. Les fichiers d'un ticket ne sont jamais publics."
            />
            <button type="submit" className="fr-btn">
              Envoyer
            </button>
          </Form>
          <h2>Résolution</h2>
          <FormErrors form={resolutionForm} />
          <Form method="post" className="card" {...getFormProps(resolutionForm)}>
            <input type="hidden" name="intent" value="resolution" />
            <div className="mb-4">
              <label htmlFor={resolution.resolution.id} className="label">
                Résolution
              </label>
              <select {...fieldProps(resolution.resolution)} className="fr-select">
                {RESOLUTIONS.map((r) => (
                  <option key={r} value={r}>
                    {RESOLUTION_LABELS[r]}
                  </option>
                ))}
              </select>
              <FieldError field={resolution.resolution} />
            </div>
            <div className="mb-4">
              <label htmlFor={resolution.version.id} className="label">
                Version<span className="hint">Obligatoire pour « Corrigé » ; version ou date pour « Correction planifiée ».</span>
              </label>
              <input {...fieldProps(resolution.version)} className="fr-input" list="versions" />
              <FieldError field={resolution.version} />
              <datalist id="versions">
                {product.versions.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            </div>
            <div className="mb-4">
              <label htmlFor={resolution.date.id} className="label">
                Date prévue<span className="hint">Pour « Correction planifiée » : aujourd'hui ou plus tard.</span>
              </label>
              <input {...fieldProps(resolution.date)} type="date" min={today} className="fr-input" />
              <FieldError field={resolution.date} />
            </div>
            <div className="mb-4">
              <label htmlFor={resolution.reassignToProductId.id} className="label">
                Logiciel en cause<span className="hint">Pour « Cause dans un autre logiciel » : le ticket est transmis à son éditeur.</span>
              </label>
              <select {...fieldProps(resolution.reassignToProductId, "")} className="fr-select">
                <option value="">—</option>
                {otherProducts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
              <FieldError field={resolution.reassignToProductId} />
            </div>
            <div className="mb-4">
              <label htmlFor={resolution.note.id} className="label">
                Précisions
              </label>
              <textarea {...fieldProps(resolution.note)} rows={3} className="fr-input" />
              <FieldError field={resolution.note} />
            </div>
            <button type="submit" className="fr-btn">
              Enregistrer la résolution
            </button>
          </Form>
          {isTeam ? (
            <>
              <h2>Équipe programme</h2>
              <FormErrors form={reassignForm} />
              <Form method="post" className="card mb-4" {...getFormProps(reassignForm)}>
                <input type="hidden" name="intent" value="reassign" />
                <div className="mb-4">
                  <label htmlFor={reassign.productId.id} className="label">
                    Réaffecter au logiciel
                  </label>
                  <select {...fieldProps(reassign.productId, "")} className="fr-select">
                    <option value="">—</option>
                    {otherProducts.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                  <FieldError field={reassign.productId} />
                </div>
                <div className="mb-4">
                  <label htmlFor={reassign.reason.id} className="label">
                    Raison
                  </label>
                  <input {...fieldProps(reassign.reason)} className="fr-input" />
                  <FieldError field={reassign.reason} />
                </div>
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Réaffecter
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="close" />
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Clore le ticket
                </button>
              </Form>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
