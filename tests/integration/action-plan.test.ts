import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { actions, events } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import { decodeCsv } from "~/lib/csv";
import { parseActionPlanCsv, toActionPlanCsv } from "~/modules/action-plan/csv";
import {
  applyImport,
  exportPlanRows,
  getAction,
  getPlan,
  moveAction,
  previewImport,
  saveAction,
  setActionStatus,
} from "~/modules/action-plan/index.server";
import { timeline } from "~/modules/irritants/index.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
afterAll(() => database.close());

let team: SessionUser;
let practitioner: SessionUser;
beforeAll(async () => {
  await loadDemoData();  team = demoUser("equipe@demo.sentinelle.fr");
  practitioner = demoUser("medecin@demo.sentinelle.fr");
});

const actionByTitle = (title: string) => database.db.select().from(actions).where(eq(actions.title, title)).get()!;

describe("the deck's plan", () => {
  it("holds the three workstreams, nine challenges and the 32 actions of the deck", () => {
    const plan = getPlan();
    expect(plan.map((w) => w.title)).toEqual(["Expérience utilisateurs des LGC", "MSSanté", "Chantiers transverses"]);
    expect(plan.flatMap((w) => w.challenges)).toHaveLength(9);
    const all = plan.flatMap((w) => w.challenges.flatMap((c) => c.actions));
    expect(all).toHaveLength(32);
    expect(all.filter((a) => a.status === "fait").map((a) => a.title)).toEqual([
      expect.stringContaining("Réunion haut niveau"),
      "Mise en production de l'API LPS par les opérateurs MSS",
    ]);
  });

  it("parses the deadlines as written and keeps the labels", () => {
    const tests = actionByTitle("Tests en vie réelle et signalement si objectivation de problème de CDA produit par un autre éditeur");
    // The deck's ambiguous cell is kept as written and not read as a date (issue 20).
    expect(tests).toMatchObject({ deadlineLabel: "Décembre 23 Février - Mars 24", deadlineDue: null, deadlineKind: "unparsed" });
    expect(actionByTitle("Mise en production de l'API LPS par les opérateurs MSS").deadlineDue).toBe("2024-01-31");
    expect(actionByTitle("Collecte des retours terrain")).toMatchObject({ deadlineLabel: "Janvier / février 2024", deadlineDue: "2024-02-29" });
    expect(actionByTitle("Poursuivre la promotion via les dispositifs conventionnels")).toMatchObject({ deadlineKind: "ongoing", deadlineDue: null });
  });

  it("flags overdue actions, but not done ones nor the deck's ambiguous deadline, which it does not read as a move", () => {
    const tests = getAction(null, actionByTitle("Tests en vie réelle et signalement si objectivation de problème de CDA produit par un autre éditeur").id);
    expect(tests.deadlineHistory).toEqual([]);
    expect(tests.overdue).toBe(false);
    expect(getAction(null, actionByTitle("Publication du décret en Conseil d'État sur l'ordonnance numérique").id).overdue).toBe(true); // December 2023 is long past
    const done = getPlan({ status: "fait" }).flatMap((w) => w.challenges.flatMap((c) => c.actions));
    expect(done.every((a) => !a.overdue)).toBe(true);
    const future = getPlan().flatMap((w) => w.challenges.flatMap((c) => c.actions)).filter((a) => a.deadline.kind === "ongoing");
    expect(future.every((a) => !a.overdue)).toBe(true);
  });

  it("filters by theme, lead, status, wave and overdue", () => {
    const flat = (p: ReturnType<typeof getPlan>) => p.flatMap((w) => w.challenges.flatMap((c) => c.actions));
    expect(flat(getPlan({ theme: "vsm" }))).toHaveLength(4);
    expect(flat(getPlan({ lead: "editeurs" })).map((a) => a.title)).toEqual([expect.stringContaining("Diagnostic approfondi")]);
    expect(flat(getPlan({ wave: 2 })).every((a) => a.wave === 2)).toBe(true);
    expect(flat(getPlan({ overdue: true })).every((a) => a.overdue)).toBe(true);
    expect(flat(getPlan({ theme: "inconnu" }))).toHaveLength(0);
  });
});

