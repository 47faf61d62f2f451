/**
 * Front door of the regulation capability (server side): code outside app/modules/regulation/ imports it from
 * "~/modules/regulation/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export {
  getObligation,
  getObligationForEditing,
  linkedIdsOf,
  listDocumentRows,
  listObligations,
  obligationChoices,
  obligationsLinkedTo,
  saveObligation,
  setDocumentRows,
  setLinkedIndicators,
  setObligationLinks,
} from "./register.server";
export type { DocumentRowInput } from "./register.server";
