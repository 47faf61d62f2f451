import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let team: string;
let practitioner: string;
beforeAll(async () => {
  server = await startTestServer();
  team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
});
afterAll(() => server.close());

const upload = (cookie: string, bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set("fichier", new File([bytes], "plan.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return fetch(`${server.url}/equipe/plan-action/import`, { method: "POST", headers: { Cookie: cookie }, body: form, redirect: "manual" });
};

describe("GET /api/v1/action-plan", () => {
  it("answers the plan's shape with parsed deadlines and overdue flags, and filters", async () => {
    const body = await (await fetch(`${server.url}/api/v1/action-plan`)).json();
    expect(body.workstreams).toHaveLength(3);
    const action = body.workstreams[1].challenges[0].actions[0];
    expect(Object.keys(action).sort()).toEqual(["deadline", "id", "irritantIds", "lead", "overdue", "status", "themes", "title", "wave"]);
    expect(action.deadline).toEqual({ label: "Février - Mars 24", due: "2024-03-31" });
    expect(action.lead).toEqual({ kind: "editeurs-et-pouvoirs-publics", label: "Éditeurs & Pouvoirs publics" });
    const done = await (await fetch(`${server.url}/api/v1/action-plan?status=fait`)).json();
    const titles = done.workstreams.flatMap((w: { challenges: { actions: { title: string }[] }[] }) => w.challenges.flatMap((c) => c.actions.map((a) => a.title)));
    expect(titles).toHaveLength(2);
    expect((await fetch(`${server.url}/api/v1/action-plan?status=termine`)).status).toBe(422);
    expect((await fetch(`${server.url}/api/v1/action-plan?wave=3`)).status).toBe(422);
  });
});

describe("CSV export and import", () => {
  it("exports a UTF-8 CSV with BOM that the import previews as unchanged", async () => {
    const response = await fetch(`${server.url}/plan-action.csv`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("plan-action-sentinelle.csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const preview = await upload(team, bytes);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Aperçu");
    expect(html).toContain("Inchangée");
    expect(html).not.toContain("Création");
  });

  it("reads a Windows-1252 file from a spreadsheet", async () => {
    const line = "Chantiers transverses;Défi importé;Action importée;Pouvoirs publics;Mars 2025;À lancer;;;;";
    const text = "chantier;défi;action;pilote;échéance;statut;vague;thèmes;signalements;étapes\r\n" + line + "\r\n";
    // Encode as Windows-1252 by hand: every character here is Latin-1.
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const html = await (await upload(team, bytes)).text();
    expect(html).toContain("Action importée");
    expect(html).toContain("Création");
  });

  it("reports wrong columns and bad rows with line numbers, French, 422, nothing applied", async () => {
    const wrong = await upload(team, new TextEncoder().encode("titre;statut\nA;fait\n"));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Colonnes attendues");
    const bad = "chantier;défi;action;pilote;échéance;statut;vague;thèmes;signalements;étapes\nA;B;C;Personne;;fini;;;;\n";
    const response = await upload(team, new TextEncoder().encode(bad), { intent: "apply" });
    expect(response.status).toBe(422);
    // React separates interpolated text with comments in server HTML.
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Ligne 2 :");
    expect(html).toContain("pilote inconnu « Personne »");
    const plan = await (await fetch(`${server.url}/api/v1/action-plan`)).json();
    expect(plan.workstreams.map((w: { title: string }) => w.title)).not.toContain("A");
  });

  it("is for the team only", async () => {
    expect((await upload(practitioner, new TextEncoder().encode("x"))).status).toBe(403);
    const anonymous = await fetch(`${server.url}/equipe/plan-action/import`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    const edit = await fetch(`${server.url}/equipe/plan-action/7`, {
      method: "POST",
      headers: { Cookie: practitioner },
      body: new URLSearchParams({ title: "Piraté" }),
      redirect: "manual",
    });
    expect(edit.status).toBe(403);
  });

  it("answers invalid editor input with 422 and French messages", async () => {
    const response = await fetch(`${server.url}/equipe/plan-action/7`, {
      method: "POST",
      headers: { Cookie: team },
      body: new URLSearchParams({ challengeId: "2", title: "", leadKind: "le roi", status: "fait", deadlineLabel: "T1 2024" }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/Indiquez le titre de l&#x27;action|Choisissez le pilote/);
    expect((await fetch(`${server.url}/equipe/plan-action/999999`, { headers: { Cookie: team } })).status).toBe(404);
    expect((await fetch(`${server.url}/plan-action/abc`)).status).toBe(404);
  });
});
