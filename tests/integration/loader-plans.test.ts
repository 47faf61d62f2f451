/**
 * Pages must cost the same at 100,000 and at 3,000,000 irritants (issue 21): no statement a page's loaders execute
 * may read a growing table whole. At national scale the root loader's count of awaiting questionnaires read every
 * invitation and participation (the indexes led by the campaign), which made every signed-in page five times slower
 * at 1,000,000 irritants than at 100,000. Each page is loaded as a role that sees it, with the root loader that
 * every page runs, and every statement's query plan is read.
 *
 * The planner's statistics of the small demo database are dropped first: with them, a table of twenty rows is
 * cheaper to scan than to search, which says nothing of the same table with a million rows.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/index.server";
import { commitSessionId } from "~/lib/session.server";
import { loadDemoData } from "~/seed/demo.server";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { loader as publicListLoader } from "~/routes/signalements._index";
import { loader as publicIrritantLoader } from "~/routes/signalements.$id";
import { loader as mineLoader } from "~/routes/mes-signalements";
import { loader as notificationsLoader } from "~/routes/notifications";
import { loader as vendorHomeLoader } from "~/routes/editeur._index";
import { loader as vendorScorecardsLoader } from "~/routes/avancement.editeurs";
import { loader as triageLoader } from "~/routes/equipe.signalements._index";
import { loader as teamIrritantLoader } from "~/routes/equipe.signalements.$id";
import { loader as teamTicketsLoader } from "~/routes/equipe.tickets";
import { loader as teamSurveyLoader } from "~/routes/equipe.enquetes.$slug";
import { loader as auditLoader } from "~/routes/equipe.journal";
import { loader as planEditorLoader } from "~/routes/equipe.plan-action._index";
import { createTestDatabase } from "../support/database";
import { DEMO_EMAILS, demoUser } from "../support/demo";
import { capturePlans, scansOfGrowingTables } from "../support/queries";

const database = createTestDatabase();
const cookies = new Map<string, string>();
let irritantId = 0;
let campaignSlug = "";
beforeAll(async () => {
  await loadDemoData();
  for (const email of Object.values(DEMO_EMAILS)) cookies.set(email, await commitSessionId(createSession(demoUser(email).id).id));
  const sql = database.db.$client;
  irritantId = sql.prepare("select id from irritants where published = 1 and hidden_at is null and merged_into_id is null order by id desc limit 1").pluck().get() as number;
  campaignSlug = sql.prepare("select slug from campaigns order by id desc limit 1").pluck().get() as string;
  sql.exec("delete from sqlite_stat1");
  sql.exec("analyze sqlite_schema");
});
afterAll(() => database.close());

type Loader = (args: LoaderFunctionArgs) => unknown;

/** The plans of what the root loader and the page's loader execute for a request of `path` as `email` (or anonymous). */
async function plansOf(loader: Loader, path: string, params: Record<string, string>, email?: string) {
  const headers = email ? { Cookie: cookies.get(email)! } : undefined;
  const args = (): LoaderFunctionArgs => ({ request: new Request(`http://localhost${path}`, { headers }), params, context: { cspNonce: "" } });
  return capturePlans(database.db, async () => {
    await rootLoader(args());
    await loader(args());
  });
}

const pages: { name: string; loader: Loader; path: () => string; params: () => Record<string, string>; as?: string }[] = [
  { name: "home, anonymous", loader: homeLoader, path: () => "/", params: () => ({}) },
  { name: "public list, practitioner", loader: publicListLoader, path: () => "/signalements", params: () => ({}), as: DEMO_EMAILS.practitioner },
  { name: "public irritant, patient", loader: publicIrritantLoader, path: () => `/signalements/${irritantId}`, params: () => ({ id: String(irritantId) }), as: DEMO_EMAILS.patient },
  { name: "my irritants, practitioner", loader: mineLoader, path: () => "/mes-signalements", params: () => ({}), as: DEMO_EMAILS.practitioner },
  { name: "notifications, practitioner", loader: notificationsLoader, path: () => "/notifications", params: () => ({}), as: DEMO_EMAILS.practitioner },
  { name: "vendor home", loader: vendorHomeLoader, path: () => "/editeur", params: () => ({}), as: DEMO_EMAILS.vendorA },
  { name: "public scorecards", loader: vendorScorecardsLoader, path: () => "/avancement/editeurs", params: () => ({}) },
  { name: "triage queue", loader: triageLoader, path: () => "/equipe/signalements", params: () => ({}), as: DEMO_EMAILS.team },
  { name: "team irritant page", loader: teamIrritantLoader, path: () => `/equipe/signalements/${irritantId}`, params: () => ({ id: String(irritantId) }), as: DEMO_EMAILS.team },
  { name: "team tickets", loader: teamTicketsLoader, path: () => "/equipe/tickets", params: () => ({}), as: DEMO_EMAILS.team },
  { name: "survey results", loader: teamSurveyLoader, path: () => `/equipe/enquetes/${campaignSlug}`, params: () => ({ slug: campaignSlug }), as: DEMO_EMAILS.team },
  { name: "audit log", loader: auditLoader, path: () => "/equipe/journal", params: () => ({}), as: DEMO_EMAILS.team },
  { name: "plan editor", loader: planEditorLoader, path: () => "/equipe/plan-action", params: () => ({}), as: DEMO_EMAILS.team },
];

describe("no page reads a growing table whole", () => {
  it.each(pages)("$name", async ({ loader, path, params, as }) => {
    const plans = await plansOf(loader, path(), params(), as);
    expect(plans.length).toBeGreaterThan(0);
    if (process.env.PRINT_SCANS) for (const s of scansOfGrowingTables(database.db, plans)) console.log(`SCANLINE ${as ?? "anon"} ${s}`);
    expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
  });
});
