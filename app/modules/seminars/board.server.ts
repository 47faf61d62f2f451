import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { seminarOutcomes, seminars, themes, workshopCards, workshopClusters, workshopParticipants, workshopVotes, workshops } from "#db/schema";
import { HttpError } from "~/lib/errors";
import type { EventPayload } from "~/lib/event-catalogue";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { maskOrRefuse, requireRedactor } from "~/modules/irritants/index.server";
import { replaceAll } from "~/lib/text/passage";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { scrubPassageCopies } from "~/modules/notifications/index.server";
import { checkVote, normaliseCode, remainingDots, titleFrom } from "./board";
import { hashParticipantToken } from "./participants.server";
import type { CardInput } from "./schemas";
import { CARDS_PER_MINUTE, CARDS_PER_PARTICIPANT, type WorkshopStatus } from "./vocabulary";

type WorkshopRow = typeof workshops.$inferSelect;

/** The workshop a typed code names: 422 when the code cannot be one, 404 when no workshop has it. */
function workshopByCode(tx: Tx | ReturnType<typeof getDb>, input: string): WorkshopRow {
  const checked = normaliseCode(input);
  if (!checked.ok) throw new HttpError(422, checked.message, { code: [checked.message] });
  const row = tx.select().from(workshops).where(eq(workshops.code, checked.code)).get();
  if (!row) {
    const message = "Aucun atelier ne correspond à ce code. Vérifiez le code affiché dans la salle : l'animateur l'a peut-être renouvelé.";
    throw new HttpError(404, message, { code: [message] });
  }
  return row;
}

/** Whether the code is usable to post and vote, in French, for the join form. */
export function checkJoinCode(input: string) {
  const w = workshopByCode(getDb(), input);
  if (w.status === "closed") {
    const message = `Ce code a expiré : l'atelier ${w.number} est clos. Vous pouvez encore en consulter le tableau.`;
    return { code: w.code, usable: false, message };
  }
  return { code: w.code, usable: true, message: null };
}

function bump(tx: Tx, workshopId: number) {
  tx.update(workshops).set({ revision: sql`${workshops.revision} + 1` }).where(eq(workshops.id, workshopId)).run();
}

function participantOf(tx: Tx | ReturnType<typeof getDb>, workshopId: number, token: string | null) {
  if (!token) return null;
  return tx.select({ id: workshopParticipants.id }).from(workshopParticipants).where(and(eq(workshopParticipants.workshopId, workshopId), eq(workshopParticipants.tokenHash, hashParticipantToken(token)))).get()?.id ?? null;
}

function ensureParticipant(tx: Tx, workshopId: number, token: string) {
  const existing = participantOf(tx, workshopId, token);
  if (existing) return existing;
  return tx.insert(workshopParticipants).values({ workshopId, tokenHash: hashParticipantToken(token) }).returning({ id: workshopParticipants.id }).get().id;
}

function requireOpenForCards(w: WorkshopRow) {
  if (w.status === "draft") throw new HttpError(409, "L'atelier n'a pas encore commencé : vous pourrez publier dès que l'animateur l'ouvrira.");
  if (w.status === "closed") throw new HttpError(409, "Cet atelier est clos : il n'est plus possible de publier de carte.");
}

/** Dots a participant has placed on cards still shown and on clusters. */
function usedDots(tx: Tx | ReturnType<typeof getDb>, workshopId: number, participantId: number) {
  return (
    tx.get<{ n: number }>(sql`select count(*) as n from workshop_votes v left join workshop_cards c on c.id = v.card_id
      where v.workshop_id = ${workshopId} and v.participant_id = ${participantId} and (v.card_id is null or c.hidden_at is null)`)?.n ?? 0
  );
}

// --- Participants ------------------------------------------------------------------------------------

/**
 * Posts a card: the workshop must be open, the participant under the rate limit; the text is masked for
 * patient identifiers before it is stored. Returns what was masked, so the participant is told.
 */
