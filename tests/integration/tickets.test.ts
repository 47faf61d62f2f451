import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { events, organisations, products, tickets } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, getIrritant, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { updateSettings } from "~/modules/settings/index.server";
import {
  acknowledgeTicket,
  answerFixQuestion,
  fixQuestionsFor,
  getTicketDetail,
  listTickets,
  publicVendorMessages,
  reassignTicket,
  replyToTicket,
  resolveTicket,
  scorecards,
} from "~/modules/tickets/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => {
  vi.useRealTimers();
  database.close();
});

let reporter: SessionUser;
let supporters: SessionUser[];
let vendorA: SessionUser;
let vendorB: SessionUser;
let team: SessionUser;
let productA: number;
let productA2: number;
let productB: number;

beforeAll(async () => {
  const org = (slug: string) => database.db.insert(organisations).values({ slug, name: `Éditeur ${slug}` }).returning().get().id;
  const a = org("a");
  const b = org("b");
  const product = (vendorId: number, name: string) => database.db.insert(products).values({ vendorId, name, category: "LGC" }).returning().get().id;
  productA = product(a, "Produit A");
  productA2 = product(a, "Produit A bis");
  productB = product(b, "Produit B");
  const mk = (email: string, role: SessionUser["role"], organisationId: number | null = null) =>
    createUser({ email, password: "mot de passe solide", displayName: email, role, organisationId, profession: role === "practitioner" ? "medecin" : null });
  reporter = await mk("pro@test.fr", "practitioner");
  supporters = [await mk("s1@test.fr", "practitioner"), await mk("s2@test.fr", "practitioner"), await mk("s3@test.fr", "patient")];
  vendorA = await mk("a@editeur.fr", "vendor", a);
  vendorB = await mk("b@editeur.fr", "vendor", b);
  team = await mk("equipe@test.fr", "team");
});

/** An irritant about a product, published, supported, forwarded: its ticket id. */
function forwardedTicket(productId = productA, title = "Envoi DMP bloquant") {
  const { id } = fileIrritant(reporter, { title, body: "L'envoi au DMP bloque l'écran.", themes: ["mes-dmp"], productId });
  updateIrritant(team, id, { published: true, status: "forwarded" });
  for (const s of supporters) supportIrritant(s, id);
  return { irritantId: id, ticketId: listTickets(team, { irritantId: id }).items[0].id };
}

describe("opening", () => {
  it("opens one ticket for the product's vendor when the team forwards, with due dates in working days", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-07T09:00:00Z")); // a Tuesday before 8 May and Ascension
    const { irritantId, ticketId } = forwardedTicket();
    vi.useRealTimers();
    const ticket = database.db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;
    expect(ticket.vendorId).toBe(vendorA.organisationId);
    // +5 working days skips Wed 8 May (holiday), Thu 9 May (Ascension) and the weekend: 10, 13, 14, 15, 16.
    expect(ticket.firstResponseDue).toBe("2024-05-16");
    updateIrritant(team, irritantId, { status: "triaged" });
    updateIrritant(team, irritantId, { status: "forwarded" });
    expect(listTickets(team, { irritantId }).items).toHaveLength(1);
  });

  it("does not open a ticket for an irritant without product", () => {
    const { id } = fileIrritant(reporter, { title: "Sans logiciel", body: "Un problème général.", themes: ["autre"] });
    updateIrritant(team, id, { status: "forwarded" });
    expect(listTickets(team, { irritantId: id }).items).toHaveLength(0);
  });
});

