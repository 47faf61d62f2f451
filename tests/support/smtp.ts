import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { resetEnvForTests } from "~/lib/env.server";
import { resetMailerForTests } from "~/lib/outbox.server";

export type ReceivedEmail = { to: string[]; from: string; data: string; /** Decoded from quoted-printable soft breaks, for searching. */ body: string };

/** Undoes quoted-printable soft breaks and escapes (UTF-8), so tests can search the French text. */
function decodeQuotedPrintable(data: string) {
  const joined = data.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A real SMTP server on loopback that keeps what it receives; it can be told to refuse recipients. */
export async function startSmtpServer() {
  const received: ReceivedEmail[] = [];
  const state = { rejectRecipients: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(_address, _session, callback) {
      if (state.rejectRecipients) return callback(new Error("Boîte indisponible"));
      callback();
    },
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk) => (data += chunk.toString()));
      stream.on("end", () => {
        const body = decodeQuotedPrintable(data);
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    /** What each address received. */
    to: (address: string) => received.filter((r) => r.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A real SMTP server, with the application's mail settings pointed at it, for tests that call the modules in-process
 * (tests with an HTTP server pass the same settings to `startTestServer`). `env` adds or overrides settings.
 */
export async function startSmtpForModules(env: Record<string, string> = {}) {
  const smtp = await startSmtpServer();
  Object.assign(process.env, { SMTP_URL: smtp.url, PUBLIC_URL: "https://sentinelle.example.test", ...env });
  resetEnvForTests();
  resetMailerForTests();
  return smtp;
}

