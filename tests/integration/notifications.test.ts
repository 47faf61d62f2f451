import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { eventCursors, notifications } from "#db/schema";
import type { SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, supportIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { deliverPendingEvents, takeNotifications, unreadCount } from "~/modules/notifications/index.server";
import { listMailbox, sendPendingEmails } from "~/lib/outbox.server";
import { listTickets, replyToTicket, resolveTicket } from "~/modules/tickets/index.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
afterAll(() => database.close());
let medecin: SessionUser, patient: SessionUser, team: SessionUser, vendorA: SessionUser, vendorB: SessionUser;
const drain = () => {
  while (deliverPendingEvents(50).events > 0);
};
const textsFor = (u: SessionUser) => database.db.select({ text: notifications.text }).from(notifications).where(eq(notifications.userId, u.id)).all().map((n) => n.text);

beforeAll(async () => {
  await loadDemoData();
  [medecin, patient, team, vendorA, vendorB] = ["medecin", "patient", "equipe", "editeur-a", "editeur-b"].map((n) => demoUser(`${n}@demo.sentinelle.fr`));
  drain();
});

describe("in-app notifications", () => {
  it("tell the vendor of a new ticket, and never another vendor", () => {
    const { id } = fileIrritant(medecin, { title: "Envoi MSSanté impossible depuis AzurMed", body: "Le bouton d'envoi reste grisé.", themes: ["mssante"], productId: 1 });
    updateIrritant(team, id, { published: true, status: "forwarded" });
    drain();
    expect(textsFor(vendorA)).toContain("Nouveau ticket : Envoi MSSanté impossible depuis AzurMed");
    expect(textsFor(vendorB).join(" ")).not.toContain("Envoi MSSanté impossible");
    // The practitioner hears about the status change of their report, not about their own filing.
    expect(textsFor(medecin)).toContain("Envoi MSSanté impossible depuis AzurMed : Transmis à l'éditeur");
  });

  it("tell reporter and supporters of public vendor answers, but never of internal notes", () => {
    const { id } = fileIrritant(medecin, { title: "Ordonnance numérique sans QR code", body: "Le QR code n'est pas imprimé.", themes: ["ordonnance-numerique"], productId: 1 });
    updateIrritant(team, id, { published: true, status: "forwarded" });
    supportIrritant(patient, id);
    const ticketId = listTickets(team, { irritantId: id }).items[0].id;
    drain();
    const before = { medecin: textsFor(medecin).length, patient: textsFor(patient).length };
    replyToTicket(vendorA, ticketId, { body: "Note interne pour l'équipe.", visibility: "internal" });
    drain();
    expect(textsFor(medecin).length).toBe(before.medecin);
    expect(textsFor(patient).length).toBe(before.patient);
    replyToTicket(vendorA, ticketId, { body: "Correctif prévu.", visibility: "public" });
    resolveTicket(vendorA, ticketId, { resolution: "fixed", version: "5.1" });
    drain();
    expect(textsFor(patient)).toEqual(expect.arrayContaining(["L'éditeur a répondu : Ordonnance numérique sans QR code", "L'éditeur indique avoir corrigé « Ordonnance numérique sans QR code » : est-ce corrigé pour vous ? Répondez sur la page du signalement"]));
    expect(textsFor(medecin)).toContain("L'éditeur a répondu : Ordonnance numérique sans QR code");
    expect(textsFor(vendorA).join(" ")).not.toContain("L'éditeur a répondu"); // not told of their own action
  });

  it("keep unpublished irritants' news to their author", () => {
    const { id } = fileIrritant(medecin, { title: "Brouillon privé", body: "Pas encore publié.", themes: ["autre"] });
    updateIrritant(team, id, { status: "triaged" });
    drain();
    expect(textsFor(medecin)).toContain("Brouillon privé : Qualifié");
    expect(textsFor(patient).join(" ")).not.toContain("Brouillon privé");
  });

  it("resume from the stored cursor and never write the same notification twice", () => {
    const cursor = database.db.select().from(eventCursors).get()!.lastEventId;
    const count = database.db.select().from(notifications).all().length;
    // A crash after writing but before moving the cursor means the batch is replayed: rewind and replay.
    database.db.update(eventCursors).set({ lastEventId: 0 }).run();
    drain();
    expect(database.db.select().from(notifications).all().length).toBe(count);
    expect(database.db.select().from(eventCursors).get()!.lastEventId).toBe(cursor);
  });

  it("keep e-mails in the dev mailbox when no SMTP server is configured", async () => {
    const result = await sendPendingEmails(1000);
    expect(result.sent).toBe(0);
    expect(result.due).toBeGreaterThan(0);
    const mailbox = listMailbox(1000);
    expect(mailbox.every((e) => e.status === "kept")).toBe(true);
    expect(mailbox.filter((e) => e.to === "editeur-b@demo.sentinelle.fr").map((e) => e.subject).join(" ")).not.toContain("Envoi MSSanté impossible");
  });

  it("count unread ones and mark them read when seen", () => {
    expect(unreadCount(patient.id)).toBeGreaterThan(0);
    const seen = takeNotifications(patient.id);
    expect(seen.some((n) => n.unread)).toBe(true);
    expect(unreadCount(patient.id)).toBe(0);
    expect(takeNotifications(patient.id).every((n) => !n.unread)).toBe(true);
  });
});
