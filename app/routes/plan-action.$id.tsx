import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OverdueBadge, StatusBadge } from "~/components/status-badge";
import { StepProgress } from "~/components/action-plan";
import { FollowForm } from "~/components/follow";
import { Notice } from "~/components/notice";
import { idParam } from "~/lib/api.server";
import { formatDate } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { can, getUser, requireUser } from "~/lib/permissions.server";
import { followPublicSubject, isFollowing } from "~/modules/notifications/index.server";
import { followPageSchema } from "~/modules/notifications";
import { getAction } from "~/modules/action-plan/index.server";
import { STEP_STATUS_LABELS } from "~/modules/action-plan";
import { OriginNote } from "~/components/origin-note";
import { withFixAnnounced } from "~/modules/irritants/index.server";
import { LinkedObligations } from "~/components/regulation";
import { obligationsLinkedTo } from "~/modules/regulation/index.server";
import { originsOf } from "~/modules/seminars/index.server";
import type { BreadcrumbHandle } from "~/components/breadcrumb";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title.slice(0, 80) ?? "Action"} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  // The public page names the responsible person, not their account; reminders' bookkeeping stays inside.
  const { responsibleId: _id, staleRemindedAt: _reminded, leadOrganisationId: _legacy, responsible, ...action } = orErrorPage(() => getAction(viewer, idParam(params.id)));
  return {
    // The linked irritants' "Correctif annoncé" is the irritants capability's rule (the action plan sits below it).
    // Step history without who changed it: the public page names nobody but the responsible person.
    action: { ...action, responsible: responsible?.name ?? null, irritants: withFixAnnounced(action.irritants), stepHistory: action.stepHistory.map(({ actorName: _who, ...c }) => c) },
    canEdit: can(viewer, "action-plan:edit"),
    viewer: viewer ? { following: isFollowing(viewer.id, "action", action.id) } : null,
    origins: originsOf("action", action.id, viewer),
    obligations: obligationsLinkedTo("action", action.id),
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["follow", "unfollow"] as const;
export const ACTION_SCHEMA = followPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = orErrorPage(() => idParam(params.id));
  return formAction(request, followPageSchema, ({ intent }) => {
    const { following } = followPublicSubject(user.id, "action", id, intent === "follow");
    return { message: following ? "Vous suivez cette action : vous serez prévenu quand elle sera réalisée ou si son échéance change." : "Vous ne suivez plus cette action." };
  });
}

type FollowAction = typeof action;

export const handle: BreadcrumbHandle = { breadcrumb: (data) => (data as { action?: { title: string } }).action?.title };

export default function ActionPage() {
  const { action, canEdit, viewer, origins, obligations } = useLoaderData<typeof loader>();
  const actionData = useActionData<FollowAction>();
  return (
    <article className="prose-page">
      <p className="text-sm">
        <Link to="/plan-action">← Plan d'action</Link> · {action.workstreamTitle}
      </p>
      <h1>{action.title}</h1>
      <OriginNote origins={origins} />
      <p>
        <strong>Défi :</strong> {action.challengeTitle}
      </p>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Pilote</dt>
        <dd>{action.lead.label}</dd>
        {action.organisations.lead.length ? (
          <>
            <dt className="font-bold">Organisations pilotes</dt>
            <dd>{action.organisations.lead.map((o) => o.name).join(", ")}</dd>
          </>
        ) : null}
        {action.organisations.coLead.length ? (
          <>
            <dt className="font-bold">Copilotes</dt>
            <dd>{action.organisations.coLead.map((o) => o.name).join(", ")}</dd>
          </>
        ) : null}
        {action.responsible ? (
          <>
            <dt className="font-bold">Responsable</dt>
            <dd>{action.responsible}</dd>
          </>
        ) : null}
        <dt className="font-bold">Échéance</dt>
        <dd>
          {action.deadlineLabel || "non précisée"}
          {action.deadlineDue ? ` (au plus tard le ${formatDate(action.deadlineDue + "T12:00:00Z")})` : action.deadlineKind === "ongoing" ? " (en continu)" : ""}
          {action.overdue ? <OverdueBadge /> : null}
        </dd>
        <dt className="font-bold">Statut</dt>
        <dd>
          <StatusBadge kind="action" status={action.status} />
        </dd>
        {action.segurWave ? (
          <>
            <dt className="font-bold">Ségur</dt>
            <dd>Vague {action.segurWave}</dd>
          </>
        ) : null}
        {action.themes.length ? (
          <>
            <dt className="font-bold">Thèmes</dt>
            <dd>{action.themes.map((t) => t.label).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {action.description ? <p className="whitespace-pre-line">{action.description}</p> : null}
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <FollowForm following={viewer?.following ?? false} signedIn={!!viewer} what="cette action" returnTo={`/plan-action/${action.id}`} />
      {canEdit ? (
        <p>
          <Link to={`/equipe/plan-action/${action.id}`} className="fr-btn fr-btn--secondary">
            Modifier (équipe)
          </Link>
        </p>
      ) : null}
      {action.steps.length ? (
        <section aria-labelledby="etapes">
          <h2 id="etapes">Étapes</h2>
          <StepProgress progress={action.progress} label="Avancement de l'action" />
          <ol className="list-decimal pl-6">
            {action.steps.map((s) => (
              <li key={s.id}>
                {s.title} <span className="fr-badge fr-badge--sm">{STEP_STATUS_LABELS[s.status]}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="signalements-lies">
        <h2 id="signalements-lies">Signalements liés</h2>
        {action.irritants.length ? (
          <ul className="list-disc pl-6">
            {action.irritants.map((i) => (
              <li key={i.id}>
                <Link to={`/signalements/${i.id}`}>{i.title}</Link> ({i.supportCount} {plural(i.supportCount, "soutien", "soutiens")}) <StatusBadge kind="irritant" status={i.status} fixAnnounced={i.fixAnnounced} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun signalement publié n'est lié à cette action.</p>
        )}
      </section>
      <LinkedObligations obligations={obligations} what="cette action" />
      <section aria-labelledby="avancement">
        <h2 id="avancement">Avancement</h2>
        {action.notes.length ? (
          <ul className="grid gap-3">
            {action.notes.map((n) => (
              <li key={n.id} className="card">
                <p className="mb-1 text-sm text-gris-600">{formatDate(n.createdAt)}</p>
                <p className="mb-0 whitespace-pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>Pas encore de point d'avancement.</p>
        )}
      </section>
      <section aria-labelledby="historique-etapes">
        <h2 id="historique-etapes">Historique des étapes</h2>
        {action.stepHistory.length ? (
          <ul className="list-disc pl-6">
            {action.stepHistory.map((c) => (
              <li key={c.id}>
                {formatDate(c.changedAt)} : {c.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>Le statut des étapes n'a pas encore changé.</p>
        )}
      </section>
      <section aria-labelledby="historique-echeance">
        <h2 id="historique-echeance">Historique de l'échéance</h2>
        {action.deadlineHistory.length ? (
          <ul className="list-disc pl-6">
            {action.deadlineHistory.map((c) => (
              <li key={c.id}>
                {formatDate(c.changedAt)} : {c.text}
                {c.reason ? <> — raison : {c.reason}</> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>L'échéance n'a pas changé.</p>
        )}
      </section>
    </article>
  );
}
