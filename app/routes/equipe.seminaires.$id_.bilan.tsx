import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { OutcomeList, seminarDate } from "~/components/seminars";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { HttpError, orErrorPage } from "~/lib/errors";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listCampaigns } from "~/modules/surveys/campaigns.server";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/surveys/vocabulary";
import { feedbackFormSchema, verbatimFormSchema, formIdField } from "~/modules/seminars/schemas";
import { getSeminarForTeam } from "~/modules/seminars/agenda.server";
import { addVerbatim, removeVerbatim, saveFeedback, setVerbatimPublication } from "~/modules/seminars/feedback.server";
import { listOutcomes } from "~/modules/seminars/outcomes.server";
import { SIDES, SIDE_LABEL_ONE } from "~/modules/seminars/vocabulary";

export const meta: MetaFunction = () => [{ title: "Bilan du séminaire — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const seminar = orErrorPage(() => getSeminarForTeam(user, idParam(params.id)));
  return { seminar, outcomes: listOutcomes(seminar.id, user), campaigns: listCampaigns().map((c) => ({ slug: c.slug, title: c.title, status: c.status })) };
}


export const INTENTS = ["feedback", "verbatim-add", "verbatim-publish", "verbatim-unpublish", "verbatim-remove"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const id = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  const values = Object.fromEntries(form);
  try {
    const intent = readIntent(form, INTENTS);
    switch (intent) {
      case "feedback":
        saveFeedback(user, id, parseOrThrow(feedbackFormSchema, values, "Retours invalides."));
        return { ok: true, message: "Retours enregistrés." };
      case "verbatim-add": {
        const { redacted } = addVerbatim(user, id, parseOrThrow(verbatimFormSchema, values, "Citation invalide."));
        return { ok: true, message: redacted ? "Citation ajoutée ; des identifiants de patient ont été masqués." : "Citation ajoutée." };
      }
      case "verbatim-publish":
      case "verbatim-unpublish": {
        const publish = intent === "verbatim-publish";
        setVerbatimPublication(user, id, parseOrThrow(formIdField, values.verbatimId), publish);
        return { ok: true, message: publish ? "Citation publiée." : "Citation retirée de la page publique." };
      }
      case "verbatim-remove":
        removeVerbatim(user, id, parseOrThrow(formIdField, values.verbatimId));
        return { ok: true, message: "Citation supprimée." };
    }
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function SeminarReport() {
  const { seminar, outcomes, campaigns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={`/equipe/seminaires/${seminar.id}`}>← {seminar.title}</Link> · <Link to={`/seminaires/${seminar.slug}`}>Page publique</Link>
      </p>
      <h1>Bilan du séminaire du {seminarDate(seminar.date)}</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <h2>Ce qui en est sorti, et ce qu'il en est advenu</h2>
      <p className="text-sm">Les cartes et regroupements se transforment en signalements ou en actions depuis le tableau d'animation de chaque atelier.</p>
      <ul className="mb-4 flex flex-wrap gap-3 text-sm">
        {seminar.workshops.map((w) => (
          <li key={w.id}>
            <Link to={`/ateliers/${w.id}/animation`}>
              Atelier {w.number} ({w.cardCount} carte{w.cardCount > 1 ? "s" : ""})
            </Link>
          </li>
        ))}
      </ul>
      <OutcomeList outcomes={outcomes.items} hiddenIrritants={outcomes.hiddenIrritants} team />

      <h2>Retours sur le séminaire</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="feedback" />
        <div className="mb-4">
          <label htmlFor="f-positives" className="label">
            Points positifs<span className="hint">Un par ligne.</span>
          </label>
          <textarea id="f-positives" name="positives" rows={4} className="input" defaultValue={seminar.positives.join("\n")} />
        </div>
        <div className="mb-4">
          <label htmlFor="f-improvements" className="label">
            Axes d'amélioration<span className="hint">Un par ligne.</span>
          </label>
          <textarea id="f-improvements" name="improvements" rows={4} className="input" defaultValue={seminar.improvements.join("\n")} />
        </div>
        <div className="mb-4">
          <label htmlFor="f-campaign" className="label">
            Questionnaire après le séminaire<span className="hint">Une campagne d'enquête (préparée dans les enquêtes) ; publiée ou ouverte, elle est annoncée sur la page du séminaire.</span>
          </label>
          <select id="f-campaign" name="campaignSlug" className="input" defaultValue={seminar.campaign?.slug ?? ""}>
            <option value="">Aucun</option>
            {campaigns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title} ({CAMPAIGN_STATUS_LABELS[c.status]})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          Enregistrer les retours
        </button>
      </Form>

      <h2>Verbatims</h2>
      <ul className="grid gap-3">
        {seminar.verbatims.map((v) => (
          <li key={v.id} className="card">
            <p className="mb-1 italic">« {v.text} »</p>
            <p className="mb-2 text-sm text-gris-600">
              {v.side ? SIDE_LABEL_ONE[v.side] : "Côté non précisé"} · {v.consent ? "consentement donné" : "sans consentement"} · {v.published ? "publié" : "non publié"}
            </p>
            <div className="flex flex-wrap gap-2">
              {v.consent ? (
                <Form method="post">
                  <input type="hidden" name="intent" value={v.published ? "verbatim-unpublish" : "verbatim-publish"} />
                  <input type="hidden" name="verbatimId" value={v.id} />
                  <button type="submit" className="btn btn-secondary">
                    {v.published ? "Dépublier" : "Publier"}
                    <span className="sr-only"> la citation n°{v.id}</span>
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="verbatim-remove" />
                <input type="hidden" name="verbatimId" value={v.id} />
                <button type="submit" className="btn btn-secondary">
                  Supprimer<span className="sr-only"> la citation n°{v.id}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <h3>Ajouter une citation</h3>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="verbatim-add" />
        <div className="mb-4">
          <label htmlFor="v-text" className="label">
            Citation
          </label>
          <textarea id="v-text" name="text" rows={3} className="input" required />
        </div>
        <div className="mb-4">
          <label htmlFor="v-side" className="label">
            Côté de la personne
          </label>
          <select id="v-side" name="side" className="input" defaultValue="">
            <option value="">Non précisé</option>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {SIDE_LABEL_ONE[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="mb-2 flex items-center gap-2">
          <input id="v-consent" name="consent" type="checkbox" className="size-4" />
          <label htmlFor="v-consent">La personne consent à la publication</label>
        </div>
        <div className="mb-4 flex items-center gap-2">
          <input id="v-published" name="published" type="checkbox" className="size-4" />
          <label htmlFor="v-published">Publier sur la page du séminaire</label>
        </div>
        <button type="submit" className="btn">
          Ajouter la citation
        </button>
      </Form>
    </div>
  );
}
