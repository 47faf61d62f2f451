import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionStatusBadge, OverdueBadge } from "~/components/action-plan";
import { Notice } from "~/components/notice";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { createChallenge, createWorkstream, getPlan, listWorkstreams, moveAction, unparsedDeadlines } from "~/modules/action-plan/plan.server";
import { challengeSchema, workstreamSchema } from "~/modules/action-plan/schemas";

export const meta: MetaFunction = () => [{ title: "Modifier le plan d'action — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "action-plan:edit");
  return { plan: getPlan(), workstreams: listWorkstreams(), unparsed: unparsedDeadlines() };
}

const moveSchema = z.object({ actionId: z.string(), direction: z.enum(["up", "down"], { error: "Sens inconnu." }) });

export const INTENTS = ["workstream", "challenge", "move"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const form = await readFormData(request);
  const fields = Object.fromEntries(form);
  try {
    switch (readIntent(form, INTENTS)) {
      case "workstream": {
        const { title } = parseOrThrow(workstreamSchema, fields, "Chantier invalide.");
        createWorkstream(user, title);
        return { ok: true, message: `Chantier « ${title} » créé.` };
      }
      case "challenge": {
        const input = parseOrThrow(challengeSchema, fields, "Défi invalide.");
        createChallenge(user, input);
        return { ok: true, message: `Défi « ${input.title} » créé.` };
      }
      case "move": {
        const { actionId, direction } = parseOrThrow(moveSchema, fields, "Déplacement invalide.");
        moveAction(user, idParam(actionId), direction);
        return redirect(`/equipe/plan-action#action-${actionId}`);
      }
    }
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function EditPlan() {
  const { plan, workstreams, unparsed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <h1>Modifier le plan d'action</h1>
      {actionData && "ok" in actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <p className="flex flex-wrap gap-4">
        <Link to="/equipe/plan-action/nouvelle" className="btn">
          Nouvelle action
        </Link>
        <Link to="/equipe/plan-action/import" className="btn btn-secondary">
          Importer un CSV
        </Link>
        <a href="/plan-action.csv" className="btn btn-secondary">
          Exporter en CSV
        </a>
      </p>
      {unparsed.length ? (
        <div className="alert alert-error" role="region" aria-label="Échéances à préciser">
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
                        {a.lead.label} · {a.deadline.label || "sans échéance"} <ActionStatusBadge status={a.status} />
                        {a.overdue ? <OverdueBadge /> : null}
                      </span>
                    </span>
                    <span className="flex gap-2">
                      <Form method="post">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <button type="submit" name="direction" value="up" className="btn btn-secondary" disabled={i === 0}>
                          Monter<span className="sr-only"> l'action {a.title}</span>
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="actionId" value={a.id} />
                        <button type="submit" name="direction" value="down" className="btn btn-secondary" disabled={i === ch.actions.length - 1}>
                          Descendre<span className="sr-only"> l'action {a.title}</span>
                        </button>
                      </Form>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
      <h2>Nouveau chantier</h2>
      <Form method="post" className="card mb-6 flex flex-wrap items-end gap-4">
        <input type="hidden" name="intent" value="workstream" />
        <div className="grow">
          <label htmlFor="ws-title" className="label">
            Titre du chantier
          </label>
          <input id="ws-title" name="title" className="input" required />
        </div>
        <button type="submit" className="btn">
          Créer le chantier
        </button>
      </Form>
      <h2>Nouveau défi</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="challenge" />
        <div className="mb-4">
          <label htmlFor="ch-ws" className="label">
            Chantier
          </label>
          <select id="ch-ws" name="workstreamId" className="input" defaultValue="">
            <option value="">Choisir…</option>
            {workstreams.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </select>
        </div>
        <div className="mb-4">
          <label htmlFor="ch-title" className="label">
            Titre du défi
          </label>
          <input id="ch-title" name="title" className="input" required />
        </div>
        <div className="mb-4">
          <label htmlFor="ch-description" className="label">
            Description (facultatif)
          </label>
          <textarea id="ch-description" name="description" rows={3} className="input" />
        </div>
        <button type="submit" className="btn">
          Créer le défi
        </button>
      </Form>
    </div>
  );
}
