/**
 * What a form or an API call writes must cost the same at 100,000 and at 3,000,000 irritants, as what a page reads
 * (tests/integration/loader-plans.test.ts, decision 034): no statement of the commands behind the main actions may
 * read a growing table whole. Masking a passage read every daily digest ever composed until session 35; this test
 * runs each command as the role that performs it and reads the plan of every statement it executed.
 *
 * The planner's statistics of the small demo database are dropped first: with them, a table of twenty rows is
 * cheaper to scan than to search, which says nothing of the same table with a million rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, fileIrritant, maskIrritantPassage, supportIrritant, updateIrritant, withdrawSupport } from "~/modules/irritants/index.server";
import { acknowledgeTicket, replyToTicket, resolveTicket } from "~/modules/tickets/index.server";
import { saveDraft, submitResponse } from "~/modules/surveys/index.server";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { DEMO_EMAILS, demoUser } from "../support/demo";
import { capturePlans, scansOfGrowingTables } from "../support/queries";
import { DEMO_ANSWERS } from "../support/surveys";

const database = createTestDatabase();
beforeAll(async () => {
  await loadDemoData();
  database.db.$client.exec("delete from sqlite_stat1");
  database.db.$client.exec("analyze sqlite_schema");
});
afterAll(() => database.close());

const practitioner = () => demoUser(DEMO_EMAILS.practitioner);
const patient = () => demoUser(DEMO_EMAILS.patient);
const team = () => demoUser(DEMO_EMAILS.team);
const vendor = () => demoUser(DEMO_EMAILS.vendorA);
const one = <T>(sql: string) => database.db.$client.prepare(sql).pluck().get() as T;

async function expectNoScan(work: () => unknown) {
  const plans = await capturePlans(database.db, work);
  expect(plans.length, "the command executed statements").toBeGreaterThan(0);
  expect(scansOfGrowingTables(database.db, plans)).toEqual([]);
}

describe("the main actions read no growing table whole", () => {
  let filed = 0;

  it("filing, supporting, withdrawing a support and commenting", async () => {
    await expectNoScan(() => {
      filed = fileIrritant(practitioner(), { title: "Le dossier patient se fige à l'ouverture", body: "Depuis la mise à jour, le dossier se fige chaque matin.", themes: ["autre"] }).id;
    });
    updateIrritant(team(), filed, { published: true, status: "triaged" });
    await expectNoScan(() => supportIrritant(patient(), filed));
    await expectNoScan(() => withdrawSupport(patient(), filed));
    await expectNoScan(() => addComment(patient(), filed, "Même chose chez moi, tous les matins."));
  });

  it("the team's triage: status, themes, publication, merge and hiding", async () => {
    await expectNoScan(() => updateIrritant(team(), filed, { status: "forwarded", themes: ["mssante"] }));
    const target = one<number>(`select id from irritants where published = 1 and hidden_at is null and merged_into_id is null and id != ${filed} order by id limit 1`);
    const other = fileIrritant(practitioner(), { title: "Écran blanc à l'envoi", body: "L'envoi du document laisse un écran blanc.", themes: ["autre"] }).id;
    await expectNoScan(() => updateIrritant(team(), other, { mergeInto: target }));
    await expectNoScan(() => updateIrritant(team(), filed, { hidden: { reason: "Données de patient" } }));
  });

  it("masking a passage of an irritant", async () => {
    const id = fileIrritant(practitioner(), { title: "Blocage chez le Dr Exemplaire au démarrage", body: "Le logiciel bloque au démarrage.", themes: ["autre"] }).id;
    await expectNoScan(() => maskIrritantPassage(team(), id, { field: "title" }, "chez le Dr Exemplaire"));
  });

  it("a vendor acknowledges, answers and resolves a ticket", async () => {
    const ticket = one<number>(`select t.id from tickets t join products p on p.id = t.product_id where p.vendor_id = ${vendor().organisationId} and t.status = 'open' order by t.id limit 1`);
    await expectNoScan(() => acknowledgeTicket(vendor(), ticket));
    await expectNoScan(() => replyToTicket(vendor(), ticket, { body: "Nous reproduisons le problème.", visibility: "public" }));
    await expectNoScan(() => resolveTicket(vendor(), ticket, { resolution: "planned", version: "12.4", date: "2027-03-01" }));
  });

  it("a practitioner saves a questionnaire step and sends the response", async () => {
    const respondent = { kind: "user" as const, user: practitioner() };
    await expectNoScan(() => saveDraft("segur-en-cours", respondent, { profession: "medecin" }));
    await expectNoScan(() => submitResponse("segur-en-cours", respondent, DEMO_ANSWERS, null));
  });
});
