import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/notice";
import { QrCode, seminarDate, useLiveRevision } from "~/components/seminars";
import { idParam, parseOrThrow } from "~/lib/api.server";
import { getEnv } from "~/lib/env.server";
import { HttpError, orErrorPage } from "~/lib/errors";
import { readFormData, refusalNotice, readIntent } from "~/lib/forms.server";
import { can, requireUser } from "~/lib/permissions.server";
import { listChallenges } from "~/modules/action-plan/plan.server";
import { LEAD_LABELS } from "~/modules/action-plan/vocabulary";
import { listThemes } from "~/modules/irritants/irritants.server";
import { formatCode, originSentence } from "~/modules/seminars/board";
import { requireBoardAccess, createCluster, getFacilitatorBoard, moveCard, renameCluster, setCardHidden, setVoting, setWorkshopStatus } from "~/modules/seminars/board.server";
import { qrPath } from "~/modules/seminars/qr.server";
import { linkToExisting, restituteAsAction, restituteAsIrritant } from "~/modules/seminars/restitution.server";
import { clusterTitleSchema, moveCardSchema, restitutionActionSchema, restitutionIrritantSchema, formIdField } from "~/modules/seminars/schemas";
import { WORKSHOP_STATUS_LABELS } from "~/modules/seminars/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Animation de l'atelier ${data?.board.workshop.number ?? ""} — Sentinelle` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = orErrorPage(() => getFacilitatorBoard(user, idParam(params.id)));
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  const joinUrl = `${base.replace(/\/$/, "")}/atelier/${board.workshop.code}`;
  const team = can(user, "seminar:manage") && can(user, "irritant:triage") && can(user, "action-plan:edit");
  return {
    board,
    canRedact: can(user, "content:redact"),
    joinUrl,
    qr: qrPath(joinUrl),
    team,
    themes: team ? listThemes().map(({ slug, label }) => ({ slug, label })) : [],
    challenges: team ? listChallenges().map((c) => ({ id: c.id, title: `${c.workstreamTitle} — ${c.title}` })) : [],
  };
}


