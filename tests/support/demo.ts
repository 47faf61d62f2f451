import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { createSession, type SessionUser } from "~/modules/accounts/index.server";
import { commitSessionId } from "~/lib/session.server";
import { loadDemoData } from "~/seed/demo.server";

/** The demo accounts the tests sign in as (README.md; password `sentinelle-demo`). */
export const DEMO_EMAILS = {
  practitioner: "medecin@demo.sentinelle.fr",
  patient: "patient@demo.sentinelle.fr",
  vendorA: "editeur-a@demo.sentinelle.fr",
  vendorB: "editeur-b@demo.sentinelle.fr",
  team: "equipe@demo.sentinelle.fr",
} as const;

/**
 * A demo account's row in the app's current database (the test's own, once the demo data is loaded), typed so the
 * modules take it as the signed-in user. Throws when the account is not there, rather than handing on undefined.
 */
export function demoUser(email: string): typeof users.$inferSelect & SessionUser {
  const row = getDb().select().from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No account ${email} in the test database: is the demo data loaded?`);
  return row as typeof users.$inferSelect & SessionUser;
}

/**
 * Loads the demo data into the test's database and signs in as a demo account: its session cookie, and `load`, which
 * calls a page's loader as that account's browser would (a GET of `path` with the cookie).
 */
export async function signedInAs(account: keyof typeof DEMO_EMAILS) {
  await loadDemoData();
  const cookie = await commitSessionId(createSession(demoUser(DEMO_EMAILS[account]).id).id);
  const load = <T>(loader: (args: LoaderFunctionArgs) => Promise<T>, path: string, params: Record<string, string> = {}) =>
    loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), params, context: { cspNonce: "" } });
  return { cookie, load };
}

/** What `signedInAs` gives. */
export type SignedIn = Awaited<ReturnType<typeof signedInAs>>;
