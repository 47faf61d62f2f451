import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { formatDate } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { parseFuzzyDeadline } from "~/modules/action-plan/deadlines";
import { addNote, getAction, listChallenges, saveAction } from "~/modules/action-plan/plan.server";
import { actionFormSchema, noteSchema } from "~/modules/action-plan/schemas";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, LEAD_KINDS, LEAD_LABELS } from "~/modules/action-plan/vocabulary";
import { listThemes } from "~/modules/irritants/irritants.server";
import { listVendors } from "~/modules/vendors/products.server";

export const meta: MetaFunction = () => [{ title: "Action du plan — Sentinelle" }];

const NEW = "nouvelle";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const action = params.id === NEW ? null : orErrorPage(() => getAction(user, idParam(params.id)));
  return {
    action,
    challenges: listChallenges(),
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
    organisations: listVendors().map(({ id, name }) => ({ id, name })),
  };
}

/** The edit form sends no intent: it saves. */
export const INTENTS = ["save", "note"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const id = params.id === NEW ? null : orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  try {
    if (readIntent(form, INTENTS, "save") === "note" && id !== null) {
      const { body } = parseOrThrow(noteSchema, Object.fromEntries(form), "Note invalide.");
      addNote(user, id, body);
      return { ok: true, message: "Point d'avancement ajouté." };
    }
    const { note, ...input } = parseOrThrow(
      actionFormSchema,
      { ...Object.fromEntries(form), themes: form.getAll("themes") },
      "Action invalide.",
    );
    const saved = saveAction(user, id, { ...input, segurWave: input.segurWave ?? null }, note);
    if (id === null) return redirect(`/equipe/plan-action/${saved}?cree=1`);
    return { ok: true, message: "Action enregistrée." };
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function EditAction() {
  const { action: item, challenges, themes, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const parsed = item ? parseFuzzyDeadline(item.deadlineLabel) : null;
  const linkedThemes = new Set(item?.themes.map((t) => t.slug));
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
      <Form method="post" className="card">
        <div className="mb-4">
          <label htmlFor="challengeId" className="label">
            Défi
          </label>
          <select id="challengeId" name="challengeId" className="input" defaultValue={item?.challengeId ?? ""}>
            <option value="">Choisir…</option>
            {challenges.map((c) => (
              <option key={c.id} value={c.id}>
                {c.workstreamTitle} — {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="mb-4">
          <label htmlFor="title" className="label">
            Titre
          </label>
          <textarea id="title" name="title" rows={2} className="input" defaultValue={item?.title} required />
        </div>
        <div className="mb-4">
          <label htmlFor="description" className="label">
            Description (facultatif)
          </label>
          <textarea id="description" name="description" rows={3} className="input" defaultValue={item?.description} />
        </div>
        <div className="mb-4 grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="leadKind" className="label">
              Pilote
            </label>
            <select id="leadKind" name="leadKind" className="input" defaultValue={item?.leadKind ?? "pouvoirs-publics"}>
              {LEAD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k === "organisation" ? "Une organisation (ci-dessous)" : LEAD_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="leadOrganisationId" className="label">
              Organisation pilote
            </label>
            <select id="leadOrganisationId" name="leadOrganisationId" className="input" defaultValue={item?.leadOrganisationId ?? ""}>
              <option value="">—</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="deadlineLabel" className="label">
              Échéance
              <span className="hint">
                Comme on l'écrit : « T1 2024 », « S2 2024 », « Février - Mars 24 », « En cours »…
                {parsed?.kind === "date" ? ` Comprise comme : au plus tard le ${formatDate(parsed.due + "T12:00:00Z")}.` : ""}
                {parsed?.kind === "unparsed" ? " Non comprise : réécrivez-la." : ""}
              </span>
            </label>
            <input id="deadlineLabel" name="deadlineLabel" className="input" defaultValue={item?.deadlineLabel} />
          </div>
          <div>
            <label htmlFor="status" className="label">
              Statut
            </label>
            <select id="status" name="status" className="input" defaultValue={item?.status ?? "a-lancer"}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="segurWave" className="label">
              Vague Ségur
            </label>
            <select id="segurWave" name="segurWave" className="input" defaultValue={item?.segurWave ?? ""}>
              <option value="">Aucune</option>
              <option value="1">Vague 1</option>
              <option value="2">Vague 2</option>
            </select>
          </div>
          <div>
            <label htmlFor="irritantIds" className="label">
              Signalements liés<span className="hint">Numéros séparés par des virgules.</span>
            </label>
            <input id="irritantIds" name="irritantIds" className="input" defaultValue={item?.irritants.map((i) => i.id).join(", ")} />
          </div>
        </div>
        <fieldset className="mb-4">
          <legend className="label">Thèmes</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {themes.map((t) => (
              <div key={t.slug} className="flex items-start gap-2">
                <input id={`theme-${t.slug}`} type="checkbox" name="themes" value={t.slug} defaultChecked={linkedThemes.has(t.slug)} className="mt-1 size-4" />
                <label htmlFor={`theme-${t.slug}`}>{t.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="mb-4">
          <label htmlFor="steps" className="label">
            Étapes<span className="hint">Une par ligne, dans l'ordre.</span>
          </label>
          <textarea id="steps" name="steps" rows={4} className="input" defaultValue={item?.steps.map((s) => s.title).join("\n")} />
        </div>
        {item ? (
          <div className="mb-4">
            <label htmlFor="note" className="label">
              Point d'avancement daté (facultatif)<span className="hint">Par exemple la raison d'un changement de statut ou d'échéance.</span>
            </label>
            <textarea id="note" name="note" rows={2} className="input" />
          </div>
        ) : null}
        <button type="submit" className="btn">
          {item ? "Enregistrer l'action" : "Créer l'action"}
        </button>
      </Form>
      {item ? (
        <>
          <h2>Points d'avancement</h2>
          <Form method="post" className="card mb-4">
            <input type="hidden" name="intent" value="note" />
            <label htmlFor="note-body" className="label">
              Nouveau point
            </label>
            <textarea id="note-body" name="body" rows={2} className="input mb-4" />
            <button type="submit" className="btn btn-secondary">
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
          <h2>Historique de l'échéance</h2>
          {item.deadlineHistory.length ? (
            <ul className="list-disc pl-6">
              {item.deadlineHistory.map((c) => (
                <li key={c.id}>
                  {formatDate(c.changedAt)} : {c.text}
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
