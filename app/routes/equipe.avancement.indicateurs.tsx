import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ApplyImportForm } from "~/components/import";
import { Notice } from "~/components/notice";
import { parseOrThrow } from "~/lib/api.server";
import { errorSentence, HttpError } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { readCsvUpload } from "~/lib/uploads.server";
import { createIndicator, getIndicatorBySlug, importIndicatorValues, listIndicators } from "~/modules/indicators/indicators.server";
import { checkIndicatorValue, parseIndicatorCsv } from "~/modules/indicators/values-csv";
import { listThemes } from "~/modules/irritants/irritants.server";

export const meta: MetaFunction = () => [{ title: "Indicateurs (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "progress:edit");
  return { indicators: listIndicators().map(({ slug, title, values, dimensions }) => ({ slug, title, count: values.length, dimensions })), themes: listThemes().map(({ slug, label }) => ({ slug, label })) };
}

const indicatorSchema = z.object({
  slug: z.string({ error: "Indiquez l'identifiant." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Identifiant : minuscules sans accent, chiffres et tirets."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200),
  unit: z.string({ error: "Indiquez l'unité." }).trim().min(1, "Indiquez l'unité.").max(60),
  source: z.string({ error: "Indiquez la source." }).trim().min(2, "Indiquez la source.").max(300),
  method: z.preprocess((v) => v ?? "", z.string().trim().max(1000)),
  chart: z.enum(["line", "bar", "stacked"], { error: "Choisissez un type de graphique." }),
  dimensions: z.preprocess((v) => (typeof v === "string" ? v.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean) : []), z.array(z.string().max(80)).max(20)),
  themeSlug: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  demonstration: z.preprocess((v) => v === "on", z.boolean()),
});

const MAX_CSV_CHARS = 200_000;

/** The CSV upload form sends no intent: it previews; "apply" imports what was previewed. */
export const INTENTS = ["create", "value", "preview", "apply"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "progress:edit");
  const form = await readFormData(request);
  const intent = readIntent(form, INTENTS, "preview");
  try {
    if (intent === "create") {
      const input = parseOrThrow(indicatorSchema, Object.fromEntries(form), "Indicateur invalide.");
      createIndicator(user, input);
      return { stage: "done" as const, ok: true, message: `Indicateur « ${input.title} » créé.` };
    }
    const slug = String(form.get("indicator") ?? "");
    const indicator = getIndicatorBySlug(slug);
    if (intent === "value") {
      const [period, dimension, raw] = ["period", "dimension", "value"].map((k) => String(form.get(k) ?? "").trim());
      const { value, problems } = checkIndicatorValue(period, dimension, raw, indicator.dimensions);
      if (problems.length) return data({ stage: "error" as const, ok: false, message: `Valeur refusée : ${problems.join(" ; ")}.`, errors: [] }, { status: 422 });
      importIndicatorValues(user, slug, [{ period, dimension, value: value! }]);
      return { stage: "done" as const, ok: true, message: `Valeur enregistrée dans « ${indicator.title} ».` };
    }
    const text = await readCsvUpload(form, MAX_CSV_CHARS);
    const { values, errors } = parseIndicatorCsv(text, indicator.dimensions);
    if (errors.length) return data({ stage: "error" as const, ok: false, message: "Le fichier contient des erreurs : rien n'a été importé.", errors }, { status: 422 });
    if (intent === "preview") return { stage: "preview" as const, ok: true, message: `${values.length} valeur(s) prête(s) à importer dans « ${indicator.title} ».`, slug, csv: text, values };
    const count = importIndicatorValues(user, slug, values);
    return { stage: "done" as const, ok: true, message: `${count} valeur(s) importée(s) dans « ${indicator.title} ».` };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ stage: "error" as const, ok: false, message: errorSentence(error), errors: [] }, { status: error.status });
  }
}

