/**
 * Front door of the accounts capability (server side): code outside app/modules/accounts/ imports it from
 * "~/modules/accounts/index.server", never from its inner files. It exports exactly the names used outside. Generated
 * by `npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file)
 * and run the script again.
 */
export { listAccounts, revokeAllSessions, setAccountDisabled } from "./account-access.server";
export {
  checkResetToken,
  confirmEmail,
  requestPasswordReset,
  resendEmailConfirmation,
  resetPassword,
} from "./account-emails.server";
export {
  changePassword,
  createApiToken,
  createSession,
  createUser,
  destroySession,
  findPractitionerByEmail,
  getProfile,
  getUserByApiToken,
  getUserBySessionId,
  listApiTokens,
  revokeApiToken,
  updateProfile,
  verifyCredentials,
} from "./accounts.server";
export type { SessionUser } from "./accounts.server";
export { verifyPassword } from "./passwords.server";
export { createPscAccount, linkPscAccount, resolvePscSignIn } from "./psc-accounts.server";
export {
  beginPscSignIn,
  clearFlowCookie,
  clearSessionLinkCookie,
  finishPendingPscSignIn,
  handlePscCallback,
  isPscEnabled,
  pscConfiguration,
  pscEndSessionUrl,
  readPendingPscSignIn,
  requirePscEnabled,
} from "./psc.server";
export type { PscSettings } from "./psc.server";
export { FREE_FAILURES, lockedMessage, signInWithPassword } from "./signin-guard.server";
export { SIGN_UP_LINK_HOURS, checkSignUpLink, completeSignUp, requestSignUp } from "./signup.server";
