/**
 * A campaign's counts — responses, invitations used, e-mailed invitations used and reminded — kept by triggers on
 * `responses` and `invitations` (migration 0035), so that no page counts a wave's rows (issue 21: a count over a
 * 100,000-response wave and its 250,000 invitations grows with them). One primary-key read.
 */
import { eq, sql } from "drizzle-orm";
import { preparedQuery } from "#db/client";
import { surveyCampaignCounts } from "#db/schema";

export type CampaignCounts = Omit<typeof surveyCampaignCounts.$inferSelect, "campaignId">;

const NONE: CampaignCounts = { responses: 0, revision: 0, invitationsUsed: 0, emailed: 0, emailedUsed: 0, emailedReminded: 0 };

const countsOf = preparedQuery((db) => db.select().from(surveyCampaignCounts).where(eq(surveyCampaignCounts.campaignId, sql.placeholder("campaignId"))).prepare());

/**
 * A campaign's counts (zeros before its first response or invitation). Read on the one connection, so inside a
 * transaction under way (better-sqlite3's are the connection's) it reads what the transaction wrote.
 */
export function campaignCounts(campaignId: number): CampaignCounts {
  const row = countsOf().get({ campaignId });
  if (!row) return NONE;
  const { campaignId: _id, ...counts } = row;
  return counts;
}
