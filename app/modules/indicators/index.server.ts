/**
 * Front door of the indicators capability (server side): code outside app/modules/indicators/ imports it from
 * "~/modules/indicators/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export { createIndicator, getIndicatorBySlug, importIndicatorValues, listIndicators } from "./indicators.server";
