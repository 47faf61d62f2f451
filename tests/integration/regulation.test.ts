import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, events, irritants, obligations } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import { updateIrritant } from "~/modules/irritants/index.server";
import { linkSentence } from "~/modules/regulation/links";
import {
  getObligation,
  listDocumentRows,
  listObligations,
  obligationsLinkedTo,
  saveObligation,
  setObligationLinks,
} from "~/modules/regulation/index.server";
import { obligationLinksSchema, obligationPageSchema } from "~/modules/regulation";
import { loadDemoData } from "~/seed/demo.server";
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

const entry = {
  slug: "decret-essai",
  title: "Décret d'essai",
  summary: "Un décret pour les tests du référentiel.",
  kind: "decret" as const,
  status: "en-vigueur" as const,
  sourceReference: "Décret n° 0000-000",
  sourceUrl: "https://www.legifrance.gouv.fr/",
  effectiveLabel: "T3 2026",
  audiences: ["editeurs" as const],
  note: "",
};

describe("the register from the deck", () => {
  it("holds the deck's entries, ordered by effective date, the undated ones last", () => {
    const list = listObligations(null);
    expect(list.map((o) => o.slug)).toEqual(
      expect.arrayContaining(["csp-l1111-15", "loi-asap", "arrete-26-avril-2022", "projet-arrete-l1111-15", "csp-l1112-1-lettres-de-liaison", "csp-l1112-1-biologie", "segur-vague-2-tronc-commun", "segur-vague-2-exigences-specifiques"]),
    );
    // Dated: the loi ASAP (7 December 2020), then the arrêté (26 April 2022); the rest have no sure date.
    expect(list.slice(0, 2).map((o) => [o.slug, o.effective.due])).toEqual([
      ["loi-asap", "2020-12-07"],
      ["arrete-26-avril-2022", "2022-04-26"],
    ]);
    expect(list.slice(2).every((o) => o.effective.due === null)).toBe(true);
    const asap = list.find((o) => o.slug === "loi-asap")!;
    expect(asap.summary).toContain("la liste des documents sur lesquels porte cette obligation est fixée par arrêté de la ministre chargée de la santé");
    expect(asap.effective.label).toBe("7 décembre 2020");
  });

  it("keeps the deck's ambiguities as written and says so in a note", () => {
    const draft = getObligation(null, "projet-arrete-l1111-15");
    expect(draft.status).toBe("projet");
    expect(draft.note).toContain("professionnel hospitalier");
    expect(draft.documents.at(-1)?.documentType).toBe("Les lettres et courriers adressés à un professionnel de santé (hors séjour hospitalier)");
    const specific = getObligation(null, "segur-vague-2-exigences-specifiques");
    expect(specific.summary).toContain("Carnet de santé de santé de l'enfant");
    expect(specific.note).toContain("telle quelle");
    expect(specific.source).toEqual({ reference: expect.stringContaining("esante.gouv.fr/segur/vague2"), url: "https://esante.gouv.fr/segur/vague2" });
  });

  it("holds the table of document types × channels × dates, with each date read", () => {
    const rows = listDocumentRows();
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.effectiveDue)).toEqual(["2022-12-31", "2022-12-31", "2022-12-31", "2023-12-31", "2023-12-31", "2024-12-31", "2025-12-31", "2025-12-31"]);
    expect(rows.every((r) => r.dmp && r.mssProfessionals && r.mssPatient)).toBe(true);
    expect(rows[3]).toMatchObject({ documentType: "Le compte rendu opératoire", effectiveLabel: "31 décembre 2023", obligation: { slug: "projet-arrete-l1111-15" } });
  });
});

