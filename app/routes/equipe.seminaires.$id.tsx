import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FieldError, fieldProps, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { idParam } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import {
  DEFAULT_DOTS,
  SLOT_KINDS,
  SLOT_KIND_LABELS,
  WORKSHOP_STATUS_LABELS,
  formatCode,
  seminarPageSchema,
} from "~/modules/seminars";
import { addSlot, addWorkshop, getSeminarForTeam, moveSlot, removeSlot, renewWorkshopCode, updateSeminar, updateWorkshop } from "~/modules/seminars/index.server";
import { crumbFrom } from "~/components/breadcrumb";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.seminar.title ?? "Séminaire"} (équipe) — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  return { seminar: orErrorPage(() => getSeminarForTeam(user, idParam(params.id))) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["seminar", "workshop-add", "workshop-edit", "workshop-code", "slot-add", "slot-remove", "slot-up", "slot-down"] as const;
export const ACTION_SCHEMA = seminarPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(request, seminarPageSchema, (input) => {
    switch (input.intent) {
      case "seminar": {
        const { intent: _, ...seminar } = input;
        updateSeminar(user, id, seminar);
        return { message: "Séminaire enregistré." };
      }
      case "workshop-add": {
        const { intent: _, ...workshop } = input;
        const w = addWorkshop(user, id, workshop);
        return { message: `Atelier ${w.number} ajouté, code ${formatCode(w.code)}.`, resetForm: true };
      }
      case "workshop-edit": {
        const { intent: _, workshopId, ...workshop } = input;
        updateWorkshop(user, id, workshopId, workshop);
        return { message: "Atelier enregistré." };
      }
      case "workshop-code": {
        const code = renewWorkshopCode(user, id, input.workshopId);
        return { message: `Nouveau code : ${formatCode(code)}. L'ancien ne fonctionne plus.` };
      }
      case "slot-add": {
        const { intent: _, ...slot } = input;
        addSlot(user, id, slot);
        return { message: "Séquence ajoutée au déroulé.", resetForm: true };
      }
      case "slot-remove":
        removeSlot(user, id, input.slotId);
        return { message: "Séquence retirée du déroulé." };
      case "slot-up":
      case "slot-down":
        moveSlot(user, id, input.slotId, input.intent === "slot-up" ? "up" : "down");
        return { message: "Déroulé réordonné." };
    }
  });
}

type Workshop = ReturnType<typeof useLoaderData<typeof loader>>["seminar"]["workshops"][number];
type WorkshopFieldSet = ReturnType<typeof useActionForm<typeof seminarPageSchema>>[1];

