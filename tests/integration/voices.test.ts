import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, organisations, products, tickets } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { PROFESSIONS, signUpSchema } from "~/modules/accounts";
import {
  applyBacklogImport,
  fileIrritant,
  fileOnBehalf,
  getIrritant,
  listIrritantsFiledBy,
  originDetailFor,
  previewBacklogImport,
  supportIrritant,
} from "~/modules/irritants/index.server";
import { originNote } from "~/modules/irritants";
import { deliverPendingEvents, takeNotifications } from "~/modules/notifications/index.server";
import { updateSettings } from "~/modules/settings/index.server";
import { getTicketDetail, listTickets, publicVendorMessages, replyToTicket } from "~/modules/tickets/index.server";
import { HttpError } from "~/lib/errors";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let practitioner: SessionUser;
let vendorA: SessionUser;
let vendorB: SessionUser;
let team: SessionUser;
let productA: number;
let productB: number;

/** The HTTP status and field errors a command refused with. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, message: error.message, fields: error.fields, extra: error.extra };
    throw error;
  }
  throw new Error("The command was not refused.");
}

beforeAll(async () => {
  const org = (slug: string, name: string) => database.db.insert(organisations).values({ slug, name }).returning().get().id;
  const a = org("alpha", "Alpha Logiciels");
  const b = org("beta", "Beta Santé");
  productA = database.db.insert(products).values({ vendorId: a, name: "AlphaCab", category: "LGC" }).returning().get().id;
  productB = database.db.insert(products).values({ vendorId: b, name: "BetaDoc", category: "LGC" }).returning().get().id;
  const mk = (email: string, displayName: string, role: SessionUser["role"], organisationId: number | null = null) =>
    createUser({ email, password: "mot de passe solide", displayName, role, organisationId, profession: role === "practitioner" ? "medecin" : null });
  practitioner = await mk("dr.durand@test.fr", "Claire Durand", "practitioner");
  vendorA = await mk("support@alpha.fr", "Paul Alpha", "vendor", a);
  vendorB = await mk("support@beta.fr", "Rita Beta", "vendor", b);
  team = await mk("animatrice@programme.fr", "Sophie Martin", "team");
  // Cross-vendor reports become tickets whatever this setting says.
  updateSettings(team, { autoForwardProductIrritants: false });
});

describe("a vendor files about another vendor's product", () => {
  let irritantId: number;
  let ticketId: number;

  beforeAll(() => {
    irritantId = fileIrritant(vendorA, {
      title: "CDA produit par BetaDoc illisible",
      body: "Les comptes rendus CDA produits par BetaDoc n'ont pas de section structurée : l'intégration échoue.",
      productId: productB,
      productVersion: "3.1",
    }).id;
    ticketId = database.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.irritantId, irritantId)).get()!.id;
  });

  it("becomes a ticket for the other vendor at once, and the irritant reads as forwarded", () => {
    const ticket = database.db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.vendorId).toBe(vendorB.organisationId);
    const row = database.db.select({ status: irritants.status, origin: irritants.origin, lane: irritants.lane }).from(irritants).where(eq(irritants.id, irritantId)).get();
    expect(row).toEqual({ status: "forwarded", origin: "vendor", lane: "practitioner" });
  });

  it("is refused about the vendor's own product, or without a product", () => {
    expect(refusal(() => fileIrritant(vendorA, { title: "Notre propre logiciel", body: "Un problème dans notre propre logiciel.", productId: productA }))).toMatchObject({
      status: 422,
      fields: { productId: [expect.stringContaining("autre éditeur")] },
    });
    expect(refusal(() => fileIrritant(vendorA, { title: "Sans logiciel indiqué", body: "Un problème sans logiciel indiqué." }))).toMatchObject({ status: 422, fields: { productId: expect.any(Array) } });
  });

  it("the filing vendor sees its own report like a reporter, with the public answers only", () => {
    replyToTicket(vendorB, ticketId, { body: "Note interne : le module CDA de la 3.1 est en cause.", visibility: "internal" });
    replyToTicket(vendorB, ticketId, { body: "Correctif prévu dans la 3.2.", visibility: "public" });
    expect(getIrritant(vendorA, irritantId).isAuthor).toBe(true);
    expect(listIrritantsFiledBy(vendorA.id).items.map((i) => i.id)).toContain(irritantId);
    const answers = JSON.stringify(publicVendorMessages(irritantId));
    expect(answers).toContain("Correctif prévu");
    expect(answers).not.toContain("Note interne");
  });

  it("the filing vendor never reaches the other vendor's ticket", () => {
    expect(listTickets(vendorA).items.map((t) => t.id)).not.toContain(ticketId);
    expect(refusal(() => getTicketDetail(vendorA, ticketId)).status).toBe(404);
    expect(refusal(() => replyToTicket(vendorA, ticketId, { body: "Nous aussi nous répondons.", visibility: "public" })).status).toBe(404);
  });

  it("the receiving vendor has its ticket but not the filing vendor's report page, nor who filed it", () => {
    expect(listTickets(vendorB).items.map((t) => t.id)).toContain(ticketId);
    expect(getTicketDetail(vendorB, ticketId).irritant.origin).toBe("Signalé par un éditeur de logiciel, à propos du logiciel d'un autre éditeur.");
    const detail = JSON.stringify(getTicketDetail(vendorB, ticketId));
    expect(detail).not.toContain("Alpha");
    expect(detail).not.toContain("support@alpha.fr");
    // Unpublished: only its author and the team see the irritant itself.
    expect(refusal(() => getIrritant(vendorB, irritantId)).status).toBe(404);
  });

  it("says publicly that a vendor filed it without naming the vendor; the team sees which", () => {
    const row = getIrritant(team, irritantId);
    expect(originNote(row)).toBe("Signalé par un éditeur de logiciel, à propos du logiciel d'un autre éditeur.");
    expect(originDetailFor(team, row)).toContain("Alpha Logiciels");
    expect(originDetailFor(vendorB, row)).toBeNull();
  });

  it("does not let vendors support irritants (their voice is their report, not a practitioner's count)", () => {
    expect(refusal(() => supportIrritant(vendorB, irritantId)).status).toBe(403);
  });
});

describe("the team files on a practitioner's behalf", () => {
  it("with the practitioner's account: they are its author, are told, and find it in « Mes signalements »", () => {
    const filed = fileOnBehalf(team, {
      title: "Ordonnance numérique refusée",
      body: "Lors de la visite, le médecin montre le refus de l'ordonnance numérique ; rappeler le 06 12 34 56 78.",
      behalfEmail: "DR.DURAND@test.fr",
      collectedVia: "visite",
    });
    expect(filed.account).toBe(true);
    expect(filed.redacted).toBe(1);
    const row = database.db.select().from(irritants).where(eq(irritants.id, filed.id)).get()!;
    expect(row).toMatchObject({ authorId: practitioner.id, origin: "on_behalf", collectedById: team.id, collectedVia: "visite", behalfName: null, behalfProfession: "medecin" });
    expect(row.body).not.toContain("06 12 34 56 78");

    const mine = listIrritantsFiledBy(practitioner.id).items.find((i) => i.id === filed.id);
    expect(mine?.collected).toBe("Recueilli par l'équipe du programme lors d'une visite avec un professionnel de santé.");
    deliverPendingEvents();
    expect(takeNotifications(practitioner.id).map((n) => n.text)).toContain("L'équipe du programme a déposé un signalement en votre nom : Ordonnance numérique refusée");
    // The practitioner's page names the team, never the team member.
    const seen = getIrritant(practitioner, filed.id);
    expect(seen.isAuthor).toBe(true);
    expect(originNote(seen)).not.toContain("Sophie Martin");
    expect(originDetailFor(team, seen)).toBe("Recueilli par Sophie Martin lors d'une visite auprès de Claire Durand (médecin), déposé sur son compte.");
  });

  it("without an account: the name stays with the team, the team member is the author of record", () => {
    const filed = fileOnBehalf(team, {
      title: "Délégation impossible à la secrétaire",
      body: "La secrétaire ne peut pas préparer les envois MSSanté pour le médecin.",
      behalfName: "Dr Jean Petit",
      behalfProfession: "medecin",
      collectedVia: "appel",
    });
    expect(filed.account).toBe(false);
    const row = getIrritant(team, filed.id);
    expect(row).toMatchObject({ authorId: team.id, origin: "on_behalf", behalfName: "Dr Jean Petit", lane: "practitioner" });
    expect(originNote(row)).toBe("Recueilli par l'équipe du programme lors d'un appel avec un professionnel de santé.");
    expect(originDetailFor(team, row)).toContain("Dr Jean Petit (médecin), sans compte");
  });

  it("refuses an unknown account, a report from nobody, and anyone but the team", () => {
    const base = { title: "Un signalement recueilli", body: "Un signalement recueilli par téléphone.", collectedVia: "appel" as const };
    expect(refusal(() => fileOnBehalf(team, { ...base, behalfEmail: "inconnu@test.fr" }))).toMatchObject({ status: 422, fields: { behalfEmail: expect.any(Array) } });
    // A vendor's address is not a practitioner's account.
    expect(refusal(() => fileOnBehalf(team, { ...base, behalfEmail: "support@beta.fr" }))).toMatchObject({ status: 422 });
    expect(refusal(() => fileOnBehalf(team, base))).toMatchObject({ status: 422, fields: { behalfName: expect.any(Array) } });
    expect(refusal(() => fileOnBehalf(practitioner, { ...base, behalfName: "Quelqu'un" })).status).toBe(403);
    expect(refusal(() => fileOnBehalf(vendorA, { ...base, behalfName: "Quelqu'un" })).status).toBe(403);
  });
});

describe("importing an existing backlog", () => {
  const header = "Titre;Description;Thèmes;Logiciel;Version;Gravité;Fréquence;Date;Profession";
  const good = [
    header,
    "Envoi DMP en échec;Le patient 1850578006084 91 n'a pas reçu son document dans le DMP.;mes-dmp;AlphaCab;5.2;Bloquant;Chaque semaine;2023-11-14;Médecin",
    'Tâches des secrétaires;"La secrétaire ne peut pas préparer les courriers, écrire à secretariat@cabinet.fr.";Délégation de tâches;;;Gênant;;14/12/2023;Secrétaire médical',
  ].join("\n");

  it("previews the rows with their texts masked as filing masks them, and writes nothing", () => {
    const before = database.db.select({ id: irritants.id }).from(irritants).all().length;
    const preview = previewBacklogImport(team, good);
    expect(preview).toHaveLength(2);
    expect(preview[0]).toMatchObject({ line: 2, title: "Envoi DMP en échec", themes: ["Mon espace santé / DMP"], product: "AlphaCab", date: "2023-11-14" });
    expect(preview[0].body).not.toContain("1850578006084");
    expect(preview[0].masked).toContain("numéro de sécurité sociale");
    expect(preview[1].body).not.toContain("secretariat@cabinet.fr");
    expect(database.db.select({ id: irritants.id }).from(irritants).all()).toHaveLength(before);
  });

  it("lists every error with its line, in French, and imports nothing", () => {
    const bad = [
      header,
      "Envoi DMP en échec;Le document n'arrive pas dans le DMP.;mes-dmp;AlphaCab;;Bloquant;;2023-11-14;",
      "Bref;Court;thème-inconnu;LogicielInconnu;;Terrible;;31/02/2023;Astronaute",
      "Une ligne de trop;Avec trop peu de colonnes",
    ].join("\n");
    const before = database.db.select({ id: irritants.id }).from(irritants).all().length;
    const refused = refusal(() => applyBacklogImport(team, bad));
    expect(refused.status).toBe(422);
    expect(refused.message).toBe("Le fichier contient des erreurs : rien n'a été importé.");
    const errors = (refused.extra as { errors: { line: number; message: string }[] }).errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    for (const fragment of ["titre doit contenir", "description doit contenir", "thème inconnu « thème-inconnu »", "logiciel inconnu « LogicielInconnu »", "gravité inconnue « Terrible »", "date « 31/02/2023 » invalide", "profession inconnue « Astronaute »"]) {
      expect(errors[0].message).toContain(fragment);
    }
    expect(errors[1].message).toBe("2 colonnes au lieu de 9.");
    expect(database.db.select({ id: irritants.id }).from(irritants).all()).toHaveLength(before);
  });

  it("refuses a file whose columns are not the expected ones", () => {
    const refused = refusal(() => previewBacklogImport(team, "Titre;Texte\nA;B"));
    expect((refused.extra as { errors: { line: number; message: string }[] }).errors[0]).toMatchObject({ line: 1, message: expect.stringContaining("Colonnes attendues") });
  });

  it("files every row as collected by the team, masked, dated as in the backlog, in one go", () => {
    const result = applyBacklogImport(team, good);
    expect(result).toEqual({ created: 2, masked: 2 });
    const rows = database.db.select().from(irritants).where(eq(irritants.origin, "import")).all();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.createdAt.slice(0, 10))).toEqual(["2023-11-14", "2023-12-14"]);
    expect(rows[0]).toMatchObject({ authorId: team.id, collectedById: team.id, productId: productA, productVersion: "5.2", severity: "bloquant", frequency: "hebdomadaire", behalfProfession: "medecin" });
    expect(rows[1].behalfProfession).toBe("secretaire-medical");
    expect(rows.map((r) => r.body).join(" ")).not.toMatch(/1850578006084|secretariat@cabinet\.fr/);
    expect(originNote(rows[0])).toContain("Recueilli par l'équipe du programme");
  });

  it("is the team's only", () => {
    expect(refusal(() => previewBacklogImport(practitioner, good)).status).toBe(403);
    expect(refusal(() => applyBacklogImport(vendorA, good)).status).toBe(403);
  });
});

describe("secretaries and medical assistants", () => {
  it("are professions with a CPE card; health professionals hold a CPS", () => {
    const card = (value: string) => PROFESSIONS.find((p) => p.value === value)?.cardType;
    expect([card("secretaire-medical"), card("assistant-medical"), card("medecin"), card("infirmier")]).toEqual(["CPE", "CPE", "CPS", "CPS"]);
    expect(PROFESSIONS.filter((p) => p.cardType === "CPE").map((p) => p.value)).toEqual(["secretaire-medical", "assistant-medical"]);
    const signUp = { role: "practitioner", displayName: "Nadia Assistante", email: "nadia@cabinet.fr", password: "une phrase de passe solide", passwordConfirmation: "une phrase de passe solide" };
    expect(signUpSchema.safeParse({ ...signUp, profession: "assistant-medical" }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...signUp, profession: "secretaire-medical" }).success).toBe(true);
  });
});
