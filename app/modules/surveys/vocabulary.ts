// Campaign vocabularies, kept apart from the database schema so pages can import them.
export const CAMPAIGN_STATUSES = ["draft", "open", "closed", "published"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "En préparation",
  open: "Ouverte",
  closed: "Close",
  published: "Résultats publiés",
};
