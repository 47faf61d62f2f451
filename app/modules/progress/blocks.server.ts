/**
 * The blocks of a point d'étape: stored in order, and rendered as data read as of the point's day. A draft is
 * rendered live on every view; publishing stores the rendering (`snapshot`), which the page and the feed show from
 * then on, so that later changes of the data do not alter a published point.
 */
import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { events, irritantThemes, irritants, progressBlocks, progressUpdates, themes } from "#db/schema";
import type { BlockKind } from "#db/vocabularies/progress";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { ACTION_STATUS_LABELS } from "~/modules/action-plan";
import { getPlan, planHistories } from "~/modules/action-plan/index.server";
import { listIndicators } from "~/modules/indicators/index.server";
import { STATUS_LABELS, type IrritantStatus } from "~/modules/irritants";
import { publiclyVisible } from "~/modules/irritants/index.server";
import { regulatoryCalendar } from "~/modules/regulation";
import { listDocumentRows, listObligations } from "~/modules/regulation/index.server";
import { getPublicSeminar } from "~/modules/seminars/index.server";
import { getSnapshot, type CampaignResults } from "~/modules/surveys/index.server";
import { headlineAsOf, inWindow, previousPoint, regulatoryWindow, valuesAsOf, type HeadlineFigure } from "./as-of";
import { changeList, type Change } from "./changes";
import { renderMarkdown } from "./markdown";
import { nextStepsAsOf } from "./next-steps.server";
import { BLOCK_KIND_LABELS } from "./vocabulary";

export type BlockConfig = { markdown?: string; indicators?: string[]; indicator?: string; seminar?: string; campaign?: string };

type Base = { id: number; title: string };
// `progress` (steps done as of the point's day, "2 étapes sur 5"; blank without steps) is absent from points frozen before it.
type PlanAction = { id: number; title: string; lead: string; status: string; deadline: string; overdue: boolean; slips: { from: string; to: string; reason: string }[]; progress?: string };
export type RenderedBlock = Base &
  (
    | { kind: "narrative"; html: string }
    | { kind: "figures"; figures: ({ slug: string; title: string; unit: string; source: string; demonstration: boolean } & HeadlineFigure)[] }
    | { kind: "indicator"; indicator: { slug: string; title: string; unit: string; source: string; chart: "line" | "bar" | "stacked" | "figure"; demonstration: boolean; values: { period: string; dimension: string; value: number }[] } }
    | { kind: "plan"; counts: { total: number; done: number; overdue: number; slipped: number }; challenges: { id: number; workstream: string; title: string; actions: PlanAction[] }[] }
    | { kind: "irritants"; rows: { theme: string; received: number; resolved: number }[]; total: { received: number; resolved: number } }
    | { kind: "changes"; changes: Change[] }
    | { kind: "seminar"; seminar: { slug: string; title: string; date: string; objectives: string[]; positives: string[]; improvements: string[]; outcomes: { kind: "irritant" | "action"; title: string; status: string; statusThen?: string }[] } }
    | { kind: "survey"; campaign: { slug: string; title: string; wave: string }; results: CampaignResults }
    | { kind: "regulation"; from: string; to: string; dated: { due: string; items: { slug: string; title: string; label: string; documentType: string | null }[] }[] }
    | { kind: "next-steps"; groups: { heading: string; steps: { text: string; horizon: string; done: boolean }[] }[] }
    | { kind: "missing"; message: string }
  );

/** What a point shows: its day, the point before it, and its blocks as rendered. Stored as is at publication. */
export type PointRendering = { day: string; previous: { slug: string; title: string; day: string } | null; blocks: RenderedBlock[] };

type UpdateRow = typeof progressUpdates.$inferSelect;

/** The point's day: the one chosen, else the day it was published, else the day it was created. */
export const dayOfUpdate = (u: Pick<UpdateRow, "asOf" | "publishedAt" | "createdAt">) => u.asOf ?? (u.publishedAt ?? u.createdAt).slice(0, 10);

export function listBlocks(updateId: number) {
  return getDb()
    .select({ id: progressBlocks.id, kind: progressBlocks.kind, title: progressBlocks.title, config: progressBlocks.config, position: progressBlocks.position })
    .from(progressBlocks)
    .where(eq(progressBlocks.updateId, updateId))
    .orderBy(asc(progressBlocks.position), asc(progressBlocks.id))
    .all()
    .map((b) => ({ ...b, config: b.config as BlockConfig }));
}