function WorkshopFields({ fields }: { fields: WorkshopFieldSet }) {
  return (
    <>
      <div>
        <label htmlFor={fields.title.id} className="label">
          Titre
        </label>
        <input {...fieldProps(fields.title)} className="fr-input" required />
        <FieldError field={fields.title} />
      </div>
      <div>
        <label htmlFor={fields.facilitatorEmail.id} className="label">
          Animateur : adresse e-mail de son compte<span className="hint">Il gère le tableau de cet atelier ; vide : l'équipe seule.</span>
        </label>
        <input {...fieldProps(fields.facilitatorEmail)} type="email" className="fr-input" />
        <FieldError field={fields.facilitatorEmail} />
      </div>
      <div className="md:col-span-2">
        <label htmlFor={fields.question.id} className="label">
          Question de l'atelier
        </label>
        <textarea {...fieldProps(fields.question)} rows={2} className="fr-input" required />
        <FieldError field={fields.question} />
      </div>
      <div>
        <label htmlFor={fields.facilitatorLabel.id} className="label">
          Animateur : libellé affiché<span className="hint">Un rôle, par exemple « Animateur de l'atelier 1 ».</span>
        </label>
        <input {...fieldProps(fields.facilitatorLabel)} className="fr-input" />
        <FieldError field={fields.facilitatorLabel} />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <div>
          <label htmlFor={fields.capacity.id} className="label">
            Places<span className="hint">Vide : sans limite.</span>
          </label>
          <input {...fieldProps(fields.capacity)} inputMode="numeric" className="fr-input" />
          <FieldError field={fields.capacity} />
        </div>
        <div>
          <label htmlFor={fields.dotsPerParticipant.id} className="label">
            Points de vote<span className="hint">Par participant.</span>
          </label>
          <input {...fieldProps(fields.dotsPerParticipant)} inputMode="numeric" className="fr-input" required />
          <FieldError field={fields.dotsPerParticipant} />
        </div>
      </div>
    </>
  );
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** One workshop's edit form: every workshop has one, so only the posted workshop's form takes the result. */
function WorkshopEditForm({ w, actionData }: { w: Workshop; actionData: ActionData }) {
  const posted = actionData?.intent === "workshop-edit" && actionData.result?.initialValue?.workshopId === String(w.id);
  const [form, fields] = useActionForm(seminarPageSchema, {
    actionData: posted ? actionData : undefined,
    intent: "workshop-edit",
    id: `workshop-edit-${w.id}`,
    defaultValue: {
      title: w.title,
      facilitatorEmail: w.facilitatorEmail ?? "",
      question: w.question,
      facilitatorLabel: w.facilitatorLabel,
      capacity: w.capacity === null ? "" : String(w.capacity),
      dotsPerParticipant: String(w.dotsPerParticipant),
    },
  });
  return (
    <Form method="post" className="mt-2 grid gap-4 md:grid-cols-2" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="workshop-edit" />
      <input type="hidden" name="workshopId" value={w.id} />
      <WorkshopFields fields={fields} />
      <div>
        <button type="submit" className="fr-btn">
          Enregistrer l'atelier {w.number}
        </button>
      </div>
    </Form>
  );
}

export const handle = crumbFrom<{ seminar?: { title: string } }>((data) => data.seminar?.title);

export default function TeamSeminar() {
  const { seminar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [workshopForm, workshopFields] = useActionForm(seminarPageSchema, {
    actionData,
    intent: "workshop-add",
    defaultValue: { dotsPerParticipant: String(DEFAULT_DOTS) },
  });
  const [slotForm, slotFields] = useActionForm(seminarPageSchema, { actionData, intent: "slot-add" });
  const [seminarForm, seminarFields] = useActionForm(seminarPageSchema, {
    actionData,
    intent: "seminar",
    defaultValue: {
      title: seminar.title,
      date: seminar.date,
      place: seminar.place,
      description: seminar.description,
      objectives: seminar.objectives.join("\n"),
    },
  });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/seminaires">← Séminaires</Link> · <Link to={`/seminaires/${seminar.slug}`}>Page publique</Link> ·{" "}
        <Link to={`/equipe/seminaires/${seminar.id}/inscriptions`}>Inscriptions et équilibre</Link> · <Link to={`/equipe/seminaires/${seminar.id}/bilan`}>Bilan et restitution</Link>
      </p>
      <h1>{seminar.title}</h1>
      <p>{seminarDate(seminar.date)}</p>
      {params.get("cree") && !actionData ? <Notice ok message="Séminaire créé : ajoutez ses ateliers et son déroulé." /> : null}
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}

      <h2>Ateliers</h2>
      {seminar.workshops.length === 0 ? <p>Aucun atelier pour l'instant.</p> : null}
      <ul className="grid gap-3">
        {seminar.workshops.map((w) => (
          <li key={w.id} className="card">
            <p className="mb-1 font-bold">
              Atelier {w.number} — {w.title}
            </p>
            <p className="mb-1">{w.question}</p>
            <p className="mb-2 text-sm text-gris-600">
              Code <strong>{formatCode(w.code)}</strong> · {WORKSHOP_STATUS_LABELS[w.status]} · {w.facilitatorLabel}
              {w.facilitatorName ? ` (${w.facilitatorName})` : ""} · {w.registered} {plural(w.registered, "inscrit", "inscrits")}
              {w.capacity !== null ? ` sur ${w.capacity} places` : ""} · {w.cardCount} {plural(w.cardCount, "carte", "cartes")}
            </p>
            <div className="flex flex-wrap gap-2">
              <Link to={`/ateliers/${w.id}/animation`} className="fr-btn">
                Tableau d'animation<span className="sr-only"> de l'atelier {w.number}</span>
              </Link>
              <Form method="post">
                <input type="hidden" name="intent" value="workshop-code" />
                <input type="hidden" name="workshopId" value={w.id} />
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Renouveler le code<span className="sr-only"> de l'atelier {w.number}</span>
                </button>
              </Form>
            </div>
            <details className="mt-2">
              <summary>Modifier l'atelier {w.number}</summary>
              <WorkshopEditForm w={w} actionData={actionData} />
            </details>
          </li>
        ))}
      </ul>
      <h3>Ajouter un atelier</h3>
      <FormErrors form={workshopForm} />
      <Form method="post" className="card grid gap-4 md:grid-cols-2" {...getFormProps(workshopForm)}>
        <input type="hidden" name="intent" value="workshop-add" />
        <WorkshopFields fields={workshopFields} />
        <div>
          <button type="submit" className="fr-btn">
            Ajouter l'atelier
          </button>
        </div>
      </Form>

      <h2>Déroulé</h2>
      {seminar.slots.length === 0 ? <p>Le déroulé est vide.</p> : null}
      <ol className="grid gap-2">
        {seminar.slots.map((s, i) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2">
            <span className="grow">
              <span className="text-sm text-gris-600">
                {s.period ? `${s.period} · ` : ""}
                {SLOT_KIND_LABELS[s.kind]} —{" "}
              </span>
              {s.title}
            </span>
            {(["slot-up", "slot-down", "slot-remove"] as const).map((intent) =>
              (intent === "slot-up" && i === 0) || (intent === "slot-down" && i === seminar.slots.length - 1) ? null : (
                <Form method="post" key={intent}>
                  <input type="hidden" name="intent" value={intent} />
                  <input type="hidden" name="slotId" value={s.id} />
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    {intent === "slot-up" ? "Monter" : intent === "slot-down" ? "Descendre" : "Retirer"}
                    <span className="sr-only"> « {s.title} »</span>
                  </button>
                </Form>
              ),
            )}
          </li>
        ))}
      </ol>
      <h3>Ajouter une séquence</h3>
      <FormErrors form={slotForm} />
      <Form method="post" className="card grid gap-4 md:grid-cols-2" {...getFormProps(slotForm)}>
        <input type="hidden" name="intent" value="slot-add" />
        <div>
          <label htmlFor={slotFields.period.id} className="label">
            Moment<span className="hint">« Matinée », « 9 h 30 – 10 h 30 »…</span>
          </label>
          <input {...fieldProps(slotFields.period)} className="fr-input" />
          <FieldError field={slotFields.period} />
        </div>
        <div>
          <label htmlFor={slotFields.kind.id} className="label">
            Type
          </label>
          <select {...fieldProps(slotFields.kind)} className="fr-select">
            {SLOT_KINDS.map((k) => (
              <option key={k} value={k}>
                {SLOT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError field={slotFields.kind} />
        </div>
        <div>
          <label htmlFor={slotFields.title.id} className="label">
            Intitulé
          </label>
          <input {...fieldProps(slotFields.title)} className="fr-input" required />
          <FieldError field={slotFields.title} />
        </div>
        <div>
          <label htmlFor={slotFields.workshopId.id} className="label">
            Atelier (pour une séquence d'atelier)
          </label>
          <select {...fieldProps(slotFields.workshopId, "")} className="fr-select">
            <option value="">—</option>
            {seminar.workshops.map((w) => (
              <option key={w.id} value={w.id}>
                Atelier {w.number} — {w.title}
              </option>
            ))}
          </select>
          <FieldError field={slotFields.workshopId} />
        </div>
        <div>
          <button type="submit" className="fr-btn">
            Ajouter au déroulé
          </button>
        </div>
      </Form>

      <h2>Le séminaire</h2>
      <FormErrors form={seminarForm} />
      <Form method="post" className="card grid gap-4 md:grid-cols-2" {...getFormProps(seminarForm)}>
        <input type="hidden" name="intent" value="seminar" />
        <div className="md:col-span-2">
          <label htmlFor={seminarFields.title.id} className="label">
            Titre
          </label>
          <input {...fieldProps(seminarFields.title)} className="fr-input" required />
          <FieldError field={seminarFields.title} />
        </div>
        <div>
          <label htmlFor={seminarFields.date.id} className="label">
            Date
          </label>
          <input {...fieldProps(seminarFields.date)} type="date" className="fr-input" required />
          <FieldError field={seminarFields.date} />
        </div>
        <div>
          <label htmlFor={seminarFields.place.id} className="label">
            Lieu
          </label>
          <input {...fieldProps(seminarFields.place)} className="fr-input" />
          <FieldError field={seminarFields.place} />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={seminarFields.description.id} className="label">
            Présentation
          </label>
          <textarea {...fieldProps(seminarFields.description)} rows={3} className="fr-input" />
          <FieldError field={seminarFields.description} />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={seminarFields.objectives.id} className="label">
            Objectifs<span className="hint">Un par ligne.</span>
          </label>
          <textarea {...fieldProps(seminarFields.objectives)} rows={3} className="fr-input" />
          <FieldError field={seminarFields.objectives} />
        </div>
        <div className="flex items-center gap-2">
          <input id={seminarFields.published.id} name={seminarFields.published.name} type="checkbox" className="size-4" defaultChecked={seminar.published} />
          <label htmlFor={seminarFields.published.id}>Publier la page du séminaire</label>
        </div>
        <div className="flex items-center gap-2">
          <input
            id={seminarFields.registrationOpen.id}
            name={seminarFields.registrationOpen.name}
            type="checkbox"
            className="size-4"
            defaultChecked={seminar.registrationOpen}
          />
          <label htmlFor={seminarFields.registrationOpen.id}>Ouvrir les inscriptions</label>
        </div>
        <div>
          <button type="submit" className="fr-btn">
            Enregistrer le séminaire
          </button>
        </div>
      </Form>
    </div>
  );
}