export function postCard(code: string, token: string, input: CardInput) {
  const text = redactPatientIdentifiers(input.text);
  return getDb().transaction((tx) => {
    const w = workshopByCode(tx, code);
    requireOpenForCards(w);
    const theme = input.theme ? tx.select({ id: themes.id }).from(themes).where(and(eq(themes.slug, input.theme), isNull(themes.retiredAt))).get() : undefined;
    if (input.theme && !theme) throw new HttpError(422, "Thème inconnu.", { theme: ["Choisissez un thème de la liste."] });
    const participantId = ensureParticipant(tx, w.id, token);
    const recent = tx
      .select({ n: count() })
      .from(workshopCards)
      .where(and(eq(workshopCards.participantId, participantId), sql`${workshopCards.createdAt} > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-60 seconds')`))
      .get()!.n;
    if (recent >= CARDS_PER_MINUTE) throw new HttpError(429, `Vous avez publié ${CARDS_PER_MINUTE} cartes en moins d'une minute : attendez un instant avant d'en publier une autre.`);
    const total = tx.select({ n: count() }).from(workshopCards).where(eq(workshopCards.participantId, participantId)).get()!.n;
    if (total >= CARDS_PER_PARTICIPANT) throw new HttpError(429, `Vous avez publié ${CARDS_PER_PARTICIPANT} cartes dans cet atelier, le maximum par participant.`);
    const redactions: Record<string, number> = {};
    for (const r of text.redactions) redactions[r.kind] = r.count;
    const row = tx
      .insert(workshopCards)
      .values({ workshopId: w.id, participantId, text: text.text, themeId: theme?.id ?? null, redactions })
      .returning({ id: workshopCards.id })
      .get();
    bump(tx, w.id);
    recordEvent(tx, { type: "workshop.card_posted", actorId: null, subject: { type: "workshop", id: w.id }, payload: { cardId: row.id, redacted: text.total } });
    return { id: row.id, redactions: text.redactions, redacted: text.total };
  });
}

/** Places or takes back one dot on a card or a cluster, within the participant's allowance. */
export function castVote(code: string, token: string, input: { target: "card" | "cluster"; targetId: number; direction: "add" | "remove" }) {
  return getDb().transaction((tx) => {
    const w = workshopByCode(tx, code);
    const target =
      input.target === "card"
        ? tx.select({ id: workshopCards.id }).from(workshopCards).where(and(eq(workshopCards.id, input.targetId), eq(workshopCards.workshopId, w.id), isNull(workshopCards.hiddenAt))).get()
        : tx.select({ id: workshopClusters.id }).from(workshopClusters).where(and(eq(workshopClusters.id, input.targetId), eq(workshopClusters.workshopId, w.id))).get();
    if (!target) throw new HttpError(404, input.target === "card" ? "Cette carte n'existe pas ou a été masquée." : "Ce regroupement n'existe pas.");
    // A dot on a cluster is a dot on its cards: with no visible card there is nothing to vote for.
    if (input.target === "cluster" && input.direction === "add") {
      const visibleCard = tx
        .select({ id: workshopCards.id })
        .from(workshopCards)
        .where(and(eq(workshopCards.clusterId, target.id), isNull(workshopCards.hiddenAt)))
        .limit(1)
        .get();
      if (!visibleCard) throw new HttpError(409, "Ce regroupement est vide : placez vos points sur un regroupement qui contient des cartes.");
    }
    const participantId = ensureParticipant(tx, w.id, token);
    const used = usedDots(tx, w.id, participantId);
    const onTarget = input.target === "card" ? eq(workshopVotes.cardId, target.id) : eq(workshopVotes.clusterId, target.id);
    if (input.direction === "remove") {
      const decision = checkVote({ votingOpen: w.votingOpen, closed: w.status === "closed", allowance: Number.MAX_SAFE_INTEGER, used: 0 });
      if (!decision.ok) throw new HttpError(409, decision.message);
      const vote = tx.select({ id: workshopVotes.id }).from(workshopVotes).where(and(eq(workshopVotes.participantId, participantId), onTarget)).limit(1).get();
      if (!vote) throw new HttpError(409, "Vous n'avez pas placé de point ici.");
      tx.delete(workshopVotes).where(eq(workshopVotes.id, vote.id)).run();
      bump(tx, w.id);
      recordEvent(tx, { type: "workshop.vote_removed", actorId: null, subject: { type: "workshop", id: w.id }, payload: { target: input.target, targetId: target.id } });
      return { remaining: remainingDots(w.dotsPerParticipant, used - 1) };
    }
    const decision = checkVote({ votingOpen: w.votingOpen, closed: w.status === "closed", allowance: w.dotsPerParticipant, used });
    if (!decision.ok) throw new HttpError(409, decision.message);
    tx.insert(workshopVotes)
      .values({ workshopId: w.id, participantId, cardId: input.target === "card" ? target.id : null, clusterId: input.target === "cluster" ? target.id : null })
      .run();
    bump(tx, w.id);
    recordEvent(tx, { type: "workshop.vote_cast", actorId: null, subject: { type: "workshop", id: w.id }, payload: { target: input.target, targetId: target.id } });
    return { remaining: decision.remaining };
  });
}

