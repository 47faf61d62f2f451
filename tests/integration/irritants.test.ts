import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, irritants } from "#db/schema";
import { createUser } from "~/modules/accounts/index.server";
import {
  countReceivedIrritants,
  fileIrritant,
  getIrritant,
  listIrritants,
  listThemes,
  updateIrritant,
} from "~/modules/irritants/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let practitioner: Awaited<ReturnType<typeof createUser>>;
let patient: Awaited<ReturnType<typeof createUser>>;
let team: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  practitioner = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner" });
  patient = await createUser({ email: "patient@test.fr", password: "mot de passe solide", displayName: "Patient", role: "patient" });
  team = await createUser({ email: "equipe@test.fr", password: "mot de passe solide", displayName: "Équipe", role: "team" });
});

const eventCount = () => database.db.select({ n: count() }).from(events).get()!.n;

describe("themes", () => {
  it("come from the reference migration, in order", () => {
    const slugs = listThemes().map((t) => t.slug);
    expect(slugs).toEqual([
      "ins",
      "mssante",
      "mes-dmp",
      "vsm",
      "ordonnance-numerique",
      "nommage-documents",
      "performance-lgc",
      "delegation",
      "formation",
      "autre",
    ]);
  });
});

describe("filing an irritant", () => {
  it("stores it as new, in the author's lane, with its event in the same transaction", () => {
    const before = eventCount();
    const result = fileIrritant(practitioner, { title: "INSi échoue", body: "Le téléservice ne répond pas.", themes: ["ins"] });
    expect(result.status).toBe("new");
    expect(result.themes).toEqual(["ins"]);
    const row = database.db.select().from(irritants).where(eq(irritants.id, result.id)).get()!;
    expect(row.lane).toBe("practitioner");
    expect(row.published).toBe(false);
    expect(eventCount()).toBe(before + 1);
    const event = database.db.select().from(events).where(and(eq(events.subjectType, "irritant"), eq(events.subjectId, result.id))).get()!;
    expect(event).toMatchObject({ type: "irritant.filed", actorId: practitioner.id, subjectType: "irritant" });
  });

  it("counts patients' reports in the patient lane", () => {
    const result = fileIrritant(patient, { title: "Document illisible", body: "Impossible d'ouvrir le document.", themes: ["mes-dmp"] });
    expect(database.db.select().from(irritants).where(eq(irritants.id, result.id)).get()!.lane).toBe("patient");
  });

  it("writes nothing at all when a theme is unknown", () => {
    const irritantsBefore = countReceivedIrritants();
    const eventsBefore = eventCount();
    expect(() => fileIrritant(practitioner, { title: "Thème inventé", body: "Description suffisante.", themes: ["ins", "inexistant"] })).toThrowError(
      expect.objectContaining({ status: 422 }),
    );
    expect(countReceivedIrritants()).toBe(irritantsBefore);
    expect(eventCount()).toBe(eventsBefore);
  });
});

describe("visibility", () => {
  it("shows unpublished irritants to their author and the team only", () => {
    const { id } = fileIrritant(practitioner, { title: "Privé pour l'instant", body: "Pas encore publié.", themes: ["vsm"] });
    expect(getIrritant(practitioner, id).isAuthor).toBe(true);
    expect(getIrritant(team, id).id).toBe(id);
    expect(() => getIrritant(patient, id)).toThrowError(expect.objectContaining({ status: 404 }));
    expect(() => getIrritant(null, id)).toThrowError(expect.objectContaining({ status: 404 }));
    expect(listIrritants(null).items.map((i) => i.id)).not.toContain(id);
    expect(listIrritants(team).items.map((i) => i.id)).toContain(id);
    updateIrritant(team, id, { published: true });
    expect(getIrritant(null, id).id).toBe(id);
    expect(listIrritants(null).items.map((i) => i.id)).toContain(id);
  });

  it("filters by theme and status and pages with a cursor", () => {
    for (let i = 0; i < 5; i++) fileIrritant(practitioner, { title: `Lenteur n°${i}`, body: "Le logiciel rame.", themes: ["performance-lgc"] });
    const all = listIrritants(team, { theme: "performance-lgc" });
    expect(all.items).toHaveLength(5);
    const first = listIrritants(team, { theme: "performance-lgc", limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = listIrritants(team, { theme: "performance-lgc", limit: 2, cursor: first.nextCursor });
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    expect(listIrritants(team, { status: "resolved" }).items).toHaveLength(0);
  });
});

describe("triage", () => {
  it("lets the team change a status and records from and to", () => {
    const { id } = fileIrritant(practitioner, { title: "À qualifier", body: "Un problème à trier.", themes: ["autre"] });
    updateIrritant(team, id, { status: "triaged" });
    const event = database.db.select().from(events).where(eq(events.type, "irritant.status_changed")).all().at(-1)!;
    expect(event.payload).toEqual({ from: "new", to: "triaged" });
    expect(event.subjectId).toBe(id);
  });

  it("refuses triage to anyone outside the team", () => {
    const { id } = fileIrritant(practitioner, { title: "Mon propre signalement", body: "Je voudrais le clore.", themes: ["autre"] });
    expect(() => updateIrritant(practitioner, id, { status: "resolved" })).toThrowError(expect.objectContaining({ status: 403 }));
    expect(getIrritant(team, id).status).toBe("new");
  });

  it("answers 404 for an unknown irritant", () => {
    expect(() => updateIrritant(team, 999_999, { status: "triaged" })).toThrowError(expect.objectContaining({ status: 404 }));
  });
});
