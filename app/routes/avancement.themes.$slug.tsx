import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OverdueBadge, StatusBadge } from "~/components/status-badge";
import { IndicatorChart } from "~/components/chart";
import { FollowForm } from "~/components/follow";
import { Notice } from "~/components/notice";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { getUser, requireUser } from "~/lib/permissions.server";
import { followPublicSubject, isFollowing } from "~/modules/notifications/index.server";
import { followPageSchema } from "~/modules/notifications";
import { listIndicators } from "~/modules/indicators/index.server";
import { themePage } from "~/modules/progress/index.server";
import { RESOURCE_DATE_KINDS, RESOURCE_KINDS } from "~/modules/progress";
import { formatDay } from "~/lib/dates";
import { counted, plural } from "~/lib/text/plural";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.theme.label ?? "Thème"} — avancement — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const page = orErrorPage(() => themePage(params.slug ?? ""));
  return { ...page, indicators: listIndicators({ themeSlug: page.theme.slug }), viewer: viewer ? { following: isFollowing(viewer.id, "theme", page.theme.id) } : null };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["follow", "unfollow"] as const;
export const ACTION_SCHEMA = followPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { theme } = orErrorPage(() => themePage(params.slug ?? ""));
  return formAction(request, followPageSchema, ({ intent }) => {
    const { following } = followPublicSubject(user.id, "theme", theme.id, intent === "follow");
    return { message: following ? "Vous suivez ce thème : vous serez prévenu de ses nouveaux points d'étape." : "Vous ne suivez plus ce thème." };
  });
}

export const handle = crumbFrom<{ theme?: { label: string } }>((data) => data.theme?.label);

export default function ThemeProgress() {
  const { theme, top, actions, resources, indicators, viewer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/avancement">← Avancement</Link>
      </p>
      <h1>{theme.label}</h1>
      <p>
        {theme.published} {plural(theme.published, "signalement", "signalements")} {plural(theme.published, "publié", "publiés")} ·{" "}
        {counted(actions.filter((a) => a.status === "fait").length, "action faite", "actions faites")} sur {actions.length}
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <FollowForm following={viewer?.following ?? false} signedIn={!!viewer} what="ce thème" returnTo={`/avancement/themes/${theme.slug}`} />
      <section aria-labelledby="top">
        <h2 id="top">Les signalements les plus soutenus</h2>
        {top.length ? (
          <ol className="list-decimal pl-6">
            {top.map((i) => (
              <li key={i.id}>
                <Link to={`/signalements/${i.id}`}>{i.title}</Link> — {i.supportCount} {plural(i.supportCount, "soutien", "soutiens")} <StatusBadge kind="irritant" status={i.status} fixAnnounced={i.fixAnnounced} />
              </li>
            ))}
          </ol>
        ) : (
          <p>Aucun signalement publié sur ce thème.</p>
        )}
      </section>
      <section aria-labelledby="actions">
        <h2 id="actions">Les actions du plan</h2>
        {actions.length ? (
          <ul className="grid gap-2">
            {actions.map((a) => (
              <li key={a.id}>
                <Link to={`/plan-action/${a.id}`}>{a.title}</Link> — {a.lead.label}, {a.deadline.label || "sans échéance"} <StatusBadge kind="action" status={a.status} />
                {a.overdue ? <OverdueBadge /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune action liée à ce thème.</p>
        )}
      </section>
      {indicators.length ? (
        <section aria-labelledby="indicateurs">
          <h2 id="indicateurs">Indicateurs</h2>
          {indicators.map((i) => (
            <div key={i.slug}>
              <h3>
                {i.title}
                {i.demonstration ? <span className="fr-badge fr-badge--sm fr-badge--info ml-2">Série de démonstration</span> : null}
              </h3>
              <IndicatorChart id={`graphique-${i.slug}`} title={i.title} unit={i.unit} type={i.chart} values={i.values} />
              <p className="text-sm text-gris-600">
                Source : {i.source}
                {i.sourceDate ? `, ${formatDay(i.sourceDate)}` : ""}.{i.notes ? ` Note : ${i.notes}` : ""}
              </p>
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="ressources">
        <h2 id="ressources">Ressources</h2>
        {resources.length ? (
          <ul className="list-disc pl-6">
            {resources.map((r) => (
              <li key={r.id}>
                {r.url ? (
                  <a href={r.url} rel="noopener noreferrer">
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}{" "}
                ({RESOURCE_KINDS[r.kind]}
                {r.date ? `, ${RESOURCE_DATE_KINDS[r.dateKind].toLowerCase()} ${formatDay(r.date)}` : ""}
                {r.url ? "" : ", adresse non donnée par la source"})
              </li>
            ))}
          </ul>
        ) : (
          <p>Pas encore de ressource pour ce thème.</p>
        )}
      </section>
    </div>
  );
}
