/**
 * Front door of the settings capability (server side): code outside app/modules/settings/ imports it from
 * "~/modules/settings/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export { getSetting, getSettings, updateSettings } from "./settings.server";
