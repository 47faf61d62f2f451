/**
 * Front door of the irritants capability (server side): code outside app/modules/irritants/ imports it from
 * "~/modules/irritants/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export { countFromRows, initialiseCounters, readCounters } from "./counters.server";
export {
  addComment,
  followIrritant,
  hasSupported,
  listComments,
  supportBreakdown,
  supportIrritant,
  timeline,
  withdrawSupport,
} from "./engagement.server";
export { listIrritantsFiledBy } from "./filed.server";
export { whenIrritantForwarded } from "./forwarding.server";
export {
  authorNameFor,
  countReceivedIrritants,
  fileIrritant,
  findSimilar,
  findSimilarTo,
  getIrritant,
  listIrritants,
  mergedInto,
  prepareIrritant,
  rankSimilarCandidates,
  redactionsList,
  withFixAnnounced,
  writeIrritant,
} from "./irritants.server";
export {
  digitSequencesToReview,
  irritantTexts,
  maskIrritantPassage,
  maskOrRefuse,
  requireDigitsReviewed,
  requireRedactor,
} from "./masking.server";
export type { DigitReview } from "./masking.server";
export { reindexIrritants, searchDocument, unindexIrritant } from "./search.server";
export {
  createTheme,
  invalidateThemeModel,
  listThemes,
  suggestThemesFor,
  themeSuggester,
  updateTheme,
} from "./themes.server";
export {
  applyIrritantPatch,
  bulkUpdateIrritants,
  confirmFix,
  followTicketOutcome,
  updateIrritant,
} from "./triage.server";
export { isPubliclyVisible, publiclyVisible } from "./visibility.server";
export {
  createSynonymGroup,
  deleteSynonymGroup,
  listSynonymGroups,
  rebuildSearchIndex,
  searchIndexStatus,
  startReindex,
  updateSynonymGroup,
} from "./vocabulary.server";
export {
  BACKLOG_COLUMNS,
  applyBacklogImport,
  fileOnBehalf,
  originDetailFor,
  previewBacklogImport,
} from "./voices.server";