export default function TeamIndicators() {
  const { indicators, themes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/avancement">← Points d'étape</Link> · <Link to="/avancement/indicateurs">Page publique des indicateurs</Link>
      </p>
      <h1>Indicateurs</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {result && "errors" in result && result.errors.length ? (
        <ul className="alert alert-error list-disc pl-10">
          {result.errors.map((e) => (
            <li key={`${e.line}-${e.message}`}>
              Ligne {e.line} : {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result?.stage === "preview" ? (
        <section aria-labelledby="apercu" className="mb-6">
          <h2 id="apercu">Aperçu</h2>
          <table className="table mb-4">
            <caption className="sr-only">Valeurs à importer</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Période</th>
                <th scope="col">Dimension</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              {result.values.map((v) => (
                <tr key={v.line}>
                  <td>{v.line}</td>
                  <td>{v.period || "—"}</td>
                  <td>{v.dimension || "—"}</td>
                  <td>{v.value.toLocaleString("fr-FR")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ApplyImportForm csv={result.csv} fields={{ indicator: result.slug }} />
        </section>
      ) : null}
      <h2>Importer des valeurs (CSV)</h2>
      <p className="text-sm">Colonnes : periode (AAAA-MM, AAAA ou vide), dimension, valeur (virgule décimale acceptée). Une valeur existante pour la même période et la même dimension est remplacée.</p>
      <Form method="post" encType="multipart/form-data" className="card mb-6">
        <label htmlFor="indicator" className="label">
          Indicateur
        </label>
        <select id="indicator" name="indicator" className="input mb-4">
          {indicators.map((i) => (
            <option key={i.slug} value={i.slug}>
              {i.title} ({i.count} valeurs)
            </option>
          ))}
        </select>
        <label htmlFor="fichier" className="label">
          Fichier CSV
        </label>
        <input id="fichier" name="fichier" type="file" accept=".csv,text/csv" className="mb-4 block" />
        <button type="submit" className="btn">
          Voir l'aperçu
        </button>
      </Form>
      <h2>Saisir une valeur</h2>
      <Form method="post" className="card mb-6 grid gap-4 md:grid-cols-2">
        <input type="hidden" name="intent" value="value" />
        <div>
          <label htmlFor="v-indicator" className="label">
            Indicateur
          </label>
          <select id="v-indicator" name="indicator" className="input">
            {indicators.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="v-period" className="label">
            Période<span className="hint">AAAA-MM, AAAA, ou vide pour un classement.</span>
          </label>
          <input id="v-period" name="period" className="input" />
        </div>
        <div>
          <label htmlFor="v-dimension" className="label">
            Dimension (facultatif)
          </label>
          <input id="v-dimension" name="dimension" className="input" />
        </div>
        <div>
          <label htmlFor="v-value" className="label">
            Valeur
          </label>
          <input id="v-value" name="value" inputMode="decimal" className="input" />
        </div>
        <button type="submit" className="btn btn-secondary">
          Enregistrer la valeur
        </button>
      </Form>
      <h2>Nouvel indicateur</h2>
      <Form method="post" className="card grid gap-4 md:grid-cols-2">
        <input type="hidden" name="intent" value="create" />
        {[
          ["slug", "Identifiant"],
          ["title", "Titre"],
          ["unit", "Unité"],
          ["source", "Source"],
        ].map(([name, label]) => (
          <div key={name}>
            <label htmlFor={`n-${name}`} className="label">
              {label}
            </label>
            <input id={`n-${name}`} name={name} className="input" />
          </div>
        ))}
        <div>
          <label htmlFor="n-chart" className="label">
            Graphique
          </label>
          <select id="n-chart" name="chart" className="input">
            <option value="line">Courbe</option>
            <option value="bar">Barres</option>
            <option value="stacked">Barres empilées</option>
          </select>
        </div>
        <div>
          <label htmlFor="n-theme" className="label">
            Thème (facultatif)
          </label>
          <select id="n-theme" name="themeSlug" className="input" defaultValue="">
            <option value="">Aucun</option>
            {themes.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="n-dimensions" className="label">
            Dimensions (facultatif)<span className="hint">Séparées par des virgules, par exemple les couloirs.</span>
          </label>
          <input id="n-dimensions" name="dimensions" className="input" />
        </div>
        <div>
          <label htmlFor="n-method" className="label">
            Méthode
          </label>
          <input id="n-method" name="method" className="input" />
        </div>
        <div className="flex items-center gap-2">
          <input id="n-demo" type="checkbox" name="demonstration" className="size-4" />
          <label htmlFor="n-demo">Série de démonstration</label>
        </div>
        <button type="submit" className="btn">
          Créer l'indicateur
        </button>
      </Form>
    </div>
  );
}
