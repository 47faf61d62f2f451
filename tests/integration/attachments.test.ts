import sharp from "sharp";
import * as mupdf from "mupdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { analysePendingAttachments, readLines, stopOcr } from "~/modules/attachments/index.server";
import { deleteAccount } from "~/modules/privacy/index.server";
import { apiToken, bearer } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { DEMO_EMAILS } from "../support/demo";

let server: TestServer;
type Who = keyof typeof DEMO_EMAILS | "anonymous";
const tokens = {} as Record<Who, string | null>;
// Vendor A's ticket n°1 and its irritant (filed by the demo practitioner).
let irritantId: number;

beforeAll(async () => {
  server = await startTestServer();
  tokens.anonymous = null;
  for (const [who, email] of Object.entries(DEMO_EMAILS) as [Who, string][]) tokens[who] = await apiToken(server.url, email);
  const row = server.database.db.$client
    .prepare("select t.irritant_id as id, u.email from tickets t join irritants i on i.id = t.irritant_id join users u on u.id = i.author_id where t.id = 1")
    .get() as { id: number; email: string };
  expect(row.email).toBe(DEMO_EMAILS.practitioner);
  irritantId = row.id;
}, 60_000);
afterAll(async () => {
  await stopOcr();
  await server.close();
});

const headers = (who: Who): Record<string, string> => (tokens[who] ? bearer(tokens[who]!) : {});

async function upload(who: Who, bytes: Uint8Array, name: string, type: string, id = irritantId) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return fetch(`${server.url}/api/v1/irritants/${id}/attachments`, { method: "POST", headers: headers(who), body: form });
}
const getFile = (who: Who, id: number) => fetch(`${server.url}/api/v1/attachments/${id}/file`, { headers: headers(who) });
const approve = (who: Who, id: number) =>
  fetch(`${server.url}/api/v1/attachments/${id}`, { method: "PATCH", headers: { ...headers(who), "Content-Type": "application/json" }, body: JSON.stringify({ approved: true }) });

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
function screenshot(lines: string[], width = 640) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${30 + lines.length * 34}"><rect width="100%" height="100%" fill="#fff"/>${lines
    .map((line, i) => `<text x="20" y="${40 + i * 34}" font-family="DejaVu Sans" font-size="20" fill="#000">${escapeXml(line)}</text>`)
    .join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe("what is accepted", () => {
  it("refuses a file renamed .png that is not an image, from its bytes", async () => {
    const response = await upload("practitioner", new TextEncoder().encode("<html><script>alert(1)</script></html>"), "capture.png", "image/png");
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toMatch(/ni une image PNG, JPEG ou WebP, ni un PDF/);
  });

  it("refuses someone who neither wrote the irritant nor belongs to the team, and the anonymous", async () => {
    const png = await screenshot(["Bonjour"]);
    expect((await upload("patient", png, "a.png", "image/png")).status).toBe(404);
    expect((await upload("vendorA", png, "a.png", "image/png")).status).toBe(404);
    expect((await upload("anonymous", png, "a.png", "image/png")).status).toBe(401);
  });
});