/** The board's version: live views poll it and reload the board only when it moved. */
export function boardRevision(code: string) {
  const w = workshopByCode(getDb(), code);
  return w.revision;
}

export function boardRevisionById(actor: SessionUser, workshopId: number) {
  const w = requireBoardAccess(actor, workshopId);
  return w.revision;
}

/** Cards and clusters with their dots; hidden cards only for the facilitator. */
function boardContent(workshopId: number, options: { includeHidden: boolean; participantId: number | null }) {
  const db = getDb();
  const cards = db
    .select({
      id: workshopCards.id,
      text: workshopCards.text,
      clusterId: workshopCards.clusterId,
      hidden: sql<boolean>`${workshopCards.hiddenAt} is not null`.mapWith(Boolean),
      participantId: workshopCards.participantId,
      themeSlug: themes.slug,
      themeLabel: themes.label,
      createdAt: workshopCards.createdAt,
    })
    .from(workshopCards)
    .leftJoin(themes, eq(themes.id, workshopCards.themeId))
    .where(and(eq(workshopCards.workshopId, workshopId), options.includeHidden ? undefined : isNull(workshopCards.hiddenAt)))
    .orderBy(asc(workshopCards.id))
    .all();
  const clusters = db.select({ id: workshopClusters.id, title: workshopClusters.title }).from(workshopClusters).where(eq(workshopClusters.workshopId, workshopId)).orderBy(asc(workshopClusters.position), asc(workshopClusters.id)).all();
  const votes = db
    .select({ cardId: workshopVotes.cardId, clusterId: workshopVotes.clusterId, participantId: workshopVotes.participantId })
    .from(workshopVotes)
    .where(eq(workshopVotes.workshopId, workshopId))
    .all();
  const cardVotes = (id: number) => votes.filter((v) => v.cardId === id);
  const shownCards = cards.map((c) => ({
    id: c.id,
    text: c.text,
    clusterId: c.clusterId,
    hidden: c.hidden,
    mine: options.participantId !== null && c.participantId === options.participantId,
    theme: c.themeSlug ? { slug: c.themeSlug, label: c.themeLabel! } : null,
    votes: c.hidden ? 0 : cardVotes(c.id).length,
    myVotes: options.participantId === null ? 0 : cardVotes(c.id).filter((v) => v.participantId === options.participantId).length,
  }));
  const shownClusters = clusters.map((cl) => {
    const own = votes.filter((v) => v.clusterId === cl.id);
    const members = shownCards.filter((c) => c.clusterId === cl.id && !c.hidden);
    return {
      id: cl.id,
      title: cl.title,
      ownVotes: own.length,
      votes: own.length + members.reduce((n, c) => n + c.votes, 0),
      myVotes: options.participantId === null ? 0 : own.filter((v) => v.participantId === options.participantId).length,
      cardIds: members.map((c) => c.id),
    };
  });
  const participants = db.select({ n: count() }).from(workshopParticipants).where(eq(workshopParticipants.workshopId, workshopId)).get()!.n;
  // The same count the vote check uses (hidden cards' dots are given back), so the page never disagrees with it.
  const used = options.participantId === null ? 0 : usedDots(db, workshopId, options.participantId);
  return { cards: shownCards, clusters: shownClusters, participants, used };
}

