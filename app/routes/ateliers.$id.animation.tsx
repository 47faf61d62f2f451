import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FacilitationBoard } from "~/components/facilitation-board";
import { Notice } from "~/components/notice";
import { QrCode, seminarDate, useLiveRevision } from "~/components/seminars";
import { idParam } from "~/lib/api.server";
import { getEnv } from "~/lib/env.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { can, requireUser } from "~/lib/permissions.server";
import { listChallenges } from "~/modules/action-plan/index.server";
import { listThemes } from "~/modules/irritants/index.server";
import { WORKSHOP_STATUS_LABELS, boardPageSchema, formatCode, originSentence } from "~/modules/seminars";
import {
  createCluster,
  getFacilitatorBoard,
  linkToExisting,
  moveCard,
  qrPath,
  renameCluster,
  requireBoardAccess,
  restituteAsAction,
  restituteAsIrritant,
  setCardHidden,
  setVoting,
  setWorkshopStatus,
} from "~/modules/seminars/index.server";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Animation de l'atelier ${data?.board.workshop.number ?? ""} — Sentinelle`,
  },
];

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
    challenges: team
      ? listChallenges().map((c) => ({
          id: c.id,
          title: `${c.workstreamTitle} — ${c.title}`,
        }))
      : [],
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["status", "voting", "cluster-create", "cluster-rename", "move", "hide", "show", "irritant", "action", "link"] as const;
export const ACTION_SCHEMA = boardPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = orErrorPage(() => idParam(params.id));
  // Who may act is settled before the form is parsed: a refused user learns nothing from validation messages.
  orErrorPage(() => requireBoardAccess(user, workshopId));
  return formAction(request, boardPageSchema, (input) => {
    switch (input.intent) {
      case "status":
        setWorkshopStatus(user, workshopId, input.status);
        return {
          message: input.status === "open" ? "Atelier ouvert : les participants peuvent publier." : "Atelier clos : plus de cartes ni de votes.",
        };
      case "voting":
        setVoting(user, workshopId, input.open === "1");
        return { message: input.open === "1" ? "Vote ouvert." : "Vote fermé." };
      case "cluster-create":
        createCluster(user, workshopId, input.title);
        return { message: `Regroupement « ${input.title} » créé.` };
      case "cluster-rename":
        renameCluster(user, workshopId, input.clusterId, input.title);
        return { message: `Regroupement renommé « ${input.title} ».` };
      case "move":
        moveCard(user, workshopId, input.cardId, input.clusterId);
        return {
          message: input.clusterId === null ? "Carte sortie de son regroupement." : "Carte regroupée.",
        };
      case "hide":
      case "show": {
        const hidden = input.intent === "hide";
        setCardHidden(user, workshopId, input.cardId, hidden);
        return {
          message: hidden ? "Carte masquée : elle n'apparaît plus aux participants." : "Carte de nouveau visible.",
        };
      }
      case "irritant": {
        const { intent: _, ...restitution } = input;
        const id = restituteAsIrritant(user, workshopId, restitution);
        return { message: `Signalement n°${id} créé et relié à l'atelier.` };
      }
      case "action": {
        const { intent: _, ...restitution } = input;
        const id = restituteAsAction(user, workshopId, restitution);
        return {
          message: `Action n°${id} ajoutée au plan et reliée à l'atelier.`,
        };
      }
      case "link": {
        const { intent: _, ...link } = input;
        linkToExisting(user, workshopId, link);
        return {
          message: `Relié ${input.targetKind === "irritant" ? `au signalement n°${input.targetId}` : `à l'action n°${input.targetId}`}.`,
        };
      }
    }
  });
}

export default function FacilitatorBoard() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { board } = loaded;
  const w = board.workshop;
  useLiveRevision(`/ateliers/${w.id}/revision`, w.revision);
  const origin = originSentence(w.number, w.seminar.date);
  const choices = {
    team: loaded.team,
    themes: loaded.themes,
    challenges: loaded.challenges,
    outcomes: board.outcomes,
  };

  return (
    <div>
      <p className="text-sm">
        {loaded.team ? (
          <Link to={`/equipe/seminaires/${w.seminarId}`}>← {w.seminar.title}</Link>
        ) : (
          <Link to={`/atelier/${w.code}`}>← Vue des participants</Link>
        )}
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
        {w.votingOpen ? " · vote ouvert" : ""} · {board.participants} {plural(board.participants, "participant", "participants")} · {w.dotsPerParticipant} points chacun
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
                <button type="submit" className="fr-btn">
                  {w.status === "closed" ? "Rouvrir l'atelier" : "Ouvrir l'atelier"}
                </button>
              </Form>
            ) : (
              <>
                <Form method="post">
                  <input type="hidden" name="intent" value="voting" />
                  <input type="hidden" name="open" value={w.votingOpen ? "0" : "1"} />
                  <button type="submit" className="fr-btn">
                    {w.votingOpen ? "Fermer le vote" : "Ouvrir le vote"}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="status" value="closed" />
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    Clore l'atelier
                  </button>
                </Form>
              </>
            )}
            <a href={`/ateliers/${w.id}/animation`} className="fr-btn fr-btn--secondary">
              Actualiser
            </a>
          </div>
        </div>
      </div>

      <h2>Tableau</h2>
      <FacilitationBoard cards={board.cards} clusters={board.clusters} origin={origin} loaded={choices} actionData={result} />
    </div>
  );
}
