import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { OutcomeList, seminarDate } from "~/components/seminars";
import { getFormProps } from "@conform-to/react";
import { SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { idParam } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listCampaigns } from "~/modules/surveys/index.server";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/surveys";
import { SIDES, SIDE_LABEL_ONE, reportPageSchema } from "~/modules/seminars";
import {
  addVerbatim,
  getSeminarForTeam,
  listOutcomes,
  removeVerbatim,
  saveFeedback,
  setVerbatimPublication,
} from "~/modules/seminars/index.server";
import { crumbFrom } from "~/components/breadcrumb";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Bilan du séminaire — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const seminar = orErrorPage(() => getSeminarForTeam(user, idParam(params.id)));
  return { seminar, outcomes: listOutcomes(seminar.id, user), campaigns: listCampaigns().map((c) => ({ slug: c.slug, title: c.title, status: c.status })) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["feedback", "verbatim-add", "verbatim-publish", "verbatim-unpublish", "verbatim-remove"] as const;
export const ACTION_SCHEMA = reportPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(request, reportPageSchema, (input) => {
    switch (input.intent) {
      case "feedback": {
        const { intent: _, ...feedback } = input;
        saveFeedback(user, id, feedback);
        return { message: "Retours enregistrés." };
      }
      case "verbatim-add": {
        const { intent: _, ...verbatim } = input;
        const { redacted } = addVerbatim(user, id, verbatim);
        return { message: redacted ? "Citation ajoutée ; des identifiants de patient ont été masqués." : "Citation ajoutée.", resetForm: true };
      }
      case "verbatim-publish":
      case "verbatim-unpublish": {
        const publish = input.intent === "verbatim-publish";
        setVerbatimPublication(user, id, input.verbatimId, publish);
        return { message: publish ? "Citation publiée." : "Citation retirée de la page publique." };
      }
      case "verbatim-remove":
        removeVerbatim(user, id, input.verbatimId);
        return { message: "Citation supprimée." };
    }
  });
}

export const handle = crumbFrom<{ seminar?: { id: number; title: string } }>(
  () => undefined,
  (data) => (data.seminar ? { label: data.seminar.title, to: `/equipe/seminaires/${data.seminar.id}` } : undefined),
);

export default function SeminarReport() {
  const { seminar, outcomes, campaigns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [feedbackForm, feedbackFields] = useActionForm(reportPageSchema, {
    actionData: result,
    intent: "feedback",
    defaultValue: {
      positives: seminar.positives.join("\n"),
      improvements: seminar.improvements.join("\n"),
      campaignSlug: seminar.campaign?.slug ?? "",
    },
  });
  const [verbatimForm, verbatimFields] = useActionForm(reportPageSchema, { actionData: result, intent: "verbatim-add" });
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
              Atelier {w.number} ({w.cardCount} {plural(w.cardCount, "carte", "cartes")})
            </Link>
          </li>
        ))}
      </ul>
      <OutcomeList outcomes={outcomes.items} hiddenIrritants={outcomes.hiddenIrritants} team />

      <h2>Retours sur le séminaire</h2>
      <FormErrors form={feedbackForm} />
      <Form method="post" className="card" {...getFormProps(feedbackForm)}>
        <input type="hidden" name="intent" value="feedback" />
        <TextField field={feedbackFields.positives} label="Points positifs" hint="Un par ligne." multiline rows={4} />
        <TextField field={feedbackFields.improvements} label="Axes d'amélioration" hint="Un par ligne." multiline rows={4} />
        <SelectField
          field={feedbackFields.campaignSlug}
          label="Questionnaire après le séminaire"
          placeholder="Aucun"
          options={campaigns.map((c) => ({ value: c.slug, label: `${c.title} (${CAMPAIGN_STATUS_LABELS[c.status]})` }))}
        />
        <button type="submit" className="fr-btn">
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
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    {v.published ? "Dépublier" : "Publier"}
                    <span className="sr-only"> la citation n°{v.id}</span>
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="verbatim-remove" />
                <input type="hidden" name="verbatimId" value={v.id} />
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Supprimer<span className="sr-only"> la citation n°{v.id}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <h3>Ajouter une citation</h3>
      <FormErrors form={verbatimForm} />
      <Form method="post" className="card" {...getFormProps(verbatimForm)}>
        <input type="hidden" name="intent" value="verbatim-add" />
        <TextField field={verbatimFields.text} label="Citation" multiline rows={3} required />
        <SelectField
          field={verbatimFields.side}
          label="Côté de la personne"
          placeholder="Non précisé"
          options={SIDES.map((side) => ({ value: side, label: SIDE_LABEL_ONE[side] }))}
        />
        <div className="mb-2 flex items-center gap-2">
          <input id={verbatimFields.consent.id} name={verbatimFields.consent.name} type="checkbox" className="size-4" />
          <label htmlFor={verbatimFields.consent.id}>La personne consent à la publication</label>
        </div>
        <div className="mb-4 flex items-center gap-2">
          <input id={verbatimFields.published.id} name={verbatimFields.published.name} type="checkbox" className="size-4" />
          <label htmlFor={verbatimFields.published.id}>Publier sur la page du séminaire</label>
        </div>
        <button type="submit" className="fr-btn">
          Ajouter la citation
        </button>
      </Form>
    </div>
  );
}
