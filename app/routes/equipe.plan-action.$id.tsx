import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { SegurWaveField } from "~/components/segur-wave";
import { getFormProps } from "@conform-to/react";
import { ChoiceGroup, SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { StepProgress } from "~/components/action-plan";
import { idParam } from "~/lib/api.server";
import { formatDate } from "~/lib/dates";
import { HttpError, orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  LEAD_KINDS,
  LEAD_LABELS,
  STEP_STATUSES,
  STEP_STATUS_LABELS,
  actionPageSchema,
  parseFuzzyDeadline,
} from "~/modules/action-plan";
import { addNote, getAction, listChallenges, listOwnerChoices, saveAction, setStepStatuses } from "~/modules/action-plan/index.server";
import { listThemes } from "~/modules/irritants/index.server";
import { crumbFrom } from "~/components/breadcrumb";
import { z } from "zod";
import { ObligationLinksForm } from "~/components/regulation-form";
import { obligationLinksSchema } from "~/modules/regulation";
import { obligationChoices, obligationsLinkedTo, setObligationLinks } from "~/modules/regulation/index.server";

/** The action's intents, and the regulatory register's links (one more form on the page). */
const pageSchema = z.discriminatedUnion("intent", [...actionPageSchema.options, obligationLinksSchema]);

export const meta: MetaFunction = () => [{ title: "Action du plan — Sentinelle" }];

const NEW = "nouvelle";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const action = params.id === NEW ? null : orErrorPage(() => getAction(user, idParam(params.id)));
  return {
    action,
    challenges: listChallenges(),
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
    ...listOwnerChoices(),
    obligationChoices: obligationChoices(),
    linkedObligations: action ? obligationsLinkedTo("action", action.id).map((o) => o.slug) : [],
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["save", "note", "steps", "obligations"] as const;
export const ACTION_SCHEMA = pageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const id = params.id === NEW ? null : orErrorPage(() => idParam(params.id));
  return formAction(request, pageSchema, (input) => {
    if (input.intent === "obligations") {
      if (id === null) throw new HttpError(404, "Enregistrez l'action avant d'y lier des obligations.");
      setObligationLinks(user, "action", id, input.obligations);
      return { message: "Obligations liées enregistrées." };
    }
    if (input.intent === "note") {
      if (id === null) throw new HttpError(404, "Enregistrez l'action avant d'y ajouter un point.");
      addNote(user, id, input.body);
      return { message: "Point d'avancement ajouté.", resetForm: true };
    }
    if (input.intent === "steps") {
      if (id === null) throw new HttpError(404, "Enregistrez l'action avant de suivre ses étapes.");
      const changed = setStepStatuses(user, id, input.steps);
      return { message: changed ? "Statut des étapes enregistré." : "Aucune étape n'a changé de statut." };
    }
    const { intent: _, note, ...fields } = input;
    const saved = saveAction(user, id, { ...fields, segurWave: fields.segurWave ?? null }, note);
    if (id === null) return redirect(`/equipe/plan-action/${saved}?cree=1`);
    return { message: "Action enregistrée." };
  }, { defaultIntent: "save" });
}

export const handle = crumbFrom<{ action?: { title: string } | null }>((data) => (data.action === null ? "Nouvelle action" : data.action?.title));

export default function EditAction() {
  const { action: item, challenges, themes, organisations, teamMembers, obligationChoices, linkedObligations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const parsed = item ? parseFuzzyDeadline(item.deadlineLabel) : null;
  const [form, fields] = useActionForm(actionPageSchema, {
    actionData,
    intent: "save",
    defaultValue: {
      challengeId: item ? String(item.challengeId) : "",
      title: item?.title,
      description: item?.description,
      leadKind: item?.leadKind ?? "pouvoirs-publics",
      leadOrganisationIds: item?.organisations.lead.map((o) => String(o.id)) ?? [],
      coLeadOrganisationIds: item?.organisations.coLead.map((o) => String(o.id)) ?? [],
      responsibleId: item?.responsible ? String(item.responsible.id) : "",
      deadlineLabel: item?.deadlineLabel,
      status: item?.status ?? "a-lancer",
      segurWave: item?.segurWave ? String(item.segurWave) : "",
      irritantIds: item?.irritants.map((i) => i.id).join(", "),
      themes: item?.themes.map((t) => t.slug) ?? [],
      steps: item?.steps.map((s) => s.title).join("\n"),
    },
  });
  const [noteForm, noteFields] = useActionForm(actionPageSchema, { actionData, intent: "note" });
  const [stepsForm] = useActionForm(actionPageSchema, { actionData, intent: "steps" });
  const organisationOptions = organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.kind === "institution" ? "institution" : "éditeur"})` }));
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/plan-action">← Plan d'action</Link>
        {item ? (
          <>
            {" "}
            · <Link to={`/plan-action/${item.id}`}>Page publique</Link>
          </>
        ) : null}
      </p>
      <h1>{item ? "Modifier l'action" : "Nouvelle action"}</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <FormErrors form={form} />
      <Form method="post" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <SelectField
          field={fields.challengeId}
          label="Défi"
          options={challenges.map((c) => ({ value: String(c.id), label: `${c.workstreamTitle} — ${c.title}` }))}
          required
        />
        <TextField field={fields.title} label="Titre" multiline rows={2} required />
        <TextField field={fields.description} label="Description (facultatif)" multiline rows={3} />
        <div className="grid gap-x-4 md:grid-cols-2">
          <SelectField field={fields.leadKind} label="Pilote (libellé du plan)" options={LEAD_KINDS.map((k) => ({ value: k, label: LEAD_LABELS[k] }))} />
          <SelectField field={fields.responsibleId} label="Responsable dans l'équipe (facultatif)" placeholder="— Aucun" options={teamMembers.map((m) => ({ value: String(m.id), label: m.name }))} />
          <TextField
            field={fields.deadlineLabel}
            label="Échéance"
            hint={
              <>
                Comme on l'écrit : « T1 2024 », « S2 2024 », « Février - Mars 24 », « En cours »…
                {parsed?.kind === "date" ? ` Comprise comme : au plus tard le ${formatDate(parsed.due + "T12:00:00Z")}.` : ""}
                {parsed?.kind === "unparsed" ? " Non comprise : réécrivez-la." : ""}
              </>
            }
          />
          {item ? (
            <TextField
              field={fields.deadlineReason}
              label="Raison du changement d'échéance"
              hint="Obligatoire si vous modifiez l'échéance ; elle figure dans l'historique de l'action."
            />
          ) : null}
          <SelectField field={fields.status} label="Statut" options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} />
          <SegurWaveField field={fields.segurWave} />
          <TextField field={fields.irritantIds} label="Signalements liés" hint="Numéros séparés par des virgules." />
        </div>
        <ChoiceGroup field={fields.leadOrganisationIds} legend="Organisations pilotes (facultatif)" type="checkbox" options={organisationOptions} />
        <ChoiceGroup field={fields.coLeadOrganisationIds} legend="Organisations copilotes (facultatif)" type="checkbox" options={organisationOptions} />
        <ChoiceGroup field={fields.themes} legend="Thèmes" type="checkbox" options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
        <TextField field={fields.steps} label="Étapes" hint="Une par ligne, dans l'ordre. Une étape gardée garde son statut ; une nouvelle est « à faire »." multiline rows={4} />
        {item ? (
          <TextField
            field={fields.note}
            label="Point d'avancement daté (facultatif)"
            hint="Par exemple la raison d'un changement de statut ou d'échéance."
            multiline
            rows={2}
          />
        ) : null}
        <button type="submit" className="fr-btn">
          {item ? "Enregistrer l'action" : "Créer l'action"}
        </button>
      </Form>
      {item ? (
        <>
          <h2>Étapes</h2>
          {item.steps.length ? (
            <>
              <StepProgress progress={item.progress} label="Avancement de l'action" />
              <FormErrors form={stepsForm} />
              <Form method="post" className="card mb-4" {...getFormProps(stepsForm)}>
                <input type="hidden" name="intent" value="steps" />
                <fieldset>
                  <legend className="label">Statut de chaque étape</legend>
                  <ol className="grid gap-3 pl-6">
                    {item.steps.map((step, index) => {
                      // Named by hand: the page's forms share one schema, whose "steps" is text in the action's form.
                      const name = `steps[${index}].status`;
                      const errors = stepsForm.allErrors[name];
                      return (
                        <li key={step.id}>
                          <input type="hidden" name={`steps[${index}].id`} value={String(step.id)} />
                          <label htmlFor={`${stepsForm.id}-${name}`} className="block">
                            {step.title}
                          </label>
                          <select
                            id={`${stepsForm.id}-${name}`}
                            name={name}
                            defaultValue={step.status}
                            aria-invalid={errors?.length ? true : undefined}
                            className="fr-select max-w-xs"
                          >
                            {STEP_STATUSES.map((st) => (
                              <option key={st} value={st}>
                                {STEP_STATUS_LABELS[st]}
                              </option>
                            ))}
                          </select>
                        </li>
                      );
                    })}
                  </ol>
                </fieldset>
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Enregistrer le statut des étapes
                </button>
              </Form>
            </>
          ) : (
            <p>Aucune étape : ajoutez-en dans le formulaire ci-dessus (une par ligne).</p>
          )}
          <ObligationLinksForm actionData={actionData} choices={obligationChoices} linked={linkedObligations} />
          <h2>Points d'avancement</h2>
          <FormErrors form={noteForm} />
          <Form method="post" className="card mb-4" {...getFormProps(noteForm)}>
            <input type="hidden" name="intent" value="note" />
            <TextField field={noteFields.body} label="Nouveau point" multiline rows={2} />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Ajouter le point
            </button>
          </Form>
          <ul className="grid gap-2">
            {item.notes.map((n) => (
              <li key={n.id}>
                <strong>{formatDate(n.createdAt)}</strong> — {n.body}
              </li>
            ))}
          </ul>
          <h2>Historique des étapes</h2>
          {item.stepHistory.length ? (
            <ul className="list-disc pl-6">
              {item.stepHistory.map((c) => (
                <li key={c.id}>
                  {formatDate(c.changedAt)} : {c.text}
                  {c.actorName ? <> — par {c.actorName}</> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Le statut des étapes n'a pas encore changé.</p>
          )}
          <h2>Historique de l'échéance</h2>
          {item.deadlineHistory.length ? (
            <ul className="list-disc pl-6">
              {item.deadlineHistory.map((c) => (
                <li key={c.id}>
                  {formatDate(c.changedAt)} : {c.text}
                  {c.reason ? <> — raison : {c.reason}</> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>L'échéance n'a pas changé.</p>
          )}
        </>
      ) : null}
    </div>
  );
}
