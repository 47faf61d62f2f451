import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionStepChanges, actionSteps, actions, events, irritants, progressUpdates, seminarOutcomes, seminars } from "#db/schema";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue 20: a point d'étape dated in the past shows step progress and seminar outcomes as they were on its day, not as
 * they are when it is rendered: a change made after the point's day does not show in it.
 */
let server: TestServer;
let team: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
});
afterAll(() => server.close());

const post = (path: string, fields: Record<string, string>) => fetch(server.url + path, { method: "POST", headers: { Cookie: team }, body: new URLSearchParams(fields), redirect: "manual" });
const editor = async (id: string) => (await (await fetch(`${server.url}/equipe/avancement/${id}`, { headers: { Cookie: team } })).text()).replace(/<!-- -->/g, "");
/** The point as it reads (a draft's preview, for the team). */
const preview = async (id: string) => {
  const slug = server.database.db.select({ slug: progressUpdates.slug }).from(progressUpdates).where(eq(progressUpdates.id, Number(id))).get()!.slug;
  return (await (await fetch(`${server.url}/points-etape/${slug}`, { headers: { Cookie: team } })).text()).replace(/<!-- -->/g, "");
};
let points = 0;
async function point(asOf: string, kinds: string[], seminar?: string) {
  const created = await post("/equipe/avancement", { intent: "create", title: `Point d'essai n°${++points} du ${asOf}`, summary: "Un point d'essai.", body: "Introduction du point d'essai.", asOf });
  expect(created.status).toBe(302);
  const id = created.headers.get("location")!.split("/").pop()!;
  for (const kind of kinds) expect((await post(`/equipe/avancement/${id}`, { intent: "add-block", kind })).status).toBe(200);
  if (seminar) {
    const html = await editor(id);
    const blockId = [...html.matchAll(/name="blockId" value="(\d+)"/g)].map((m) => m[1]).at(-1)!;
    expect((await post(`/equipe/avancement/${id}`, { intent: "save-block", blockId, title: "", seminar })).status).toBe(200);
  }
  return id;
}
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const lineOf = (html: string, text: string) => {
  const from = html.indexOf(escaped(text));
  expect(from).toBeGreaterThan(-1);
  return html.slice(from, html.indexOf("</li>", from));
};
const rowOf = (html: string, title: string) => {
  const from = html.indexOf(escaped(title));
  expect(from).toBeGreaterThan(-1);
  return html.slice(from, html.indexOf("</tr>", from));
};

describe("a point dated in the past", () => {
  it("shows an action's step progress of its day: a step done afterwards is not counted, a step added afterwards not listed", async () => {
    const db = server.database.db;
    // An action of the deck's plan, there on the point's day.
    const action = db.select({ id: actions.id, title: actions.title }).from(actions).where(sql`substr(${actions.createdAt}, 1, 10) <= '2024-01-11'`).get()!;
    expect(action).toBeDefined();
    // Two steps that existed before the point's day, one of them done then.
    db.insert(actionSteps).values({ actionId: action.id, title: "Étape faite avant le point", position: 97, status: "fait", createdAt: "2024-01-02T09:00:00.000Z" }).run();
    db.insert(actionSteps).values({ actionId: action.id, title: "Étape à faire au jour du point", position: 98, status: "a-faire", createdAt: "2024-01-02T09:00:00.000Z" }).run();
    const steps = db.select().from(actionSteps).where(eq(actionSteps.actionId, action.id)).all();
    const done = steps.filter((s) => s.status === "fait").length;
    const past = await point("2024-02-01", ["plan"]);
    const before = rowOf(await preview(past), action.title);
    expect(before).toContain(`${done} ${done === 1 ? "étape" : "étapes"} sur ${steps.length}`);
    // Today: one more step done, and one added.
    const step = steps.find((s) => s.title === "Étape à faire au jour du point")!;
    const now = new Date().toISOString();
    db.update(actionSteps).set({ status: "fait" }).where(eq(actionSteps.id, step.id)).run();
    db.insert(actionStepChanges).values({ actionId: action.id, stepId: step.id, stepTitle: step.title, fromStatus: "a-faire", toStatus: "fait", changedAt: now }).run();
    db.insert(actionSteps).values({ actionId: action.id, title: "Étape ajoutée après le point", position: 99, status: "fait", createdAt: now }).run();
    expect(rowOf(await preview(past), action.title)).toContain(`${done} ${done === 1 ? "étape" : "étapes"} sur ${steps.length}`);
    const today = await point(now.slice(0, 10), ["plan"]);
    expect(rowOf(await preview(today), action.title)).toContain(`${done + 2} étapes sur ${steps.length + 1}`);
  });

  it("shows a seminar outcome's status of its day, not a status set afterwards", async () => {
    const db = server.database.db;
    const outcome = db
      .select({ seminarSlug: seminars.slug, irritantId: seminarOutcomes.targetId, title: irritants.title })
      .from(seminarOutcomes)
      .innerJoin(seminars, eq(seminars.id, seminarOutcomes.seminarId))
      .innerJoin(irritants, eq(irritants.id, seminarOutcomes.targetId))
      .where(and(eq(seminarOutcomes.targetKind, "irritant"), eq(irritants.published, true), sql`${irritants.status} != 'resolved'`))
      .get()!;
    expect(outcome).toBeDefined();
    // Its status on 1 February 2024, then resolved today.
    db.insert(events).values({ type: "irritant.status_changed", subjectType: "irritant", subjectId: outcome.irritantId, payload: { from: "new", to: "in_progress" }, createdAt: "2024-01-15T10:00:00.000Z" }).run();
    db.insert(events).values({ type: "irritant.status_changed", subjectType: "irritant", subjectId: outcome.irritantId, payload: { from: "in_progress", to: "resolved" }, createdAt: new Date().toISOString() }).run();
    db.update(irritants).set({ status: "resolved" }).where(eq(irritants.id, outcome.irritantId)).run();
    const past = await preview(await point("2024-02-01", ["seminar"], outcome.seminarSlug));
    expect(lineOf(past, `Signalement : ${outcome.title}`)).toContain("En cours de traitement à cette date");
    const today = await preview(await point(new Date().toISOString().slice(0, 10), ["seminar"], outcome.seminarSlug));
    expect(lineOf(today, `Signalement : ${outcome.title}`)).toContain("Résolu à cette date");
  });
});