describe("cleaning, masking and who sees what", () => {
  it("re-encodes a JPEG without its EXIF and GPS metadata", async () => {
    const jpeg = await sharp({ create: { width: 120, height: 80, channels: 3, background: "#3366aa" } })
      .withExif({ IFD0: { Make: "CabinetDupont" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 8/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    expect((await sharp(jpeg).metadata()).exif?.includes(Buffer.from("CabinetDupont"))).toBe(true);
    const response = await upload("practitioner", jpeg, "photo.jpg", "image/jpeg");
    expect(response.status).toBe(201);
    const { id, status } = await response.json();
    expect(status).toBe("analysing");
    // Nothing is served before the analysis.
    expect((await getFile("practitioner", id)).status).toBe(404);
    expect(await analysePendingAttachments()).toBe(1);
    const file = await getFile("practitioner", id);
    expect(file.status).toBe(200);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toMatch(/filename="piece-jointe-\d+\.png"/);
    const stored = Buffer.from(await file.arrayBuffer());
    const metadata = await sharp(stored).metadata();
    expect(metadata.format).toBe("png");
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from("CabinetDupont"))).toBe(false);
    // Only the PNG chunks of the pixels: no eXIf, iTXt, tEXt or zTXt.
    for (const chunk of ["eXIf", "iTXt", "tEXt", "zTXt"]) expect(stored.includes(Buffer.from(chunk))).toBe(false);
  }, 60_000);

  it("covers the NIR, phone number, e-mail address and patient banner of a screenshot, and keeps the rest readable", async () => {
    const png = await screenshot([
      "Logiciel Cabinet - Ordonnance",
      "Patient : DUPONT Marie",
      "Né(e) le 12/03/1961",
      "NIR 2 61 03 75 115 042 17",
      "Tél. 06 12 34 56 78",
      "Courriel marie.dupont@example.fr",
      "Renouvellement impossible depuis la mise à jour",
    ]);
    // The test image is readable before masking: the OCR finds what must go.
    const before = (await readLines(png)).map((line) => line.map((w) => w.text).join(" ")).join("\n");
    expect(before).toMatch(/DUPONT/);
    expect(before).toMatch(/marie\.dupont@example\.fr/);
    const response = await upload("practitioner", png, "capture.png", "image/png");
    expect(response.status).toBe(201);
    const { id } = await response.json();
    await analysePendingAttachments();
    const state = await (await fetch(`${server.url}/api/v1/attachments/${id}`, { headers: headers("practitioner") })).json();
    expect(state.status).toBe("pending_review");
    expect(state.masked).toBeGreaterThanOrEqual(5);
    const stored = Buffer.from(await (await getFile("practitioner", id)).arrayBuffer());
    const after = (await readLines(stored)).map((line) => line.map((w) => w.text).join(" ")).join("\n");
    for (const gone of ["DUPONT", "Marie", "1961", "12/03", "61 03 75", "115 042", "06 12", "34 56 78", "dupont@", "example.fr"]) expect(after).not.toContain(gone);
    for (const kept of ["Logiciel", "Cabinet", "Ordonnance", "Renouvellement", "impossible", "jour"]) expect(after).toContain(kept);

    // Private until reviewed: the author and the team only.
    const statuses = async () => Object.fromEntries(await Promise.all((["practitioner", "team", "patient", "vendorA", "vendorB", "anonymous"] as Who[]).map(async (who) => [who, (await getFile(who, id)).status])));
    expect(await statuses()).toEqual({ practitioner: 200, team: 200, patient: 404, vendorA: 404, vendorB: 404, anonymous: 404 });
    expect((await approve("practitioner", id)).status).toBe(403);
    expect((await approve("team", id)).status).toBe(200);
    // Approved: the vendor of the irritant's ticket, never another; the public only if the irritant is published.
    const published = server.database.db.$client.prepare("select published from irritants where id = ?").pluck().get(irritantId) === 1;
    const visible = published ? 200 : 404;
    expect(await statuses()).toEqual({ practitioner: 200, team: 200, patient: visible, vendorA: 200, vendorB: 404, anonymous: visible });
    // Unpublished: the public loses it again.
    server.database.db.$client.prepare("update irritants set published = 0 where id = ?").run(irritantId);
    expect((await getFile("anonymous", id)).status).toBe(404);
    expect((await getFile("vendorA", id)).status).toBe(200);
    server.database.db.$client.prepare("update irritants set published = ? where id = ?").run(published ? 1 : 0, irritantId);
  }, 120_000);

  it("renders a PDF's pages to one image and keeps no PDF", async () => {
    const doc = new mupdf.PDFDocument();
    const font = doc.addSimpleFont(new mupdf.Font("Helvetica"));
    const resources = doc.addObject({ Font: { F1: font } });
    for (const text of ["Page une", "Page deux"]) doc.insertPage(-1, doc.addPage([0, 0, 300, 200], 0, resources, `BT /F1 20 Tf 30 100 Td (${text}) Tj ET`));
    const pdf = doc.saveToBuffer("").asUint8Array();
    const response = await upload("team", pdf, "document.pdf", "application/pdf");
    expect(response.status).toBe(201);
    const { id } = await response.json();
    await analysePendingAttachments();
    const state = await (await fetch(`${server.url}/api/v1/attachments/${id}`, { headers: headers("team") })).json();
    expect(state).toMatchObject({ status: "pending_review", pages: 2, width: 600, height: 800 });
    const stored = Buffer.from(await (await getFile("team", id)).arrayBuffer());
    expect((await sharp(stored).metadata()).format).toBe("png");
    expect(stored.subarray(0, 5).toString()).not.toBe("%PDF-");
  }, 60_000);

  it("takes five files per irritant at most", async () => {
    const png = await screenshot(["Bonjour"], 100);
    let last = 0;
    for (let i = 0; i < 5; i++) last = (await upload("team", png, "a.png", "image/png")).status;
    expect(last).toBe(422);
  }, 60_000);

  it("removes the files when the irritant is hidden and when their uploader deletes the account", async () => {
    const sql = server.database.db.$client;
    const filesDir = path.join(path.dirname(server.database.file), "attachments");
    const storedFor = (id: number) => path.join(filesDir, `${sql.prepare("select sha256 from attachments where id = ?").pluck().get(id) as string}.png`);
    // The patient's own irritant, and one of the practitioner's that the team will hide.
    const patientIrritant = sql.prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = ? order by i.id limit 1").pluck().get(DEMO_EMAILS.patient) as number;
    const hiddenIrritant = sql.prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = ? and i.id != ? order by i.id limit 1").pluck().get(DEMO_EMAILS.practitioner, irritantId) as number;
    const png = await screenshot(["Fichier de test"], 200);
    const mine = (await (await upload("patient", png, "a.png", "image/png", patientIrritant)).json()).id as number;
    const theirs = (await (await upload("practitioner", await screenshot(["Autre fichier"], 220), "b.png", "image/png", hiddenIrritant)).json()).id as number;
    await analysePendingAttachments(10);
    expect(fs.existsSync(storedFor(mine))).toBe(true);
    const theirFile = storedFor(theirs);
    expect(fs.existsSync(theirFile)).toBe(true);

    // The team hides ("masquer") the practitioner's irritant from its page: the file goes with it.
    const { signInCookie } = await import("../support/http");
    const cookie = await signInCookie(server.url, DEMO_EMAILS.team);
    const hide = await fetch(`${server.url}/equipe/signalements/${hiddenIrritant}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ intent: "hide", reason: "Données patient" }), redirect: "manual" });
    expect(hide.status).toBeLessThan(400);
    expect(fs.existsSync(theirFile)).toBe(false);
    expect((await getFile("team", theirs)).status).toBe(404);

    // The patient deletes the account: their file goes.
    const mineFile = storedFor(mine);
    const patient = sql.prepare("select id, email, display_name as displayName, role, organisation_id as organisationId from users where email = ?").get(DEMO_EMAILS.patient) as never;
    await deleteAccount(patient, "sentinelle-demo");
    expect(fs.existsSync(mineFile)).toBe(false);
    expect(sql.prepare("select count(*) from attachments where id in (?, ?)").pluck().get(mine, theirs)).toBe(0);
    const audit = sql.prepare("select payload from events where type = 'attachment.removed' order by id").pluck().all() as string[];
    expect(audit.map((p) => JSON.parse(p).reason)).toEqual(expect.arrayContaining(["hidden", "account_deleted"]));
  }, 120_000);
});
