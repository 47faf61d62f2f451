import http from "node:http";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { DEMO_EMAILS } from "../support/demo";

// Files attached from the pages' forms (multipart, field `files`, as a browser without JavaScript sends them): the
// filing form (practitioner and patient), a comment, a ticket reply. Every file is checked before anything is written.

let server: TestServer;
type Who = keyof typeof DEMO_EMAILS;
const cookies = {} as Record<Who, string>;
const sql = () => server.database.db.$client;

beforeAll(async () => {
  server = await startTestServer();
  for (const [who, email] of Object.entries(DEMO_EMAILS) as [Who, string][]) cookies[who] = await signInCookie(server.url, email);
}, 60_000);
afterAll(() => server.close());

const image = (color: string) => sharp({ create: { width: 60, height: 40, channels: 3, background: color } }).png().toBuffer();
const fileOf = (bytes: Uint8Array, name: string, type = "image/png") => new File([new Uint8Array(bytes)], name, { type });

function post(who: Who, path: string, fields: Record<string, string>, files: File[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append("files", file);
  // An empty file input, as a browser sends it when nothing was picked, comes along too.
  if (files.length === 0) form.append("files", new File([], "", { type: "application/octet-stream" }));
  return fetch(`${server.url}${path}`, { method: "POST", headers: { Cookie: cookies[who], Accept: "text/html" }, body: form, redirect: "manual" });
}
const count = (table: string) => sql().prepare(`select count(*) from ${table}`).pluck().get() as number;
const attachmentsOf = (kind: string, id: number) =>
  sql().prepare("select id, status, uploader_id as uploaderId from attachments where owner_kind = ? and owner_id = ? order by id").all(kind, id) as { id: number; status: string }[];
const getFile = (who: Who | "anonymous", id: number) => fetch(`${server.url}/api/v1/attachments/${id}/file`, { headers: who === "anonymous" ? {} : { Cookie: cookies[who] } });
const markAnalysed = (id: number) => {
  // The worker's outcome without the OCR (covered by attachments.test.ts): a stored file under a hash.
  sql().prepare("update attachments set status = 'pending_review', sha256 = ? where id = ?").run(`${"e".repeat(63)}${id % 10}`, id);
};

/** The team approves from its irritant page (an event is written: the public pages' cache follows). */
async function approve(irritantId: number, attachmentId: number) {
  const response = await fetch(`${server.url}/equipe/signalements/${irritantId}`, {
    method: "POST",
    headers: { Cookie: cookies.team, Accept: "text/html" },
    body: new URLSearchParams({ intent: "approve-attachment", attachmentId: String(attachmentId) }),
  });
  expect(response.status).toBe(200);
}

describe("the filing form", () => {
  it("files a practitioner's irritant with its files, each waiting for analysis", async () => {
    const response = await post("practitioner", "/signalements/nouveau", { intent: "file", title: "Capture de l'erreur au lancement", body: "Le logiciel affiche une erreur au lancement, voir les captures." }, [
      fileOf(await image("#3366aa"), "erreur.png"),
      fileOf(await sharp(await image("#aa6633")).jpeg().toBuffer(), "ecran.jpg", "image/jpeg"),
    ]);
    expect(response.status).toBe(302);
    const id = Number(/\/signalements\/(\d+)\?envoye=1/.exec(response.headers.get("location") ?? "")?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(attachmentsOf("irritant", id).map((a) => a.status)).toEqual(["analysing", "analysing"]);
    // The author's page says so.
    const page = await (await fetch(`${server.url}/signalements/${id}`, { headers: { Cookie: cookies.practitioner } })).text();
    expect(page.match(/Analyse en cours/g)?.length).toBe(2);
  });

  it("files a patient's irritant with a file, and one without any", async () => {
    const withFile = await post("patient", "/signalements/nouveau", { intent: "file", subject: "mon-espace-sante", title: "Document illisible dans mon espace", body: "Le document ajouté par mon médecin ne s'ouvre pas." }, [
      fileOf(await image("#22aa22"), "document.png"),
    ]);
    expect(withFile.status).toBe(302);
    const id = Number(/\/signalements\/(\d+)/.exec(withFile.headers.get("location") ?? "")?.[1]);
    expect(attachmentsOf("irritant", id)).toHaveLength(1);
    const without = await post("patient", "/signalements/nouveau", { intent: "file", subject: "mon-espace-sante", title: "Pas de notification reçue", body: "Je ne reçois pas les notifications de nouveaux documents." });
    expect(without.status).toBe(302);
    expect(attachmentsOf("irritant", Number(/\/signalements\/(\d+)/.exec(without.headers.get("location") ?? "")?.[1]))).toHaveLength(0);
  });

  it("refuses the whole submission when one file is refused, and names it", async () => {
    const before = { irritants: count("irritants"), attachments: count("attachments") };
    const response = await post("practitioner", "/signalements/nouveau", { intent: "file", title: "Un titre de signalement valable", body: "Une description suffisamment longue du problème." }, [
      fileOf(await image("#123456"), "bonne.png"),
      fileOf(new TextEncoder().encode("<html><script>alert(1)</script></html>"), "fausse.png"),
    ]);
    expect(response.status).toBe(415);
    const page = await response.text();
    expect(page).toContain("« fausse.png » : Ce fichier n&#x27;est ni une image PNG, JPEG ou WebP, ni un PDF");
    expect(page).toContain("Rien n&#x27;a été enregistré");
    // The draft comes back for a second try.
    expect(page).toContain("Une description suffisamment longue du problème.");
    expect({ irritants: count("irritants"), attachments: count("attachments") }).toEqual(before);
  });

  it("refuses more than five files, and a file over 10 MB, writing nothing", async () => {
    const before = { irritants: count("irritants"), attachments: count("attachments") };
    const png = await image("#654321");
    const six = Array.from({ length: 6 }, (_, i) => fileOf(png, `capture-${i}.png`));
    const tooMany = await post("practitioner", "/signalements/nouveau", { intent: "file", title: "Un titre de signalement valable", body: "Une description suffisamment longue du problème." }, six);
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain("5 fichiers au plus.");
    const big = fileOf(new Uint8Array(10 * 1024 * 1024 + 1), "enorme.png");
    const tooBig = await post("practitioner", "/signalements/nouveau", { intent: "file", title: "Un titre de signalement valable", body: "Une description suffisamment longue du problème." }, [big]);
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain("« enorme.png » dépasse 10 Mo");
    expect({ irritants: count("irritants"), attachments: count("attachments") }).toEqual(before);
  }, 30_000);
});

describe("comments and ticket replies", () => {
  it("attaches files to a comment, shown to its author and the team until approved, then to everyone who sees the irritant", async () => {
    const irritant = sql().prepare("select id from irritants where published = 1 and hidden_at is null and merged_into_id is null order by id limit 1").pluck().get() as number;
    const response = await post("patient", `/signalements/${irritant}`, { intent: "comment", body: "Même problème chez moi, voici ce que je vois." }, [fileOf(await image("#999999"), "moi-aussi.png")]);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Son fichier est joint : analyse en cours");
    const comment = sql().prepare("select id from comments where irritant_id = ? order by id desc limit 1").pluck().get(irritant) as number;
    const [attachment] = attachmentsOf("comment", comment);
    expect(attachment.status).toBe("analysing");
    markAnalysed(attachment.id);
    const shown = async (who: Who | "anonymous") =>
      (await (await fetch(`${server.url}/signalements/${irritant}`, { headers: who === "anonymous" ? {} : { Cookie: cookies[who] } })).text()).includes(`/api/v1/attachments/${attachment.id}/file`);
    expect({ patient: await shown("patient"), team: await shown("team"), practitioner: await shown("practitioner"), anonymous: await shown("anonymous") }).toEqual({
      patient: true,
      team: true,
      practitioner: false,
      anonymous: false,
    });
    // The team's page lists it for review, as a comment's file.
    const teamPage = await (await fetch(`${server.url}/equipe/signalements/${irritant}`, { headers: { Cookie: cookies.team } })).text();
    expect(teamPage).toMatch(new RegExp(`Valider le fichier n°(<!-- -->)?${attachment.id}<`));
    expect(teamPage).toContain("Joint à un commentaire");
    await approve(irritant, attachment.id);
    expect({ practitioner: await shown("practitioner"), anonymous: await shown("anonymous") }).toEqual({ practitioner: true, anonymous: true });
  });

  it("refuses a comment whose file is refused, writing neither", async () => {
    const irritant = sql().prepare("select id from irritants where published = 1 and hidden_at is null and merged_into_id is null order by id limit 1").pluck().get() as number;
    const before = { comments: count("comments"), attachments: count("attachments") };
    const response = await post("patient", `/signalements/${irritant}`, { intent: "comment", body: "Un commentaire avec un faux fichier." }, [fileOf(new TextEncoder().encode("%!PS-Adobe"), "capture.png")]);
    expect(response.status).toBe(415);
    expect({ comments: count("comments"), attachments: count("attachments") }).toEqual(before);
  });

  it("attaches files to a vendor's reply: seen by the team, by that vendor once approved, never by another vendor or the public", async () => {
    const response = await post("vendorA", "/editeur/tickets/1", { intent: "reply", body: "Voici la capture de notre correctif.", visibility: "public" }, [fileOf(await image("#0000aa"), "correctif.png")]);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Fichier joint : analyse en cours");
    const reply = sql().prepare("select id from ticket_messages where ticket_id = 1 order by id desc limit 1").pluck().get() as number;
    const [attachment] = attachmentsOf("ticket_reply", reply);
    markAnalysed(attachment.id);
    await approve(sql().prepare("select irritant_id from tickets where id = 1").pluck().get() as number, attachment.id);
    const statuses = async () =>
      Object.fromEntries(await Promise.all((["vendorA", "vendorB", "team", "practitioner", "anonymous"] as const).map(async (who) => [who, (await getFile(who, attachment.id)).status])));
    // The stored file does not exist in this test (no OCR run): the route answers 404 for everyone, so ask the page instead.
    const ticketPage = await (await fetch(`${server.url}/editeur/tickets/1`, { headers: { Cookie: cookies.vendorA } })).text();
    expect(ticketPage).toContain(`/api/v1/attachments/${attachment.id}/file`);
    const state = async (who: Who | "anonymous") => (await fetch(`${server.url}/api/v1/attachments/${attachment.id}`, { headers: who === "anonymous" ? {} : { Cookie: cookies[who] } })).status;
    expect({ vendorA: await state("vendorA"), vendorB: await state("vendorB"), team: await state("team"), practitioner: await state("practitioner"), anonymous: await state("anonymous") }).toEqual({
      vendorA: 200,
      vendorB: 404,
      team: 200,
      practitioner: 404,
      anonymous: 404,
    });
    expect(Object.values(await statuses()).every((s) => s === 404)).toBe(true);
  });

  it("lets the team attach to its own reply", async () => {
    const response = await post("team", "/editeur/tickets/1", { intent: "reply", body: "Note de l'équipe avec capture.", visibility: "internal" }, [fileOf(await image("#aa00aa"), "note.png")]);
    expect(response.status).toBe(200);
    const reply = sql().prepare("select id from ticket_messages where ticket_id = 1 order by id desc limit 1").pluck().get() as number;
    expect(attachmentsOf("ticket_reply", reply)).toHaveLength(1);
  });
});

describe("the streamed cap on the pages' uploads", () => {
  /** A request through node:http on a keep-alive agent, and the socket it used. */
  function send(agent: http.Agent, path: string, headers: Record<string, string>, body?: Buffer) {
    return new Promise<{ status: number; body: string; connection?: string; socket: object }>((resolve, reject) => {
      const request = http.request(new URL(path, server.url), { method: body ? "POST" : "GET", headers, agent });
      request.on("response", (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), connection: response.headers.connection, socket: request.socket! }));
      });
      request.on("error", reject);
      request.end(body);
    });
  }

  it("answers a French 413 past five files' worth, and the client's next request still works", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const boundary = "----sentinelle";
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nfile\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        Buffer.alloc(51 * 1024 * 1024, 1),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const refused = await send(agent, "/signalements/nouveau", { Cookie: cookies.practitioner, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length), Accept: "text/html" }, body);
      expect(refused.status).toBe(413);
      expect(refused.body).toContain("Le contenu envoyé est trop volumineux.");
      const next = await send(agent, "/api/v1/themes", {});
      expect(next.status).toBe(200);
      if (next.socket !== refused.socket) expect(refused.connection).toBe("close");
    } finally {
      agent.destroy();
    }
  }, 60_000);

  it("keeps the ordinary cap on pages that take no file", async () => {
    const response = await fetch(`${server.url}/compte`, { method: "POST", headers: { Cookie: cookies.practitioner, "Content-Type": "application/x-www-form-urlencoded" }, body: `x=${"a".repeat(12 * 1024 * 1024)}` });
    expect(response.status).toBe(413);
  }, 30_000);
});

describe("the content security policy", () => {
  it("lets the form preview the picked files (img-src blob:) and keeps the nonce, with no unsafe-inline", async () => {
    const response = await fetch(`${server.url}/signalements/nouveau`, { headers: { Cookie: cookies.practitioner } });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/img-src 'self' data: blob:(;|$)/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    // blob: is for images only.
    expect(csp.split(";").filter((d) => d.includes("blob:")).map((d) => d.trim().split(" ")[0])).toEqual(["img-src"]);
  });
});
