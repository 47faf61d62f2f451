import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "~/seed/demo.server";
import { outboxEmails } from "#db/schema";
import { resetEnvForTests } from "~/lib/env.server";
import type { SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, updateIrritant } from "~/modules/irritants/index.server";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { MAX_ATTEMPTS, resetMailerForTests, sendPendingEmails } from "~/lib/outbox.server";
import { createTestDatabase } from "../support/database";
import { demoUser } from "../support/demo";

const database = createTestDatabase();
type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let rejectRecipients = false;

// A real SMTP server on loopback; it can be told to refuse recipients, to test retries.
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, _session, callback) {
    if (rejectRecipients) return callback(new Error("Boîte indisponible"));
    callback();
  },
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk) => (data += chunk.toString()));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

let team: SessionUser;
let medecin: SessionUser;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.PUBLIC_URL = "https://sentinelle.example.test";
  process.env.MAIL_FROM = "Sentinelle <ne-pas-repondre@sentinelle.example.test>";
  resetEnvForTests();
  resetMailerForTests();
  await loadDemoData();
  team = demoUser("equipe@demo.sentinelle.fr");
  medecin = demoUser("medecin@demo.sentinelle.fr");
  while (deliverPendingEvents().events > 0);
  await sendPendingEmails(1000);
  received.length = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  database.close();
});

describe("e-mail", () => {
  it("sends the notification to the right person through SMTP, in French, with a link back", async () => {
    const { id } = fileIrritant(medecin, { title: "Annuaire santé incomplet", body: "Le kiné du patient n'y figure pas.", themes: ["mssante"] });
    updateIrritant(team, id, { status: "triaged" });
    while (deliverPendingEvents().events > 0);
    const result = await sendPendingEmails();
    expect(result.sent).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["medecin@demo.sentinelle.fr"]);
    expect(received[0].from).toBe("ne-pas-repondre@sentinelle.example.test");
    const message = received[0].data.replace(/=\r?\n/g, "");
    expect(message).toMatch(/Subject: =\?UTF-8\?|Subject: Sentinelle/);
    expect(message).toContain(`https://sentinelle.example.test/signalements/${id}`);
    expect(message).toContain("Content-Type: text/html");
    expect(message).toContain("Content-Type: text/plain");
    // Sent once: a second pass sends nothing more.
    expect((await sendPendingEmails()).sent).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("retries a refused message with backoff, then gives up visibly", async () => {
    const { id } = fileIrritant(medecin, { title: "Message refusé", body: "Pour tester les essais.", themes: ["autre"] });
    updateIrritant(team, id, { status: "triaged" });
    while (deliverPendingEvents().events > 0);
    rejectRecipients = true;
    await sendPendingEmails();
    const email = () => database.db.select().from(outboxEmails).where(eq(outboxEmails.status, "pending")).get() ?? database.db.select().from(outboxEmails).where(eq(outboxEmails.status, "failed")).get()!;
    expect(email()).toMatchObject({ status: "pending", attempts: 1 });
    expect(email().nextAttemptAt > new Date().toISOString()).toBe(true);
    expect(email().lastError).toContain("Boîte indisponible");
    // Make it due again until the last attempt.
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      database.db.update(outboxEmails).set({ nextAttemptAt: "2000-01-01T00:00:00.000Z" }).where(eq(outboxEmails.id, email().id)).run();
      await sendPendingEmails();
    }
    expect(email()).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    rejectRecipients = false;
  });
});
