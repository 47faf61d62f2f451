import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, irritantThemes, irritants, organisations, products, supports, themes } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import {
  addComment,
  bulkUpdateIrritants,
  countFromRows,
  countReceivedIrritants,
  createTheme,
  fileIrritant,
  findSimilar,
  followIrritant,
  getIrritant,
  listComments,
  listIrritants,
  mergedInto,
  readCounters,
  reindexIrritants,
  suggestThemesFor,
  supportBreakdown,
  supportIrritant,
  timeline,
  updateIrritant,
  updateTheme,
} from "~/modules/irritants/index.server";
import { isFollowing } from "~/modules/notifications/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let pro: SessionUser;
let nurse: SessionUser;
let pharmacist: SessionUser;
let patient: SessionUser;
let vendor: SessionUser;
let team: SessionUser;
let productId: number;

beforeAll(async () => {
  const mk = (email: string, role: SessionUser["role"], profession?: string) =>
    createUser({ email, password: "mot de passe solide", displayName: email, role, profession });
  pro = await mk("pro@test.fr", "practitioner", "medecin");
  nurse = await mk("infirmiere@test.fr", "practitioner", "infirmier");
  pharmacist = await mk("pharmacien@test.fr", "practitioner", "pharmacien");
  patient = await mk("patient@test.fr", "patient");
  vendor = await mk("editeur@test.fr", "vendor");
  team = await mk("equipe@test.fr", "team");
  const org = database.db.insert(organisations).values({ slug: "org", name: "Éditeur de test" }).returning().get();
  productId = database.db.insert(products).values({ vendorId: org.id, name: "Logiciel de test", category: "LGC" }).returning().get().id;
});

const themeRow = (slug: string) => database.db.select().from(themes).where(eq(themes.slug, slug)).get()!;
const file = (author: SessionUser, title: string, body: string, extra: Parameters<typeof fileIrritant>[1] extends infer T ? Partial<T> : never = {}) =>
  fileIrritant(author, { title, body, ...extra });

