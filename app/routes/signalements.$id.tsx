import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttachmentForm, CommentForm } from "~/components/irritant-forms";
import { Notice } from "~/components/notice";
import { formatDate, formatDateTime } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { formAction, readFormData } from "~/lib/forms.server";
import { idParam } from "~/lib/api.server";
import { FIX_ANSWER_LABELS, FIX_ANSWERS } from "~/modules/tickets";
import { actionsForIrritant } from "~/modules/action-plan/index.server";
import { OriginNote } from "~/components/origin-note";
import { LinkedObligations } from "~/components/regulation";
import { obligationsLinkedTo } from "~/modules/regulation/index.server";
import { originsOf } from "~/modules/seminars/index.server";
import { answerFixQuestion, fixQuestionsFor, publicVendorMessages } from "~/modules/tickets/index.server";
import { can, getUser, requireUser } from "~/lib/permissions.server";
import {
  addComment,
  followIrritant,
  getIrritant,
  hasSupported,
  listComments,
  mergedInto,
  redactionsList,
  supportBreakdown,
  supportIrritant,
  timeline,
  withdrawSupport,
} from "~/modules/irritants/index.server";
import { isFollowing } from "~/modules/notifications/index.server";
import { describeRedactions } from "~/lib/text/redaction";
import {
  CONSULTATION_STEP_LABELS,
  FREQUENCY_LABELS,
  PATIENT_SUBJECTS,
  SEVERITY_LABELS,
  originNote,
} from "~/modules/irritants";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { AttachmentList } from "~/components/attachments";
import { irritantPageWithUploadSchema, MAX_ATTACHMENTS } from "~/modules/attachments";
import { attachFile, attachPrepared, listAttachments, prepareUploads, requireAttachable } from "~/modules/attachments/index.server";
import { StatusBadge } from "~/components/status-badge";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.irritant.title ?? "Signalement"} — Sentinelle` }];

function pageId(params: { id?: string }) {
  return orErrorPage(() => idParam(params.id));
}

/** What the author reads after filing: a vendor's report about another vendor's product went to that vendor as a ticket. */
function filedNotice(id: number, origin: string) {
  return origin === "vendor"
    ? `Merci, votre signalement n°${id} a bien été reçu. Il est devenu un ticket pour l'éditeur du logiciel concerné, qui y répond dans les mêmes délais que pour les professionnels de santé, sans savoir qui l'a déposé. L'équipe programme le voit aussi et suit sa résolution. Vous suivez son statut et ses réponses publiques ici et dans « Mes signalements ».`
    : `Merci, votre signalement n°${id} a bien été reçu. L'équipe programme va l'examiner ; vous le suivez et serez informé de ses évolutions.`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const id = pageId(params);
  const target = mergedInto(viewer, id);
  if (target) throw redirect(`/signalements/${target}?fusionne=${id}`);
  const irritant = orErrorPage(() => getIrritant(viewer, id));
  const comments = listComments(irritant.id);
  return {
    irritant: {
      id: irritant.id,
      title: irritant.title,
      body: irritant.body,
      status: irritant.status,
      fixAnnounced: irritant.fixAnnounced,
      published: irritant.published,
      hidden: irritant.hiddenAt !== null,
      createdAt: irritant.createdAt,
      // "Recueilli par l'équipe du programme", "Signalé par un éditeur…": never a person's or a vendor's name.
      origin: originNote(irritant),
      themes: irritant.themes,
      severity: irritant.severity,
      frequency: irritant.frequency,
      timeLostMinutes: irritant.timeLostMinutes,
      patientSafety: irritant.patientSafety,
      consultationStep: irritant.consultationStep,
      // The service a patient reports about, in their words (its label, so the page carries no list of services).
      subject: irritant.subject ? PATIENT_SUBJECTS[irritant.subject].label : null,
      product: irritant.productName ? `${irritant.productName}${irritant.productVersion ? ` ${irritant.productVersion}` : ""} (${irritant.vendorName})` : null,
      supportCount: irritant.supportCount,
      patientSupportCount: irritant.patientSupportCount,
      isAuthor: irritant.isAuthor,
      // Written here rather than in the component: the sentences then stay out of the public page's JavaScript.
      filedNotice: irritant.isAuthor && new URL(request.url).searchParams.get("envoye") ? filedNotice(irritant.id, irritant.origin) : null,
      // Only the author is told what was masked in their own text.
      redactionNotice: irritant.isAuthor ? describeRedactions(redactionsList(irritant.redactions)) : null,
    },
    breakdown: supportBreakdown(irritant.id),
    vendorMessages: publicVendorMessages(irritant.id),
    planActions: actionsForIrritant(irritant.id),
    obligations: obligationsLinkedTo("irritant", irritant.id),
    origins: originsOf("irritant", irritant.id, viewer),
    fixQuestions: fixQuestionsFor(viewer, irritant.id),
    comments,
    commentAttachments: listAttachments(viewer, "comment", comments.map((c) => c.id)),
    attachments: listAttachments(viewer, "irritant", [irritant.id]),
    maxAttachments: MAX_ATTACHMENTS,
    timeline: timeline(viewer, irritant.id),
    viewer: viewer
      ? {
          canSupport: can(viewer, "irritant:file") && !irritant.isAuthor,
          supported: hasSupported(viewer.id, irritant.id),
          following: isFollowing(viewer.id, "irritant", irritant.id),
          canComment: can(viewer, "irritant:comment"),
          isTeam: can(viewer, "irritant:triage"),
          canAttach: irritant.isAuthor || can(viewer, "irritant:triage"),
        }
      : null,
  };
}

