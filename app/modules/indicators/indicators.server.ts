import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { indicatorValues, indicators, themes } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import type { IndicatorValue } from "./values-csv";

export function listIndicators({ themeSlug }: { themeSlug?: string } = {}) {
  const db = getDb();
  const themeId = themeSlug ? db.select({ id: themes.id }).from(themes).where(eq(themes.slug, themeSlug)).get()?.id ?? -1 : undefined;
  const rows = db
    .select()
    .from(indicators)
    .where(themeId !== undefined ? eq(indicators.themeId, themeId) : undefined)
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();
  const values = rows.length
    ? db.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, rows.map((r) => r.id))).all()
    : [];
  return rows.map((r) => ({ ...r, values: values.filter((v) => v.indicatorId === r.id).map(({ period, dimension, value }) => ({ period, dimension, value })) }));
}

function requireEditor(actor: SessionUser) {
  if (!can(actor, "progress:edit")) throw new HttpError(403, "Les indicateurs sont gérés par l'équipe programme.");
}

export type IndicatorInput = {
  slug: string;
  title: string;
  unit: string;
  source: string;
  sourceDate?: string;
  method: string;
  notes: string;
  chart: "line" | "bar" | "stacked" | "figure";
  dimensions: string[];
  themeSlug?: string;
  demonstration: boolean;
};

export function createIndicator(actor: SessionUser, input: IndicatorInput) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    if (tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.slug, input.slug)).get()) {
      throw new HttpError(409, "Cet indicateur existe déjà.", { slug: ["Un indicateur utilise déjà cet identifiant."] });
    }
    const themeId = input.themeSlug ? tx.select({ id: themes.id }).from(themes).where(eq(themes.slug, input.themeSlug)).get()?.id : undefined;
    if (input.themeSlug && !themeId) throw new HttpError(422, "Thème inconnu.", { themeSlug: ["Choisissez un thème de la liste."] });
    const { themeSlug: _t, ...columns } = input;
    const row = tx.insert(indicators).values({ ...columns, themeId: themeId ?? null }).returning({ id: indicators.id }).get();
    recordEvent(tx, { type: "indicator.created", actorId: actor.id, subject: { type: "indicator", id: row.id }, payload: { slug: input.slug } });
    return row.id;
  });
}

/** Writes values (replacing those of the same period and dimension) in one transaction. */
export function importIndicatorValues(actor: SessionUser, slug: string, values: IndicatorValue[]) {
  requireEditor(actor);
  return getDb().transaction((tx) => {
    const indicator = tx.select().from(indicators).where(eq(indicators.slug, slug)).get();
    if (!indicator) throw new HttpError(404, "Cet indicateur n'existe pas.");
    for (const v of values) {
      tx.insert(indicatorValues)
        .values({ indicatorId: indicator.id, ...v })
        .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.dimension], set: { value: v.value } })
        .run();
    }
    recordEvent(tx, { type: "indicator.values_imported", actorId: actor.id, subject: { type: "indicator", id: indicator.id }, payload: { count: values.length } });
    return values.length;
  });
}

export function getIndicatorBySlug(slug: string) {
  const found = listIndicators().find((i) => i.slug === slug);
  if (!found) throw new HttpError(404, "Cet indicateur n'existe pas.");
  return found;
}
