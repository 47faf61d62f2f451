import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { SurveyResults } from "~/components/survey-results";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import {
  type CampaignResults,
  RESULTS_METHOD,
  computeResults,
  emailInvitationSummary,
  getCampaign,
  getSnapshot,
  inviteAudienceByEmail,
  remindInvitees,
  setCampaignStatus,
  shownResults,
} from "~/modules/surveys/index.server";
import { CAMPAIGN_STATUS_LABELS, PUBLIC_MIN_CELL, batchedCount, campaignPageSchema, campaignResultsQuerySchema } from "~/modules/surveys";
import { parseOrThrow } from "~/lib/api.server";
import { counted } from "~/lib/text/plural";
import { formatDate } from "~/lib/dates";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction = () => [{ title: "Campagne d'enquête — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  const campaign = orErrorPage(() => getCampaign(params.slug ?? ""));
  const query = orErrorPage(() => parseOrThrow(campaignResultsQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "Adresse invalide."));
  const { definition: _d, responseCount, ...rest } = campaign;
  // The team sees what the public sees once published; before, provisional figures in batches with the same
  // suppression, and counts in batches: nothing on this page moves when one person answers.
  const results =
    campaign.status === "published" ? (getSnapshot(campaign.slug).snapshot.results as CampaignResults) : computeResults(campaign.slug, { provisional: true });
  return {
    campaign: { ...rest, responsesAtLeast: batchedCount(responseCount, PUBLIC_MIN_CELL) },
    emailed: emailInvitationSummary(campaign.id),
    // The per-software breakdown of the question asked for only (issue 21): each question links to its own.
    results: shownResults(results, { subjectsOf: query.logiciels ?? null }),
    batch: PUBLIC_MIN_CELL,
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["open", "close", "publish", "invite-audience", "remind"] as const;
export const ACTION_SCHEMA = campaignPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  const slug = params.slug ?? "";
  return formAction(request, campaignPageSchema, ({ intent }) => {
    switch (intent) {
      case "open":
      case "close":
        setCampaignStatus(user, slug, intent === "open" ? "open" : "closed");
        return { message: intent === "open" ? "Campagne ouverte." : "Campagne close." };
      case "publish":
        setCampaignStatus(user, slug, "published", () => ({ method: RESULTS_METHOD, results: computeResults(slug) }));
        return { message: "Résultats publiés : l'instantané est figé." };
      case "invite-audience": {
        const { invited } = inviteAudienceByEmail(user, slug);
        return {
          message: invited ? `${counted(invited, "invitation envoyée", "invitations envoyées")} par e-mail, chacune avec un lien personnel à usage unique.` : "Toute l'audience a déjà reçu son invitation.",
        };
      }
      case "remind":
        // No count: how many have not answered, right now, is a per-response figure.
        remindInvitees(user, slug);
        return { message: "Relance envoyée aux personnes invitées qui n'ont pas encore répondu." };
    }
  });
}

export const handle = crumbFrom<{ campaign?: { title: string } }>((data) => data.campaign?.title);

export default function CampaignPage() {
  const { campaign, results, emailed, batch } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/enquetes">← Enquêtes</Link>
      </p>
      <h1>{campaign.title}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <p>
        {CAMPAIGN_STATUS_LABELS[campaign.status]} · vague {campaign.wave} · du {formatDate(campaign.opensOn)} au {formatDate(campaign.closesOn)} · {campaign.responsesAtLeast ? `au moins ${campaign.responsesAtLeast} réponses` : `moins de ${batch} réponses`} ·{" "}
        {counted(campaign.invitedCount, "invitation", "invitations")}
        {campaign.allowSignedIn ? " · ouverte aux professionnels connectés" : ""}
      </p>
      <div className="mb-6 flex flex-wrap gap-3">
        {campaign.status === "draft" || campaign.status === "closed" ? (
          <Form method="post">
            <button type="submit" name="intent" value="open" className="fr-btn fr-btn--secondary">
              Ouvrir la campagne
            </button>
          </Form>
        ) : null}
        {campaign.status === "open" ? (
          <Form method="post">
            <button type="submit" name="intent" value="close" className="fr-btn fr-btn--secondary">
              Clore la campagne
            </button>
          </Form>
        ) : null}
        {campaign.status === "closed" ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="fr-btn">
              Publier les résultats
            </button>
          </Form>
        ) : null}
        {campaign.status === "published" ? <Link to={`/resultats/${campaign.slug}`}>Voir les résultats publiés</Link> : null}
        <Link to={`/equipe/enquetes/${campaign.slug}/reponses-libres`}>Réponses libres et microdonnées</Link>
      </div>
      {campaign.status === "open" ? (
        <section aria-labelledby="invitations-email" className="card mb-6">
          <h2 id="invitations-email" className="mt-0">
            Invitations par e-mail
          </h2>
          <p>
            Chaque personne de l'audience reçoit un lien personnel à usage unique (selon ses choix de notification), que personne d'autre ne voit.
            Les réponses restent anonymes : elles ne sont reliées ni à l'invitation ni au compte, et cette page ne dit pas qui a répondu. Une seule
            relance est prévue, pour celles et ceux qui n'ont pas répondu.
          </p>
          <p>
            {counted(emailed.invited, "personne invitée", "personnes invitées")} par e-mail · {emailed.answeredAtLeast ? `au moins ${emailed.answeredAtLeast} ont répondu` : `moins de ${batch} ont répondu`} · relance {emailed.reminderSent ? "envoyée" : "pas encore envoyée"}
          </p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <button type="submit" name="intent" value="invite-audience" className="fr-btn fr-btn--secondary">
                Inviter l'audience par e-mail
              </button>
            </Form>
            {emailed.invited > 0 && !emailed.reminderSent ? (
              <Form method="post">
                <button type="submit" name="intent" value="remind" className="fr-btn fr-btn--secondary">
                  Envoyer la relance
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}
      {campaign.status === "published" ? (
        <h2>Résultats publiés</h2>
      ) : (
        <>
          <h2>Résultats provisoires</h2>
          <p>
            Mêmes règles que la publication (cases de {batch} répondants et plus). Pour qu'aucune réponse ne puisse être isolée en comparant deux
            consultations, chaque case n'avance que par lots de {batch} réponses, avec un lot de retard, et les nombres sont arrondis au lot.
          </p>
        </>
      )}
      {results ? <SurveyResults results={results} subjectsHref={(key) => `?logiciels=${encodeURIComponent(key)}#q-${key}`} /> : null}
    </div>
  );
}
