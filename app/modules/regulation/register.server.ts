import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { actions, indicators, irritants, obligationDocuments, obligationLinks, obligations } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan, can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { parseFuzzyDeadline } from "~/modules/action-plan";
import { readEffectiveDate } from "./effective";
import type { LinkCounts } from "./links";
import type { ObligationInput } from "./schemas";
import type { Audience, LinkTarget, ObligationKind } from "./vocabulary";

type ObligationRow = typeof obligations.$inferSelect;

/** The public shape of an entry (pages and API). */
function toEntry(row: ObligationRow) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    status: row.status,
    source: { reference: row.sourceReference, url: row.sourceUrl },
    effective: { label: row.effectiveLabel, due: row.effectiveDue, kind: row.effectiveKind },
    audiences: row.audiences,
    note: row.note,
    updatedAt: row.updatedAt,
  };
}

/** Irritants a viewer may see among linked ones: the team sees all; others published, not hidden ones (as actions show them). */
function visibleIrritants(viewer: SessionUser | null) {
  return can(viewer, "irritant:read-unpublished") ? undefined : and(eq(irritants.published, true), isNull(irritants.hiddenAt));
}

function linkedIrritantsQuery(viewer: SessionUser | null, obligationIds: number[]) {
  return getDb()
    .select({ obligationId: obligationLinks.obligationId, id: irritants.id, title: irritants.title, status: irritants.status })
    .from(obligationLinks)
    .innerJoin(irritants, and(eq(obligationLinks.targetKind, "irritant"), eq(irritants.id, obligationLinks.targetId)))
    .where(and(inArray(obligationLinks.obligationId, obligationIds), visibleIrritants(viewer)))
    .orderBy(asc(irritants.id))
    .all();
}

function linkedActionsQuery(obligationIds: number[]) {
  return getDb()
    .select({ obligationId: obligationLinks.obligationId, id: actions.id, title: actions.title, status: actions.status, deadlineLabel: actions.deadlineLabel })
    .from(obligationLinks)
    .innerJoin(actions, and(eq(obligationLinks.targetKind, "action"), eq(actions.id, obligationLinks.targetId)))
    .where(inArray(obligationLinks.obligationId, obligationIds))
    .orderBy(asc(actions.id))
    .all();
}

function linkedIndicatorsQuery(obligationIds: number[]) {
  return getDb()
    .select({ obligationId: obligationLinks.obligationId, id: indicators.id, slug: indicators.slug, title: indicators.title })
    .from(obligationLinks)
    .innerJoin(indicators, and(eq(obligationLinks.targetKind, "indicator"), eq(indicators.id, obligationLinks.targetId)))
    .where(inArray(obligationLinks.obligationId, obligationIds))
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();
}

/** Dated first, by effective date; then the undated ones, by title. */
const byEffectiveDate = sql`${obligations.effectiveDue} is null, ${obligations.effectiveDue}, ${obligations.title}`;

/** The register, ordered by effective date, with what links to each entry as the viewer may see it (counts). */
export function listObligations(viewer: SessionUser | null, filters: { kind?: ObligationKind; audience?: Audience } = {}) {
  const db = getDb();
  const rows = db
    .select()
    .from(obligations)
    .where(
      and(
        filters.kind ? eq(obligations.kind, filters.kind) : undefined,
        filters.audience ? sql`exists (select 1 from json_each(${obligations.audiences}) where value = ${filters.audience})` : undefined,
      ),
    )
    .orderBy(byEffectiveDate)
    .all();
  const ids = rows.map((r) => r.id);
  const irritantLinks = ids.length ? linkedIrritantsQuery(viewer, ids) : [];
  const actionLinks = ids.length ? linkedActionsQuery(ids) : [];
  const indicatorLinks = ids.length ? linkedIndicatorsQuery(ids) : [];
  return rows.map((row) => ({
    ...toEntry(row),
    links: {
      irritants: irritantLinks.filter((l) => l.obligationId === row.id).length,
      actions: actionLinks.filter((l) => l.obligationId === row.id).length,
      indicators: indicatorLinks.filter((l) => l.obligationId === row.id).length,
    } satisfies LinkCounts,
  }));
}