const pageSchema = irritantPageWithUploadSchema;

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["support", "fix-answer", "follow", "unfollow", "comment", "withdraw-support", "attach"] as const;
export const ACTION_SCHEMA = pageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = pageId(params);
  const formData = await readFormData(request);
  // Vendors answer from their tickets: their comment is refused before it is read.
  if (formData.get("intent") === "comment" && !can(user, "irritant:comment")) throw new Response("Les éditeurs répondent depuis leurs tickets.", { status: 403 });
  // Only the author and the team attach files: for others the form does not exist.
  if (formData.get("intent") === "attach") orErrorPage(() => requireAttachable(user, { kind: "irritant", id }));
  return formAction(formData, pageSchema, async (input) => {
    switch (input.intent) {
      case "support": {
        const result = supportIrritant(user, id);
        return redirect(`/signalements/${result.irritantId}?soutenu=1`);
      }
      case "withdraw-support":
        withdrawSupport(user, id);
        return { message: "Votre soutien est retiré. Vous suivez toujours ce signalement ; vous pouvez cesser de le suivre ci-dessous." };
      case "fix-answer": {
        const { reopened } = answerFixQuestion(user, input.ticketId, input.answer);
        return {
          message: reopened
            ? "Merci. Plusieurs personnes indiquent que le problème persiste : le ticket est rouvert et l'éditeur en est informé."
            : "Merci pour votre réponse.",
        };
      }
      case "follow":
      case "unfollow":
        followIrritant(user, id, input.intent === "follow");
        return { message: input.intent === "follow" ? "Vous suivez ce signalement." : "Vous ne suivez plus ce signalement." };
      case "comment": {
        // The files are checked and cleaned first: a refused file refuses the comment too, nothing is written.
        const uploads = await prepareUploads(input.files);
        const { id: commentId, redactions } = addComment(user, id, input.body);
        const attached = attachPrepared(user, { kind: "comment", id: commentId }, uploads).length;
        const files = attached
          ? ` ${attached === 1 ? "Son fichier est joint" : `Ses ${attached} fichiers sont joints`} : analyse en cours, puis vérification par l'équipe programme avant que quiconque d'autre ${plural(attached, "le", "les")} voie.`
          : "";
        return { message: `${describeRedactions(redactions) ?? "Votre commentaire est publié."}${files}`, resetForm: true };
      }
      case "attach":
        await attachFile(user, { kind: "irritant", id }, new Uint8Array(await input.file.arrayBuffer()));
        return {
          message:
            "Votre fichier est joint. Analyse en cours : les données patient qu'il montre (NIR, nom, date de naissance, téléphone, e-mail) vont être masquées, puis l'équipe programme le vérifiera avant que quiconque d'autre le voie.",
          resetForm: true,
        };
    }
  });
}

export const handle: BreadcrumbHandle = { breadcrumb: (data) => (data as { irritant?: { title: string } }).irritant?.title };

