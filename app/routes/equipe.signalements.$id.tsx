import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { ChoiceGroup, FieldError, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { OriginNote } from "~/components/origin-note";
import { originsOf } from "~/modules/seminars/index.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TicketTable } from "~/components/tickets";
import { idParam } from "~/lib/api.server";
import { listProducts } from "~/modules/vendors/index.server";
import { listTickets, openTicketByTeam } from "~/modules/tickets/index.server";
import { HttpError, orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import {
  type DigitReview,
  authorNameFor,
  originDetailFor,
  digitSequencesToReview,
  eraseBehalfName,
  findSimilarTo,
  getIrritant,
  listThemes,
  suggestThemesFor,
  updateIrritant,
} from "~/modules/irritants/index.server";
import { DigitWarning } from "~/components/digit-warning";
import { type IrritantPatch, STATUS_LABELS, STATUS_TRANSITIONS, triagePageSchema } from "~/modules/irritants";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { AttachmentList } from "~/components/attachments";
import { approveAttachment, listAttachmentsOfIrritant, removeAttachment, removeAttachmentsOfHiddenIrritants } from "~/modules/attachments/index.server";
import { counted } from "~/lib/text/plural";
import { StatusBadge } from "~/components/status-badge";
import { ObligationLinksForm } from "~/components/regulation-form";
import { obligationLinksSchema } from "~/modules/regulation";
import { obligationChoices, obligationsLinkedTo, setObligationLinks } from "~/modules/regulation/index.server";

/** The triage intents, the regulatory register's links, and the review of attached files (approve, or remove with the file). */
const attachmentId = z.coerce.number({ error: "Fichier inconnu." }).int("Fichier inconnu.").positive("Fichier inconnu.");
const pageSchema = z.discriminatedUnion("intent", [
  ...triagePageSchema.options,
  obligationLinksSchema,
  z.object({ intent: z.literal("approve-attachment"), attachmentId }),
  z.object({ intent: z.literal("remove-attachment"), attachmentId }),
  z.object({ intent: z.literal("erase-behalf-name") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traiter le n°${data?.irritant.id ?? ""} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const id = orErrorPage(() => idParam(params.id));
  const irritant = orErrorPage(() => getIrritant(user, id));
  const text = `${irritant.title}. ${irritant.body}`;
  return {
    irritant: {
      id: irritant.id,
      title: irritant.title,
      body: irritant.body,
      status: irritant.status,
      fixAnnounced: irritant.fixAnnounced,
      published: irritant.published,
      hiddenReason: irritant.hiddenAt ? irritant.hiddenReason : null,
      mergedIntoId: irritant.mergedIntoId,
      lane: irritant.lane,
      supportCount: irritant.supportCount,
      themes: irritant.themes,
      author: authorNameFor(user, irritant.authorId),
      originDetail: originDetailFor(user, irritant),
      // Whether a practitioner without an account is named (the name itself is in originDetail): it can be erased.
      keepsBehalfName: irritant.behalfName !== null,
    },
    origins: originsOf("irritant", irritant.id, user),
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
    suggestions: suggestThemesFor(text),
    // The engine of the filing form, as if this irritant were being filed now (it is left out of its own results).
    similar: irritant.mergedIntoId ? [] : findSimilarTo(user, irritant, 5),
    tickets: listTickets(user, { irritantId: irritant.id }).items,
    // The irritant's own files, its comments' and its tickets' replies': all go through the team's review here.
    attachments: listAttachmentsOfIrritant(user, irritant.id),
    products: listProducts().map((p) => ({ id: p.id, label: `${p.name} (${p.vendor.name})` })),
    obligationChoices: obligationChoices(),
    linkedObligations: obligationsLinkedTo("irritant", irritant.id).map((o) => o.slug),
  };
}

type TriageInput = z.output<typeof triagePageSchema>;

/** Each form on the page sends one intent; all but "open-ticket" become one patch for the module. */
function patchFor(input: Exclude<TriageInput, { intent: "open-ticket" }>): IrritantPatch {
  switch (input.intent) {
    case "themes":
      return { themes: input.themes };
    case "status":
      return { status: input.status };
    case "publish":
      return { published: true };
    case "unpublish":
      return { published: false };
    case "hide":
      return { hidden: { reason: input.reason } };
    case "unhide":
      return { hidden: false };
    case "merge":
      return { mergeInto: input.mergeInto };
  }
}

const MESSAGES: Record<Exclude<TriageInput["intent"], "open-ticket">, string> = {
  themes: "Thèmes confirmés.",
  status: "Statut enregistré.",
  publish: "Signalement publié.",
  unpublish: "Signalement retiré de la publication.",
  hide: "Signalement masqué.",
  unhide: "Signalement de nouveau visible.",
  merge: "Signalement fusionné.",
};

const DIGIT_WARNING = "Ce signalement contient encore une longue suite de chiffres, qui peut identifier un patient : vérifiez-la avant de publier.";

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["themes", "status", "publish", "unpublish", "hide", "unhide", "merge", "open-ticket", "obligations", "approve-attachment", "remove-attachment", "erase-behalf-name"] as const;
export const ACTION_SCHEMA = pageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(request, pageSchema, (input) => {
    if (input.intent === "approve-attachment") {
      approveAttachment(user, input.attachmentId);
      return { message: `Fichier n°${input.attachmentId} validé : l'éditeur le voit sur son ticket, et le public si le signalement est publié.` };
    }
    if (input.intent === "remove-attachment") {
      removeAttachment(user, input.attachmentId);
      return { message: `Fichier n°${input.attachmentId} supprimé, avec son image.` };
    }
    if (input.intent === "obligations") {
      setObligationLinks(user, "irritant", id, input.obligations);
      return { message: "Obligations liées enregistrées." };
    }
    if (input.intent === "erase-behalf-name") {
      eraseBehalfName(user, id);
      return { message: "Nom du professionnel effacé : le signalement reste, recueilli par l'équipe, sans personne nommée." };
    }
    if (input.intent === "open-ticket") {
      const ticket = openTicketByTeam(user, id, input.productId);
      return { message: `Ticket n°${ticket.id} ouvert pour l'éditeur.` };
    }
    // Long digit sequences may identify a patient: publishing them takes an explicit "Publier quand même".
    const review = input.intent === "publish" && !input.confirm ? digitSequencesToReview([id]) : [];
    if (review.length) throw new HttpError(409, DIGIT_WARNING, undefined, undefined, undefined, { review });
    updateIrritant(user, id, patchFor(input));
    // "Masquer": a hidden irritant's files are removed with it.
    if (input.intent === "hide") removeAttachmentsOfHiddenIrritants(undefined, user.id);
    return { message: input.intent === "merge" ? `Signalement fusionné dans le n°${input.mergeInto}.` : MESSAGES[input.intent] };
  });
}

const OWNER_LABELS = { irritant: "Joint au signalement", comment: "Joint à un commentaire", ticket_reply: "Joint à un message de ticket" } as const;

export const handle: BreadcrumbHandle = { breadcrumb: (data) => {
    const { irritant } = data as { irritant?: { id: number } };
    return irritant ? `N°${irritant.id}` : undefined;
  }, };

export default function TriageIrritant() {
  const { attachments, irritant, themes, suggestions, similar, tickets, products, origins, obligationChoices, linkedObligations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const collected = useSearchParams()[0].get("recueilli");
  const review = (actionData as { review?: DigitReview[] } | undefined)?.review;
  const nextStatuses = STATUS_TRANSITIONS[irritant.status];
  const [themesForm, themesFields] = useActionForm(triagePageSchema, { actionData, intent: "themes", defaultValue: { themes: irritant.themes.map((t) => t.slug) } });
  const [statusForm, statusFields] = useActionForm(triagePageSchema, { actionData, intent: "status", defaultValue: { status: nextStatuses[0] } });
  const [hideForm, hideFields] = useActionForm(triagePageSchema, { actionData, intent: "hide" });
  const [ticketForm, ticketFields] = useActionForm(triagePageSchema, { actionData, intent: "open-ticket" });
  const [mergeForm, mergeFields] = useActionForm(triagePageSchema, { actionData, intent: "merge" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/signalements">← File de tri</Link> · <Link to={`/signalements/${irritant.id}`}>Page publique du signalement</Link>
      </p>
      <h1>
        N°{irritant.id} — {irritant.title}
      </h1>
      <OriginNote origins={origins} />
      {collected ? (
        <Notice
          ok
          message={
            collected === "compte"
              ? "Signalement recueilli et rattaché au compte du professionnel : il en est informé et le retrouve dans « Mes signalements »."
              : "Signalement recueilli au nom du professionnel (sans compte)."
          }
        />
      ) : null}
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {review ? <DigitWarning review={review} hidden={{ intent: "publish" }} maskLink={`/equipe/masquer?signalement=${irritant.id}`} /> : null}
      <p>
        <StatusBadge kind="irritant" status={irritant.status} fixAnnounced={irritant.fixAnnounced} /> · {irritant.published ? "publié" : "privé"} ·{" "}
        {irritant.lane === "patient" ? "patient" : "professionnel"} · {irritant.author} · {counted(irritant.supportCount, "soutien", "soutiens")}
        {irritant.hiddenReason ? ` · masqué (${irritant.hiddenReason})` : ""}
        {irritant.mergedIntoId ? ` · fusionné dans le n°${irritant.mergedIntoId}` : ""}
      </p>
      {irritant.originDetail ? <p className="text-sm">{irritant.originDetail}</p> : null}
      {irritant.keepsBehalfName ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="erase-behalf-name" />
          <p className="text-sm">
            Le nom de ce professionnel sans compte est une donnée personnelle : effacez-le à sa demande, ou dès que l'équipe n'en a plus
            besoin (il est effacé automatiquement un an après la clôture du signalement).
          </p>
          <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
            Effacer le nom du professionnel
          </button>
        </Form>
      ) : null}
      <p className="whitespace-pre-line">{irritant.body}</p>
      <p className="text-sm">
        <Link to={`/equipe/masquer?signalement=${irritant.id}`}>Masquer un passage</Link> du titre, de la description, d'un commentaire ou d'une réponse
        d'éditeur (nom, date de naissance, numéro qui identifie un patient).
      </p>

      <h2>Fichiers joints</h2>
      <p className="text-sm">
        Les identifiants lus par l'OCR (NIR, téléphone, e-mail, bandeau patient, dates de naissance) sont couverts ; l'OCR peut en manquer
        (écriture manuscrite, petits caractères, photo de biais). Vérifiez chaque image avant de la valider : validée, elle est visible par
        l'éditeur sur son ticket et par le public si le signalement est publié. Supprimez-la si un identifiant reste lisible.
      </p>
      <AttachmentList
        attachments={attachments}
        showStatus
        actions={(a) => (
          <div className="mt-2 flex flex-wrap gap-2">
            <p className="mb-0 w-full text-sm">{OWNER_LABELS[a.ownerKind]}</p>
            {a.status === "pending_review" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="approve-attachment" />
                <input type="hidden" name="attachmentId" value={a.id} />
                <button type="submit" className="fr-btn fr-btn--sm">
                  Valider le fichier n°{a.id}
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="remove-attachment" />
              <input type="hidden" name="attachmentId" value={a.id} />
              <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
                Supprimer le fichier n°{a.id}
              </button>
            </Form>
          </div>
        )}
      />

      <h2>Thèmes</h2>
      <FormErrors form={themesForm} />
      <Form method="post" className="card" {...getFormProps(themesForm)}>
        <input type="hidden" name="intent" value="themes" />
        <ChoiceGroup
          field={themesFields.themes}
          legend="Thèmes confirmés par l'équipe"
          hint={`Suggestion : ${suggestions.map((s) => s.label).join(", ") || "aucune"}. Confirmer entraîne la suggestion automatique.`}
          type="checkbox"
          options={themes.map((t) => ({ value: t.slug, label: t.label }))}
        />
        <button type="submit" className="fr-btn mt-4">
          Confirmer les thèmes
        </button>
      </Form>

      <h2>Statut et publication</h2>
      <div className="card grid gap-4">
        {nextStatuses.length ? (
          <Form method="post" className="flex flex-wrap items-end gap-4" {...getFormProps(statusForm)}>
            <FormErrors form={statusForm} />
            <input type="hidden" name="intent" value="status" />
            <div>
              <label htmlFor={statusFields.status.id} className="label">
                Nouveau statut
              </label>
              <select {...fieldProps(statusFields.status)} className="fr-select">
                {nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
              <FieldError field={statusFields.status} />
            </div>
            <button type="submit" className="fr-btn">
              Changer le statut
            </button>
          </Form>
        ) : (
          <p className="mb-0">Ce signalement est un doublon fusionné : son statut ne change plus.</p>
        )}
        {irritant.mergedIntoId && !irritant.published ? (
          <p className="mb-0">Doublon fusionné : il ne peut pas être publié. Publiez plutôt le n°{irritant.mergedIntoId}.</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value={irritant.published ? "unpublish" : "publish"} />
            <button type="submit" className="fr-btn fr-btn--secondary">
              {irritant.published ? "Retirer de la publication" : "Publier"}
            </button>
          </Form>
        )}
        {irritant.hiddenReason ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unhide" />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Rendre visible
            </button>
          </Form>
        ) : (
          <Form method="post" className="flex flex-wrap items-end gap-4" {...getFormProps(hideForm)}>
            <FormErrors form={hideForm} />
            <input type="hidden" name="intent" value="hide" />
            <div className="grow">
              <label htmlFor={hideFields.reason.id} className="label">
                Raison du masquage
              </label>
              <input {...fieldProps(hideFields.reason)} className="fr-input" />
              <FieldError field={hideFields.reason} />
            </div>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Masquer
            </button>
          </Form>
        )}
      </div>

      <ObligationLinksForm actionData={actionData} choices={obligationChoices} linked={linkedObligations} />
      <h2>Tickets éditeurs</h2>
      <p className="text-sm">
        Passer le statut à « Transmis à l'éditeur » ouvre le ticket du logiciel nommé. Un même signalement peut concerner plusieurs
        éditeurs (par exemple le logiciel qui envoie et celui qui reçoit).
      </p>
      <TicketTable items={tickets} showVendor />
      <FormErrors form={ticketForm} />
      <Form method="post" className="card mt-4 flex flex-wrap items-end gap-4" {...getFormProps(ticketForm)}>
        <input type="hidden" name="intent" value="open-ticket" />
        <div>
          <label htmlFor={ticketFields.productId.id} className="label">
            Ouvrir un ticket pour le logiciel
          </label>
          <select {...fieldProps(ticketFields.productId, "")} className="fr-select">
            <option value="">Choisir…</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError field={ticketFields.productId} />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Ouvrir le ticket
        </button>
      </Form>

      <h2>Doublons</h2>
      {irritant.mergedIntoId ? (
        <p>
          Ce signalement est un doublon fusionné dans le <Link to={`/equipe/signalements/${irritant.mergedIntoId}`}>n°{irritant.mergedIntoId}</Link>.
        </p>
      ) : similar.length ? (
        <>
          <p id="fusion-explication" className="text-sm">
            Signalements proches, trouvés comme lors du dépôt. Fusionner fait de ce signalement (n°{irritant.id}) un doublon du signalement choisi : ses
            soutiens et ses abonnés y passent, chaque personne comptée une fois, et il ne peut plus être publié.
          </p>
          <ul className="mb-4 grid gap-3" aria-label="Signalements proches">
            {similar.map((s) => (
              <li key={s.id} className="card flex flex-wrap items-center justify-between gap-4">
                <span>
                  n°{s.id} — <Link to={`/equipe/signalements/${s.id}`}>{s.title}</Link> <StatusBadge kind="irritant" status={s.status} /> ({counted(s.supportCount, "soutien", "soutiens")}, similarité {Math.round(s.score * 100)} %)
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="merge" />
                  <input type="hidden" name="mergeInto" value={s.id} />
                  <button type="submit" className="fr-btn fr-btn--secondary" aria-describedby="fusion-explication">
                    Fusionner dans le n°{s.id}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Aucun signalement proche.</p>
      )}
      {irritant.mergedIntoId ? null : (
        <Form method="post" className="card flex flex-wrap items-end gap-4" {...getFormProps(mergeForm)}>
          <FormErrors form={mergeForm} />
          <input type="hidden" name="intent" value="merge" />
          <div>
            <label htmlFor={mergeFields.mergeInto.id} className="label">
              Ou fusionner dans un autre signalement, n°
              <span className="hint">Les soutiens sont transférés, chaque personne comptée une fois.</span>
            </label>
            <input {...fieldProps(mergeFields.mergeInto)} inputMode="numeric" className="fr-input" />
            <FieldError field={mergeFields.mergeInto} />
          </div>
          <button type="submit" className="fr-btn">
            Fusionner
          </button>
        </Form>
      )}
    </div>
  );
}