/** Every row of the document types × channels × dates tables, by entry and position, with its entry's slug and status. */
export function listDocumentRows() {
  return getDb()
    .select({
      id: obligationDocuments.id,
      documentType: obligationDocuments.documentType,
      dmp: obligationDocuments.dmp,
      mssProfessionals: obligationDocuments.mssProfessionals,
      mssPatient: obligationDocuments.mssPatient,
      effectiveLabel: obligationDocuments.effectiveLabel,
      effectiveDue: obligationDocuments.effectiveDue,
      obligation: { slug: obligations.slug, title: obligations.title, status: obligations.status },
    })
    .from(obligationDocuments)
    .innerJoin(obligations, eq(obligations.id, obligationDocuments.obligationId))
    .orderBy(asc(obligations.id), asc(obligationDocuments.position))
    .all();
}

function documentsOf(obligationId: number) {
  return getDb()
    .select({
      documentType: obligationDocuments.documentType,
      dmp: obligationDocuments.dmp,
      mssProfessionals: obligationDocuments.mssProfessionals,
      mssPatient: obligationDocuments.mssPatient,
      effectiveLabel: obligationDocuments.effectiveLabel,
      effectiveDue: obligationDocuments.effectiveDue,
    })
    .from(obligationDocuments)
    .where(eq(obligationDocuments.obligationId, obligationId))
    .orderBy(asc(obligationDocuments.position))
    .all();
}

function rowBySlug(slug: string) {
  const row = getDb().select().from(obligations).where(eq(obligations.slug, slug)).get();
  if (!row) throw new HttpError(404, "Cette obligation n'existe pas dans le référentiel.");
  return row;
}

/** One entry: its text, its document table, and what links to it (irritants as the viewer may see them). */
export function getObligation(viewer: SessionUser | null, slug: string) {
  const row = rowBySlug(slug);
  const linked = {
    irritants: linkedIrritantsQuery(viewer, [row.id]).map(({ obligationId: _, ...i }) => i),
    actions: linkedActionsQuery([row.id]).map(({ obligationId: _, ...a }) => a),
    indicators: linkedIndicatorsQuery([row.id]).map(({ obligationId: _, ...i }) => i),
  };
  const documents = documentsOf(row.id);
  return {
    ...toEntry(row),
    documents,
    linked,
    links: { irritants: linked.irritants.length, actions: linked.actions.length, indicators: linked.indicators.length } satisfies LinkCounts,
  };
}

/** The raw entry for the team's editor, with its document table. */
export function getObligationForEditing(actor: SessionUser, slug: string) {
  assertCan(actor, "regulation:edit");
  const row = rowBySlug(slug);
  return { ...row, documents: documentsOf(row.id) };
}

/** Creates (`slug` null) or saves an entry; audit-logged. Returns the entry's slug (it may have changed). */
export function saveObligation(actor: SessionUser, slug: string | null, input: ObligationInput) {
  assertCan(actor, "regulation:edit");
  const db = getDb();
  return db.transaction((tx) => {
    const current = slug === null ? null : (tx.select().from(obligations).where(eq(obligations.slug, slug)).get() ?? null);
    if (slug !== null && !current) throw new HttpError(404, "Cette obligation n'existe pas dans le référentiel.");
    const taken = tx.select({ id: obligations.id }).from(obligations).where(eq(obligations.slug, input.slug)).get();
    if (taken && taken.id !== current?.id) {
      throw new HttpError(409, "Cet identifiant d'adresse est déjà pris.", { slug: ["Cet identifiant d'adresse est déjà pris par une autre obligation."] });
    }
    const values = {
      slug: input.slug,
      title: input.title,
      summary: input.summary,
      kind: input.kind,
      status: input.status,
      sourceReference: input.sourceReference,
      sourceUrl: input.sourceUrl ?? null,
      ...readEffectiveDate(input.effectiveLabel),
      audiences: input.audiences,
      note: input.note,
    };
    if (current) {
      tx.update(obligations).set({ ...values, updatedAt: new Date().toISOString() }).where(eq(obligations.id, current.id)).run();
      recordEvent(tx, { type: "obligation.updated", actorId: actor.id, subject: { type: "obligation", id: current.id }, payload: { slug: input.slug, title: input.title } });
      return input.slug;
    }
    const id = tx.insert(obligations).values(values).returning({ id: obligations.id }).get().id;
    recordEvent(tx, { type: "obligation.created", actorId: actor.id, subject: { type: "obligation", id }, payload: { slug: input.slug, title: input.title } });
    return input.slug;
  });
}

