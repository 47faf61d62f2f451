import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Notice } from "~/components/notice";
import { OriginNote } from "~/components/seminars";
import { originsOf } from "~/modules/seminars/outcomes.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TicketTable } from "~/components/tickets";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { listProducts } from "~/modules/vendors/products.server";
import { listTickets } from "~/modules/tickets/tickets.server";
import { openTicketByTeam } from "~/modules/tickets/ticket-routing.server";
import { errorSentence, HttpError, orErrorPage } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { authorNameFor, findSimilar, getIrritant, listThemes } from "~/modules/irritants/irritants.server";
import { digitSequencesToReview, type DigitReview } from "~/modules/irritants/masking.server";
import { DigitWarning } from "~/components/digit-warning";
import { irritantPatchSchema, type IrritantPatch } from "~/modules/irritants/schemas";
import { STATUS_LABELS, STATUS_TRANSITIONS } from "~/modules/irritants/statuses";
import { suggestThemesFor } from "~/modules/irritants/themes.server";
import { updateIrritant } from "~/modules/irritants/triage.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Traiter le n°${data?.irritant.id ?? ""} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const id = orErrorPage(() => idParam(params.id));
  const irritant = orErrorPage(() => getIrritant(user, id));
  const text = `${irritant.title}. ${irritant.body}`;
  return {
    irritant: {
      id: irritant.id,
      title: irritant.title,
      body: irritant.body,
      status: irritant.status,
      published: irritant.published,
      hiddenReason: irritant.hiddenAt ? irritant.hiddenReason : null,
      mergedIntoId: irritant.mergedIntoId,
      lane: irritant.lane,
      supportCount: irritant.supportCount,
      themes: irritant.themes,
      author: authorNameFor(user, irritant.authorId),
    },
    origins: originsOf("irritant", irritant.id, user),
    themes: listThemes().map(({ slug, label }) => ({ slug, label })),
    suggestions: suggestThemesFor(text),
    similar: findSimilar(user, text, 6).filter((s) => s.id !== irritant.id),
    tickets: listTickets(user, { irritantId: irritant.id }).items,
    products: listProducts().map((p) => ({ id: p.id, label: `${p.name} (${p.vendor.name})` })),
  };
}

/** Each form on the page sends one intent; all of them become one patch for the module. */
function patchFor(intent: Exclude<(typeof INTENTS)[number], "open-ticket">, form: FormData): unknown {
  switch (intent) {
    case "themes":
      return { themes: form.getAll("themes") };
    case "status":
      return { status: form.get("status") };
    case "publish":
      return { published: true };
    case "unpublish":
      return { published: false };
    case "hide":
      return { hidden: { reason: form.get("reason") ?? "" } };
    case "unhide":
      return { hidden: false };
    case "merge":
      return { mergeInto: form.get("mergeInto") };
  }
}

const MESSAGES: Record<Exclude<(typeof INTENTS)[number], "open-ticket">, string> = {
  themes: "Thèmes confirmés.",
  status: "Statut enregistré.",
  publish: "Signalement publié.",
  unpublish: "Signalement retiré de la publication.",
  hide: "Signalement masqué.",
  unhide: "Signalement de nouveau visible.",
  merge: "Signalement fusionné.",
};

const DIGIT_WARNING = "Ce signalement contient encore une longue suite de chiffres, qui peut identifier un patient : vérifiez-la avant de publier.";

const openTicketSchema = z.object({ productId: z.coerce.number({ error: "Choisissez un logiciel." }).int().positive("Choisissez un logiciel.") });

export const INTENTS = ["themes", "status", "publish", "unpublish", "hide", "unhide", "merge", "open-ticket"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:triage");
  const id = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  const intent = readIntent(form, INTENTS);
  if (intent === "open-ticket") {
    try {
      const ticket = openTicketByTeam(user, id, parseOrThrow(openTicketSchema, Object.fromEntries(form), "Logiciel invalide.").productId);
      return { ok: true, message: `Ticket n°${ticket.id} ouvert pour l'éditeur.` };
    } catch (error) {
      if (error instanceof HttpError) return data({ ok: false, message: errorSentence(error) }, { status: error.status });
      throw error;
    }
  }
  // Long digit sequences may identify a patient: publishing them takes an explicit "Publier quand même".
  if (intent === "publish" && form.get("confirm") !== "1") {
    const review = digitSequencesToReview([id]);
    if (review.length) return data({ ok: false, message: DIGIT_WARNING, review }, { status: 409 });
  }
  const raw = patchFor(intent, form);
  const parsed = irritantPatchSchema.safeParse(raw);
  if (!parsed.success) return data({ ok: false, message: parsed.error.issues[0].message }, { status: 422 });
  try {
    updateIrritant(user, id, parsed.data as IrritantPatch);
  } catch (error) {
    if (error instanceof HttpError) return data({ ok: false, message: errorSentence(error) }, { status: error.status });
    throw error;
  }
  return { ok: true, message: MESSAGES[intent] };
}


