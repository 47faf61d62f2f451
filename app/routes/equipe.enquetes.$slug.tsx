import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { SurveyResults } from "~/components/survey-results";
import { parseOrThrow } from "~/lib/api.server";
import { getEnv } from "~/lib/env.server";
import { HttpError, orErrorPage } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { createInvitations, emailInvitationSummary, getCampaign, inviteAudienceByEmail, remindInvitees, setCampaignStatus } from "~/modules/surveys/campaigns.server";
import { computeResults, RESULTS_METHOD } from "~/modules/surveys/results.server";
import { PUBLIC_MIN_CELL, TEAM_MIN_CELL } from "~/modules/surveys/statistics";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/surveys/vocabulary";

export const meta: MetaFunction = () => [{ title: "Campagne d'enquête — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  const campaign = orErrorPage(() => getCampaign(params.slug ?? ""));
  const { definition: _d, ...rest } = campaign;
  // The team sees cells down to 5 respondents; the public snapshot uses 10.
  return { campaign: rest, emailed: emailInvitationSummary(campaign.id), results: campaign.responseCount ? computeResults(campaign.slug, TEAM_MIN_CELL) : null };
}

const invitationsSchema = z.object({ count: z.coerce.number({ error: "Indiquez un nombre." }).int().min(1, "Au moins 1.").max(5000, "Au plus 5 000 à la fois.") });

export const INTENTS = ["open", "close", "publish", "invitations", "invite-audience", "remind"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  const slug = params.slug ?? "";
  const form = await readFormData(request);
  try {
    const intent = readIntent(form, INTENTS);
    switch (intent) {
      case "open":
      case "close":
        setCampaignStatus(user, slug, intent === "open" ? "open" : "closed");
        return { ok: true, message: intent === "open" ? "Campagne ouverte." : "Campagne close.", links: [] as string[] };
      case "publish":
        setCampaignStatus(user, slug, "published", () => ({ method: RESULTS_METHOD, results: computeResults(slug, PUBLIC_MIN_CELL) }));
        return { ok: true, message: "Résultats publiés : l'instantané est figé.", links: [] as string[] };
      case "invitations": {
        const { count } = parseOrThrow(invitationsSchema, Object.fromEntries(form), "Nombre invalide.");
        const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
        const links = createInvitations(user, slug, count, base);
        return { ok: true, message: `${links.length} liens d'invitation créés. Copiez-les maintenant : ils ne seront plus affichés.`, links };
      }
      case "invite-audience": {
        const { invited } = inviteAudienceByEmail(user, slug);
        return {
          ok: true,
          message: invited ? `${invited} invitation(s) envoyée(s) par e-mail, chacune avec un lien personnel à usage unique.` : "Toute l'audience a déjà reçu son invitation.",
          links: [] as string[],
        };
      }
      case "remind": {
        const { reminded } = remindInvitees(user, slug);
        return { ok: true, message: `Relance envoyée à ${reminded} personne(s) qui n'ont pas encore répondu.`, links: [] as string[] };
      }
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return data({ ok: false, message: error.message, links: [] as string[] }, { status: error.status });
  }
}

export default function CampaignPage() {
  const { campaign, results, emailed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/enquetes">← Enquêtes</Link>
      </p>
      <h1>{campaign.title}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {actionData?.links.length ? (
        <div className="mb-6">
          <label htmlFor="links" className="label">
            Liens d'invitation (un par ligne, à usage unique)
          </label>
          <textarea id="links" readOnly rows={6} className="input font-mono text-sm" defaultValue={actionData.links.join("\n")} />
        </div>
      ) : null}
      <p>
        {CAMPAIGN_STATUS_LABELS[campaign.status]} · vague {campaign.wave} · du {campaign.opensOn} au {campaign.closesOn} · {campaign.responseCount} réponse(s) ·{" "}
        {campaign.invitedCount} invitation(s)
        {campaign.allowSignedIn ? " · ouverte aux professionnels connectés" : ""}
      </p>
      <div className="mb-6 flex flex-wrap gap-3">
        {campaign.status === "draft" || campaign.status === "closed" ? (
          <Form method="post">
            <button type="submit" name="intent" value="open" className="btn btn-secondary">
              Ouvrir la campagne
            </button>
          </Form>
        ) : null}
        {campaign.status === "open" ? (
          <Form method="post">
            <button type="submit" name="intent" value="close" className="btn btn-secondary">
              Clore la campagne
            </button>
          </Form>
        ) : null}
        {campaign.status === "closed" ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="btn">
              Publier les résultats
            </button>
          </Form>
        ) : null}
        {campaign.status === "published" ? <Link to={`/resultats/${campaign.slug}`}>Voir les résultats publiés</Link> : null}
      </div>
      {campaign.status !== "published" ? (
        <Form method="post" className="card mb-6 flex flex-wrap items-end gap-4">
          <input type="hidden" name="intent" value="invitations" />
          <div>
            <label htmlFor="count" className="label">
              Nombre de liens d'invitation à créer
            </label>
            <input id="count" name="count" inputMode="numeric" defaultValue={50} className="input" />
          </div>
          <button type="submit" className="btn btn-secondary">
            Créer les liens
          </button>
        </Form>
      ) : null}
      {campaign.status === "open" ? (
        <section aria-labelledby="invitations-email" className="card mb-6">
          <h2 id="invitations-email" className="mt-0">
            Invitations par e-mail
          </h2>
          <p>
            Chaque personne de l'audience reçoit un lien personnel à usage unique (selon ses choix de notification). Les réponses restent anonymes :
            elles ne sont reliées ni à l'invitation ni au compte. Une seule relance est prévue, pour celles et ceux qui n'ont pas répondu.
          </p>
          <p>
            {emailed.invited} personne(s) invitée(s) par e-mail · {emailed.answered} ont répondu · relance {emailed.reminderSent ? "envoyée" : "pas encore envoyée"}
          </p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <button type="submit" name="intent" value="invite-audience" className="btn btn-secondary">
                Inviter l'audience par e-mail
              </button>
            </Form>
            {emailed.invited > 0 && !emailed.reminderSent ? (
              <Form method="post">
                <button type="submit" name="intent" value="remind" className="btn btn-secondary">
                  Envoyer la relance
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}
      <h2>Résultats provisoires (équipe, cases de 5 répondants et plus)</h2>
      {results ? <SurveyResults results={results} /> : <p>Aucune réponse pour l'instant.</p>}
    </div>
  );
}