/** The rendering of a point as of its day: live data for a draft, the stored snapshot once published. */
export function renderingOf(u: UpdateRow): PointRendering {
  if (u.status === "published" && u.snapshot) return u.snapshot as PointRendering;
  return renderPoint(u);
}

export function renderPoint(u: UpdateRow): PointRendering {
  const day = dayOfUpdate(u);
  const published = getDb().select().from(progressUpdates).where(eq(progressUpdates.status, "published")).all();
  const prev = previousPoint(
    published.map((p) => ({ id: p.id, day: dayOfUpdate(p), slug: p.slug, title: p.title })),
    { id: u.id, day },
  );
  const since = prev?.day ?? null;
  const context = new RenderContext(day, since);
  const blocks = listBlocks(u.id).map((b) => context.render(b));
  return { day, previous: prev ? { slug: prev.slug, title: prev.title, day: prev.day } : null, blocks };
}

/**
 * Reads what the blocks need once per rendering (the plan and its histories, the indicators, the irritants, each
 * seminar and survey named) and renders each block: a point's queries do not grow with its number of blocks.
 */
class RenderContext {
  private cache = new Map<string, unknown>();
  constructor(
    private day: string,
    private since: string | null,
  ) {}

  private once<T>(key: string, load: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as T;
  }
  private indicators = () => this.once("indicators", () => listIndicators());
  private histories = () => this.once("histories", () => planHistories());

  render(b: { id: number; kind: BlockKind; title: string; config: BlockConfig }): RenderedBlock {
    const title = b.title || BLOCK_KIND_LABELS[b.kind];
    const missing = (message: string): RenderedBlock => ({ id: b.id, title, kind: "missing", message });
    const base = { id: b.id, title };
    switch (b.kind) {
      case "narrative":
        return { ...base, kind: "narrative", html: renderMarkdown(b.config.markdown ?? "") };
      case "figures": {
        const chosen = b.config.indicators ?? [];
        const figures = chosen.flatMap((slug) => {
          const ind = this.indicators().find((i) => i.slug === slug);
          const figure = ind ? headlineAsOf(ind.values, this.day) : null;
          return ind && figure ? [{ slug, title: ind.title, unit: ind.unit, source: ind.source, demonstration: ind.demonstration, ...figure }] : [];
        });
        return figures.length ? { ...base, kind: "figures", figures } : missing("Aucune valeur connue à cette date pour les indicateurs choisis.");
      }
      case "indicator": {
        const ind = this.indicators().find((i) => i.slug === b.config.indicator);
        if (!ind) return missing("Indicateur introuvable.");
        const values = valuesAsOf(ind.values, this.day);
        return { ...base, kind: "indicator", indicator: { slug: ind.slug, title: ind.title, unit: ind.unit, source: ind.source, chart: ind.chart, demonstration: ind.demonstration, values } };
      }
      case "plan":
        return { ...base, ...this.plan() };
      case "irritants":
        return { ...base, ...this.irritantsByTheme() };
      case "changes":
        return { ...base, kind: "changes", changes: this.changes() };
      case "seminar": {
        try {
          const slug = b.config.seminar ?? "";
          const s = this.once(`seminar:${slug}`, () => getPublicSeminar(slug, null));
          return {
            ...base,
            kind: "seminar",
            seminar: {
              slug: s.slug,
              title: s.title,
              date: s.date,
              objectives: s.objectives,
              positives: s.positives,
              improvements: s.improvements,
              // As of the point's day: outcomes recorded by then, each with its status that day (absent from older snapshots).
              outcomes: this.once(`seminar-outcomes:${slug}`, () => this.outcomesAsOf(s.outcomes.items)),
            },
          };
        } catch (error) {
          if (error instanceof HttpError) return missing("Séminaire introuvable ou non publié.");
          throw error;
        }
      }
      case "survey": {
        try {
          const campaign = b.config.campaign ?? "";
          const { snapshot, title: campaignTitle, wave, slug } = this.once(`survey:${campaign}`, () => getSnapshot(campaign));
          if (snapshot.publishedAt.slice(0, 10) > this.day) return missing("Ces résultats n'étaient pas encore publiés à la date du point.");
          return { ...base, kind: "survey", campaign: { slug, title: campaignTitle, wave }, results: snapshot.results as CampaignResults };
        } catch (error) {
          if (error instanceof HttpError) return missing("Aucun résultat publié pour cette enquête.");
          throw error;
        }
      }
      case "regulation":
        return { ...base, ...this.regulation() };
      case "next-steps": {
        // As of the point's day: the steps announced by then, done if they were by then.
        const groups = this.once("next-steps", () => nextStepsAsOf(this.day));
        return groups.length ? { ...base, kind: "next-steps", groups } : missing("Aucune prochaine étape annoncée à cette date.");
      }
    }
  }

