import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { Notice } from "~/components/notice";
import { seminarDate, useLiveRevision } from "~/components/seminars";
import { orRefusal, refusalMessage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { listThemes } from "~/modules/irritants/index.server";
import { describeRedactions } from "~/lib/text/redaction";
import { CARD_TEXT_MAX, formatCode, normaliseCode, workshopBoardPageSchema } from "~/modules/seminars";
import {
  castVote,
  getParticipantBoard,
  newParticipantToken,
  participantCookieHeader,
  postCard,
  readParticipantToken,
} from "~/modules/seminars/index.server";
import { plural } from "~/lib/text/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "board" in data && data.board ? `Atelier ${data.board.workshop.number} — ${data.board.workshop.title} — Sentinelle` : "Atelier introuvable — Sentinelle" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  const checked = normaliseCode(raw);
  if (checked.ok && checked.code !== raw) throw redirect(`/atelier/${checked.code}`);
  const viewer = await getUser(request);
  const token = await readParticipantToken(request);
  const outcome = orRefusal(() => getParticipantBoard(raw, token, viewer));
  // A wrong code gets this page with the join form, not a bare error page.
  if (!outcome.ok) return data({ board: null, themes: [], facilitator: false, error: refusalMessage(outcome.error, "code") }, { status: outcome.error.status });
  const board = outcome.value;
  return { board, themes: listThemes().map(({ slug, label }) => ({ slug, label })), facilitator: board.canRun, error: null };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["card", "vote"] as const;
export const ACTION_SCHEMA = workshopBoardPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const existing = await readParticipantToken(request);
  const token = existing ?? newParticipantToken();
  const headers: HeadersInit = existing ? {} : { "Set-Cookie": await participantCookieHeader(token) };
  return formAction(
    request,
    workshopBoardPageSchema,
    (input) => {
      if (input.intent === "vote") {
        const { intent: _, ...vote } = input;
        const { remaining } = castVote(code, token, vote);
        const left = `Il vous reste ${remaining} ${plural(remaining, "point", "points")}.`;
        return { message: vote.direction === "add" ? `Point placé. ${left}` : `Point retiré. ${left}` };
      }
      const { intent: _, ...card } = input;
      const posted = postCard(code, token, card);
      const masked = describeRedactions(posted.redactions, "sur une carte");
      // The card form is emptied after a card is posted; a refused card comes back in it, so nothing typed is lost.
      return { message: masked ? `Carte publiée. ${masked}` : "Carte publiée.", resetForm: true };
    },
    { defaultIntent: "card", headers },
  );
}

