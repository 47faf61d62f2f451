import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, nextSteps, progressUpdates } from "#db/schema";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/** Issue 20: the team keeps the « prochaines étapes » from its own page, without JavaScript; the public page and the points follow. */
let server: TestServer;
let team: string;
let practitioner: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
});
afterAll(() => server.close());

const PAGE = "/equipe/avancement/prochaines-etapes";
const post = (cookie: string, path: string, fields: Record<string, string>) =>
  fetch(server.url + path, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: "manual" });
const html = async (path: string, cookie?: string) => (await (await fetch(server.url + path, { headers: cookie ? { Cookie: cookie } : {} })).text()).replace(/<!-- -->/g, "");
const progressSection = async () => {
  const page = await html("/avancement");
  return page.slice(page.indexOf('id="prochaines-etapes"'), page.indexOf('id="points"'));
};
const steps = () => server.database.db.select().from(nextSteps).orderBy(asc(nextSteps.position), asc(nextSteps.id)).all();
const stepId = (text: string) => steps().find((s) => s.text === text)!.id;

describe("the team's page of next steps", () => {
  it("is the team's: others are refused, and a bad form is answered in French, not a 500", async () => {
    expect((await fetch(server.url + PAGE, { headers: { Cookie: practitioner }, redirect: "manual" })).status).toBe(403);
    expect((await post(practitioner, PAGE, { intent: "add", heading: "Rubrique", text: "Une étape" })).status).toBe(403);
    const refused = await post(team, PAGE, { intent: "add", heading: "Sur les chantiers Sentinelle", text: "" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Décrivez l&#x27;étape");
    expect((await post(team, PAGE, { intent: "remove", id: "999999" })).status).toBe(404);
  });

  it("adds, edits, reorders, marks done and removes a step; the progress page follows and the journal records each", async () => {
    expect((await post(team, PAGE, { intent: "add", heading: "Sur les chantiers Sentinelle", text: "Ouverture du recueil en établissement", horizon: "T3 24" })).status).toBe(200);
    const id = stepId("Ouverture du recueil en établissement");
    expect(await progressSection()).toContain("Ouverture du recueil en établissement");

    expect((await post(team, PAGE, { intent: "save", id: String(id), heading: "Sur les chantiers Sentinelle", text: "Ouverture du recueil en clinique", horizon: "T4 24" })).status).toBe(200);
    const section = await progressSection();
    expect(section).toContain("Ouverture du recueil en clinique");
    expect(section).toContain("T4 24");
    expect(section).not.toContain("Ouverture du recueil en établissement");

    const before = steps().map((s) => s.id);
    expect((await post(team, PAGE, { intent: "move", id: String(id), direction: "up" })).status).toBe(200);
    const after = steps().map((s) => s.id);
    expect(after.indexOf(id)).toBe(before.indexOf(id) - 1);

    expect((await post(team, PAGE, { intent: "done", id: String(id) })).status).toBe(200);
    const done = await progressSection();
    const item = done.slice(done.indexOf("Ouverture du recueil en clinique"));
    expect(item.slice(0, item.indexOf("</li>"))).toContain("Fait");

    expect((await post(team, PAGE, { intent: "remove", id: String(id) })).status).toBe(200);
    expect(await progressSection()).not.toContain("Ouverture du recueil en clinique");

    const logged = server.database.db.select().from(events).where(and(eq(events.type, "next_step.edited"), eq(events.subjectId, id))).all();
    expect(logged.map((e) => (e.payload as { what: string }).what)).toEqual(["added", "saved", "moved", "done", "removed"]);
    expect(logged.every((e) => e.actorId !== null)).toBe(true);
    expect(await html("/equipe/journal", team)).toContain("Prochaine étape modifiée");
  });

  it("a point's « Prochaines étapes » block shows them as of its day: a step added or done later is not in a past point", async () => {
    await post(team, PAGE, { intent: "add", heading: "Sur les chantiers Sentinelle", text: "Étape annoncée après le point" });
    const demoStep = steps().find((s) => s.sourceDate === "2024-01-11")!;
    await post(team, PAGE, { intent: "done", id: String(demoStep.id) });
    const created = await post(team, "/equipe/avancement", { intent: "create", title: "Point passé des étapes", summary: "Un point d'essai.", body: "Introduction du point d'essai.", asOf: "2024-02-01" });
    expect(created.status).toBe(302);
    const pointId = created.headers.get("location")!.split("/").pop()!;
    expect((await post(team, `/equipe/avancement/${pointId}`, { intent: "add-block", kind: "next-steps" })).status).toBe(200);
    const slug = server.database.db.select({ slug: progressUpdates.slug }).from(progressUpdates).where(eq(progressUpdates.id, Number(pointId))).get()!.slug;
    const preview = await html(`/points-etape/${slug}`, team);
    expect(preview).toContain(demoStep.text.replace(/'/g, "&#x27;"));
    const block = preview.slice(preview.indexOf(demoStep.text.replace(/'/g, "&#x27;")));
    expect(block.slice(0, block.indexOf("</li>"))).not.toContain("Fait");
    expect(preview).not.toContain("Étape annoncée après le point");
    // The public page shows today's state.
    const today = await progressSection();
    const now = today.slice(today.indexOf(demoStep.text.replace(/'/g, "&#x27;")));
    expect(now.slice(0, now.indexOf("</li>"))).toContain("Fait");
    expect(today).toContain("Étape annoncée après le point");
  });
});