describe("isolation", () => {
  it("never shows a vendor another vendor's ticket, and answers 404 as if it did not exist", () => {
    const { ticketId } = forwardedTicket(productA, "Isolation");
    expect(listTickets(vendorA).items.map((t) => t.id)).toContain(ticketId);
    expect(listTickets(vendorB).items.map((t) => t.id)).not.toContain(ticketId);
    for (const call of [
      () => getTicketDetail(vendorB, ticketId),
      () => acknowledgeTicket(vendorB, ticketId),
      () => replyToTicket(vendorB, ticketId, { body: "Intrusion", visibility: "public" }),
      () => resolveTicket(vendorB, ticketId, { resolution: "fixed", version: "1" }),
    ]) {
      expect(call).toThrowError(expect.objectContaining({ status: 404, message: "Ce ticket n'existe pas." }));
    }
    expect(() => listTickets(reporter)).toThrowError(expect.objectContaining({ status: 403 }));
    expect(scorecards(vendorB).every((c) => c.vendorId === vendorB.organisationId)).toBe(true);
    expect(() => scorecards(reporter)).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("answers", () => {
  it("stops the first-response clock at the vendor's first word; internal notes stay off the irritant page", () => {
    const { irritantId, ticketId } = forwardedTicket(productA, "Réponses");
    acknowledgeTicket(vendorA, ticketId);
    expect(() => acknowledgeTicket(vendorA, ticketId)).toThrowError(expect.objectContaining({ status: 409 }));
    const detail = getTicketDetail(vendorA, ticketId);
    expect(detail.ticket.status).toBe("acknowledged");
    expect(detail.ticket.firstResponseAt).not.toBeNull();
    replyToTicket(vendorA, ticketId, { body: "Correctif en préparation, appelez le 06 12 34 56 78", visibility: "public" });
    replyToTicket(vendorA, ticketId, { body: "Note pour l'équipe : cause côté DMP.", visibility: "internal" });
    const publicBodies = publicVendorMessages(irritantId).map((m) => m.body);
    expect(publicBodies).toContain("Correctif en préparation, appelez le [téléphone masqué]");
    expect(publicBodies.join(" ")).not.toContain("Note pour l'équipe");
    expect(getTicketDetail(team, ticketId).messages.map((m) => m.visibility)).toContain("internal");
  });

  it("validates resolutions: another vendor's product only, and writes nothing on refusal", () => {
    const { irritantId, ticketId } = forwardedTicket(productA, "Réaffectation");
    expect(() => resolveTicket(vendorA, ticketId, { resolution: "other_product", reassignToProductId: productA2, note: "Autre module" })).toThrowError(
      expect.objectContaining({ status: 422 }),
    );
    expect(getTicketDetail(vendorA, ticketId).messages).toHaveLength(0);
    const result = resolveTicket(vendorA, ticketId, { resolution: "other_product", reassignToProductId: productB, note: "Le CDA vient du laboratoire." });
    expect(result.status).toBe("closed");
    expect(listTickets(vendorB, { irritantId }).items.map((t) => t.id)).toEqual([result.reassignedTo]);
    expect(database.db.select().from(events).where(eq(events.type, "ticket.reassigned")).all()).toHaveLength(1);
    expect(() => replyToTicket(vendorA, ticketId, { body: "Encore ?", visibility: "public" })).toThrowError(expect.objectContaining({ status: 409 }));
  });

  it("lets the team reassign to any product and refuses the same one", () => {
    const { ticketId } = forwardedTicket(productA, "Réaffectation par l'équipe");
    expect(() => reassignTicket(team, ticketId, productA, "")).toThrowError(expect.objectContaining({ status: 422 }));
    expect(() => reassignTicket(vendorA, ticketId, productA2, "")).toThrowError(expect.objectContaining({ status: 403 }));
    const { reassignedTo } = reassignTicket(team, ticketId, productA2, "Module d'envoi");
    expect(getTicketDetail(vendorA, reassignedTo).ticket.reassignedFromId).toBe(ticketId);
  });
});

describe("fix confirmation", () => {
  it("asks reporter and supporters once fixed, resolves the irritant, and reopens on enough 'no'", () => {
    const { irritantId, ticketId } = forwardedTicket(productA, "Correction contestée");
    resolveTicket(vendorA, ticketId, { resolution: "fixed", version: "5.1" });
    expect(getIrritant(team, irritantId).status).toBe("resolved");
    expect(fixQuestionsFor(reporter, irritantId)).toEqual([expect.objectContaining({ id: ticketId, version: "5.1", answer: null })]);
    expect(fixQuestionsFor(vendorB, irritantId)).toEqual([]);
    expect(() => answerFixQuestion(vendorA, ticketId, "yes")).toThrowError(expect.objectContaining({ status: 404 }));

    expect(answerFixQuestion(reporter, ticketId, "yes").reopened).toBe(false);
    expect(answerFixQuestion(supporters[0], ticketId, "no").reopened).toBe(false);
    // Changing one's answer replaces it.
    expect(answerFixQuestion(reporter, ticketId, "no").reopened).toBe(true);
    const detail = getTicketDetail(team, ticketId);
    expect(detail.ticket).toMatchObject({ status: "open", resolution: null, reopenCount: 1 });
    expect(detail.messages.at(-1)?.body).toContain("2 personnes indiquent que le problème persiste");
    expect(getIrritant(team, irritantId).status).toBe("in_progress");
    expect(fixQuestionsFor(reporter, irritantId)).toEqual([]);
  });

  it("reopens at the team's threshold even without a majority", () => {
    updateSettings(team, { fixDenialsToReopen: 1 });
    const { ticketId } = forwardedTicket(productA, "Seuil d'une réponse");
    resolveTicket(vendorA, ticketId, { resolution: "fixed", version: "5.2" });
    expect(answerFixQuestion(supporters[2], ticketId, "no").reopened).toBe(true);
    updateSettings(team, { fixDenialsToReopen: 3 });
  });
});

describe("scorecards", () => {
  it("computes median first response, share within target, resolution and confirmation rates", () => {
    const { ticketId } = forwardedTicket(productA, "Correction confirmée");
    resolveTicket(vendorA, ticketId, { resolution: "fixed", version: "5.3" });
    answerFixQuestion(supporters[0], ticketId, "yes");
    answerFixQuestion(supporters[1], ticketId, "yes");
    const cards = scorecards(team);
    const a = cards.find((c) => c.vendorId === vendorA.organisationId)!;
    // Tickets passed on to another vendor's product do not count against vendor A.
    const counted = database.db
      .select()
      .from(tickets)
      .where(eq(tickets.vendorId, vendorA.organisationId!))
      .all()
      .filter((t) => t.resolution !== "other_product");
    expect(a.ticketCount).toBe(counted.length);
    expect(a.medianFirstResponseDays).toBe(0);
    const resolved = counted.filter((t) => t.status === "resolved").length;
    expect(resolved).toBeGreaterThan(0);
    expect(a.resolutionRate).toBe(Math.round((resolved / counted.length) * 1000) / 1000);
    // The only fix with answers in its current round is the confirmed one.
    expect(a.confirmationRate).toBe(1);
    // Answered tickets were answered the same day; the ticket opened in May 2024 was never answered and is past due.
    const answered = counted.filter((t) => t.firstResponseAt).length;
    const late = counted.filter((t) => !t.firstResponseAt && t.firstResponseDue < new Date().toISOString().slice(0, 10)).length;
    expect(late).toBe(1);
    expect(a.respondedWithinTargetRate).toBe(Math.round((answered / (answered + late)) * 1000) / 1000);
  });
});
