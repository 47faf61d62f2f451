/**
 * Front door of the seminars capability (server side): code outside app/modules/seminars/ imports it from
 * "~/modules/seminars/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export {
  addSlot,
  addWorkshop,
  createSeminar,
  getSeminarForTeam,
  listSeminarsForTeam,
  moveSlot,
  removeSlot,
  renewWorkshopCode,
  updateSeminar,
  updateWorkshop,
} from "./agenda.server";
export {
  boardRevision,
  boardRevisionById,
  castVote,
  checkJoinCode,
  createCluster,
  getFacilitatorBoard,
  getParticipantBoard,
  maskCardPassage,
  moveCard,
  postCard,
  renameCluster,
  requireBoardAccess,
  setCardHidden,
  setVoting,
  setWorkshopStatus,
} from "./board.server";
export { addVerbatim, removeVerbatim, saveFeedback, setVerbatimPublication } from "./feedback.server";
export { listOutcomes, originsOf } from "./outcomes.server";
export { newParticipantToken, participantCookieHeader, readParticipantToken } from "./participants.server";
export { getPublicSeminar, listPublicSeminars, listSeminarsForApi } from "./public.server";
export { qrPath } from "./qr.server";
export {
  REGISTRATION_CONFIRMATION_HOURS,
  confirmRegistration,
  isRegistered,
  listRegistrations,
  register,
  registerFromForm,
  removeRegistration,
  seminarBalance,
} from "./registrations.server";
export { linkToExisting, restituteAsAction, restituteAsIrritant } from "./restitution.server";
