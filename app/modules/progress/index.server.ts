/**
 * Front door of the progress capability (server side): code outside app/modules/progress/ imports it from
 * "~/modules/progress/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export { addBlock, deleteBlock, listBlocks, moveBlock, saveBlock } from "./blocks.server";
export type { BlockConfig, PointRendering, RenderedBlock } from "./blocks.server";
export { changesThisMonth, headlineFigures, recentlyResolved, themeCounts } from "./figures.server";
export {
  addNextStep,
  latestNextSteps,
  listNextSteps,
  moveNextStep,
  removeNextStep,
  saveNextStep,
  setNextStepDone,
} from "./next-steps.server";
export { DATASETS, openDataCodes, openDataCsv, openDataIndicators, openDataRows } from "./open-data.server";
export { addResource, completeResource, listResources, removeResource, themePage } from "./themes.server";
export {
  getUpdate,
  listAllUpdates,
  listPublishedUpdates,
  saveUpdate,
  setUpdatePublished,
  updateThemeSlugs,
} from "./updates.server";
