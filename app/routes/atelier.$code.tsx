import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { Notice } from "~/components/notice";
import { seminarDate, useLiveRevision } from "~/components/seminars";
import { parseOrThrow } from "~/lib/api.server";
import { errorSentence, HttpError } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { listThemes } from "~/modules/irritants/irritants.server";
import { describeRedactions } from "~/lib/text/redaction";
import { formatCode, normaliseCode } from "~/modules/seminars/board";
import { castVote, getParticipantBoard, postCard } from "~/modules/seminars/board.server";
import { newParticipantToken, participantCookieHeader, readParticipantToken } from "~/modules/seminars/participants.server";
import { cardFormSchema, voteFormSchema } from "~/modules/seminars/schemas";
import { CARD_TEXT_MAX } from "~/modules/seminars/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && "board" in data && data.board ? `Atelier ${data.board.workshop.number} — ${data.board.workshop.title} — Sentinelle` : "Atelier introuvable — Sentinelle" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  const checked = normaliseCode(raw);
  if (checked.ok && checked.code !== raw) throw redirect(`/atelier/${checked.code}`);
  try {
    const viewer = await getUser(request);
    const board = getParticipantBoard(raw, await readParticipantToken(request), viewer);
    return { board, themes: listThemes().map(({ slug, label }) => ({ slug, label })), facilitator: board.canRun, error: null };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // A wrong code gets this page with the join form, not a bare error page.
    return data({ board: null, themes: [], facilitator: false, error: error.fields?.code?.[0] ?? error.message }, { status: error.status });
  }
}

export const INTENTS = ["card", "vote"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const existing = await readParticipantToken(request);
  const token = existing ?? newParticipantToken();
  const headers: HeadersInit = existing ? {} : { "Set-Cookie": await participantCookieHeader(token) };
  const form = await readFormData(request);
  try {
    if (readIntent(form, INTENTS, "card") === "vote") {
      const vote = parseOrThrow(voteFormSchema, Object.fromEntries(form), "Vote invalide.");
      const { remaining } = castVote(code, token, vote);
      const message = vote.direction === "add" ? `Point placé. Il vous reste ${remaining} point${remaining > 1 ? "s" : ""}.` : `Point retiré. Il vous reste ${remaining} point${remaining > 1 ? "s" : ""}.`;
      return data({ ok: true, message, cardId: null as number | null, fields: {} as Record<string, string[]>, text: "" }, { headers });
    }
    const input = parseOrThrow(cardFormSchema, Object.fromEntries(form), "Carte invalide.");
    const card = postCard(code, token, input);
    const masked = describeRedactions(card.redactions, "sur une carte");
    return data({ ok: true, message: masked ? `Carte publiée. ${masked}` : "Carte publiée.", cardId: card.id as number | null, fields: {} as Record<string, string[]>, text: "" }, { headers });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // A refused card comes back in the form, so nothing typed is lost (with or without JavaScript).
    const typed = form.get("intent") === "card" ? String(form.get("text") ?? "").slice(0, 2000) : "";
    return data({ ok: false, message: errorSentence(error), cardId: null as number | null, fields: error.fields ?? {}, text: typed }, { status: error.status, headers });
  }
}

function VoteButtons({ target, id, label, myVotes, canAdd }: { target: "card" | "cluster"; id: number; label: string; myVotes: number; canAdd: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="vote" />
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="targetId" value={id} />
        <input type="hidden" name="direction" value="add" />
        <button type="submit" className="btn" disabled={!canAdd}>
          + 1 point<span className="sr-only"> pour « {label} »</span>
        </button>
      </Form>
      {myVotes > 0 ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="targetId" value={id} />
          <input type="hidden" name="direction" value="remove" />
          <button type="submit" className="btn btn-secondary">
            Retirer un point<span className="sr-only"> de « {label} »</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}

const dots = (n: number) => `${n} point${n > 1 ? "s" : ""}`;

export default function WorkshopBoard() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const board = loaded.board;
  // The card form is emptied after a card is posted, not after a vote (a card being typed stays).
  const lastCard = useRef<number | null>(null);
  if (result?.cardId) lastCard.current = result.cardId;
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
          <input id="code" name="code" className="input text-2xl uppercase tracking-widest" autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          <button type="submit" className="btn mt-4">
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
  const fields = result && !result.ok ? result.fields : {};
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
        <p className="alert alert-success">
          Le vote est ouvert : placez vos points sur les cartes ou les regroupements qui comptent le plus pour vous. Il vous reste <strong>{dots(board.remaining)}</strong> sur {w.dotsPerParticipant}.
        </p>
      ) : null}
      {open ? (
        <Form method="post" className="card mb-6" key={`${lastCard.current ?? "new"}-${result && !result.ok ? result.text.length : ""}`}>
          <input type="hidden" name="intent" value="card" />
          <div className="mb-4">
            <label htmlFor="card-text" className="label">
              Votre carte
              <span id="card-text-hint" className="hint">
                Une idée par carte, {CARD_TEXT_MAX} caractères au plus. N'écrivez aucune information sur un patient.
              </span>
            </label>
            <textarea
              id="card-text"
              name="text"
              rows={3}
              className="input"
              defaultValue={result && !result.ok ? result.text : undefined}
              required
              aria-invalid={fields.text?.length ? true : undefined}
              aria-describedby={fields.text?.length ? "card-text-hint card-text-error" : "card-text-hint"}
            />
            {fields.text?.length ? (
              <div id="card-text-error" className="field-error">
                {fields.text.map((m) => (
                  <p key={m} className="mb-0">
                    {m}
                  </p>
                ))}
              </div>
            ) : null}
          </div>
          <div className="mb-4">
            <label htmlFor="card-theme" className="label">
              Thème (facultatif)
            </label>
            <select id="card-theme" name="theme" className="input" defaultValue="">
              <option value="">Sans thème</option>
              {loaded.themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn">
            Publier la carte
          </button>
        </Form>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 className="mb-0 text-xl">Tableau de l'atelier</h2>
        {/* Without JavaScript the board does not refresh itself: this link reloads it. */}
        <a href={`/atelier/${w.code}`} className="btn btn-secondary">
          Actualiser
        </a>
      </div>
      <p className="text-sm text-gris-600" aria-live="polite">
        {board.cards.length} carte{board.cards.length > 1 ? "s" : ""}, {board.clusters.length} regroupement{board.clusters.length > 1 ? "s" : ""}
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
          {voting ? <VoteButtons target="cluster" id={cl.id} label={cl.title} myVotes={cl.myVotes} canAdd={board.remaining > 0} /> : null}
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
    </div>
  );
}
