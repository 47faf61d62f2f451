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
    expect(Object.keys(action).sort()).toEqual([
      "coLeadOrganisations",
      "deadline",
      "id",
      "irritantIds",
      "lead",
      "leadOrganisations",
      "overdue",
      "progress",
      "responsible",
      "status",
      "steps",
      "themes",
      "title",
      "wave",
    ]);
    expect(body.asOf).toBe(new Date().toISOString().slice(0, 10));
    // The deck's ambiguous cell, kept as written and not read as a date (issue 20); the next one is parsed.
    expect(action.deadline).toEqual({ label: "Décembre 23 Février - Mars 24", due: null });
    expect(body.workstreams[1].challenges[0].actions[1].deadline).toEqual({ label: "Janvier 2024", due: "2024-01-31" });
    expect(action.lead).toEqual({ kind: "editeurs-et-pouvoirs-publics", label: "Éditeurs & Pouvoirs publics" });
    const done = await (await fetch(`${server.url}/api/v1/action-plan?status=fait`)).json();
    const titles = done.workstreams.flatMap((w: { challenges: { actions: { title: string }[] }[] }) => w.challenges.flatMap((c) => c.actions.map((a) => a.title)));
    expect(titles).toHaveLength(2);
    expect((await fetch(`${server.url}/api/v1/action-plan?status=termine`)).status).toBe(422);
    expect((await fetch(`${server.url}/api/v1/action-plan?wave=3`)).status).toBe(422);
  });
});

