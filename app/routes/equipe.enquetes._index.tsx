import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { createCampaign, listCampaigns, listQuestionnaires, saveQuestionnaireVersion } from "~/modules/surveys/index.server";
import { PROFESSIONS } from "~/modules/accounts";
import { surveysPageSchema } from "~/modules/surveys";
import { counted } from "~/lib/text/plural";
import { StatusBadge } from "~/components/status-badge";

export const meta: MetaFunction = () => [{ title: "Enquêtes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  return { questionnaires: listQuestionnaires(), campaigns: listCampaigns() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["version", "campaign"] as const;
export const ACTION_SCHEMA = surveysPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  return formAction(request, surveysPageSchema, (input) => {
    if (input.intent === "version") {
      let definition: unknown;
      try {
        definition = JSON.parse(input.definition);
      } catch {
        throw new HttpError(400, "La définition n'est pas du JSON valide.");
      }
      const version = saveQuestionnaireVersion(user, { slug: input.slug, title: input.title, definition });
      const changed = version.changes.filter((c) => c.change !== "unchanged").map((c) => `${c.key} : ${c.change}`);
      return { message: `Version ${version.number} enregistrée.${changed.length ? ` Changements : ${changed.join(", ")}.` : ""}`, resetForm: true };
    }
    const { intent: _, ...campaign } = input;
    createCampaign(user, { ...campaign, audienceRoles: ["practitioner"], previousCampaignId: campaign.previousCampaignId ?? null });
    return redirect(`/equipe/enquetes/${campaign.slug}`);
  });
}

export default function Surveys() {
  const { questionnaires, campaigns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [versionForm, versionFields] = useActionForm(surveysPageSchema, { actionData, intent: "version" });
  const [campaignForm, c] = useActionForm(surveysPageSchema, { actionData, intent: "campaign", defaultValue: { subjectKind: "software" } });
  return (
    <div className="prose-page">
      <h1>Enquêtes</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <h2>Campagnes</h2>
      <ul className="grid gap-2">
        {campaigns.map((c) => (
          <li key={c.slug}>
            <Link to={`/equipe/enquetes/${c.slug}`}>{c.title}</Link> — {c.wave} <StatusBadge kind="campaign" status={c.status} />
          </li>
        ))}
      </ul>
      <h2>Questionnaires</h2>
      <ul className="mb-4 list-disc pl-6">
        {questionnaires.map((q) => (
          <li key={q.id}>
            {q.title} ({q.slug}) — {counted(q.versions, "version", "versions")} ; identifiant de la dernière version : {q.lastVersionId} —{" "}
            <Link to={`/equipe/enquetes/editeur?depuis=${q.lastVersionId}`}>aperçu, export JSON et nouvelle version dans l'éditeur</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/equipe/enquetes/editeur" className="fr-btn fr-btn--secondary">
          Créer un questionnaire dans l'éditeur
        </Link>
      </p>
      <h3>Nouvelle version d'un questionnaire (import JSON)</h3>
      <p className="text-sm">
        La définition JSON est vérifiée avant l'enregistrement ; une version enregistrée ne change plus. Avec le même identifiant, une nouvelle
        version est créée et comparée à la précédente, question par question (inchangée, reformulée, changée d'échelle, nouvelle, retirée).
      </p>
      <Form method="post" className="card mb-6" {...getFormProps(versionForm)}>
        <input type="hidden" name="intent" value="version" />
        <div className="grid gap-x-4 md:grid-cols-2">
          <TextField field={versionFields.slug} label="Identifiant du questionnaire" required />
          <TextField field={versionFields.title} label="Titre" required />
        </div>
        <TextField field={versionFields.definition} label="Définition (JSON)" multiline rows={10} required />
        <FormErrors form={versionForm} />
        <button type="submit" className="fr-btn">
          Enregistrer la version
        </button>
      </Form>
      <h3>Nouvelle campagne</h3>
      <Form method="post" className="card" {...getFormProps(campaignForm)}>
        <input type="hidden" name="intent" value="campaign" />
        <div className="grid gap-x-4 md:grid-cols-2">
          <TextField field={c.slug} label="Identifiant" required />
          <TextField field={c.title} label="Titre" required />
          <TextField field={c.wave} label="Vague" required />
          <TextField field={c.versionId} label="Identifiant de la version du questionnaire" required />
          {([
            [c.opensOn, "Ouverture"],
            [c.closesOn, "Clôture"],
          ] as const).map(([field, label]) => (
            <div key={field.name} className="mb-6">
              <label htmlFor={field.id} className="label">
                {label}
              </label>
              <input
                id={field.id}
                name={field.name}
                type="date"
                className="fr-input"
                required
                defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
                aria-invalid={field.errors?.length ? true : undefined}
                aria-describedby={field.errors?.length ? field.errorId : undefined}
              />
              {field.errors?.length ? (
                <p id={field.errorId} className="field-error">
                  {field.errors.join(" ")}
                </p>
              ) : null}
            </div>
          ))}
          <div>
            <label htmlFor={c.previousCampaignId.id} className="label">
              Vague précédente à comparer
            </label>
            <select id={c.previousCampaignId.id} name={c.previousCampaignId.name} className="fr-select" defaultValue="">
              <option value="">Aucune</option>
              {campaigns.map((c) => (
                <option key={c.slug} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="md:col-span-2">
            <legend className="label">Ce qui est évalué</legend>
            <span className="flex items-center gap-2">
              <input id="c-kind-software" type="radio" name={c.subjectKind.name} value="software" defaultChecked className="size-4" />
              <label htmlFor="c-kind-software">Le logiciel de chaque répondant (catalogue)</label>
            </span>
            <span className="flex items-center gap-2">
              <input id="c-kind-service" type="radio" name={c.subjectKind.name} value="service" className="size-4" />
              <label htmlFor="c-kind-service">Des services nationaux (liste ci-dessous)</label>
            </span>
            <label htmlFor={c.subjectServices.id} className="label mt-2">
              Services nationaux<span className="hint">Un par ligne, par exemple « Mon espace santé », « Annuaire santé ».</span>
            </label>
            <textarea
              id={c.subjectServices.id}
              name={c.subjectServices.name}
              rows={3}
              className="fr-input"
              aria-invalid={c.subjectServices.errors?.length ? true : undefined}
              aria-describedby={c.subjectServices.errors?.length ? c.subjectServices.errorId : undefined}
            />
            {c.subjectServices.errors?.length ? (
              <p id={c.subjectServices.errorId} className="field-error">
                {c.subjectServices.errors.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="md:col-span-2">
            <legend className="label">
              Professions interrogées<span className="hint">Aucune case cochée : toutes les professions.</span>
            </legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {PROFESSIONS.map((p) => (
                <span key={p.value} className="flex items-center gap-2">
                  <input id={`c-prof-${p.value}`} type="checkbox" name={c.audienceProfessions.name} value={p.value} className="size-4" />
                  <label htmlFor={`c-prof-${p.value}`}>{p.label}</label>
                </span>
              ))}
            </div>
          </fieldset>
          <div className="flex items-center gap-2">
            <input id="c-signed" type="checkbox" name={c.allowSignedIn.name} className="size-4" />
            <label htmlFor="c-signed">Les professionnels connectés peuvent répondre sans invitation (une fois chacun)</label>
          </div>
        </div>
        <FormErrors form={campaignForm} />
        <button type="submit" className="fr-btn mt-4">
          Créer la campagne
        </button>
      </Form>
    </div>
  );
}
