import { and, eq, isNull, type SQL } from "drizzle-orm";
import { irritants } from "#db/schema";

type VisibilityFlags = Pick<typeof irritants.$inferSelect, "published" | "hiddenAt" | "mergedIntoId">;

/**
 * "Publicly visible", the one rule every public read of irritants applies: published by the team, not hidden by
 * moderation, and not merged into another (a merged duplicate lives on in the irritant it joined). A condition on
 * the `irritants` table, for queries that select or join it under that name.
 */
export function publiclyVisible(): SQL {
  return and(eq(irritants.published, true), isNull(irritants.hiddenAt), isNull(irritants.mergedIntoId))!;
}

/** The same rule on a row already read. */
export function isPubliclyVisible(row: VisibilityFlags): boolean {
  return row.published && row.hiddenAt === null && row.mergedIntoId === null;
}
