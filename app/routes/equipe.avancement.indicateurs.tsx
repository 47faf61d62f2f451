import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { FieldError, fieldProps, FormErrors, TextField, useActionForm } from "~/components/forms";
import { formatPeriod } from "~/lib/dates";
import { ApplyImportForm, CsvFileField, ImportPreviewTable, LineErrorList } from "~/components/import";
import { Notice } from "~/components/notice";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { readCsvUpload } from "~/lib/uploads.server";
import { createIndicator, getIndicatorBySlug, importIndicatorValues, listIndicators } from "~/modules/indicators/index.server";
import {
  type ValuesParseResult,
  checkIndicatorValue,
  indicatorsPageSchema,
  parseIndicatorCsv,
} from "~/modules/indicators";
import { listThemes } from "~/modules/irritants/index.server";
import { counted } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Indicateurs (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { indicators: listIndicators().map(({ slug, title, values, dimensions }) => ({ slug, title, count: values.length, dimensions })), themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

const MAX_CSV_CHARS = 200_000;

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["create", "value", "preview", "apply"] as const;
export const ACTION_SCHEMA = indicatorsPageSchema;

/** A preview sends the text back with the values it read, for "apply". */
type IndicatorsOutcome = { message: string; slug?: string; csv?: string; values?: ValuesParseResult["values"] };

/** A refused file comes back with its errors, line by line. */
type LineErrors = { errors?: ValuesParseResult["errors"] };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  return formAction(
    request,
    indicatorsPageSchema,
    async (input, form): Promise<IndicatorsOutcome> => {
      if (input.intent === "create") {
        const { intent: _, ...indicator } = input;
        createIndicator(user, indicator);
        return { message: `Indicateur « ${input.title} » créé.` };
      }
      const slug = input.indicator;
      const indicator = getIndicatorBySlug(slug);
      if (input.intent === "value") {
        const { period, dimension } = input;
        const { value, problems } = checkIndicatorValue(period, dimension, input.value, indicator.dimensions);
        if (problems.length) throw new HttpError(422, `Valeur refusée : ${problems.join(" ; ")}.`);
        importIndicatorValues(user, slug, [{ period, dimension, value: value! }]);
        return { message: `Valeur enregistrée dans « ${indicator.title} ».` };
      }
      const text = await readCsvUpload(form, MAX_CSV_CHARS);
      const { values, errors } = parseIndicatorCsv(text, indicator.dimensions);
      if (errors.length) throw new HttpError(422, "Le fichier contient des erreurs : rien n'a été importé.", undefined, undefined, undefined, { errors });
      if (input.intent === "preview") return { message: `${counted(values.length, "valeur prête", "valeurs prêtes")} à importer dans « ${indicator.title} ».`, slug, csv: text, values };
      const count = importIndicatorValues(user, slug, values);
      return { message: `${counted(count, "valeur importée", "valeurs importées")} dans « ${indicator.title} ».` };
    },
    { defaultIntent: "preview" },
  );
}

export default function TeamIndicators() {
  const { indicators, themes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lineErrors = (result as LineErrors | undefined)?.errors ?? [];
  const [uploadForm, upload] = useActionForm(indicatorsPageSchema, { actionData: result, intent: "preview" });
  const [valueForm, value] = useActionForm(indicatorsPageSchema, { actionData: result, intent: "value" });
  const [createForm, create] = useActionForm(indicatorsPageSchema, { actionData: result, intent: "create", defaultValue: { chart: "line", themeSlug: "" } });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link> · <Link to="/avancement/indicateurs">Page publique des indicateurs</Link>
      </p>
      <h1>Indicateurs</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {lineErrors.length ? (
        <div className="fr-alert fr-alert--error fr-alert--sm mb-6">
          <LineErrorList errors={lineErrors} />
        </div>
      ) : null}
      {result?.ok && result.values && result.csv && result.slug ? (
        <section aria-labelledby="apercu" className="mb-6">
          <h2 id="apercu">Aperçu</h2>
          <ImportPreviewTable
            label="Valeurs à importer"
            caption="Valeurs à importer"
            rows={result.values}
            columns={[
              { header: "Période", cell: (v) => (v.period ? formatPeriod(v.period) : "—") },
              { header: "Dimension", cell: (v) => v.dimension || "—" },
              { header: "Valeur", cell: (v) => v.value.toLocaleString("fr-FR") },
            ]}
          />
          <ApplyImportForm csv={result.csv} fields={{ indicator: result.slug }} />
        </section>
      ) : null}
      <h2>Importer des valeurs (CSV)</h2>
      <p className="text-sm">Colonnes : periode (AAAA-MM, AAAA ou vide), dimension, valeur (virgule décimale acceptée). Une valeur existante pour la même période et la même dimension est remplacée.</p>
      <FormErrors form={uploadForm} />
      <Form method="post" encType="multipart/form-data" className="card mb-6" {...getFormProps(uploadForm)}>
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor={upload.indicator.id} className="label">
          Indicateur
        </label>
        <select {...fieldProps(upload.indicator)} className="fr-select mb-4">
          {indicators.map((i) => (
            <option key={i.slug} value={i.slug}>
              {i.title} ({i.count} valeurs)
            </option>
          ))}
        </select>
        <CsvFileField field={upload.fichier} />
        <button type="submit" className="fr-btn">
          Voir l'aperçu
        </button>
      </Form>
      <h2>Saisir une valeur</h2>
      <FormErrors form={valueForm} />
      <Form method="post" className="card mb-6 grid gap-4 md:grid-cols-2" {...getFormProps(valueForm)}>
        <input type="hidden" name="intent" value="value" />
        <div>
          <label htmlFor={value.indicator.id} className="label">
            Indicateur
          </label>
          <select {...fieldProps(value.indicator)} className="fr-select">
            {indicators.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={value.period.id} className="label">
            Période<span className="hint">AAAA-MM, AAAA, ou vide pour un classement.</span>
          </label>
          <input {...fieldProps(value.period)} className="fr-input" />
        </div>
        <div>
          <label htmlFor={value.dimension.id} className="label">
            Dimension (facultatif)
          </label>
          <input {...fieldProps(value.dimension)} className="fr-input" />
        </div>
        <div>
          <label htmlFor={value.value.id} className="label">
            Valeur
          </label>
          <input {...fieldProps(value.value)} inputMode="decimal" className="fr-input" />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer la valeur
        </button>
      </Form>
      <h2>Nouvel indicateur</h2>
      <FormErrors form={createForm} />
      <Form method="post" className="card grid gap-4 md:grid-cols-2" {...getFormProps(createForm)}>
        <input type="hidden" name="intent" value="create" />
        <TextField field={create.slug} label="Identifiant" />
        <TextField field={create.title} label="Titre" />
        <TextField field={create.unit} label="Unité" />
        <TextField field={create.source} label="Source" />
        <div>
          <label htmlFor={create.sourceDate.id} className="label">
            Date de la source (facultatif)<span className="hint">Format AAAA-MM-JJ.</span>
          </label>
          <input {...fieldProps(create.sourceDate)} type="date" className="fr-input" />
          <FieldError field={create.sourceDate} />
        </div>
        <div>
          <label htmlFor={create.chart.id} className="label">
            Graphique
          </label>
          <select {...fieldProps(create.chart)} className="fr-select">
            <option value="line">Courbe</option>
            <option value="bar">Barres</option>
            <option value="stacked">Barres empilées</option>
            <option value="figure">Chiffres clés</option>
          </select>
          <FieldError field={create.chart} />
        </div>
        <div>
          <label htmlFor={create.themeSlug.id} className="label">
            Thème (facultatif)
          </label>
          <select {...fieldProps(create.themeSlug)} className="fr-select">
            <option value="">Aucun</option>
            {themes.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={create.dimensions.id} className="label">
            Dimensions (facultatif)<span className="hint">Séparées par des virgules, par exemple les couloirs.</span>
          </label>
          <input {...fieldProps(create.dimensions)} className="fr-input" />
          <FieldError field={create.dimensions} />
        </div>
        <div>
          <label htmlFor={create.method.id} className="label">
            Méthode
          </label>
          <input {...fieldProps(create.method)} className="fr-input" />
          <FieldError field={create.method} />
        </div>
        <div>
          <label htmlFor={create.notes.id} className="label">
            Notes (facultatif)<span className="hint">Ce que la source ne précise pas : « plus de… », mois non donnés…</span>
          </label>
          <textarea {...fieldProps(create.notes)} rows={2} className="fr-input" />
          <FieldError field={create.notes} />
        </div>
        <div className="flex items-center gap-2">
          <input id={create.demonstration.id} type="checkbox" name={create.demonstration.name} className="size-4" />
          <label htmlFor={create.demonstration.id}>Série de démonstration</label>
        </div>
        <button type="submit" className="fr-btn">
          Créer l'indicateur
        </button>
      </Form>
    </div>
  );
}
