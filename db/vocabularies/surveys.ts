// Campaign vocabularies, stored as text columns; the surveys module re-exports them with labels.
export const CAMPAIGN_STATUSES = ["draft", "open", "closed", "published"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
