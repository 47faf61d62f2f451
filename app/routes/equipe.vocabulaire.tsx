import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useEffect } from "react";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { Notice } from "~/components/notice";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { vocabularyPageSchema } from "~/modules/irritants";
import {
  createSynonymGroup,
  deleteSynonymGroup,
  listSynonymGroups,
  searchIndexStatus,
  startReindex,
  updateSynonymGroup,
} from "~/modules/irritants/index.server";

export const meta: MetaFunction = () => [{ title: "Vocabulaire du terrain — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:triage");
  return { groups: listSynonymGroups(), index: searchIndexStatus() };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["create", "update", "delete", "reindex"] as const;
export const ACTION_SCHEMA = vocabularyPageSchema;

const REINDEX_HINT = "La recherche utilisera ce vocabulaire pour les signalements déjà indexés une fois l'index reconstruit.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  return formAction(request, vocabularyPageSchema, (input) => {
    switch (input.intent) {
      case "create":
        createSynonymGroup(user, input.terms);
        return { message: `Groupe « ${input.terms[0]} » ajouté. ${REINDEX_HINT}`, resetForm: true };
      case "update":
        updateSynonymGroup(user, input.id, input.terms);
        return { message: `Groupe « ${input.terms[0]} » enregistré. ${REINDEX_HINT}` };
      case "delete": {
        const group = deleteSynonymGroup(user, input.id);
        return { message: `Groupe « ${group.terms[0]} » supprimé. ${REINDEX_HINT}` };
      }
      case "reindex":
        startReindex(user);
        return { message: "Reconstruction de l'index lancée." };
    }
  });
}

type Group = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number];

/** One group's form: it takes the action's answer only when this group was the one posted. */
function GroupForm({ group }: { group: Group }) {
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "update" && String(actionData.result.initialValue?.id) === String(group.id);
  const [form, fields] = useActionForm(vocabularyPageSchema, {
    actionData: mine ? actionData : undefined,
    id: `groupe-${group.id}`,
    defaultValue: { terms: group.terms.join("\n") },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="id" value={group.id} />
      <TextField field={fields.terms} label="Termes" hint="Un par ligne : mots, expressions ou abréviations." multiline rows={Math.min(8, group.terms.length + 1)} />
      <button type="submit" className="fr-btn fr-btn--secondary">
        Enregistrer<span className="sr-only"> le groupe {group.terms[0]}</span>
      </button>
    </Form>
  );
}

/** Whether a reindex is needed, and the running one's progress (refreshed every second while it runs, with JavaScript). */
function IndexStatus() {
  const { index } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!index.running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [index.running, revalidator]);
  const share = index.total ? Math.round((100 * index.done) / index.total) : 0;
  return (
    <section aria-labelledby="titre-index" className="card mb-6">
      <h2 id="titre-index" className="mt-0 text-xl">
        Index de recherche
      </h2>
      {index.running ? (
        <div role="status">
          <label htmlFor="avancement-index">
            Reconstruction en cours : {index.done.toLocaleString("fr-FR")} sur {counted(index.total, "signalement", "signalements")} ({share} %)
          </label>
          <progress id="avancement-index" max={index.total || 1} value={index.done} className="block w-full" />
          <p className="text-sm">
            <a href="/equipe/vocabulaire">Actualiser l'avancement</a>
          </p>
        </div>
      ) : (
        <>
          {index.status === "failed" ? <p>La dernière reconstruction n'a pas abouti : relancez-la.</p> : null}
          {index.reindexNeeded ? (
            <p>
              <strong>Le vocabulaire a changé depuis la dernière reconstruction de l'index.</strong> Les nouveaux signalements et les recherches
              l'utilisent déjà ; reconstruisez l'index pour que les signalements existants soient retrouvés de la même façon.
            </p>
          ) : (
            <p>L'index de recherche est à jour avec ce vocabulaire.</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="reindex" />
            <button type="submit" className={index.reindexNeeded ? "fr-btn" : "fr-btn fr-btn--secondary"}>
              Reconstruire l'index
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/**
 * A group folded to its terms (a hundred groups of open forms made the page endless); it opens by itself when its
 * update was refused, so the error is in view.
 */
function GroupItem({ group }: { group: Group }) {
  const actionData = useActionData<typeof action>();
  const refused = actionData?.intent === "update" && !actionData.ok && String(actionData.result.initialValue?.id) === String(group.id);
  return (
    <li className="card mb-2">
      <details open={refused || undefined}>
        <summary className="cursor-pointer font-bold">{group.terms.join(" · ")}</summary>
        <GroupForm group={group} />
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="id" value={group.id} />
          <button type="submit" className="fr-btn btn-danger">
            Supprimer<span className="sr-only"> le groupe {group.terms[0]}</span>
          </button>
        </Form>
      </details>
    </li>
  );
}

export default function Vocabulary() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [createForm, createFields] = useActionForm(vocabularyPageSchema, { actionData, intent: "create" });
  return (
    <div className="prose-page">
      <h1>Vocabulaire du terrain</h1>
      <p>
        Chaque groupe réunit des mots, expressions ou abréviations qui désignent la même chose sur le terrain (« CR » et « compte rendu »,
        « MSS » et « messagerie sécurisée »…). La recherche et la détection des signalements similaires les traitent comme un seul terme. Un
        terme n'appartient qu'à un groupe.
      </p>
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <IndexStatus />
      <h2>Nouveau groupe</h2>
      <Form method="post" className="card mb-6" {...getFormProps(createForm)}>
        <FormErrors form={createForm} />
        <input type="hidden" name="intent" value="create" />
        <TextField field={createFields.terms} label="Termes" hint="Un par ligne, au moins deux : mots, expressions ou abréviations." multiline rows={3} required />
        <button type="submit" className="fr-btn">
          Ajouter le groupe
        </button>
      </Form>
      <h2>{counted(groups.length, "groupe", "groupes")}</h2>
      <p>Ouvrez un groupe pour modifier ses termes ou le supprimer.</p>
      <ul className="list-none pl-0">
        {groups.map((g) => (
          <GroupItem key={g.id} group={g} />
        ))}
      </ul>
    </div>
  );
}