function workshopHeader(w: WorkshopRow) {
  const seminar = getDb().select({ slug: seminars.slug, title: seminars.title, date: seminars.date, published: seminars.published }).from(seminars).where(eq(seminars.id, w.seminarId)).get()!;
  return {
    id: w.id,
    seminarId: w.seminarId,
    number: w.number,
    title: w.title,
    question: w.question,
    code: w.code,
    status: w.status as WorkshopStatus,
    votingOpen: w.votingOpen,
    dotsPerParticipant: w.dotsPerParticipant,
    facilitatorLabel: w.facilitatorLabel,
    revision: w.revision,
    seminar,
  };
}

/** What a participant's phone shows: the question, the cards, the clusters, their own dots. */
export function getParticipantBoard(code: string, token: string | null, viewer: SessionUser | null) {
  const w = workshopByCode(getDb(), code);
  const participantId = participantOf(getDb(), w.id, token);
  const content = boardContent(w.id, { includeHidden: false, participantId });
  // Whether the viewer runs this board, rather than who does: the facilitator's account id stays on the server.
  return { workshop: workshopHeader(w), ...content, remaining: remainingDots(w.dotsPerParticipant, content.used), canRun: canRunBoard(viewer, w) };
}

// --- Facilitator -----------------------------------------------------------------------------------

function canRunBoard(actor: SessionUser | null, w: Pick<WorkshopRow, "facilitatorId">) {
  return !!actor && (can(actor, "seminar:manage") || (w.facilitatorId !== null && w.facilitatorId === actor.id));
}

/** The workshop, if the actor is its facilitator or on the team; otherwise 403 (404 when it does not exist). */
export function requireBoardAccess(actor: SessionUser, workshopId: number, tx: Tx | ReturnType<typeof getDb> = getDb()) {
  const w = tx.select().from(workshops).where(eq(workshops.id, workshopId)).get();
  if (!w) throw new HttpError(404, "Cet atelier n'existe pas.");
  if (!canRunBoard(actor, w)) throw new HttpError(403, "Seuls l'animateur de cet atelier et l'équipe programme gèrent ce tableau.");
  return w;
}

export function getFacilitatorBoard(actor: SessionUser, workshopId: number) {
  const w = requireBoardAccess(actor, workshopId);
  const content = boardContent(w.id, { includeHidden: true, participantId: null });
  const outcomes = getDb()
    .select({ sourceKind: seminarOutcomes.sourceKind, sourceId: seminarOutcomes.sourceId, targetKind: seminarOutcomes.targetKind, targetId: seminarOutcomes.targetId })
    .from(seminarOutcomes)
    .where(eq(seminarOutcomes.workshopId, w.id))
    .all();
  return { workshop: workshopHeader(w), ...content, outcomes };
}

/** The events a facilitator's board change records (all about the workshop). */
type BoardEventType = "workshop.status_changed" | "workshop.vote_opened" | "workshop.vote_closed" | "workshop.cluster_created" | "workshop.cluster_renamed" | "workshop.card_moved" | "workshop.card_hidden" | "workshop.card_shown";

const STATUS_CHANGES: Record<WorkshopStatus, readonly WorkshopStatus[]> = { draft: ["open"], open: ["closed"], closed: ["open"] };

function boardChange<T, E extends BoardEventType>(actor: SessionUser, workshopId: number, type: E, payload: EventPayload<E>, change: (tx: Tx, w: WorkshopRow) => T): T {
  return getDb().transaction((tx) => {
    const w = requireBoardAccess(actor, workshopId, tx);
    const result = change(tx, w);
    bump(tx, w.id);
    recordEvent<BoardEventType>(tx, { type, actorId: actor.id, subject: { type: "workshop", id: w.id }, payload });
    return result;
  });
}

