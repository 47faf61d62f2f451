import { COLLECTION_CHANNELS, IRRITANT_ORIGINS } from "#db/vocabularies/irritants";

export { COLLECTION_CHANNELS };
export type IrritantOrigin = (typeof IRRITANT_ORIGINS)[number];
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];

export const COLLECTION_CHANNEL_LABELS: Record<CollectionChannel, string> = {
  visite: "lors d'une visite",
  appel: "lors d'un appel",
  autre: "lors d'un échange",
};

/**
 * How an irritant's page says where it came from, for everyone who sees it: the programme team is named as a team,
 * never as a person, and a vendor's report does not name the vendor (only the team sees who collected or filed it).
 * Null for a report filed by its own author.
 */
export function originNote(row: { origin: IrritantOrigin; collectedVia: CollectionChannel | null }): string | null {
  switch (row.origin) {
    case "reporter":
      return null;
    case "vendor":
      return "Signalé par un éditeur de logiciel, à propos du logiciel d'un autre éditeur.";
    case "on_behalf":
      return `Recueilli par l'équipe du programme ${COLLECTION_CHANNEL_LABELS[row.collectedVia ?? "autre"]} avec un professionnel de santé.`;
    case "import":
      return "Recueilli par l'équipe du programme avant l'ouverture de la plateforme (reprise d'un suivi existant).";
  }
}