function VoteButtons({
  target,
  id,
  label,
  myVotes,
  canAdd,
  empty = false,
}: {
  target: "card" | "cluster";
  id: number;
  label: string;
  myVotes: number;
  canAdd: boolean;
  empty?: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {/* An empty cluster takes no new dot (the server refuses it too); dots already on it can still be taken back. */}
      {empty ? null : (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="targetId" value={id} />
          <input type="hidden" name="direction" value="add" />
          <button type="submit" className="fr-btn" disabled={!canAdd}>
            + 1 point<span className="sr-only"> pour « {label} »</span>
          </button>
        </Form>
      )}
      {myVotes > 0 ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="targetId" value={id} />
          <input type="hidden" name="direction" value="remove" />
          <button type="submit" className="fr-btn fr-btn--secondary">
            Retirer un point<span className="sr-only"> de « {label} »</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}

const dots = (n: number) => `${n} ${plural(n, "point", "points")}`;

export default function WorkshopBoard() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const board = loaded.board;
  // Only a posted card's result reaches the card form: a vote leaves a card being typed as it is.
  const [cardForm, cardFields] = useActionForm(workshopBoardPageSchema, { actionData: result, intent: "card" });
  useLiveRevision(board ? `/atelier/${board.workshop.code}/revision` : "", board?.workshop.revision ?? 0);
  if (!board) {
    return (
      <div className="prose-page max-w-xl">
        <h1>Atelier introuvable</h1>
        <Notice ok={false} message={loaded.error ?? "Ce code ne correspond à aucun atelier."} />
        <Form method="get" action="/atelier" className="card">
          <label htmlFor="code" className="label">
            Code de l'atelier
          </label>
          <input id="code" name="code" className="fr-input text-2xl uppercase tracking-widest" autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          <button type="submit" className="fr-btn mt-4">
            Rejoindre
          </button>
        </Form>
      </div>
    );
  }
  const w = board.workshop;
  const open = w.status === "open";
  const voting = open && w.votingOpen;
  const loose = board.cards.filter((c) => c.clusterId === null);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-gris-600">
        {w.seminar.title} · {seminarDate(w.seminar.date)} · code {formatCode(w.code)}
      </p>
      <h1 className="text-2xl">
        Atelier {w.number} — {w.title}
      </h1>
      <p className="text-lg font-medium">{w.question}</p>
      {loaded.facilitator ? (
        <p>
          <Link to={`/ateliers/${w.id}/animation`}>Ouvrir le tableau d'animation</Link>
        </p>
      ) : null}
      {w.status === "draft" ? <Notice ok={false} message="L'atelier n'a pas encore commencé : vous pourrez publier vos cartes dès que l'animateur l'ouvrira." /> : null}
      {w.status === "closed" ? <Notice ok={false} message="Ce code a expiré : l'atelier est clos. Le tableau reste consultable, mais il n'est plus possible de publier ni de voter." /> : null}
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      {voting ? (
        <p className="fr-alert fr-alert--success fr-alert--sm mb-6">
          Le vote est ouvert : placez vos points sur les cartes ou les regroupements qui comptent le plus pour vous. Il vous reste <strong>{dots(board.remaining)}</strong> sur {w.dotsPerParticipant}.
        </p>
      ) : null}
      {open ? (
        <p>
          {/* The board comes first (on a phone, the form would push it a screen down): the form is one tap away. */}
          <a href="#nouvelle-carte" className="fr-btn">
            Ajouter une carte
          </a>
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 className="mb-0 text-xl">Tableau de l'atelier</h2>
        {/* Without JavaScript the board does not refresh itself: this link reloads it. */}
        <a href={`/atelier/${w.code}`} className="fr-btn fr-btn--secondary">
          Actualiser
        </a>
      </div>
      <p className="text-sm text-gris-600" aria-live="polite">
        {board.cards.length} {plural(board.cards.length, "carte", "cartes")}, {board.clusters.length} {plural(board.clusters.length, "regroupement", "regroupements")}
      </p>
      {board.clusters.map((cl) => (
        <section key={cl.id} aria-labelledby={`cluster-${cl.id}`} className="card mb-4">
          <h3 id={`cluster-${cl.id}`} className="mt-0 text-lg">
            {cl.title} <span className="text-sm font-normal text-gris-600">· {dots(cl.votes)}</span>
          </h3>
          <ul className="mb-2 grid gap-2">
            {board.cards
              .filter((c) => c.clusterId === cl.id)
              .map((c) => (
                <li key={c.id} className="border-l-4 border-bleu pl-3">
                  {c.text}
                  {c.theme ? <span className="text-sm text-gris-600"> · {c.theme.label}</span> : null}
                  {c.mine ? <span className="text-sm text-gris-600"> · votre carte</span> : null}
                </li>
              ))}
          </ul>
          {voting && cl.cardIds.length === 0 ? <p className="mb-2 text-sm text-gris-600">Regroupement vide : pas de vote possible.</p> : null}
          {voting && (cl.cardIds.length > 0 || cl.myVotes > 0) ? (
            <VoteButtons target="cluster" id={cl.id} label={cl.title} myVotes={cl.myVotes} canAdd={board.remaining > 0} empty={cl.cardIds.length === 0} />
          ) : null}
        </section>
      ))}
      {loose.length ? (
        <section aria-labelledby="loose-cards">
          <h3 id="loose-cards" className="text-lg">
            {board.clusters.length ? "Cartes non regroupées" : "Cartes"}
          </h3>
          <ul className="grid gap-3">
            {loose.map((c) => (
              <li key={c.id} className="card">
                <p className="mb-1">{c.text}</p>
                <p className="mb-2 text-sm text-gris-600">
                  {c.theme ? `${c.theme.label} · ` : ""}
                  {dots(c.votes)}
                  {c.mine ? " · votre carte" : ""}
                  {c.myVotes ? ` · dont ${c.myVotes} de vous` : ""}
                </p>
                {voting ? <VoteButtons target="card" id={c.id} label={c.text} myVotes={c.myVotes} canAdd={board.remaining > 0} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {board.cards.length === 0 ? <p>Aucune carte pour l'instant : soyez le premier à en publier une.</p> : null}
      {open ? (
        <section id="nouvelle-carte" aria-labelledby="nouvelle-carte-titre" className="mt-8">
          <h2 id="nouvelle-carte-titre" className="text-xl">
            Ajouter une carte
          </h2>
          <Form method="post" className="card" {...getFormProps(cardForm)}>
            <FormErrors form={cardForm} />
            <input type="hidden" name="intent" value="card" />
            <TextField
              field={cardFields.text}
              label="Votre carte"
              hint={`Une idée par carte, ${CARD_TEXT_MAX} caractères au plus. N'écrivez aucune information sur un patient.`}
              multiline
              rows={3}
              required
            />
            <SelectField
              field={cardFields.theme}
              label="Thème (facultatif)"
              placeholder="Sans thème"
              options={loaded.themes.map((t) => ({ value: t.slug, label: t.label }))}
            />
            <button type="submit" className="fr-btn">
              Publier la carte
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