describe("owners, progress and the plan as of a day", () => {
  type ApiAction = { title: string; overdue: boolean; status: string; deadline: { label: string }; responsible: { name: string } | null; coLeadOrganisations: { name: string; kind: string }[]; steps: { title: string; status: string }[]; progress: { done: number; total: number } };
  const actionsOf = (body: { workstreams: { challenges: { actions: ApiAction[] }[] }[] }) => body.workstreams.flatMap((w) => w.challenges.flatMap((c) => c.actions));

  it("GET /api/v1/action-plan gives owners, steps and progress, and ?au= the statuses and lateness of that day", async () => {
    const today = await (await fetch(`${server.url}/api/v1/action-plan`)).json();
    const meeting = actionsOf(today).find((a) => a.title.startsWith("Réunion haut niveau"))!;
    expect(meeting.coLeadOrganisations).toEqual([
      { id: expect.any(Number), name: "Cèdre Biologie Systèmes (démo)", kind: "vendor" },
      { id: expect.any(Number), name: "Opérateurs de messagerie MSSanté", kind: "institution" },
    ]);
    expect(meeting.steps).toHaveLength(5);
    expect(meeting.progress).toEqual({ done: 5, total: 5 });
    expect(actionsOf(today).find((a) => a.title.startsWith("Construire le plan d'action collectif"))!.responsible).toEqual({ name: "Chargée de mission plan d'action (démo)" });
    expect(actionsOf(today).filter((a) => a.overdue).length).toBeGreaterThan(3);

    const deck = await (await fetch(`${server.url}/api/v1/action-plan?au=2024-01-11`)).json();
    expect(deck.asOf).toBe("2024-01-11");
    expect(actionsOf(deck).filter((a) => a.overdue)).toHaveLength(3);
    const dayBefore = await (await fetch(`${server.url}/api/v1/action-plan?au=2024-01-10&overdue=1`)).json();
    expect(actionsOf(dayBefore).map((a) => a.deadline.label)).toContain("Décembre 2023");
    for (const bad of ["2024-13-01", "11/01/2024", "2023-02-29", "1999-12-31"]) {
      const response = await fetch(`${server.url}/api/v1/action-plan?au=${encodeURIComponent(bad)}`);
      expect(response.status).toBe(422);
    }
  });

  it("the public plan has a « Situation au » date field and shows that day's lateness", async () => {
    const html = (await (await fetch(`${server.url}/plan-action?au=2024-01-11`)).text()).replace(/<!-- -->/g, "");
    expect(html).toContain('<label for="au" class="label">Situation au</label>');
    expect(html).toContain('value="2024-01-11"');
    expect(html).toContain("Situation au 11 janvier 2024");
    expect(html).toContain("et 3 en retard à cette date");
    expect(html).toContain("5 étapes sur 5");
    expect(html).toContain("Copilotes : Cèdre Biologie Systèmes (démo), Opérateurs de messagerie MSSanté");
    const invalid = await fetch(`${server.url}/plan-action?au=2024-02-30`);
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain("Indiquez une date valide (jour, mois, année).");
  });

  it("the editor asks for the reason of a deadline change (no JavaScript), and the history shows it", async () => {
    const form = { challengeId: "2", title: "Tests en vie réelle et signalement si objectivation de problème de CDA produit par un autre éditeur", leadKind: "editeurs-et-pouvoirs-publics", status: "en-cours", deadlineLabel: "Avril 2024", themes: "mssante", irritantIds: "3, 7" };
    const post = (fields: Record<string, string>) => fetch(`${server.url}/equipe/plan-action/7`, { method: "POST", headers: { Cookie: team }, body: new URLSearchParams(fields), redirect: "manual" });
    const refused = await post(form);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Indiquez la raison du changement d&#x27;échéance.");
    const saved = await post({ ...form, deadlineReason: "Les laboratoires pilotes rejoignent les tests en avril." });
    expect(saved.status).toBe(200);
    const page = (await (await fetch(`${server.url}/plan-action/7`)).text()).replace(/<!-- -->/g, "");
    expect(page).toContain("échéance modifiée de Décembre 23 Février - Mars 24 à Avril 2024 — raison : Les laboratoires pilotes rejoignent les tests en avril.");
  });

  it("the editor sets each step's status (no JavaScript), and the public page shows the share", async () => {
    const editor = await (await fetch(`${server.url}/equipe/plan-action/9`, { headers: { Cookie: team } })).text();
    const ids = [...editor.matchAll(/name="steps\[(\d)\]\.id" value="(\d+)"/g)].map((m) => m[2]);
    expect(ids).toHaveLength(5);
    const body = new URLSearchParams({ intent: "steps" });
    ids.forEach((id, i) => {
      body.set(`steps[${i}].id`, id);
      body.set(`steps[${i}].status`, i < 3 ? "fait" : i === 3 ? "en-cours" : "a-faire");
    });
    const response = await fetch(`${server.url}/equipe/plan-action/9`, { method: "POST", headers: { Cookie: team }, body });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Statut des étapes enregistré.");
    const page = (await (await fetch(`${server.url}/plan-action/9`)).text()).replace(/<!-- -->/g, "");
    expect(page).toContain("3 étapes sur 5");
    expect(page).toMatch(/<progress[^>]*max="5"[^>]*value="3"|<progress[^>]*value="3"[^>]*max="5"/);
    const bad = new URLSearchParams({ intent: "steps", "steps[0].id": ids[0], "steps[0].status": "presque" });
    const refused = await fetch(`${server.url}/equipe/plan-action/9`, { method: "POST", headers: { Cookie: team }, body: bad });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Choisissez le statut de l&#x27;étape.");
  });

  it("the settings page sets the stale-status delay, in weeks", async () => {
    const post = (weeks: string) =>
      fetch(`${server.url}/equipe/reglages`, {
        method: "POST",
        headers: { Cookie: team },
        body: new URLSearchParams({ slaFirstResponseDays: "5", slaResolutionDays: "60", fixDenialsToReopen: "3", fixConfirmationDays: "30", staleStatusWeeks: weeks }),
      });
    const refused = await post("0");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Au moins 1 semaine.");
    expect((await post("8")).status).toBe(200);
    expect(await (await fetch(`${server.url}/equipe/reglages`, { headers: { Cookie: team } })).text()).toMatch(/name="staleStatusWeeks"[^>]*value="8"|value="8"[^>]*name="staleStatusWeeks"/);
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