  private plan() {
    return this.once("plan", () => this.loadPlan());
  }

  private loadPlan() {
    const slipsOf = new Map(
      this.histories().map((a) => [a.id, a.deadlineChanges.filter((c) => inWindow(c.changedAt, this.since, this.day)).map((c) => ({ from: c.fromLabel, to: c.toLabel, reason: c.reason }))]),
    );
    const challenges = getPlan({ asOf: this.day }).flatMap((ws) =>
      ws.challenges.map((c) => ({
        id: c.id,
        workstream: ws.title,
        title: c.title,
        actions: c.actions.map((a) => ({
          id: a.id,
          title: a.title,
          lead: a.lead.label,
          status: ACTION_STATUS_LABELS[a.status],
          deadline: a.deadline.label,
          overdue: a.overdue,
          slips: slipsOf.get(a.id) ?? [],
          progress: a.progress.total ? a.progress.text : "",
        })),
      })),
    );
    const all = challenges.flatMap((c) => c.actions);
    const counts = { total: all.length, done: all.filter((a) => a.status === ACTION_STATUS_LABELS.fait).length, overdue: all.filter((a) => a.overdue).length, slipped: all.filter((a) => a.slips.length).length };
    return { kind: "plan" as const, counts, challenges };
  }

  /**
   * A seminar's outcomes with their status as of the point's day, where the history says it: an action's from the plan
   * as of the day, an irritant's from its last status change by then. Without such a record, no status is claimed.
   */
  private outcomesAsOf(items: { kind: "irritant" | "action"; targetId: number; title: string; status: string }[]) {
    const actionStatus = this.once("plan-statuses", () => new Map(getPlan({ asOf: this.day }).flatMap((ws) => ws.challenges.flatMap((c) => c.actions.map((a) => [a.id, a.status] as const)))));
    const irritantIds = items.filter((o) => o.kind === "irritant").map((o) => o.targetId);
    const irritantStatus = new Map<number, IrritantStatus>();
    if (irritantIds.length) {
      const changes = getDb()
        .select({ id: events.subjectId, at: events.createdAt, to: sql<IrritantStatus>`json_extract(${events.payload}, '$.to')` })
        .from(events)
        .where(and(eq(events.subjectType, "irritant"), eq(events.type, "irritant.status_changed"), inArray(events.subjectId, irritantIds)))
        .orderBy(asc(events.id))
        .all();
      for (const c of changes) if (c.at.slice(0, 10) <= this.day) irritantStatus.set(c.id, c.to);
    }
    return items.map((o) => {
      const action = o.kind === "action" ? actionStatus.get(o.targetId) : undefined;
      const irritant = o.kind === "irritant" ? irritantStatus.get(o.targetId) : undefined;
      const statusThen = action ? ACTION_STATUS_LABELS[action] : irritant ? (STATUS_LABELS[irritant] ?? undefined) : undefined;
      return { kind: o.kind, title: o.title, status: action ?? irritant ?? o.status, ...(statusThen ? { statusThen } : {}) };
    });
  }

  /** Received: every irritant filed in the window (merged duplicates aside). Resolved: public ones resolved in it. */
  private irritantsByTheme() {
    return this.once("irritants", () => this.loadIrritantsByTheme());
  }