/** Opens the board to participants, closes it (the vote with it), or reopens it. */
export function setWorkshopStatus(actor: SessionUser, workshopId: number, status: WorkshopStatus) {
  return boardChange(actor, workshopId, "workshop.status_changed", { to: status }, (tx, w) => {
    if (w.status === status) return;
    if (!STATUS_CHANGES[w.status].includes(status)) throw new HttpError(409, "Ce changement d'état n'est pas possible.");
    const closing = status === "closed";
    tx.update(workshops)
      .set({ status, votingOpen: closing ? false : w.votingOpen, closedAt: closing ? new Date().toISOString() : null })
      .where(eq(workshops.id, w.id))
      .run();
  });
}

export function setVoting(actor: SessionUser, workshopId: number, open: boolean) {
  return boardChange(actor, workshopId, open ? "workshop.vote_opened" : "workshop.vote_closed", {}, (tx, w) => {
    if (open && w.status !== "open") throw new HttpError(409, "Ouvrez d'abord l'atelier : le vote a lieu pendant l'atelier.");
    tx.update(workshops).set({ votingOpen: open }).where(eq(workshops.id, w.id)).run();
  });
}

function requireCard(tx: Tx, w: WorkshopRow, cardId: number) {
  const card = tx.select().from(workshopCards).where(and(eq(workshopCards.id, cardId), eq(workshopCards.workshopId, w.id))).get();
  if (!card) throw new HttpError(404, "Cette carte n'existe pas dans cet atelier.");
  return card;
}

function requireCluster(tx: Tx, w: WorkshopRow, clusterId: number) {
  const cluster = tx.select().from(workshopClusters).where(and(eq(workshopClusters.id, clusterId), eq(workshopClusters.workshopId, w.id))).get();
  if (!cluster) throw new HttpError(404, "Ce regroupement n'existe pas dans cet atelier.");
  return cluster;
}

function newCluster(tx: Tx, workshopId: number, title: string) {
  const position = (tx.get<{ p: number | null }>(sql`select max(position) as p from workshop_clusters where workshop_id = ${workshopId}`)?.p ?? -1) + 1;
  return tx.insert(workshopClusters).values({ workshopId, title, position }).returning({ id: workshopClusters.id }).get().id;
}

export function createCluster(actor: SessionUser, workshopId: number, title: string) {
  return boardChange(actor, workshopId, "workshop.cluster_created", { title }, (tx, w) => newCluster(tx, w.id, title));
}

export function renameCluster(actor: SessionUser, workshopId: number, clusterId: number, title: string) {
  return boardChange(actor, workshopId, "workshop.cluster_renamed", { clusterId, title }, (tx, w) => {
    requireCluster(tx, w, clusterId);
    tx.update(workshopClusters).set({ title }).where(eq(workshopClusters.id, clusterId)).run();
  });
}

/** Puts a card in a cluster ("new": a new cluster named after the card), or takes it out (null). */
export function moveCard(actor: SessionUser, workshopId: number, cardId: number, clusterId: number | "new" | null) {
  return boardChange(actor, workshopId, "workshop.card_moved", { cardId, clusterId }, (tx, w) => {
    const card = requireCard(tx, w, cardId);
    const target = clusterId === "new" ? newCluster(tx, w.id, titleFrom(card.text, 80)) : clusterId;
    if (typeof target === "number") requireCluster(tx, w, target);
    tx.update(workshopCards).set({ clusterId: target }).where(eq(workshopCards.id, cardId)).run();
    // An emptied cluster without dots or outcome is removed, so the board does not fill with empty boxes.
    if (card.clusterId && card.clusterId !== target) dropIfEmpty(tx, card.clusterId);
    return target;
  });
}

function dropIfEmpty(tx: Tx, clusterId: number) {
  const cards = tx.select({ n: count() }).from(workshopCards).where(eq(workshopCards.clusterId, clusterId)).get()!.n;
  const votes = tx.select({ n: count() }).from(workshopVotes).where(eq(workshopVotes.clusterId, clusterId)).get()!.n;
  const outcomes = tx.select({ n: count() }).from(seminarOutcomes).where(and(eq(seminarOutcomes.sourceKind, "cluster"), eq(seminarOutcomes.sourceId, clusterId))).get()!.n;
  if (cards === 0 && votes === 0 && outcomes === 0) tx.delete(workshopClusters).where(eq(workshopClusters.id, clusterId)).run();
}