describe("filing", () => {
  it("masks patient identifiers before storing and says how many", () => {
    const result = file(pro, "Patient au 06 12 34 56 78", "NIR 2 69 02 99 341 732 85 du patient, écrire à patient@exemple.fr", { themes: ["ins"] });
    expect(result.redacted).toBe(3);
    const row = database.db.select().from(irritants).where(eq(irritants.id, result.id)).get()!;
    expect(row.title).toBe("Patient au [téléphone masqué]");
    expect(row.body).toBe("NIR [NIR masqué] du patient, écrire à [e-mail masqué]");
    expect(row.redactions).toEqual({ nir: 1, phone: 1, email: 1 });
    expect(JSON.stringify(database.db.select().from(events).all())).not.toContain("341 732");
  });

  it("masks a NIR whose key is wrong (people mistype keys), and keeps a number that cannot be a NIR", () => {
    const mistyped = file(pro, "Numéro illisible", "Le patient 2 69 02 99 341 732 11 ne s'affiche pas.", { themes: ["autre"] });
    expect(mistyped.redacted).toBe(1);
    expect(mistyped.redactions).toEqual([{ kind: "nir", count: 1 }]);
    const lot = file(pro, "Numéro de lot illisible", "Le lot 5 69 02 99 341 732 11 ne s'affiche pas.", { themes: ["autre"] });
    expect(lot.redacted).toBe(0);
  });

  it("assigns suggested themes when none are given, marked as suggested", () => {
    const result = file(pro, "Le téléservice INSi ne répond pas", "Impossible de qualifier l'identité nationale de santé du patient à l'accueil.");
    expect(result.themes[0]).toBe("ins");
    expect(result.themes.length).toBeLessThanOrEqual(3);
    const sources = database.db.select({ s: irritantThemes.source }).from(irritantThemes).where(eq(irritantThemes.irritantId, result.id)).all();
    expect(sources.every((r) => r.s === "suggested")).toBe(true);
  });

  it("refuses an unknown product, writing nothing", () => {
    const before = countReceivedIrritants();
    expect(() => file(pro, "Logiciel inconnu", "Un logiciel absent du catalogue.", { productId: 9999 })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(countReceivedIrritants()).toBe(before);
  });

  it("refuses a vendor's report that names no other vendor's software, and the team's without a practitioner to file for", () => {
    // Vendors file only about another vendor's product, the team only on someone's behalf (decision 028).
    expect(() => file(vendor, "Un éditeur signale", "Ceci ne doit pas passer.")).toThrowError(
      expect.objectContaining({ status: 422, fields: { productId: ["Choisissez le logiciel de l'autre éditeur concerné."] } }),
    );
    expect(() => file(team, "L'équipe signale", "Ceci ne doit pas passer.")).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("keeps theme counters in step with filing, publishing, re-tagging and hiding", () => {
    const before = { vsm: themeRow("vsm"), formation: themeRow("formation") };
    const { id } = file(pro, "Le VSM ne se remplit pas", "La reprise automatique du volet de synthèse échoue.", { themes: ["vsm"] });
    expect(themeRow("vsm").irritantCount).toBe(before.vsm.irritantCount + 1);
    updateIrritant(team, id, { published: true });
    expect(themeRow("vsm").publishedCount).toBe(before.vsm.publishedCount + 1);
    updateIrritant(team, id, { themes: ["formation"] });
    expect(themeRow("vsm")).toMatchObject({ irritantCount: before.vsm.irritantCount, publishedCount: before.vsm.publishedCount });
    expect(themeRow("formation")).toMatchObject({ irritantCount: before.formation.irritantCount + 1, publishedCount: before.formation.publishedCount + 1 });
    updateIrritant(team, id, { hidden: { reason: "Hors sujet" } });
    expect(themeRow("formation")).toMatchObject({ irritantCount: before.formation.irritantCount, publishedCount: before.formation.publishedCount });
  });
});

describe("search and similar", () => {
  let slowId: number;
  beforeAll(() => {
    slowId = file(nurse, "Logiciel très lent à l'ouverture des dossiers", "Chaque ouverture de dossier patient prend quinze secondes depuis la mise à jour.", {
      themes: ["performance-lgc"],
      productId,
      severity: "bloquant",
    }).id;
    file(nurse, "Ordonnance numérique refusée en pharmacie", "Le QR code de l'ordonnance n'est pas lu par l'officine.", { themes: ["ordonnance-numerique"] });
    file(pharmacist, "Messagerie sécurisée : comptes rendus de biologie en double", "Je reçois chaque compte rendu deux fois dans ma boîte MSSanté.", { themes: ["mssante"] });
    for (const id of listIrritants(team, { limit: 100 }).items.map((i) => i.id)) updateIrritant(team, id, { published: true });
  });

  it("finds accented, inflected words (accent folding and stemming)", () => {
    const hits = listIrritants(null, { q: "lenteur ouvertures" }).items.map((i) => i.id);
    expect(hits).toContain(slowId);
    expect(listIrritants(null, { q: "ordonnances numeriques" }).items).toHaveLength(1);
    expect(listIrritants(null, { q: "aucunmotpareil" }).items).toHaveLength(0);
  });

  it("searches through the field's vocabulary: an abbreviation finds the words it stands for", () => {
    expect(listIrritants(null, { q: "CR labo MSS" }).items.map((i) => i.title)).toEqual(["Messagerie sécurisée : comptes rendus de biologie en double"]);
    expect(listIrritants(null, { q: "e-prescription" }).items.map((i) => i.title)).toEqual(["Ordonnance numérique refusée en pharmacie"]);
  });

  it("rebuilds the index entries from the irritants (npm run reindex), without adding any", () => {
    const fts = database.db.$client;
    const entry = () => fts.prepare("select text from irritants_fts where rowid = ?").pluck().get(slowId);
    const expected = entry();
    fts.prepare("update irritants_fts set text = 'perime' where rowid = ?").run(slowId);
    const before = fts.prepare("select count(*) from irritants_fts").pluck().get();
    expect(reindexIrritants(database.db)).toBe(before);
    expect(entry()).toBe(expected);
    expect(fts.prepare("select count(*) from irritants_fts").pluck().get()).toBe(before);
  });

  it("leaves no old posting in the index file after a reindex, and secure-delete back on", () => {
    const fts = database.db.$client;
    const secureDelete = () => fts.prepare("select v from irritants_fts_config where k = 'secure-delete'").pluck().get();
    const inIndexPages = (word: string) =>
      (fts.prepare("select block from irritants_fts_data").pluck().all() as Buffer[]).some((block) => Buffer.isBuffer(block) && block.includes(word));
    fts.prepare("update irritants_fts set text = 'qzwxvkeyword' where rowid = ?").run(slowId);
    expect(inIndexPages("wxvkeyword")).toBe(true);
    reindexIrritants(database.db);
    expect(inIndexPages("wxvkeyword")).toBe(false);
    expect(secureDelete()).toBe(1);
  });

  it("filters by product, severity and theme", () => {
    expect(listIrritants(null, { productId }).items.map((i) => i.id)).toEqual([slowId]);
    expect(listIrritants(null, { severity: "bloquant" }).items.map((i) => i.id)).toEqual([slowId]);
    expect(listIrritants(null, { theme: "mssante" }).items.map((i) => i.title)).toEqual(["Messagerie sécurisée : comptes rendus de biologie en double"]);
  });

  it("puts a paraphrase of the same problem first", () => {
    const similar = findSimilar(patient, "Mon médecin dit que son logiciel met longtemps à ouvrir le dossier depuis la dernière version");
    expect(similar[0].id).toBe(slowId);
    expect(similar[0].score).toBeGreaterThan(0);
    const mss = findSimilar(patient, "Les comptes rendus du laboratoire arrivent en double dans ma messagerie");
    expect(mss[0].title).toContain("comptes rendus de biologie en double");
  });

  it("never proposes irritants the person may not see", () => {
    const secret = file(pro, "Interface de télétransmission qui plante", "La télétransmission plante à chaque envoi de lot.", { themes: ["autre"] });
    expect(findSimilar(patient, "télétransmission plante envoi lot").map((s) => s.id)).not.toContain(secret.id);
    expect(findSimilar(pro, "télétransmission plante envoi lot").map((s) => s.id)).toContain(secret.id);
  });
});

describe("supports", () => {
  it("counts each person once, patients apart, and records who supports", () => {
    const { id } = file(pro, "Carte CPE refusée pour l'INS", "La secrétaire ne peut pas qualifier l'INS avec sa carte CPE.", { themes: ["delegation"] });
    updateIrritant(team, id, { published: true });
    expect(supportIrritant(nurse, id)).toMatchObject({ created: true, supportCount: 1 });
    expect(supportIrritant(nurse, id)).toMatchObject({ created: false, supportCount: 1 });
    expect(supportIrritant(patient, id)).toMatchObject({ supportCount: 2, patientSupportCount: 1 });
    expect(supportBreakdown(id)).toEqual([
      { label: "Infirmier", count: 1 },
      { label: "Patients", count: 1 },
    ]);
    expect(isFollowing(nurse.id, "irritant", id)).toBe(true);
    expect(() => supportIrritant(pro, id)).toThrowError(expect.objectContaining({ status: 409 }));
    expect(() => supportIrritant(vendor, id)).toThrowError(expect.objectContaining({ status: 403 }));
    expect(() => supportIrritant(nurse, 999_999)).toThrowError(expect.objectContaining({ status: 404 }));
  });

  it("hides unpublished irritants from supporters who are not their authors", () => {
    const { id } = file(pro, "Encore privé", "Pas encore relu par l'équipe.", { themes: ["autre"] });
    expect(() => supportIrritant(nurse, id)).toThrowError(expect.objectContaining({ status: 404 }));
  });
});

describe("merging duplicates", () => {
  it("moves supports (each person once), makes the duplicate's author a supporter and redirects", () => {
    const original = file(pro, "MSSanté : pièces jointes non intégrées", "Les PDF reçus ne s'intègrent pas au dossier.", { themes: ["mssante"] }).id;
    const duplicate = file(nurse, "Pièces jointes MSSanté à classer à la main", "Je dois classer chaque PDF reçu manuellement.", { themes: ["mssante"] }).id;
    updateIrritant(team, original, { published: true });
    updateIrritant(team, duplicate, { published: true });
    supportIrritant(pharmacist, original);
    supportIrritant(pharmacist, duplicate);
    supportIrritant(patient, duplicate);
    followIrritant(patient, duplicate, true);
    const mssBefore = themeRow("mssante");

    updateIrritant(team, duplicate, { mergeInto: original });

    const target = getIrritant(null, original);
    // pharmacist (once), patient, and the nurse who wrote the duplicate
    expect(target.supportCount).toBe(3);
    expect(target.patientSupportCount).toBe(1);
    const supporters = database.db.select({ u: supports.userId }).from(supports).where(eq(supports.irritantId, original)).all().map((r) => r.u);
    expect(supporters.sort()).toEqual([nurse.id, pharmacist.id, patient.id].sort());
    expect(mergedInto(null, duplicate)).toBe(original);
    expect(getIrritant(team, duplicate).status).toBe("duplicate");
    expect(isFollowing(patient.id, "irritant", original)).toBe(true);
    expect(themeRow("mssante")).toMatchObject({ irritantCount: mssBefore.irritantCount - 1, publishedCount: mssBefore.publishedCount - 1 });
    expect(listIrritants(null, { limit: 100 }).items.map((i) => i.id)).not.toContain(duplicate);
    expect(timeline(null, original).map((e) => e.text)).toContain(`Le signalement n°${duplicate} y a été fusionné (doublon)`);

    // Supporting the duplicate now supports the original, still once.
    expect(supportIrritant(pharmacist, duplicate)).toMatchObject({ irritantId: original, created: false, supportCount: 3 });
  });

  it("refuses to merge into itself, into a merged irritant, or twice", () => {
    const a = file(pro, "Premier", "Premier signalement à fusionner.", { themes: ["autre"] }).id;
    const b = file(pro, "Second", "Second signalement à fusionner.", { themes: ["autre"] }).id;
    const c = file(pro, "Troisième", "Troisième signalement à fusionner.", { themes: ["autre"] }).id;
    expect(() => updateIrritant(team, a, { mergeInto: a })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => updateIrritant(team, a, { mergeInto: 999_999 })).toThrowError(expect.objectContaining({ status: 404 }));
    updateIrritant(team, b, { mergeInto: a });
    expect(() => updateIrritant(team, c, { mergeInto: b })).toThrowError(expect.objectContaining({ status: 409 }));
    expect(() => updateIrritant(team, b, { mergeInto: c })).toThrowError(expect.objectContaining({ status: 409 }));
    expect(getIrritant(team, c).mergedIntoId).toBeNull();
  });
});

describe("status workflow", () => {
  it("follows the allowed transitions, reopens closed irritants and never sets duplicate by hand", () => {
    const { id } = file(pro, "Workflow", "Un signalement pour le cycle de vie.", { themes: ["autre"] });
    expect(() => updateIrritant(team, id, { status: "duplicate" })).toThrowError(expect.objectContaining({ status: 422 }));
    updateIrritant(team, id, { status: "resolved" });
    expect(() => updateIrritant(team, id, { status: "forwarded" })).toThrowError(expect.objectContaining({ status: 409 }));
    updateIrritant(team, id, { status: "triaged" });
    const types = database.db
      .select({ t: events.type })
      .from(events)
      .where(and(eq(events.subjectType, "irritant"), eq(events.subjectId, id)))
      .all()
      .map((e) => e.t);
    expect(types).toContain("irritant.reopened");
  });

  it("applies a bulk change to all of a selection or to none of it", () => {
    const a = file(pro, "Lot A", "Premier du lot.", { themes: ["autre"] }).id;
    const b = file(pro, "Lot B", "Second du lot.", { themes: ["autre"] }).id;
    updateIrritant(team, b, { status: "wont_fix" });
    expect(() => bulkUpdateIrritants(team, [a, b], { status: "in_progress" })).toThrowError(expect.objectContaining({ status: 409 }));
    expect(getIrritant(team, a).status).toBe("new");
    bulkUpdateIrritants(team, [a, b], { published: true });
    expect(getIrritant(null, a).published && getIrritant(null, b).published).toBe(true);
    expect(() => bulkUpdateIrritants(pro, [a], { published: false })).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("comments and timeline", () => {
  it("masks identifiers in comments and keeps vendors out of them", () => {
    const { id } = file(pro, "Commentaires", "Un signalement à commenter.", { themes: ["autre"] });
    updateIrritant(team, id, { published: true });
    const { redactions } = addComment(nurse, id, "Même souci, rappelez-moi au 06 11 22 33 44");
    expect(redactions).toEqual([{ kind: "phone", count: 1 }]);
    expect(listComments(id)[0].body).toBe("Même souci, rappelez-moi au [téléphone masqué]");
    expect(() => addComment(vendor, id, "Réponse éditeur")).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("shows hiding to the team only", () => {
    const { id } = file(pro, "Masquage", "Un signalement à masquer puis rétablir.", { themes: ["autre"] });
    updateIrritant(team, id, { published: true, hidden: { reason: "Propos déplacés" } });
    updateIrritant(team, id, { hidden: false });
    expect(timeline(team, id).map((e) => e.text)).toContain("Masqué : Propos déplacés");
    expect(timeline(null, id).map((e) => e.text).join(" ")).not.toContain("Masqué");
  });
});

describe("theme taxonomy", () => {
  it("lets the team add, rename and retire themes; retired themes are no longer offered", () => {
    createTheme(team, { slug: "teleconsultation", label: "Téléconsultation", keywords: ["téléconsultation", "visio"] });
    expect(() => createTheme(team, { slug: "teleconsultation", label: "Double", keywords: [] })).toThrowError(expect.objectContaining({ status: 409 }));
    expect(suggestThemesFor("La visio de téléconsultation coupe toutes les deux minutes").map((s) => s.slug)).toContain("teleconsultation");
    updateTheme(team, "teleconsultation", { label: "Télésanté", keywords: ["téléconsultation", "visio"], retired: true });
    expect(suggestThemesFor("La visio de téléconsultation coupe toutes les deux minutes").map((s) => s.slug)).not.toContain("teleconsultation");
    expect(() => file(pro, "Visio", "La visio coupe.", { themes: ["teleconsultation"] })).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => createTheme(pro, { slug: "x", label: "X", keywords: [] })).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("headline counters", () => {
  it("match the rows after every kind of change this file made (filing, publishing, hiding, merging, workflow, bulk)", () => {
    expect(readCounters()).toEqual(countFromRows());
    expect(readCounters()["irritants.received"]).toBeGreaterThan(10);
  });
});
