/**
 * Front door of the vendors capability (pure logic, safe in the browser): other capabilities import it from
 * "~/modules/vendors", never from its inner files. It exports exactly the names used by other capabilities.
 */
export { fixAnswerSchema } from "./schemas";