export default function TriageIrritant() {
  const { irritant, themes, suggestions, similar, tickets, products, origins } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const current = new Set(irritant.themes.map((t) => t.slug));
  const nextStatuses = STATUS_TRANSITIONS[irritant.status];
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/signalements">← File de tri</Link> · <Link to={`/signalements/${irritant.id}`}>Page publique du signalement</Link>
      </p>
      <h1>
        N°{irritant.id} — {irritant.title}
      </h1>
      <OriginNote origins={origins} />
      {actionData ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      {actionData && "review" in actionData ? (
        <DigitWarning review={actionData.review as DigitReview[]} hidden={{ intent: "publish" }} maskLink={`/equipe/masquer?signalement=${irritant.id}`} />
      ) : null}
      <p>
        <span className="badge">{STATUS_LABELS[irritant.status]}</span> · {irritant.published ? "publié" : "privé"} ·{" "}
        {irritant.lane === "patient" ? "patient" : "professionnel"} · {irritant.author} · {irritant.supportCount} soutien(s)
        {irritant.hiddenReason ? ` · masqué (${irritant.hiddenReason})` : ""}
        {irritant.mergedIntoId ? ` · fusionné dans le n°${irritant.mergedIntoId}` : ""}
      </p>
      <p className="whitespace-pre-line">{irritant.body}</p>
      <p className="text-sm">
        <Link to={`/equipe/masquer?signalement=${irritant.id}`}>Masquer un passage</Link> du titre, de la description, d'un commentaire ou d'une réponse
        d'éditeur (nom, date de naissance, numéro qui identifie un patient).
      </p>

      <h2>Thèmes</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="themes" />
        <fieldset>
          <legend className="label">
            Thèmes confirmés par l'équipe
            <span className="hint">Suggestion : {suggestions.map((s) => s.label).join(", ") || "aucune"}. Confirmer entraîne la suggestion automatique.</span>
          </legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {themes.map((t) => (
              <div key={t.slug} className="flex items-start gap-2">
                <input id={`theme-${t.slug}`} type="checkbox" name="themes" value={t.slug} defaultChecked={current.has(t.slug)} className="mt-1 size-4" />
                <label htmlFor={`theme-${t.slug}`}>{t.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn mt-4">
          Confirmer les thèmes
        </button>
      </Form>

      <h2>Statut et publication</h2>
      <div className="card grid gap-4">
        {nextStatuses.length ? (
          <Form method="post" className="flex flex-wrap items-end gap-4">
            <input type="hidden" name="intent" value="status" />
            <div>
              <label htmlFor="status" className="label">
                Nouveau statut
              </label>
              <select id="status" name="status" className="input" defaultValue={nextStatuses[0]}>
                {nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn">
              Changer le statut
            </button>
          </Form>
        ) : (
          <p className="mb-0">Ce signalement est un doublon fusionné : son statut ne change plus.</p>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value={irritant.published ? "unpublish" : "publish"} />
          <button type="submit" className="btn btn-secondary">
            {irritant.published ? "Retirer de la publication" : "Publier"}
          </button>
        </Form>
        {irritant.hiddenReason ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unhide" />
            <button type="submit" className="btn btn-secondary">
              Rendre visible
            </button>
          </Form>
        ) : (
          <Form method="post" className="flex flex-wrap items-end gap-4">
            <input type="hidden" name="intent" value="hide" />
            <div className="grow">
              <label htmlFor="reason" className="label">
                Raison du masquage
              </label>
              <input id="reason" name="reason" className="input" />
            </div>
            <button type="submit" className="btn btn-secondary">
              Masquer
            </button>
          </Form>
        )}
      </div>

      <h2>Tickets éditeurs</h2>
      <p className="text-sm">
        Passer le statut à « Transmis à l'éditeur » ouvre le ticket du logiciel nommé. Un même signalement peut concerner plusieurs
        éditeurs (par exemple le logiciel qui envoie et celui qui reçoit).
      </p>
      <TicketTable items={tickets} showVendor />
      <Form method="post" className="card mt-4 flex flex-wrap items-end gap-4">
        <input type="hidden" name="intent" value="open-ticket" />
        <div>
          <label htmlFor="ticket-product" className="label">
            Ouvrir un ticket pour le logiciel
          </label>
          <select id="ticket-product" name="productId" className="input" defaultValue="">
            <option value="">Choisir…</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Ouvrir le ticket
        </button>
      </Form>

      <h2>Doublons</h2>
      {similar.length ? (
        <ul className="mb-4 list-disc pl-6">
          {similar.map((s) => (
            <li key={s.id}>
              n°{s.id} — <Link to={`/equipe/signalements/${s.id}`}>{s.title}</Link> ({STATUS_LABELS[s.status]}, similarité {Math.round(s.score * 100)} %)
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun signalement proche.</p>
      )}
      {irritant.mergedIntoId ? null : (
        <Form method="post" className="card flex flex-wrap items-end gap-4">
          <input type="hidden" name="intent" value="merge" />
          <div>
            <label htmlFor="mergeInto" className="label">
              Fusionner dans le signalement n°
              <span className="hint">Les soutiens sont transférés, chaque personne comptée une fois.</span>
            </label>
            <input id="mergeInto" name="mergeInto" inputMode="numeric" className="input" />
          </div>
          <button type="submit" className="btn">
            Fusionner
          </button>
        </Form>
      )}
    </div>
  );
}
