import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { parseOrThrow } from "~/lib/api.server";
import { errorSentence, HttpError } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { createCampaign, listCampaigns, listQuestionnaires, saveQuestionnaireVersion } from "~/modules/surveys/campaigns.server";
import { PROFESSION_VALUES, PROFESSIONS } from "~/modules/accounts/professions";
import { CAMPAIGN_STATUS_LABELS } from "~/modules/surveys/vocabulary";

export const meta: MetaFunction = () => [{ title: "Enquêtes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "survey:manage");
  return { questionnaires: listQuestionnaires(), campaigns: listCampaigns() };
}

const slug = z.string({ error: "Indiquez un identifiant." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Identifiant : minuscules sans accent, chiffres et tirets.").max(60);
const versionSchema = z.object({
  slug,
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200),
  definition: z.string({ error: "Collez la définition JSON." }).min(2, "Collez la définition JSON.").max(200_000, "Définition trop longue."),
});
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date au format AAAA-MM-JJ.");
const campaignSchema = z.object({
  slug,
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200),
  wave: z.string({ error: "Indiquez la vague." }).trim().min(2, "Indiquez la vague (par exemple « janvier–février 2026 »).").max(80),
  versionId: z.coerce.number({ error: "Choisissez une version." }).int().positive("Choisissez une version."),
  previousCampaignId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  opensOn: date,
  closesOn: date,
  allowSignedIn: z.preprocess((v) => v === "on", z.boolean()),
  audienceProfessions: z.array(z.enum(PROFESSION_VALUES, { error: "Profession inconnue." })).max(20),
  subjectKind: z.enum(["software", "service"], { error: "Choisissez ce qui est évalué." }),
  subjectServices: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string().max(120, "Nom de service trop long.")).max(30, "Au plus 30 services."),
  ),
});

export const INTENTS = ["version", "campaign"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "survey:manage");
  const form = await readFormData(request);
  const fields = Object.fromEntries(form);
  try {
    const intent = readIntent(form, INTENTS);
    if (intent === "version") {
      const input = parseOrThrow(versionSchema, fields, "Version invalide.");
      let definition: unknown;
      try {
        definition = JSON.parse(input.definition);
      } catch {
        throw new HttpError(400, "La définition n'est pas du JSON valide.");
      }
      const version = saveQuestionnaireVersion(user, { ...input, definition });
      const changed = version.changes.filter((c) => c.change !== "unchanged").map((c) => `${c.key} : ${c.change}`);
      return { ok: true, message: `Version ${version.number} enregistrée.${changed.length ? ` Changements : ${changed.join(", ")}.` : ""}` };
    }
    const input = parseOrThrow(campaignSchema, { ...fields, audienceProfessions: form.getAll("audienceProfessions") }, "Campagne invalide.");
    createCampaign(user, { ...input, audienceRoles: ["practitioner"], previousCampaignId: input.previousCampaignId ?? null });
    return redirect(`/equipe/enquetes/${input.slug}`);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ ok: false, message: `${error.message} ${error.fields ? errorSentence(error) : ""}`.trim() }, { status: error.status });
  }
}