export const INTENTS = ["status", "voting", "cluster-create", "cluster-rename", "move", "hide", "show", "irritant", "action", "link"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = orErrorPage(() => idParam(params.id));
  const form = await readFormData(request);
  const values = Object.fromEntries(form);
  try {
    // Who may act is settled before the form is parsed: a refused user learns nothing from validation messages.
    requireBoardAccess(user, workshopId);
    const intent = readIntent(form, INTENTS);
    switch (intent) {
      case "status": {
        const { status } = parseOrThrow(z.object({ status: z.enum(["open", "closed"], { error: "État inconnu." }) }), values);
        setWorkshopStatus(user, workshopId, status);
        return { ok: true, message: status === "open" ? "Atelier ouvert : les participants peuvent publier." : "Atelier clos : plus de cartes ni de votes." };
      }
      case "voting": {
        const { open } = parseOrThrow(z.object({ open: z.enum(["1", "0"], { error: "Choix inconnu." }) }), values);
        setVoting(user, workshopId, open === "1");
        return { ok: true, message: open === "1" ? "Vote ouvert." : "Vote fermé." };
      }
      case "cluster-create": {
        const { title } = parseOrThrow(clusterTitleSchema, values, "Regroupement invalide.");
        createCluster(user, workshopId, title);
        return { ok: true, message: `Regroupement « ${title} » créé.` };
      }
      case "cluster-rename": {
        const { title } = parseOrThrow(clusterTitleSchema, values, "Regroupement invalide.");
        renameCluster(user, workshopId, parseOrThrow(formIdField, values.clusterId), title);
        return { ok: true, message: `Regroupement renommé « ${title} ».` };
      }
      case "move": {
        const { cardId, clusterId } = parseOrThrow(moveCardSchema, values, "Déplacement invalide.");
        moveCard(user, workshopId, cardId, clusterId);
        return { ok: true, message: clusterId === null ? "Carte sortie de son regroupement." : "Carte regroupée." };
      }
      case "hide":
      case "show": {
        const hidden = intent === "hide";
        setCardHidden(user, workshopId, parseOrThrow(formIdField, values.cardId), hidden);
        return { ok: true, message: hidden ? "Carte masquée : elle n'apparaît plus aux participants." : "Carte de nouveau visible." };
      }
      case "irritant": {
        const input = parseOrThrow(restitutionIrritantSchema, { ...values, themes: form.getAll("themes") }, "Signalement invalide.");
        const id = restituteAsIrritant(user, workshopId, input);
        return { ok: true, message: `Signalement n°${id} créé et relié à l'atelier.` };
      }
      case "action": {
        const input = parseOrThrow(restitutionActionSchema, values, "Action invalide.");
        const id = restituteAsAction(user, workshopId, input);
        return { ok: true, message: `Action n°${id} ajoutée au plan et reliée à l'atelier.` };
      }
      case "link": {
        const input = parseOrThrow(
          z.object({ source: z.enum(["card", "cluster"]), sourceId: formIdField, targetKind: z.enum(["irritant", "action"], { error: "Choisissez signalement ou action." }), targetId: z.coerce.number({ error: "Indiquez le numéro." }).int("Indiquez le numéro.").positive("Indiquez le numéro.") }),
          values,
          "Lien invalide.",
        );
        linkToExisting(user, workshopId, input);
        return { ok: true, message: `Relié ${input.targetKind === "irritant" ? `au signalement n°${input.targetId}` : `à l'action n°${input.targetId}`}.` };
      }
      default:
        throw new HttpError(400, "Action inconnue.");
    }
  } catch (error) {
    return refusalNotice(error);
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Restitution({ kind, id, label, texts, themes, origin, loaded }: { kind: "card" | "cluster"; id: number; label: string; texts: string[]; themes: string[]; origin: string; loaded: LoaderData }) {
  const outcomes = loaded.board.outcomes.filter((o) => o.sourceKind === kind && o.sourceId === id);
  const irritant = outcomes.find((o) => o.targetKind === "irritant");
  const action = outcomes.find((o) => o.targetKind === "action");
  const prefix = `${kind}-${id}`;
  return (
    <div className="mt-2 text-sm">
      {irritant ? (
        <p className="mb-1">
          Devenu le <Link to={`/equipe/signalements/${irritant.targetId}`}>signalement n°{irritant.targetId}</Link>
        </p>
      ) : null}
      {action ? (
        <p className="mb-1">
          Devenu l'<Link to={`/plan-action/${action.targetId}`}>action n°{action.targetId}</Link> du plan
        </p>
      ) : null}
      {loaded.team && !irritant ? (
        <details className="mb-2">
          <summary>Transformer en signalement<span className="sr-only"> : {label}</span></summary>
          {/* Keyed on the label: a renamed cluster refills the form (defaultValue is read once). */}
          <Form method="post" className="mt-2 grid gap-2" key={`${label}|${texts.join("|")}`}>
            <input type="hidden" name="intent" value="irritant" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <label htmlFor={`${prefix}-i-title`} className="label">
              Titre du signalement
            </label>
            <input id={`${prefix}-i-title`} name="title" className="input" defaultValue={label.slice(0, 160)} required />
            <label htmlFor={`${prefix}-i-body`} className="label">
              Description
            </label>
            <textarea id={`${prefix}-i-body`} name="body" rows={4} className="input" defaultValue={`${origin[0].toUpperCase()}${origin.slice(1)}.\n${texts.map((t) => `« ${t} »`).join("\n")}`} required />
            <label htmlFor={`${prefix}-i-themes`} className="label">
              Thèmes
            </label>
            <select id={`${prefix}-i-themes`} name="themes" multiple className="input" defaultValue={themes}>
              {loaded.themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.label}
                </option>
              ))}
            </select>
            <div className="flex items-center gap-2">
              <input id={`${prefix}-i-published`} type="checkbox" name="published" defaultChecked className="size-4" />
              <label htmlFor={`${prefix}-i-published`}>Publier le signalement</label>
            </div>
            <button type="submit" className="btn">
              Créer le signalement
            </button>
          </Form>
        </details>
      ) : null}
      {loaded.team && !action ? (
        <details className="mb-2">
          <summary>Transformer en action du plan<span className="sr-only"> : {label}</span></summary>
          <Form method="post" className="mt-2 grid gap-2" key={label}>
            <input type="hidden" name="intent" value="action" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <label htmlFor={`${prefix}-a-challenge`} className="label">
              Défi du plan
            </label>
            <select id={`${prefix}-a-challenge`} name="challengeId" className="input" defaultValue="" required>
              <option value="">Choisir…</option>
              {loaded.challenges.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <label htmlFor={`${prefix}-a-title`} className="label">
              Titre de l'action
            </label>
            <input id={`${prefix}-a-title`} name="title" className="input" defaultValue={label.slice(0, 500)} required />
            <label htmlFor={`${prefix}-a-lead`} className="label">
              Pilote
            </label>
            <select id={`${prefix}-a-lead`} name="leadKind" className="input" defaultValue="pouvoirs-publics">
              {(["pouvoirs-publics", "editeurs", "editeurs-et-pouvoirs-publics"] as const).map((k) => (
                <option key={k} value={k}>
                  {LEAD_LABELS[k]}
                </option>
              ))}
            </select>
            <label htmlFor={`${prefix}-a-deadline`} className="label">
              Échéance (« T2 2024 », « En cours »…)
            </label>
            <input id={`${prefix}-a-deadline`} name="deadlineLabel" className="input" />
            <button type="submit" className="btn">
              Créer l'action
            </button>
          </Form>
        </details>
      ) : null}
      {loaded.team && (!irritant || !action) ? (
        <details>
          <summary>Relier à un signalement ou une action existants<span className="sr-only"> : {label}</span></summary>
          <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="source" value={kind} />
            <input type="hidden" name="sourceId" value={id} />
            <div>
              <label htmlFor={`${prefix}-l-kind`} className="label">
                Vers
              </label>
              <select id={`${prefix}-l-kind`} name="targetKind" className="input">
                {!irritant ? <option value="irritant">Signalement</option> : null}
                {!action ? <option value="action">Action du plan</option> : null}
              </select>
            </div>
            <div>
              <label htmlFor={`${prefix}-l-id`} className="label">
                Numéro
              </label>
              <input id={`${prefix}-l-id`} name="targetId" inputMode="numeric" className="input w-24" required />
            </div>
            <button type="submit" className="btn btn-secondary">
              Relier
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export default function FacilitatorBoard() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { board } = loaded;
  const w = board.workshop;
  useLiveRevision(`/ateliers/${w.id}/revision`, w.revision);
  const origin = originSentence(w.number, w.seminar.date);
  const loose = board.cards.filter((c) => c.clusterId === null);
  const themeSlugs = (cardIds: number[]) => [...new Set(board.cards.filter((c) => cardIds.includes(c.id) && c.theme).map((c) => c.theme!.slug))];

  const cardItem = (card: (typeof board.cards)[number]) => (
    <li key={card.id} className={`card ${card.hidden ? "opacity-70" : ""}`}>
      <p className="mb-1">
        {card.hidden ? <strong>[Masquée] </strong> : null}
        {card.text}
      </p>
      <p className="mb-2 text-sm text-gris-600">
        Carte n°{card.id}
        {card.theme ? ` · ${card.theme.label}` : ""} · {card.votes} point{card.votes > 1 ? "s" : ""}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="cardId" value={card.id} />
          <div>
            <label htmlFor={`move-${card.id}`} className="label text-sm">
              Regroupement<span className="sr-only"> de la carte n°{card.id}</span>
            </label>
            <select id={`move-${card.id}`} name="clusterId" className="input" defaultValue={card.clusterId ?? "none"}>
              <option value="none">Aucun</option>
              <option value="new">Nouveau regroupement</option>
              {board.clusters.map((cl) => (
                <option key={cl.id} value={cl.id}>
                  {cl.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary">
            Déplacer<span className="sr-only"> la carte n°{card.id}</span>
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value={card.hidden ? "show" : "hide"} />
          <input type="hidden" name="cardId" value={card.id} />
          <button type="submit" className="btn btn-secondary">
            {card.hidden ? "Afficher" : "Masquer"}
            <span className="sr-only"> la carte n°{card.id}</span>
          </button>
        </Form>
      </div>
      {!card.hidden ? <Restitution kind="card" id={card.id} label={card.text} texts={[card.text]} themes={card.theme ? [card.theme.slug] : []} origin={origin} loaded={loaded} /> : null}
    </li>
  );

  return (
    <div>
      <p className="text-sm">
        {loaded.team ? <Link to={`/equipe/seminaires/${w.seminarId}`}>← {w.seminar.title}</Link> : <Link to={`/atelier/${w.code}`}>← Vue des participants</Link>}
        {loaded.canRedact ? (
          <>
            {" "}
            · <Link to={`/equipe/masquer?atelier=${w.id}`}>Masquer un passage d'une carte</Link>
          </>
        ) : null}
      </p>
      <h1>
        Animation de l'atelier {w.number} — {w.title}
      </h1>
      <p className="text-lg">{w.question}</p>
      <p className="text-sm text-gris-600">
        {seminarDate(w.seminar.date)} · {w.facilitatorLabel} · état : <strong>{WORKSHOP_STATUS_LABELS[w.status]}</strong>
        {w.votingOpen ? " · vote ouvert" : ""} · {board.participants} participant{board.participants > 1 ? "s" : ""} · {w.dotsPerParticipant} points chacun
      </p>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <div className="mb-6 grid gap-6 md:grid-cols-[auto_1fr]">
        <div>
          <QrCode d={loaded.qr.d} size={loaded.qr.size} label={`QR code pour rejoindre l'atelier : ${loaded.joinUrl}`} />
        </div>
        <div>
          <p className="mb-1">Pour rejoindre l'atelier depuis un téléphone :</p>
          <p className="mb-1 text-4xl font-bold tracking-widest">
            <span className="sr-only">Code : </span>
            {formatCode(w.code)}
          </p>
          <p className="text-sm">
            sur <a href={loaded.joinUrl}>{loaded.joinUrl.replace(/\/[^/]+$/, "")}</a>
          </p>
          <div className="flex flex-wrap gap-2">
            {w.status !== "open" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="status" value="open" />
                <button type="submit" className="btn">
                  {w.status === "closed" ? "Rouvrir l'atelier" : "Ouvrir l'atelier"}
                </button>
              </Form>
            ) : (
              <>
                <Form method="post">
                  <input type="hidden" name="intent" value="voting" />
                  <input type="hidden" name="open" value={w.votingOpen ? "0" : "1"} />
                  <button type="submit" className="btn">
                    {w.votingOpen ? "Fermer le vote" : "Ouvrir le vote"}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="status" value="closed" />
                  <button type="submit" className="btn btn-secondary">
                    Clore l'atelier
                  </button>
                </Form>
              </>
            )}
            <a href={`/ateliers/${w.id}/animation`} className="btn btn-secondary">
              Actualiser
            </a>
          </div>
        </div>
      </div>

      <h2>Regroupements</h2>
      <Form method="post" className="mb-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="cluster-create" />
        <div>
          <label htmlFor="new-cluster" className="label">
            Nouveau regroupement
          </label>
          <input id="new-cluster" name="title" className="input" required />
        </div>
        <button type="submit" className="btn btn-secondary">
          Créer
        </button>
      </Form>
      {board.clusters.length === 0 ? <p>Aucun regroupement : choisissez « Nouveau regroupement » sur une carte, ou créez-en un.</p> : null}
      {board.clusters.map((cl) => (
        <section key={cl.id} aria-labelledby={`cl-${cl.id}`} className="mb-6 rounded border-2 border-gris-200 p-4">
          <h3 id={`cl-${cl.id}`} className="mt-0">
            {cl.title} <span className="text-sm font-normal">· {cl.votes} point{cl.votes > 1 ? "s" : ""}</span>
          </h3>
          <Form method="post" className="mb-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="cluster-rename" />
            <input type="hidden" name="clusterId" value={cl.id} />
            <div>
              <label htmlFor={`rename-${cl.id}`} className="label text-sm">
                Nom du regroupement<span className="sr-only"> « {cl.title} »</span>
              </label>
              <input id={`rename-${cl.id}`} name="title" className="input" defaultValue={cl.title} key={cl.title} required />
            </div>
            <button type="submit" className="btn btn-secondary">
              Renommer<span className="sr-only"> « {cl.title} »</span>
            </button>
          </Form>
          <ul className="grid gap-2">
            {board.cards
              .filter((c) => c.clusterId === cl.id)
              .map((c) => cardItem(c))}
          </ul>
          <Restitution kind="cluster" id={cl.id} label={cl.title} texts={board.cards.filter((c) => cl.cardIds.includes(c.id)).map((c) => c.text)} themes={themeSlugs(cl.cardIds)} origin={origin} loaded={loaded} />
        </section>
      ))}
      <h2>Cartes non regroupées</h2>
      {loose.length === 0 ? <p>Aucune.</p> : null}
      <ul className="grid gap-3">
        {loose.map((c) => cardItem(c))}
      </ul>
    </div>
  );
}
