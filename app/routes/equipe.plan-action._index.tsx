import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { OverdueBadge, StatusBadge } from "~/components/status-badge";
import { Notice } from "~/components/notice";
import { getFormProps } from "@conform-to/react";
import { SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { idParam } from "~/lib/api.server";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { createChallenge, createWorkstream, getPlan, listWorkstreams, moveAction, unparsedDeadlines } from "~/modules/action-plan/index.server";
import { planPageSchema } from "~/modules/action-plan";

export const meta: MetaFunction = () => [{ title: "Modifier le plan d'action — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "action-plan:edit");
  // The list does not show who is responsible (the action's page does): getPlan does not select that name by default.
  // Only what the list shows is sent: each action's description, steps, themes, organisations and irritants were
  // three quarters of the page's data, encoded into the document on every view (issue 21).
  const plan = getPlan().map((ws) => ({
    id: ws.id,
    title: ws.title,
    challenges: ws.challenges.map((ch) => ({
      id: ch.id,
      title: ch.title,
      actions: ch.actions.map((a) => ({ id: a.id, title: a.title, lead: a.lead.label, deadline: a.deadline.label, status: a.status, overdue: a.overdue })),
    })),
  }));
  return { plan, workstreams: listWorkstreams(), unparsed: unparsedDeadlines() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["workstream", "challenge", "move"] as const;
export const ACTION_SCHEMA = planPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  return formAction(request, planPageSchema, (input) => {
    switch (input.intent) {
      case "workstream":
        createWorkstream(user, input.title);
        return { message: `Chantier « ${input.title} » créé.`, resetForm: true };
      case "challenge": {
        const { intent: _, ...challenge } = input;
        createChallenge(user, challenge);
        return { message: `Défi « ${input.title} » créé.`, resetForm: true };
      }
      case "move":
        moveAction(user, idParam(input.actionId), input.direction);
        return redirect(`/equipe/plan-action#action-${input.actionId}`);
    }
  });
}

export default function EditPlan() {
  const { plan, workstreams, unparsed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [workstreamForm, workstreamFields] = useActionForm(planPageSchema, { actionData, intent: "workstream" });
  const [challengeForm, challengeFields] = useActionForm(planPageSchema, { actionData, intent: "challenge" });
  return (
    <div>
      <h1>Modifier le plan d'action</h1>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <p className="flex flex-wrap gap-4">
        <Link to="/equipe/plan-action/nouvelle" className="fr-btn">
          Nouvelle action
        </Link>
        <Link to="/equipe/plan-action/import" className="fr-btn fr-btn--secondary">
          Importer un CSV
        </Link>
        <a href="/plan-action.csv" className="fr-btn fr-btn--secondary">
          Exporter en CSV
        </a>
      </p>
      {unparsed.length ? (
        <div className="fr-alert fr-alert--error fr-alert--sm mb-6" role="region" aria-label="Échéances à préciser">
          <p className="font-bold">Échéances non comprises : réécrivez-les (par exemple « T2 2024 », « Mars 2024 », « En cours »).</p>
          <ul className="list-disc pl-6">
            {unparsed.map((a) => (
              <li key={a.id}>
                <Link to={`/equipe/plan-action/${a.id}`}>{a.title}</Link> — « {a.label || "vide"} »
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.map((ws) => (
        <section key={ws.id} aria-labelledby={`ws-${ws.id}`} className="mb-8">
          <h2 id={`ws-${ws.id}`}>{ws.title}</h2>
          {ws.challenges.map((ch) => (
            <div key={ch.id} className="mb-6">
              <h3>{ch.title}</h3>
              <ol className="grid gap-2">
                {ch.actions.map((a, i) => (
                  <li key={a.id} id={`action-${a.id}`} className="card flex flex-wrap items-center justify-between gap-3 py-3">
                    <span>
                      <Link to={`/equipe/plan-action/${a.id}`}>{a.title}</Link>
                      <span className="block text-sm text-gris-600">
                        {a.lead} · {a.deadline || "sans échéance"} <StatusBadge kind="action" status={a.status} />
                        {a.overdue ? <OverdueBadge /> : null}
                      </span>
                    </span>
                    {/* One form for both moves: the button pressed sends its direction. */}
                    <Form method="post" className="flex gap-2">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="actionId" value={a.id} />
                      <button type="submit" name="direction" value="up" className="fr-btn fr-btn--secondary" disabled={i === 0}>
                        Monter<span className="sr-only"> l'action {a.title}</span>
                      </button>
                      <button type="submit" name="direction" value="down" className="fr-btn fr-btn--secondary" disabled={i === ch.actions.length - 1}>
                        Descendre<span className="sr-only"> l'action {a.title}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
      <h2>Nouveau chantier</h2>
      <FormErrors form={workstreamForm} />
      <Form method="post" className="card mb-6 flex flex-wrap items-end gap-4" {...getFormProps(workstreamForm)}>
        <input type="hidden" name="intent" value="workstream" />
        <div className="grow">
          <TextField field={workstreamFields.title} label="Titre du chantier" required />
        </div>
        <button type="submit" className="fr-btn mb-6">
          Créer le chantier
        </button>
      </Form>
      <h2>Nouveau défi</h2>
      <FormErrors form={challengeForm} />
      <Form method="post" className="card" {...getFormProps(challengeForm)}>
        <input type="hidden" name="intent" value="challenge" />
        <SelectField field={challengeFields.workstreamId} label="Chantier" options={workstreams.map((w) => ({ value: String(w.id), label: w.title }))} />
        <TextField field={challengeFields.title} label="Titre du défi" required />
        <TextField field={challengeFields.description} label="Description (facultatif)" multiline rows={3} />
        <button type="submit" className="fr-btn">
          Créer le défi
        </button>
      </Form>
    </div>
  );
}