export default function Surveys() {
  const { questionnaires, campaigns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Enquêtes</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <h2>Campagnes</h2>
      <ul className="grid gap-2">
        {campaigns.map((c) => (
          <li key={c.slug}>
            <Link to={`/equipe/enquetes/${c.slug}`}>{c.title}</Link> — {c.wave}, {CAMPAIGN_STATUS_LABELS[c.status]}
          </li>
        ))}
      </ul>
      <h2>Questionnaires</h2>
      <ul className="mb-4 list-disc pl-6">
        {questionnaires.map((q) => (
          <li key={q.id}>
            {q.title} ({q.slug}) — {q.versions} version(s) ; identifiant de la dernière version : {q.lastVersionId} —{" "}
            <Link to={`/equipe/enquetes/editeur?depuis=${q.lastVersionId}`}>aperçu, export JSON et nouvelle version dans l'éditeur</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/equipe/enquetes/editeur" className="btn btn-secondary">
          Créer un questionnaire dans l'éditeur
        </Link>
      </p>
      <h3>Nouvelle version d'un questionnaire (import JSON)</h3>
      <p className="text-sm">
        La définition JSON est vérifiée avant l'enregistrement ; une version enregistrée ne change plus. Avec le même identifiant, une nouvelle
        version est créée et comparée à la précédente, question par question (inchangée, reformulée, changée d'échelle, nouvelle, retirée).
      </p>
      <Form method="post" className="card mb-6">
        <input type="hidden" name="intent" value="version" />
        <div className="mb-4 grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="q-slug" className="label">
              Identifiant du questionnaire
            </label>
            <input id="q-slug" name="slug" className="input" required />
          </div>
          <div>
            <label htmlFor="q-title" className="label">
              Titre
            </label>
            <input id="q-title" name="title" className="input" required />
          </div>
        </div>
        <label htmlFor="q-definition" className="label">
          Définition (JSON)
        </label>
        <textarea id="q-definition" name="definition" rows={10} className="input mb-4 font-mono text-sm" required />
        <button type="submit" className="btn">
          Enregistrer la version
        </button>
      </Form>
      <h3>Nouvelle campagne</h3>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="campaign" />
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="c-slug" className="label">
              Identifiant
            </label>
            <input id="c-slug" name="slug" className="input" required />
          </div>
          <div>
            <label htmlFor="c-title" className="label">
              Titre
            </label>
            <input id="c-title" name="title" className="input" required />
          </div>
          <div>
            <label htmlFor="c-wave" className="label">
              Vague
            </label>
            <input id="c-wave" name="wave" className="input" required />
          </div>
          <div>
            <label htmlFor="c-version" className="label">
              Identifiant de la version du questionnaire
            </label>
            <input id="c-version" name="versionId" inputMode="numeric" className="input" required />
          </div>
          <div>
            <label htmlFor="c-opens" className="label">
              Ouverture
            </label>
            <input id="c-opens" name="opensOn" type="date" className="input" required />
          </div>
          <div>
            <label htmlFor="c-closes" className="label">
              Clôture
            </label>
            <input id="c-closes" name="closesOn" type="date" className="input" required />
          </div>
          <div>
            <label htmlFor="c-previous" className="label">
              Vague précédente à comparer
            </label>
            <select id="c-previous" name="previousCampaignId" className="input" defaultValue="">
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
              <input id="c-kind-software" type="radio" name="subjectKind" value="software" defaultChecked className="size-4" />
              <label htmlFor="c-kind-software">Le logiciel de chaque répondant (catalogue)</label>
            </span>
            <span className="flex items-center gap-2">
              <input id="c-kind-service" type="radio" name="subjectKind" value="service" className="size-4" />
              <label htmlFor="c-kind-service">Des services nationaux (liste ci-dessous)</label>
            </span>
            <label htmlFor="c-services" className="label mt-2">
              Services nationaux<span className="hint">Un par ligne, par exemple « Mon espace santé », « Annuaire santé ».</span>
            </label>
            <textarea id="c-services" name="subjectServices" rows={3} className="input" />
          </fieldset>
          <fieldset className="md:col-span-2">
            <legend className="label">
              Professions interrogées<span className="hint">Aucune case cochée : toutes les professions.</span>
            </legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {PROFESSIONS.map((p) => (
                <span key={p.value} className="flex items-center gap-2">
                  <input id={`c-prof-${p.value}`} type="checkbox" name="audienceProfessions" value={p.value} className="size-4" />
                  <label htmlFor={`c-prof-${p.value}`}>{p.label}</label>
                </span>
              ))}
            </div>
          </fieldset>
          <div className="flex items-center gap-2">
            <input id="c-signed" type="checkbox" name="allowSignedIn" className="size-4" />
            <label htmlFor="c-signed">Les professionnels connectés peuvent répondre sans invitation (une fois chacun)</label>
          </div>
        </div>
        <button type="submit" className="btn mt-4">
          Créer la campagne
        </button>
      </Form>
    </div>
  );
}
