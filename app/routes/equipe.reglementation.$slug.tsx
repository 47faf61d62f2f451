import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { formatDay } from "~/lib/dates";
import { HttpError, orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listIndicators } from "~/modules/indicators/index.server";
import {
  AUDIENCES,
  AUDIENCE_LABELS,
  OBLIGATION_KINDS,
  OBLIGATION_KIND_LABELS,
  OBLIGATION_STATUSES,
  OBLIGATION_STATUS_LABELS,
  obligationPageSchema,
  readEffectiveDate,
} from "~/modules/regulation";
import { getObligationForEditing, linkedIdsOf, saveObligation, setDocumentRows, setLinkedIndicators } from "~/modules/regulation/index.server";

export const meta: MetaFunction = () => [{ title: "Obligation du référentiel — Sentinelle" }];

const NEW = "nouvelle";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "regulation:edit");
  const slug = params.slug ?? "";
  const entry = slug === NEW ? null : orErrorPage(() => getObligationForEditing(user, slug));
  const url = new URL(request.url);
  return {
    saved: url.searchParams.has("cree") ? "Obligation ajoutée au référentiel." : url.searchParams.has("enregistre") ? "Obligation enregistrée." : null,
    entry,
    indicators: entry ? listIndicators().map(({ id, title }) => ({ id, title })) : [],
    linkedIndicators: entry ? linkedIdsOf(entry.slug, "indicator") : [],
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["save", "documents", "indicators"] as const;
export const ACTION_SCHEMA = obligationPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "regulation:edit");
  const slug = params.slug === NEW ? null : (params.slug ?? "");
  return formAction(
    request,
    obligationPageSchema,
    (input) => {
      if (input.intent === "documents") {
        if (slug === null) throw new HttpError(404, "Enregistrez l'obligation avant d'y ajouter un tableau.");
        setDocumentRows(user, slug, input.documents);
        return { message: "Tableau des documents enregistré." };
      }
      if (input.intent === "indicators") {
        if (slug === null) throw new HttpError(404, "Enregistrez l'obligation avant d'y lier des indicateurs.");
        setLinkedIndicators(user, slug, input.indicators);
        return { message: "Indicateurs liés enregistrés." };
      }
      const { intent: _, ...fields } = input;
      const saved = saveObligation(user, slug, fields);
      if (saved !== slug) return redirect(`/equipe/reglementation/${saved}?${slug === null ? "cree" : "enregistre"}=1`);
      return { message: "Obligation enregistrée." };
    },
    { defaultIntent: "save" },
  );
}

type DocumentRow = { documentType: string; dmp: boolean; mssProfessionals: boolean; mssPatient: boolean; effectiveLabel: string };
const documentLine = (r: DocumentRow) => [r.documentType, r.dmp ? "X" : "", r.mssProfessionals ? "X" : "", r.mssPatient ? "X" : "", r.effectiveLabel].join(" ; ");

export default function EditObligation() {
  const { entry, indicators, linkedIndicators, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const effective = entry ? readEffectiveDate(entry.effectiveLabel) : null;
  const [form, fields] = useActionForm(obligationPageSchema, {
    actionData,
    intent: "save",
    defaultValue: {
      slug: entry?.slug,
      title: entry?.title,
      summary: entry?.summary,
      kind: entry?.kind ?? "loi",
      status: entry?.status ?? "en-vigueur",
      sourceReference: entry?.sourceReference,
      sourceUrl: entry?.sourceUrl ?? "",
      effectiveLabel: entry?.effectiveLabel,
      audiences: entry?.audiences ?? [],
      note: entry?.note,
    },
  });
  const [documentsForm, documentFields] = useActionForm(obligationPageSchema, {
    actionData,
    intent: "documents",
    defaultValue: { documents: (entry?.documents ?? []).map(documentLine).join("\n") },
  });
  const [indicatorsForm, indicatorFields] = useActionForm(obligationPageSchema, {
    actionData,
    intent: "indicators",
    defaultValue: { indicators: linkedIndicators.map(String) },
  });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/reglementation">← Référentiel réglementaire</Link>
        {entry ? (
          <>
            {" "}
            · <Link to={`/reglementation/${entry.slug}`}>Page publique</Link>
          </>
        ) : null}
      </p>
      <h1>{entry ? "Modifier l'obligation" : "Nouvelle obligation"}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : saved ? <Notice ok message={saved} /> : null}
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <TextField field={fields.title} label="Titre" multiline rows={2} required />
        <TextField field={fields.slug} label="Identifiant de l'adresse" hint="Minuscules sans accent, chiffres et tirets : /reglementation/csp-l1111-15." required />
        <TextField field={fields.summary} label="Texte (résumé ou citation)" hint="Avec les mots de la source ; une ligne par point." multiline rows={8} required />
        <div className="grid gap-x-4 md:grid-cols-2">
          <SelectField field={fields.kind} label="Nature" options={OBLIGATION_KINDS.map((k) => ({ value: k, label: OBLIGATION_KIND_LABELS[k] }))} />
          <SelectField field={fields.status} label="Statut" options={OBLIGATION_STATUSES.map((s) => ({ value: s, label: OBLIGATION_STATUS_LABELS[s] }))} />
          <TextField field={fields.sourceReference} label="Source (référence du texte)" required />
          <TextField field={fields.sourceUrl} label="Adresse de la source (facultatif)" hint="https://…" />
          <TextField
            field={fields.effectiveLabel}
            label="Date d'entrée en vigueur"
            hint={
              <>
                Comme la source l'écrit : « 31 décembre 2025 », « T1 2024 », « En cours »…
                {effective?.effectiveDue ? ` Comprise comme : au plus tard le ${formatDay(effective.effectiveDue)}.` : " Sans date sûre, elle est listée à part dans le calendrier."}
              </>
            }
          />
        </div>
        <ChoiceGroup field={fields.audiences} legend="Qui est concerné" type="checkbox" options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))} />
        <TextField field={fields.note} label="Note sur la source (facultatif)" hint="Ce qui est ambigu dans la source et a été gardé tel quel." multiline rows={3} />
        <button type="submit" className="fr-btn">
          {entry ? "Enregistrer l'obligation" : "Ajouter l'obligation"}
        </button>
      </Form>
      {entry ? (
        <section aria-labelledby="tableau-documents">
          <h2 id="tableau-documents">Tableau des documents par canal et par date</h2>
          <FormErrors form={documentsForm} />
          <Form method="post" className="card" {...getFormProps(documentsForm)}>
            <input type="hidden" name="intent" value="documents" />
            <TextField
              field={documentFields.documents}
              label="Une ligne par type de document"
              hint="Cinq champs séparés par « ; » : document ; DMP ; MSSanté aux autres professionnels ; MSSanté au patient ; date d'entrée en vigueur telle qu'écrite. Un canal vaut « X » ou reste vide. Laisser vide retire le tableau."
              multiline
              rows={8}
            />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Enregistrer le tableau
            </button>
          </Form>
        </section>
      ) : null}
      {entry ? (
        <section aria-labelledby="indicateurs-lies">
          <h2 id="indicateurs-lies">Indicateurs liés</h2>
          <FormErrors form={indicatorsForm} />
          <Form method="post" className="card" {...getFormProps(indicatorsForm)}>
            <input type="hidden" name="intent" value="indicators" />
            <ChoiceGroup
              field={indicatorFields.indicators}
              legend="Indicateurs que cette obligation concerne"
              type="checkbox"
              options={indicators.map((i) => ({ value: String(i.id), label: i.title }))}
            />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Enregistrer les indicateurs liés
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
