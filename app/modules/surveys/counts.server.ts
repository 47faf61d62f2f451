/**
 * A campaign's counts — responses, invitations used, e-mailed invitations used and reminded — kept by triggers on
 * `responses` and `invitations` (migration 0035), so that no page counts a wave's rows (issue 21: a count over a
 * 100,000-response wave and its 250,000 invitations grows with them). One primary-key read.
 */
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { surveyCampaignCounts } from "#db/schema";

export type CampaignCounts = Omit<typeof surveyCampaignCounts.$inferSelect, "campaignId">;

const NONE: CampaignCounts = { responses: 0, revision: 0, invitationsUsed: 0, emailed: 0, emailedUsed: 0, emailedReminded: 0 };

/** A campaign's counts (zeros before its first response or invitation). */
export function campaignCounts(campaignId: number, db: DbOrTx = getDb()): CampaignCounts {
  const row = db.select().from(surveyCampaignCounts).where(eq(surveyCampaignCounts.campaignId, campaignId)).get();
  if (!row) return NONE;
  const { campaignId: _id, ...counts } = row;
  return counts;
}