  private loadIrritantsByTheme() {
    const received = this.received(false);
    const resolved = this.resolved();
    const ids = [...new Set([...received, ...resolved].map((i) => i.id))];
    const links = ids.length
      ? getDb().select({ irritantId: irritantThemes.irritantId, label: themes.label, position: themes.position }).from(irritantThemes).innerJoin(themes, eq(themes.id, irritantThemes.themeId)).where(inArray(irritantThemes.irritantId, ids)).all()
      : [];
    const byTheme = new Map<string, { theme: string; position: number; received: number; resolved: number }>();
    const count = (list: { id: number }[], key: "received" | "resolved") => {
      for (const i of list) {
        for (const l of links.filter((l) => l.irritantId === i.id)) {
          const row = byTheme.get(l.label) ?? { theme: l.label, position: l.position, received: 0, resolved: 0 };
          row[key] += 1;
          byTheme.set(l.label, row);
        }
      }
    };
    count(received, "received");
    count(resolved, "resolved");
    const rows = [...byTheme.values()].sort((a, b) => a.position - b.position || a.theme.localeCompare(b.theme)).map(({ theme, received, resolved }) => ({ theme, received, resolved }));
    return { kind: "irritants" as const, rows, total: { received: received.length, resolved: resolved.length } };
  }

  private received(publicOnly: boolean) {
    return this.once(`received:${publicOnly}`, () =>
      getDb()
        .select({ id: irritants.id, title: irritants.title, at: irritants.createdAt })
        .from(irritants)
        .where(and(publicOnly ? publiclyVisible() : sql`${irritants.mergedIntoId} is null`, lte(sql`substr(${irritants.createdAt}, 1, 10)`, this.day), this.since ? gt(sql`substr(${irritants.createdAt}, 1, 10)`, this.since) : undefined))
        .all(),
    );
  }

  /** Public irritants whose status was last set to "resolved" in the window, and still is. */
  private resolved() {
    return this.once("resolved", () =>
      getDb()
        .select({ id: irritants.id, title: irritants.title, at: sql<string>`max(${events.createdAt})` })
        .from(events)
        .innerJoin(irritants, eq(irritants.id, events.subjectId))
        .where(and(eq(events.subjectType, "irritant"), eq(events.type, "irritant.status_changed"), sql`json_extract(${events.payload}, '$.to') = 'resolved'`, eq(irritants.status, "resolved"), publiclyVisible(), isNotNull(events.createdAt)))
        .groupBy(irritants.id)
        .all()
        .filter((i) => inWindow(i.at, this.since, this.day)),
    );
  }

  private changes() {
    return this.once("changes", () => this.loadChanges());
  }

  private loadChanges() {
    return changeList({
      since: this.since,
      day: this.day,
      actions: this.histories(),
      // Titles are shown: only public irritants are listed.
      received: this.received(true),
      resolved: this.resolved(),
      indicators: this.indicators().map(({ slug, title, unit, values }) => ({ slug, title, unit, values })),
    });
  }

  private regulation() {
    return this.once("regulation", () => this.loadRegulation());
  }

  private loadRegulation() {
    const { from, to } = regulatoryWindow(this.day);
    const calendar = regulatoryCalendar(listObligations(null), listDocumentRows());
    const dated = calendar.dated
      .filter((g) => g.due >= from && g.due <= to)
      .map((g) => ({ due: g.due, items: g.items.map((i) => ({ slug: i.slug, title: i.title, label: i.label, documentType: i.kind === "document" ? i.documentType : null })) }));
    return { kind: "regulation" as const, from, to, dated };
  }
}

/** Blocks are edited by the team only, on a draft: a published point is frozen. */
function editableUpdate(tx: Tx, actor: SessionUser, updateId: number) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Réservé à l'équipe programme.");
  const u = tx.select({ id: progressUpdates.id, status: progressUpdates.status }).from(progressUpdates).where(eq(progressUpdates.id, updateId)).get();
  if (!u) throw new HttpError(404, "Ce point d'étape n'existe pas.");
  if (u.status === "published") throw new HttpError(409, "Ce point d'étape est publié : repassez-le en brouillon pour modifier ses blocs.");
  return u;
}

function blockOf(tx: Tx, updateId: number, blockId: number) {
  const b = tx.select().from(progressBlocks).where(and(eq(progressBlocks.id, blockId), eq(progressBlocks.updateId, updateId))).get();
  if (!b) throw new HttpError(404, "Ce bloc n'existe pas.");
  return b;
}

const touch = (tx: Tx, actor: SessionUser, updateId: number, what: "added" | "saved" | "moved" | "deleted") => {
  tx.update(progressUpdates).set({ updatedAt: new Date().toISOString() }).where(eq(progressUpdates.id, updateId)).run();
  recordEvent(tx, { type: "progress_update.blocks_edited", actorId: actor.id, subject: { type: "progress_update", id: updateId }, payload: { what } });
};

