import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionStepChanges } from "#db/schema";
import { getAction, saveAction } from "~/modules/action-plan/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { demoUser } from "../support/demo";

let server: TestServer;
let team: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
});
afterAll(() => server.close());

const ACTION = 9;
const html = async (path: string, cookie?: string) => (await (await fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).text()).replace(/<!-- -->/g, "");

describe("step status history", () => {
  it("records who changed which step, when, from and to what; the team page names them, the public page does not", async () => {
    const editor = await html(`/equipe/plan-action/${ACTION}`, team);
    expect(editor).toContain("Le statut des étapes n'a pas encore changé.".replace("'", "&#x27;"));
    const ids = [...editor.matchAll(/name="steps\[(\d)\]\.id" value="(\d+)"/g)].map((m) => m[2]);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    // The first two steps move on (à faire → en cours → fait → à faire); the others keep their status.
    const current = getAction(null, ACTION).steps;
    const next = { "a-faire": "en-cours", "en-cours": "fait", fait: "a-faire" } as const;
    const wanted = current.map((s, i) => (i < 2 ? next[s.status] : s.status));
    const body = new URLSearchParams({ intent: "steps" });
    ids.forEach((id, i) => {
      body.set(`steps[${i}].id`, id);
      body.set(`steps[${i}].status`, wanted[i]);
    });
    expect((await fetch(`${server.url}/equipe/plan-action/${ACTION}`, { method: "POST", headers: { Cookie: team }, body })).status).toBe(200);

    const rows = server.database.db.select().from(actionStepChanges).where(eq(actionStepChanges.actionId, ACTION)).all();
    const teamUser = demoUser("equipe@demo.sentinelle.fr");
    expect(rows.map((r) => [r.stepId, r.fromStatus, r.toStatus, r.actorId])).toEqual([
      [Number(ids[0]), current[0].status, wanted[0], teamUser.id],
      [Number(ids[1]), current[1].status, wanted[1], teamUser.id],
    ]);
    const [first] = getAction(null, ACTION).steps;
    const labels = { "a-faire": "À faire", "en-cours": "En cours", fait: "Fait" } as const;
    const line = `« ${first.title} » : ${labels[current[0].status]} → ${labels[wanted[0]]}`;

    const teamPage = await html(`/equipe/plan-action/${ACTION}`, team);
    expect(teamPage).toContain("Historique des étapes");
    expect(teamPage).toContain(`${line} — par ${teamUser.displayName}`);

    const publicPage = await html(`/plan-action/${ACTION}`);
    expect(publicPage).toContain(line);
    expect(publicPage).not.toContain(teamUser.displayName);
    // Nor in the page's data.
    const data = await (await fetch(`${server.url}/plan-action/${ACTION}.data`)).text();
    expect(data).toContain("stepHistory");
    expect(data).not.toContain(teamUser.displayName);
  });

  it("records a kept step's status changed through the editor's save, and not an unchanged or a new step", () => {
    const actor = demoUser("equipe@demo.sentinelle.fr");
    const current = getAction(actor, ACTION);
    const before = server.database.db.select().from(actionStepChanges).where(eq(actionStepChanges.actionId, ACTION)).all().length;
    const [first, second, ...rest] = current.steps;
    saveAction(actor, ACTION, {
      ...current,
      themes: current.themes.map((t) => t.slug),
      irritantIds: current.irritants.map((i) => i.id),
      steps: [{ title: first.title, status: first.status === "en-cours" ? "fait" : "en-cours" }, second.title, ...rest.map((s) => s.title), { title: "Étape ajoutée", status: "fait" }],
    });
    const after = server.database.db.select().from(actionStepChanges).where(eq(actionStepChanges.actionId, ACTION)).all();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ stepTitle: first.title, fromStatus: first.status, toStatus: first.status === "en-cours" ? "fait" : "en-cours", actorId: actor.id });
  });
});