/** The entries as choices for the link forms: slug and title, by effective date. */
export function obligationChoices() {
  return getDb().select({ slug: obligations.slug, title: obligations.title }).from(obligations).orderBy(byEffectiveDate).all();
}

/** The entries an irritant, an action or an indicator links to (the public pages show them). */
export function obligationsLinkedTo(targetKind: LinkTarget, targetId: number) {
  return getDb()
    .select({ slug: obligations.slug, title: obligations.title, kind: obligations.kind, status: obligations.status, effectiveLabel: obligations.effectiveLabel })
    .from(obligationLinks)
    .innerJoin(obligations, eq(obligations.id, obligationLinks.obligationId))
    .where(and(eq(obligationLinks.targetKind, targetKind), eq(obligationLinks.targetId, targetId)))
    .orderBy(byEffectiveDate)
    .all();
}

const TARGET_TABLES = { irritant: irritants, action: actions, indicator: indicators } as const;
const MISSING_TARGET: Record<LinkTarget, string> = {
  irritant: "Ce signalement n'existe pas.",
  action: "Cette action n'existe pas.",
  indicator: "Cet indicateur n'existe pas.",
};

/**
 * Sets the entries an irritant, an action or an indicator links to (the whole set: entries left out are unlinked).
 * Unknown slugs are refused (422) and nothing is written; each added or removed link is audit-logged on its entry.
 */
export function setObligationLinks(actor: SessionUser, targetKind: LinkTarget, targetId: number, slugs: string[]) {
  assertCan(actor, "regulation:edit");
  const db = getDb();
  return db.transaction((tx) => {
    const table = TARGET_TABLES[targetKind];
    if (!tx.select({ id: table.id }).from(table).where(eq(table.id, targetId)).get()) throw new HttpError(404, MISSING_TARGET[targetKind]);
    const wanted = [...new Set(slugs)];
    const found = wanted.length ? tx.select({ id: obligations.id, slug: obligations.slug }).from(obligations).where(inArray(obligations.slug, wanted)).all() : [];
    const unknown = wanted.filter((s) => !found.some((f) => f.slug === s));
    if (unknown.length) throw new HttpError(422, "Obligation inconnue.", { obligations: [`Obligation inconnue : ${unknown.join(", ")}.`] });
    const current = tx
      .select({ obligationId: obligationLinks.obligationId })
      .from(obligationLinks)
      .where(and(eq(obligationLinks.targetKind, targetKind), eq(obligationLinks.targetId, targetId)))
      .all()
      .map((l) => l.obligationId);
    const wantedIds = found.map((f) => f.id);
    const added = wantedIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wantedIds.includes(id));
    const payload = { linkedKind: targetKind, linkedId: targetId };
    for (const obligationId of removed) {
      tx.delete(obligationLinks)
        .where(and(eq(obligationLinks.obligationId, obligationId), eq(obligationLinks.targetKind, targetKind), eq(obligationLinks.targetId, targetId)))
        .run();
      recordEvent(tx, { type: "obligation.unlinked", actorId: actor.id, subject: { type: "obligation", id: obligationId }, payload });
    }
    for (const obligationId of added) {
      tx.insert(obligationLinks).values({ obligationId, targetKind, targetId }).run();
      recordEvent(tx, { type: "obligation.linked", actorId: actor.id, subject: { type: "obligation", id: obligationId }, payload });
    }
    return { added: added.length, removed: removed.length };
  });
}