/** Hides a card from the board (its dots stop counting and go back to their owners), or shows it again. */
export function setCardHidden(actor: SessionUser, workshopId: number, cardId: number, hidden: boolean) {
  return boardChange(actor, workshopId, hidden ? "workshop.card_hidden" : "workshop.card_shown", { cardId }, (tx, w) => {
    requireCard(tx, w, cardId);
    tx.update(workshopCards).set({ hiddenAt: hidden ? new Date().toISOString() : null }).where(eq(workshopCards.id, cardId)).run();
  });
}

/** The texts a restitution starts from: a card's text, or a cluster's title and its cards. */
export function sourceContent(tx: Tx | ReturnType<typeof getDb>, workshopId: number, source: "card" | "cluster", sourceId: number) {
  if (source === "card") {
    const card = tx
      .select({ text: workshopCards.text, themeSlug: themes.slug, hiddenAt: workshopCards.hiddenAt })
      .from(workshopCards)
      .leftJoin(themes, eq(themes.id, workshopCards.themeId))
      .where(and(eq(workshopCards.id, sourceId), eq(workshopCards.workshopId, workshopId)))
      .get();
    if (!card) throw new HttpError(404, "Cette carte n'existe pas dans cet atelier.");
    return { title: titleFrom(card.text), texts: [card.text], themes: card.themeSlug ? [card.themeSlug] : [] };
  }
  const cluster = tx.select().from(workshopClusters).where(and(eq(workshopClusters.id, sourceId), eq(workshopClusters.workshopId, workshopId))).get();
  if (!cluster) throw new HttpError(404, "Ce regroupement n'existe pas dans cet atelier.");
  const cards = tx
    .select({ text: workshopCards.text, themeSlug: themes.slug })
    .from(workshopCards)
    .leftJoin(themes, eq(themes.id, workshopCards.themeId))
    .where(and(eq(workshopCards.clusterId, cluster.id), isNull(workshopCards.hiddenAt)))
    .orderBy(asc(workshopCards.id))
    .all();
  return { title: cluster.title, texts: cards.map((c) => c.text), themes: [...new Set(cards.map((c) => c.themeSlug).filter((s): s is string => !!s))] };
}


/**
 * "Masquer un passage" in a workshop card: the passage is replaced by the placeholder, in the card and in the
 * titles of the workshop's clusters (a cluster made from a card is named after its text), copies of it in the
 * workshop's events, notifications and e-mails erased, and the audit log records who, which card and how many
 * characters. The team's command (a facilitator hides a card instead). One transaction.
 */
export function maskCardPassage(actor: SessionUser, cardId: number, passage: string) {
  requireRedactor(actor);
  return getDb().transaction((tx) => {
    const card = tx.select().from(workshopCards).where(eq(workshopCards.id, cardId)).get();
    if (!card) throw new HttpError(404, "Cette carte n'existe pas.");
    const mask = maskOrRefuse(card.text, passage);
    tx.update(workshopCards).set({ text: mask.text }).where(eq(workshopCards.id, card.id)).run();
    const previousTitle = titleFrom(card.text, 80);
    for (const cluster of tx.select().from(workshopClusters).where(eq(workshopClusters.workshopId, card.workshopId)).all()) {
      // A title cut from the card may hold only the start of the passage: it is cut again from the masked text.
      const title = cluster.id === card.clusterId && cluster.title === previousTitle ? titleFrom(mask.text, 80) : replaceAll(cluster.title, mask.matches);
      if (title !== cluster.title) tx.update(workshopClusters).set({ title }).where(eq(workshopClusters.id, cluster.id)).run();
    }
    bump(tx, card.workshopId);
    scrubPassageCopies(tx, [{ type: "workshop", id: card.workshopId }], mask.matches);
    recordEvent(tx, {
      type: "workshop.passage_masked",
      actorId: actor.id,
      subject: { type: "workshop", id: card.workshopId },
      payload: { cardId: card.id, occurrences: mask.occurrences, characters: mask.characters },
    });
    return { workshopId: card.workshopId, occurrences: mask.occurrences, characters: mask.characters };
  });
}
