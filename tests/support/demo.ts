import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";

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
