import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "#db/schema";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { announcementPageSchema } from "~/modules/vendors";
import { getAnnouncement, previewAnnouncement, sendAnnouncement } from "~/modules/vendors/index.server";
import { sendPendingEmails } from "~/lib/outbox.server";
import { loadDemoData } from "~/seed/demo.server";
import { createTestDatabase } from "../support/database";
import { startSmtpForModules } from "../support/smtp";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpForModules>>;
beforeAll(async () => {
  smtp = await startSmtpForModules({ MAIL_FROM: "Sentinelle <ne-pas-repondre@sentinelle.example.test>" });
  await loadDemoData();
  while (deliverPendingEvents().events > 0);
  await sendPendingEmails(1000);
  smtp.received.length = 0;
});
afterAll(async () => {
  await smtp.close();
  database.close();
});

const input = { title: "Webinaire hors SONS du 12 mars", body: "Inscrivez-vous au webinaire consacré aux implémentations facilitantes.", groups: ["non-sons" as const] };

describe("announcements to vendor groups", () => {
  it("validates the form in French", () => {
    const refused = announcementPageSchema.safeParse({ intent: "preview", title: "", body: "court", groups: [] });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => i.message)).toEqual([
      "Indiquez le titre de l'annonce (3 caractères au moins).",
      "Écrivez le texte de l'annonce (10 caractères au moins).",
      "Choisissez au moins un groupe d'éditeurs.",
    ]);
    expect(announcementPageSchema.safeParse({ intent: "send", ...input, groups: "tous" }).error!.issues[0].message).toBe("Groupe d'éditeurs inconnu.");
  });

  it("previews the e-mail and its recipients per group, and sends nothing", () => {
    const team = demoUser("equipe@demo.sentinelle.fr");
    const before = database.db.select().from(events).all().length;
    const preview = previewAnnouncement(team, { ...input, groups: ["sons", "non-sons"] });
    expect(preview.subject).toBe("Sentinelle — Annonce de l'équipe programme : Webinaire hors SONS du 12 mars");
    // Demo: vendor A (Azur, SONS) and vendor B (Brume, hors SONS) have one member each.
    expect(preview.groups).toEqual([
      { group: "sons", label: "Éditeurs SONS (référencés Ségur)", people: 1, vendors: 1 },
      { group: "non-sons", label: "Éditeurs hors SONS (non référencés)", people: 1, vendors: 1 },
    ]);
    expect(preview.recipients).toBe(2);
    expect(database.db.select().from(events).all().length).toBe(before);
    expect(() => previewAnnouncement(demoUser("editeur-a@demo.sentinelle.fr"), input)).toThrowError(expect.objectContaining({ status: 403 }));
  });

  it("sends through the notification e-mail path to the group's vendor members only, audit-logged", async () => {
    const team = demoUser("equipe@demo.sentinelle.fr");
    const vendorA = demoUser("editeur-a@demo.sentinelle.fr");
    const vendorB = demoUser("editeur-b@demo.sentinelle.fr");
    expect(() => sendAnnouncement(demoUser("medecin@demo.sentinelle.fr"), input)).toThrowError(expect.objectContaining({ status: 403 }));
    const { id, recipients } = sendAnnouncement(team, input);
    expect(recipients).toBe(1);
    const logged = database.db.select().from(events).where(and(eq(events.type, "announcement.sent"), eq(events.subjectId, id))).get()!;
    expect(logged).toMatchObject({ actorId: team.id, subjectType: "announcement" });
    expect(logged.payload).toEqual({ groups: ["non-sons"], recipients: 1 });

    while (deliverPendingEvents().events > 0);
    await sendPendingEmails(100);
    const received = smtp.to(vendorB.email);
    expect(received).toHaveLength(1);
    expect(received[0].body).toContain("Annonce de l'équipe programme : Webinaire hors SONS du 12 mars");
    expect(received[0].body).toContain(`https://sentinelle.example.test/editeur/annonces/${id}`);
    expect(smtp.to(vendorA.email)).toHaveLength(0);
    expect(smtp.received).toHaveLength(1);

    // The page: the group's members and the team read it; a vendor outside the groups does not know it exists.
    expect(getAnnouncement(vendorB, id).body).toBe(input.body);
    expect(getAnnouncement(team, id).title).toBe(input.title);
    expect(() => getAnnouncement(vendorA, id)).toThrowError(expect.objectContaining({ status: 404 }));
    expect(() => getAnnouncement(demoUser("medecin@demo.sentinelle.fr"), id)).toThrowError(expect.objectContaining({ status: 404 }));
  });
});