describe("links", () => {
  it("counts what links to an entry as the viewer may see it, in a French sentence with real plurals", () => {
    // Two irritants link to it; one of them is not published: the public counts one, the team two.
    const tronc = getObligation(null, "segur-vague-2-tronc-commun");
    expect(tronc.links).toEqual({ irritants: 1, actions: 3, indicators: 0 });
    expect(linkSentence(tronc.links)).toBe("1 signalement, 3 actions concernent cette obligation");
    expect(linkSentence(getObligation(team, "segur-vague-2-tronc-commun").links)).toBe("2 signalements, 3 actions concernent cette obligation");
    expect(linkSentence({ irritants: 1, actions: 0, indicators: 0 })).toBe("1 signalement concerne cette obligation");
    expect(linkSentence({ irritants: 0, actions: 1, indicators: 1 })).toBe("1 action, 1 indicateur concernent cette obligation");
    expect(linkSentence({ irritants: 0, actions: 0, indicators: 0 })).toBeNull();
    expect(getObligation(null, "csp-l1111-15").linked.indicators.map((i) => i.slug)).toEqual(["documents-dmp-par-couloir"]);
  });

  it("hides an unpublished irritant's link from the public, not from the team", () => {
    const id = database.db.select({ id: irritants.id }).from(irritants).where(eq(irritants.title, "Adresse MSSanté du correspondant introuvable dans l'annuaire")).get()!.id;
    updateIrritant(team, id, { published: false });
    try {
      expect(getObligation(null, "segur-vague-2-tronc-commun").links.irritants).toBe(0);
      expect(getObligation(practitioner, "segur-vague-2-tronc-commun").linked.irritants.map((i) => i.id)).not.toContain(id);
      expect(getObligation(team, "segur-vague-2-tronc-commun").linked.irritants.map((i) => i.id)).toContain(id);
      expect(listObligations(null).find((o) => o.slug === "segur-vague-2-tronc-commun")!.links.irritants).toBe(0);
      expect(listObligations(team).find((o) => o.slug === "segur-vague-2-tronc-commun")!.links.irritants).toBe(2);
    } finally {
      updateIrritant(team, id, { published: true });
    }
  });

  it("sets an action's whole set of links, audit-logs each change, and refuses unknown entries without writing", () => {
    const actionId = database.db.select({ id: actions.id }).from(actions).where(eq(actions.title, "Exigences Vague 2 sur les critères de recherche minimum dans les logiciels")).get()!.id;
    expect(obligationsLinkedTo("action", actionId).map((o) => o.slug)).toEqual(["segur-vague-2-tronc-commun"]);
    expect(setObligationLinks(team, "action", actionId, ["loi-asap", "csp-l1111-15"])).toEqual({ added: 2, removed: 1 });
    expect(obligationsLinkedTo("action", actionId).map((o) => o.slug).sort()).toEqual(["csp-l1111-15", "loi-asap"]);
    const asapId = database.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.slug, "loi-asap")).get()!.id;
    const logged = database.db.select().from(events).where(and(eq(events.type, "obligation.linked"), eq(events.subjectId, asapId))).all();
    expect(logged.at(-1)).toMatchObject({ actorId: team.id, subjectType: "obligation", payload: { linkedKind: "action", linkedId: actionId } });
    expect(() => setObligationLinks(team, "action", actionId, ["loi-asap", "pas-une-obligation"])).toThrow(expect.objectContaining({ status: 422 }));
    expect(obligationsLinkedTo("action", actionId).map((o) => o.slug).sort()).toEqual(["csp-l1111-15", "loi-asap"]);
    expect(() => setObligationLinks(team, "irritant", 999999, ["loi-asap"])).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => setObligationLinks(practitioner, "action", actionId, [])).toThrow(expect.objectContaining({ status: 403 }));
    expect(setObligationLinks(team, "action", actionId, ["segur-vague-2-tronc-commun"])).toEqual({ added: 1, removed: 2 });
  });
});

describe("team editing", () => {
  it("creates and edits an entry, reads its effective date with the plan's fuzzy-deadline parser, and audit-logs both", () => {
    expect(saveObligation(team, null, entry)).toBe("decret-essai");
    const created = getObligation(null, "decret-essai");
    expect(created.effective).toEqual({ label: "T3 2026", due: "2026-09-30", kind: "date" });
    expect(saveObligation(team, "decret-essai", { ...entry, slug: "decret-essai-2", effectiveLabel: "Fin 2027" })).toBe("decret-essai-2");
    expect(getObligation(null, "decret-essai-2").effective.due).toBe("2027-12-31");
    expect(() => getObligation(null, "decret-essai")).toThrow(expect.objectContaining({ status: 404 }));
    const types = database.db.select({ type: events.type }).from(events).where(eq(events.subjectId, created.id)).all().map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["obligation.created", "obligation.updated"]));
  });

  it("refuses a slug another entry has, and anyone but the team", () => {
    expect(() => saveObligation(team, "decret-essai-2", { ...entry, slug: "loi-asap" })).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => saveObligation(practitioner, null, { ...entry, slug: "decret-essai-3" })).toThrow(expect.objectContaining({ status: 403 }));
  });

  it("validates the form in French", () => {
    const result = obligationPageSchema.safeParse({ intent: "save", slug: "Pas Un Slug", title: "", summary: "court", kind: "circulaire", status: "en-vigueur", sourceReference: "", sourceUrl: "ftp://x", audiences: [] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^slug: L'identifiant de l'adresse ne contient que des minuscules/),
        expect.stringMatching(/^title: Indiquez le titre/),
        expect.stringMatching(/^summary: Résumez le texte/),
        "kind: Choisissez la nature du texte.",
        expect.stringMatching(/^sourceReference: Indiquez la source/),
        expect.stringMatching(/^sourceUrl: L'adresse de la source doit commencer par https:\/\//),
        expect.stringMatching(/^audiences: Choisissez qui est concerné/),
      ]),
    );
    expect(obligationLinksSchema.safeParse({ intent: "obligations", obligations: "loi-asap" }).data?.obligations).toEqual(["loi-asap"]);
    const table = obligationPageSchema.safeParse({ intent: "documents", documents: "Le compte rendu opératoire ; X ; ; x ; 31 décembre 2023\nSans assez de champs ; X\nUn document ; peut-être ; X ; X ; 2025" });
    expect(table.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "documents: Ligne 2 : il faut 5 champs séparés par « ; » (document ; DMP ; MSSanté professionnels ; MSSanté patient ; date).",
      "documents: Ligne 3 : chaque canal vaut « X » ou reste vide.",
    ]);
    const good = obligationPageSchema.safeParse({ intent: "documents", documents: "Le compte rendu opératoire ; X ; ; x ; 31 décembre 2023\n\n" });
    expect(good.data).toEqual({ intent: "documents", documents: [{ documentType: "Le compte rendu opératoire", dmp: true, mssProfessionals: false, mssPatient: true, effectiveLabel: "31 décembre 2023" }] });
    expect(obligationLinksSchema.safeParse({ intent: "obligations" }).data?.obligations).toEqual([]);
  });
});