describe("team editing", () => {
  it("records a deadline change and a dated note, and refuses non-team editors", () => {
    const id = actionByTitle("Projectathon usages SGL/LGC pour objectivation des difficultés").id;
    const current = getAction(team, id);
    const input = {
      challengeId: current.challengeId,
      title: current.title,
      description: current.description,
      leadKind: current.leadKind,
      deadlineLabel: "T2 2024",
      status: current.status,
      segurWave: current.segurWave,
      steps: [],
      themes: current.themes.map((t) => t.slug),
      irritantIds: [],
    };
    // A deadline change asks for its reason: refused without one, kept with it in the history.
    expect(() => saveAction(team, id, input)).toThrowError(
      expect.objectContaining({ status: 422, fields: { deadlineReason: ["Indiquez la raison du changement d'échéance."] } }),
    );
    expect(() => saveAction(team, id, { ...input, deadlineReason: "   " })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(getAction(null, id).deadlineLabel).toBe("Janvier 2024");
    saveAction(team, id, { ...input, deadlineReason: "Les éditeurs demandent un trimestre de plus." }, "Report demandé par les éditeurs.");
    const after = getAction(null, id);
    expect(after.deadlineDue).toBe("2024-06-30");
    expect(after.deadlineHistory[0]).toMatchObject({ text: "échéance reportée de Janvier 2024 à T2 2024", reason: "Les éditeurs demandent un trimestre de plus." });
    expect(after.notes[0].body).toBe("Report demandé par les éditeurs.");
    expect(() => saveAction(practitioner, id, input)).toThrowError(expect.objectContaining({ status: 403 }));
    expect(() => saveAction(team, id, { ...input, themes: ["inconnu"] })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => saveAction(team, id, { ...input, irritantIds: [999999] })).toThrowError(expect.objectContaining({ status: 422 }));
  });

  it("tells the linked irritants when an action is done", () => {
    const first = getPlan({ theme: "ins" })[0].challenges[0].actions[0];
    expect(first.irritantIds.length).toBeGreaterThan(0);
    setActionStatus(team, first.id, "fait", "Campagne terminée.");
    const irritantId = first.irritantIds[0];
    const event = database.db
      .select()
      .from(events)
      .where(and(eq(events.type, "irritant.action_done"), eq(events.subjectId, irritantId)))
      .get();
    expect(event?.payload).toMatchObject({ actionId: first.id });
    expect(timeline(null, irritantId).map((e) => e.text)).toContain(`Action du plan réalisée : ${first.title}`);
    expect(getAction(null, first.id).doneAt).not.toBeNull();
  });

  it("reorders actions within their challenge", () => {
    const challenge = getPlan({ theme: "vsm" })[0].challenges[0];
    const [a, b] = challenge.actions;
    moveAction(team, b.id, "up");
    expect(getPlan({ theme: "vsm" })[0].challenges[0].actions.slice(0, 2).map((x) => x.id)).toEqual([b.id, a.id]);
  });
});

describe("CSV", () => {
  it("round-trips: exporting then importing changes nothing", () => {
    const csv = toActionPlanCsv(exportPlanRows());
    const { rows, errors } = parseActionPlanCsv(decodeCsv(new TextEncoder().encode(csv)));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(32);
    expect(previewImport(rows).every((p) => p.change === "same")).toBe(true);
    const before = JSON.stringify(getPlan());
    expect(applyImport(team, rows)).toEqual({ created: 0, updated: 32 });
    expect(JSON.stringify(getPlan())).toBe(before);
  });

  it("previews and applies creations and updates in one transaction", () => {
    const csv = toActionPlanCsv(exportPlanRows()).replaceAll("Janvier / février 2024", "Mars 2024");
    const extra = "Chantiers transverses;Nouveau défi;Nouvelle action;Éditeurs;T4 2024;À lancer;;formation;;\r\n";
    const { rows } = parseActionPlanCsv(decodeCsv(new TextEncoder().encode(csv + extra)));
    const preview = previewImport(rows);
    expect(preview.filter((p) => p.change === "create").map((p) => p.title)).toEqual(["Nouvelle action"]);
    expect(preview.filter((p) => p.change === "update")).toHaveLength(3);
    expect(applyImport(team, rows)).toEqual({ created: 1, updated: 32 });
    expect(actionByTitle("Nouvelle action")).toMatchObject({ deadlineDue: "2024-12-31", leadKind: "editeurs" });
  });

  it("applies nothing when one row refers to something unknown, and says which line", () => {
    const text = toActionPlanCsv(exportPlanRows()) + "Chantiers transverses;Défi X;Action X;Organisation : Inconnue;;À lancer;;;;\r\n";
    const { rows } = parseActionPlanCsv(decodeCsv(new TextEncoder().encode(text)));
    const countBefore = database.db.select().from(actions).all().length;
    const lastLine = exportPlanRows().length + 2; // header, then one line per action, then the bad one
    expect(rows.at(-1)!.line).toBe(lastLine);
    expect(() => applyImport(team, rows)).toThrowError(`Ligne ${lastLine} : organisation inconnue « Inconnue ». Rien n'a été importé.`);
    expect(database.db.select().from(actions).all().length).toBe(countBefore);
  });
});