export type DocumentRowInput = { documentType: string; dmp: boolean; mssProfessionals: boolean; mssPatient: boolean; effectiveLabel: string };

/** Replaces an entry's document types × channels × dates table (the team's editor, the demo data); audit-logged. */
export function setDocumentRows(actor: SessionUser, slug: string, rows: DocumentRowInput[]) {
  assertCan(actor, "regulation:edit");
  return getDb().transaction((tx) => {
    const entry = tx.select().from(obligations).where(eq(obligations.slug, slug)).get();
    if (!entry) throw new HttpError(404, "Cette obligation n'existe pas dans le référentiel.");
    tx.delete(obligationDocuments).where(eq(obligationDocuments.obligationId, entry.id)).run();
    if (rows.length) {
      tx.insert(obligationDocuments)
        .values(rows.map((r, position) => ({ ...r, obligationId: entry.id, position, effectiveDue: parseFuzzyDeadline(r.effectiveLabel).due })))
        .run();
    }
    recordEvent(tx, { type: "obligation.updated", actorId: actor.id, subject: { type: "obligation", id: entry.id }, payload: { slug: entry.slug, title: entry.title } });
  });
}

/** Sets which indicators an entry links to (from the entry's editor: an indicator has no team page of its own). */
export function setLinkedIndicators(actor: SessionUser, slug: string, indicatorIds: number[]) {
  assertCan(actor, "regulation:edit");
  return getDb().transaction((tx) => {
    const entry = tx.select({ id: obligations.id }).from(obligations).where(eq(obligations.slug, slug)).get();
    if (!entry) throw new HttpError(404, "Cette obligation n'existe pas dans le référentiel.");
    const wanted = [...new Set(indicatorIds)];
    const known = wanted.length ? tx.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, wanted)).all().map((i) => i.id) : [];
    if (known.length !== wanted.length) throw new HttpError(422, "Indicateur inconnu.", { indicators: ["Indicateur inconnu."] });
    const current = tx
      .select({ id: obligationLinks.targetId })
      .from(obligationLinks)
      .where(and(eq(obligationLinks.obligationId, entry.id), eq(obligationLinks.targetKind, "indicator")))
      .all()
      .map((l) => l.id);
    for (const id of current.filter((i) => !wanted.includes(i))) {
      tx.delete(obligationLinks).where(and(eq(obligationLinks.obligationId, entry.id), eq(obligationLinks.targetKind, "indicator"), eq(obligationLinks.targetId, id))).run();
      recordEvent(tx, { type: "obligation.unlinked", actorId: actor.id, subject: { type: "obligation", id: entry.id }, payload: { linkedKind: "indicator", linkedId: id } });
    }
    for (const id of wanted.filter((i) => !current.includes(i))) {
      tx.insert(obligationLinks).values({ obligationId: entry.id, targetKind: "indicator", targetId: id }).run();
      recordEvent(tx, { type: "obligation.linked", actorId: actor.id, subject: { type: "obligation", id: entry.id }, payload: { linkedKind: "indicator", linkedId: id } });
    }
  });
}

/** The ids an entry links to, by kind (the editor's ticked boxes). */
export function linkedIdsOf(slug: string, kind: LinkTarget) {
  return getDb()
    .select({ id: obligationLinks.targetId })
    .from(obligationLinks)
    .innerJoin(obligations, eq(obligations.id, obligationLinks.obligationId))
    .where(and(eq(obligations.slug, slug), eq(obligationLinks.targetKind, kind)))
    .all()
    .map((l) => l.id);
}
