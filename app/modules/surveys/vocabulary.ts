// Campaign vocabularies, kept apart from the database schema so pages can import them.
import type { CampaignStatus } from "#db/vocabularies/surveys";
export type { CampaignStatus } from "#db/vocabularies/surveys";

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: "En préparation",
  open: "Ouverte",
  closed: "Close",
  published: "Résultats publiés",
};