/** Adds a block of a kind at the end of the point. */
export function addBlock(actor: SessionUser, updateId: number, input: { kind: BlockKind; title?: string; config?: BlockConfig }) {
  return getDb().transaction((tx) => {
    editableUpdate(tx, actor, updateId);
    const last = tx.select({ n: sql<number | null>`max(${progressBlocks.position})` }).from(progressBlocks).where(eq(progressBlocks.updateId, updateId)).get()?.n ?? -1;
    const row = tx.insert(progressBlocks).values({ updateId, kind: input.kind, title: input.title ?? "", config: input.config ?? {}, position: last + 1 }).returning({ id: progressBlocks.id }).get();
    touch(tx, actor, updateId, "added");
    return row.id;
  });
}

/** Saves a block's heading and what it reads; the choices must exist (an indicator, a seminar, a published survey). */
export function saveBlock(actor: SessionUser, updateId: number, blockId: number, input: { title: string; config: BlockConfig }) {
  getDb().transaction((tx) => {
    editableUpdate(tx, actor, updateId);
    const block = blockOf(tx, updateId, blockId);
    const config = checkedConfig(block.kind, input.config);
    tx.update(progressBlocks).set({ title: input.title, config }).where(eq(progressBlocks.id, blockId)).run();
    touch(tx, actor, updateId, "saved");
  });
}

function checkedConfig(kind: BlockKind, config: BlockConfig): BlockConfig {
  switch (kind) {
    case "narrative":
      if (!config.markdown?.trim()) throw new HttpError(422, "Texte vide.", { markdown: ["Écrivez le texte du bloc."] });
      return { markdown: config.markdown };
    case "figures": {
      const slugs = config.indicators ?? [];
      if (!slugs.length) throw new HttpError(422, "Aucun indicateur.", { indicators: ["Choisissez au moins un indicateur."] });
      const known = new Set(listIndicators().map((i) => i.slug));
      if (slugs.some((s) => !known.has(s))) throw new HttpError(422, "Indicateur inconnu.", { indicators: ["Choisissez des indicateurs de la liste."] });
      return { indicators: slugs };
    }
    case "indicator":
      if (!listIndicators().some((i) => i.slug === config.indicator)) throw new HttpError(422, "Indicateur inconnu.", { indicator: ["Choisissez un indicateur de la liste."] });
      return { indicator: config.indicator };
    case "seminar":
      try {
        getPublicSeminar(config.seminar ?? "", null);
      } catch {
        throw new HttpError(422, "Séminaire inconnu.", { seminar: ["Choisissez un séminaire publié de la liste."] });
      }
      return { seminar: config.seminar };
    case "survey":
      try {
        getSnapshot(config.campaign ?? "");
      } catch {
        throw new HttpError(422, "Enquête sans résultats publiés.", { campaign: ["Choisissez une enquête dont les résultats sont publiés."] });
      }
      return { campaign: config.campaign };
    default:
      return {};
  }
}

/** Moves a block one place up or down (a no-op at either end). */
export function moveBlock(actor: SessionUser, updateId: number, blockId: number, direction: "up" | "down") {
  getDb().transaction((tx) => {
    editableUpdate(tx, actor, updateId);
    blockOf(tx, updateId, blockId);
    const ordered = tx.select({ id: progressBlocks.id }).from(progressBlocks).where(eq(progressBlocks.updateId, updateId)).orderBy(asc(progressBlocks.position), asc(progressBlocks.id)).all().map((b) => b.id);
    const i = ordered.indexOf(blockId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= ordered.length) return;
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
    ordered.forEach((id, position) => tx.update(progressBlocks).set({ position }).where(eq(progressBlocks.id, id)).run());
    touch(tx, actor, updateId, "moved");
  });
}

export function deleteBlock(actor: SessionUser, updateId: number, blockId: number) {
  getDb().transaction((tx) => {
    editableUpdate(tx, actor, updateId);
    blockOf(tx, updateId, blockId);
    tx.delete(progressBlocks).where(eq(progressBlocks.id, blockId)).run();
    touch(tx, actor, updateId, "deleted");
  });
}