export default function IrritantPage() {
  const { irritant, breakdown, comments, commentAttachments, attachments, maxAttachments, timeline, viewer, vendorMessages, fixQuestions, planActions, origins, obligations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const facts = [
    irritant.subject ? ["Service concerné", irritant.subject] : null,
    irritant.product ? ["Logiciel", irritant.product] : null,
    irritant.severity ? ["Gravité", SEVERITY_LABELS[irritant.severity]] : null,
    irritant.frequency ? ["Fréquence", FREQUENCY_LABELS[irritant.frequency]] : null,
    irritant.timeLostMinutes !== null ? ["Temps perdu", `${irritant.timeLostMinutes} min à chaque fois`] : null,
    irritant.consultationStep ? ["Moment", CONSULTATION_STEP_LABELS[irritant.consultationStep]] : null,
    irritant.patientSafety ? ["Sécurité des patients", "Risque signalé"] : null,
  ].filter(Boolean) as [string, string][];
  // A refused comment shows its messages in its form.
  const notice = actionData && (actionData.ok || (actionData.intent !== "comment" && actionData.intent !== "attach")) ? actionData : null;

  return (
    <article className="prose-page">
      {irritant.filedNotice ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">{irritant.filedNotice}</p>
          {irritant.redactionNotice ? <p className="mb-0 mt-2">{irritant.redactionNotice}</p> : null}
        </div>
      ) : null}
      {searchParams.get("soutenu") ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">Merci, votre soutien est enregistré. Vous suivez désormais ce signalement.</p>
        </div>
      ) : null}
      {searchParams.get("fusionne") ? (
        <div role="status" className="fr-alert fr-alert--info fr-alert--sm mb-6">
          <p className="mb-0">Le signalement n°{searchParams.get("fusionne")} décrivait le même problème : il a été regroupé avec celui-ci.</p>
        </div>
      ) : null}
      {notice ? <Notice ok={notice.ok} message={notice.message} /> : null}
      <p className="text-sm text-gris-600">
        Signalement n°{irritant.id} · reçu le {formatDate(irritant.createdAt)}
        {irritant.origin ? ` · ${irritant.origin}` : ""}
      </p>
      <h1>{irritant.title}</h1>
      <OriginNote origins={origins} />
      <p>
        <StatusBadge kind="irritant" status={irritant.status} fixAnnounced={irritant.fixAnnounced} />{" "}
        {!irritant.published ? <span className="text-sm text-gris-600">Non publié : visible par vous et l'équipe programme.</span> : null}
        {irritant.hidden ? <span className="text-sm text-gris-600"> Masqué par l'équipe.</span> : null}
      </p>
      <ul aria-label="Thèmes" className="fr-tags-group mb-4">
        {irritant.themes.map((t) => (
          <li key={t.slug}>
            <Link to={`/signalements?theme=${t.slug}`} className="fr-tag fr-tag--sm">
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="whitespace-pre-line">{irritant.body}</p>
      {facts.length ? (
        <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-bold">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      {attachments.length || viewer?.canAttach ? (
        <section aria-labelledby="fichiers">
          <h2 id="fichiers">Fichiers joints</h2>
          <AttachmentList attachments={attachments} showStatus={irritant.isAuthor || !!viewer?.isTeam} />
          {viewer?.canAttach && attachments.length < maxAttachments ? (
            <AttachmentForm maxAttachments={maxAttachments} />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="soutiens">
        <h2 id="soutiens">Soutiens</h2>
        <p>
          <strong>{irritant.supportCount}</strong> {plural(irritant.supportCount, "personne", "personnes")} {plural(irritant.supportCount, "rencontre", "rencontrent")} aussi ce
          problème
          {irritant.patientSupportCount ? `, dont ${irritant.patientSupportCount} ${plural(irritant.patientSupportCount, "patient", "patients")}` : ""}.
        </p>
        {breakdown.length ? (
          <ul className="mb-4 list-disc pl-6">
            {breakdown.map((b) => (
              <li key={b.label}>
                {b.label} : {b.count}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap gap-4">
          {viewer?.canSupport ? (
            viewer.supported ? (
              <>
                <p className="mb-0 self-center font-bold">Vous soutenez ce signalement.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw-support" />
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    Retirer mon soutien
                  </button>
                </Form>
              </>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="support" />
                <button type="submit" className="fr-btn">
                  Moi aussi, je rencontre ce problème
                </button>
              </Form>
            )
          ) : null}
          {viewer ? (
            <Form method="post">
              <input type="hidden" name="intent" value={viewer.following ? "unfollow" : "follow"} />
              <button type="submit" className="fr-btn fr-btn--secondary">
                {viewer.following ? "Ne plus suivre" : "Suivre ce signalement"}
              </button>
            </Form>
          ) : (
            <p>
              <Link to={`/connexion?redirectTo=/signalements/${irritant.id}`}>Connectez-vous</Link> pour soutenir ou suivre ce signalement.
            </p>
          )}
          {viewer?.isTeam ? (
            <Link to={`/equipe/signalements/${irritant.id}`} className="fr-btn fr-btn--secondary">
              Traiter (équipe)
            </Link>
          ) : null}
        </div>
      </section>

      {fixQuestions.map((q) => (
        <section key={q.id} aria-labelledby={`corrige-${q.id}`} className="fr-alert fr-alert--info fr-alert--sm mb-6">
          <h2 id={`corrige-${q.id}`} className="mt-0 text-lg">
            Est-ce corrigé pour vous ?
          </h2>
          <p>
            L'éditeur indique que le problème est corrigé dans {q.productName} {q.version}.
            {q.answer ? ` Votre réponse : « ${FIX_ANSWER_LABELS[q.answer]} ». Vous pouvez la changer.` : ""}
          </p>
          <div className="flex flex-wrap gap-3">
            {FIX_ANSWERS.map((a) => (
              <Form method="post" key={a}>
                <input type="hidden" name="intent" value="fix-answer" />
                <input type="hidden" name="ticketId" value={q.id} />
                <input type="hidden" name="answer" value={a} />
                <button type="submit" className={a === q.answer ? "fr-btn" : "fr-btn fr-btn--secondary"} aria-pressed={a === q.answer}>
                  {FIX_ANSWER_LABELS[a]}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ))}

      {vendorMessages.length ? (
        <section aria-labelledby="reponses-editeurs">
          <h2 id="reponses-editeurs">Réponses des éditeurs</h2>
          <ol className="grid gap-3">
            {vendorMessages.map((m) => (
              <li key={m.id} className="card">
                <p className="mb-1 text-sm text-gris-600">
                  {m.vendorName} ({m.productName}) · {formatDateTime(m.createdAt)}
                </p>
                <p className="mb-0 whitespace-pre-line">{m.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {planActions.length ? (
        <section aria-labelledby="plan">
          <h2 id="plan">Dans le plan d'action</h2>
          <ul className="list-disc pl-6">
            {planActions.map((a) => (
              <li key={a.id}>
                <Link to={`/plan-action/${a.id}`}>{a.title}</Link> <StatusBadge kind="action" status={a.status} />
                {a.deadlineLabel ? `, échéance ${a.deadlineLabel}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <LinkedObligations obligations={obligations} what="ce signalement" />

      <section aria-labelledby="commentaires">
        <h2 id="commentaires">Commentaires</h2>
        {comments.length === 0 ? <p>Aucun commentaire pour l'instant.</p> : null}
        <ul className="grid gap-3">
          {comments.map((c) => (
            <li key={c.id} className="card">
              <p className="mb-1 text-sm text-gris-600">
                {c.author} · {formatDateTime(c.createdAt)}
              </p>
              <p className="mb-0 whitespace-pre-line">{c.body}</p>
              {commentAttachments.some((a) => a.ownerId === c.id) ? (
                <div className="mt-3">
                  {/* Files under review are shown only to their author and the team, with their status. */}
                  <AttachmentList
                    attachments={commentAttachments.filter((a) => a.ownerId === c.id)}
                    showStatus={!!viewer?.isTeam || commentAttachments.some((a) => a.ownerId === c.id && a.status !== "approved")}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {viewer?.canComment ? (
          <CommentForm />
        ) : null}
      </section>

      <section aria-labelledby="historique">
        <h2 id="historique">Historique</h2>
        <ol className="grid gap-2 border-l-2 border-gris-200 pl-4">
          {timeline.map((e) => (
            <li key={e.id}>
              <span className="text-sm text-gris-600">{formatDateTime(e.createdAt)}</span> — {e.text}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
