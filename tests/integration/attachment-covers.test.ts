import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysePendingAttachments, readLines, stopOcr } from "~/modules/attachments/index.server";
import { apiToken, bearer, signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { DEMO_EMAILS } from "../support/demo";

// Areas covered by hand (issue 22): the author until the team approves, the team at any time; through the API
// (`PATCH /api/v1/attachments/:id {covers}`) and through the cover page's grid of cells, posted as a browser without
// JavaScript does. The boxes go onto the stored masked image, which is replaced (new hash, new thumbnail).

let server: TestServer;
type Who = keyof typeof DEMO_EMAILS;
const tokens = {} as Record<Who, string>;
const cookies = {} as Record<Who, string>;
let irritantId: number;
// Five files per irritant: each test takes another of the practitioner's irritants.
let spare: number[] = [];
const sql = () => server.database.db.$client;
const filesDir = () => path.join(path.dirname(server.database.file), "attachments");
const shaOf = (id: number) => sql().prepare("select sha256 from attachments where id = ?").pluck().get(id) as string;

beforeAll(async () => {
  server = await startTestServer();
  for (const [who, email] of Object.entries(DEMO_EMAILS) as [Who, string][]) {
    tokens[who] = await apiToken(server.url, email);
    cookies[who] = await signInCookie(server.url, email);
  }
  // Vendor A's ticket n°1 is on an irritant the demo practitioner filed.
  irritantId = sql().prepare("select irritant_id from tickets where id = 1").pluck().get() as number;
  spare = sql()
    .prepare("select i.id from irritants i join users u on u.id = i.author_id where u.email = ? and i.id != ? and i.hidden_at is null order by i.id")
    .pluck()
    .all(DEMO_EMAILS.practitioner, irritantId) as number[];
}, 60_000);
afterAll(async () => {
  await stopOcr();
  await server.close();
});

const WIDTH = 640;
const LINE = 34;
const LINES = ["Logiciel Cabinet - Agenda", "Rendez-vous avec Jeanne MARTINEAU", "Renouvellement impossible depuis la mise à jour"];
const HEIGHT = 30 + LINES.length * LINE;
function screenshot() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>${LINES.map(
    (line, i) => `<text x="20" y="${40 + i * LINE}" font-family="DejaVu Sans" font-size="20" fill="#000">${line}</text>`,
  ).join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function uploadAnalysed(on = spare.shift()!): Promise<number> {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(await screenshot())], "agenda.png", { type: "image/png" }));
  const response = await fetch(`${server.url}/api/v1/irritants/${on}/attachments`, { method: "POST", headers: bearer(tokens.practitioner), body: form });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: number };
  await analysePendingAttachments(10);
  expect(sql().prepare("select status from attachments where id = ?").pluck().get(id)).toBe("pending_review");
  return id;
}

const patch = (who: Who, id: number, body: unknown) =>
  fetch(`${server.url}/api/v1/attachments/${id}`, { method: "PATCH", headers: { ...bearer(tokens[who]), "Content-Type": "application/json" }, body: JSON.stringify(body) });
const fileOf = async (id: number, thumbnail = false) =>
  Buffer.from(await (await fetch(`${server.url}/api/v1/attachments/${id}/file${thumbnail ? "?taille=vignette" : ""}`, { headers: bearer(tokens.team) })).arrayBuffer());
const pixels = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });

/** Pixels inside the pixel box all black; every pixel outside it unchanged from `before`. */
async function expectCoveredOnly(before: Buffer, after: Buffer, box: { x0: number; y0: number; x1: number; y1: number }) {
  const a = await pixels(before);
  const b = await pixels(after);
  expect([b.info.width, b.info.height]).toEqual([a.info.width, a.info.height]);
  let inside = 0;
  let changedOutside = 0;
  let notBlackInside = 0;
  for (let y = 0; y < b.info.height; y++)
    for (let x = 0; x < b.info.width; x++) {
      const i = (y * b.info.width + x) * 3;
      // A one-pixel margin: the box's edges are rounded outwards.
      const inBox = x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
      const nearBox = x >= box.x0 - 1 && x < box.x1 + 1 && y >= box.y0 - 1 && y < box.y1 + 1;
      if (inBox) {
        inside++;
        if (b.data[i] + b.data[i + 1] + b.data[i + 2] !== 0) notBlackInside++;
      } else if (!nearBox && (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2])) changedOutside++;
    }
  expect(inside).toBeGreaterThan(0);
  expect(notBlackInside).toBe(0);
  expect(changedOutside).toBe(0);
}

describe("covering areas by hand through the API", () => {
  it("covers the second line for its author: opaque there, unchanged elsewhere; old files deleted, thumbnail redone, audit-logged", async () => {
    const id = await uploadAnalysed();
    const before = await fileOf(id);
    const thumbBefore = await fileOf(id, true);
    const oldSha = shaOf(id);
    expect((await readLines(before)).flat().map((w) => w.text).join(" ")).toContain("MARTINEAU");
    // The second line's band: baseline at 74 px, 20 px type.
    const cover = { x: 0, y: 50 / HEIGHT, width: 1, height: 32 / HEIGHT };
    const response = await patch("practitioner", id, { covers: [cover] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, status: "pending_review" });
    const after = await fileOf(id);
    await expectCoveredOnly(before, after, { x0: 0, y0: 50, x1: WIDTH, y1: 82 });
    const read = (await readLines(after)).flat().map((w) => w.text).join(" ");
    expect(read).not.toContain("MARTINEAU");
    expect(read).not.toContain("Jeanne");
    for (const kept of ["Logiciel", "Agenda", "Renouvellement", "impossible"]) expect(read).toContain(kept);
    // Replaced under its new hash, the old file and thumbnail gone, the thumbnail redone.
    const newSha = shaOf(id);
    expect(newSha).not.toBe(oldSha);
    expect(fs.existsSync(path.join(filesDir(), `${oldSha}.png`))).toBe(false);
    expect(fs.existsSync(path.join(filesDir(), `${oldSha}.thumb.webp`))).toBe(false);
    expect(fs.existsSync(path.join(filesDir(), `${newSha}.png`))).toBe(true);
    expect((await fileOf(id, true)).equals(thumbBefore)).toBe(false);
    const events = sql().prepare("select actor_id as actorId, payload from events where type = 'attachment.covered' and subject_id = ?").all(id) as { payload: string }[];
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([{ irritantId: expect.any(Number), areas: 1 }]);
  }, 120_000);

  it("refuses an area outside the image with a 422 in French, not a 500, and writes nothing", async () => {
    const id = await uploadAnalysed();
    const sha = shaOf(id);
    for (const covers of [[{ x: 0.8, y: 0, width: 0.5, height: 0.1 }], [{ x: -0.1, y: 0, width: 0.2, height: 0.1 }], [{ x: 0, y: 0.95, width: 0.1, height: 0.2 }], [{ x: 0, y: 0, width: 0, height: 0.2 }], [], "tout"]) {
      const response = await patch("team", id, { covers });
      expect(response.status, JSON.stringify(covers)).toBe(422);
      // The field messages say what is wrong, in French.
      const body = JSON.stringify(await response.json());
      expect(body).toMatch(/zone|fraction|bord|liste/i);
    }
    expect((await patch("team", id, {})).status).toBe(422);
    expect(shaOf(id)).toBe(sha);
  }, 120_000);

  it("lets the team cover any file and the author only theirs before approval; others learn nothing", async () => {
    const id = await uploadAnalysed(irritantId);
    const area = { covers: [{ x: 0, y: 0, width: 0.1, height: 0.1 }] };
    // Not visible to them: as if it did not exist.
    expect((await patch("patient", id, area)).status).toBe(404);
    expect((await patch("vendorA", id, area)).status).toBe(404);
    expect((await patch("vendorB", id, area)).status).toBe(404);
    // The author may not approve.
    expect((await patch("practitioner", id, { approved: true })).status).toBe(403);
    expect((await patch("team", id, { approved: true })).status).toBe(200);
    // Approved: the vendor of the ticket sees it, but may not cover it.
    expect((await patch("vendorA", id, area)).status).toBe(403);
    const late = await patch("practitioner", id, area);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toContain("L'équipe programme a déjà validé ce fichier");
    const sha = shaOf(id);
    const team = await patch("team", id, area);
    expect(team.status).toBe(200);
    expect(await team.json()).toMatchObject({ status: "approved" });
    expect(shaOf(id)).not.toBe(sha);
  }, 120_000);
});

describe("the cover page, without JavaScript", () => {
  const page = (who: Who, id: number, init?: RequestInit) =>
    fetch(`${server.url}/pieces-jointes/${id}/masquer`, { ...init, headers: { Cookie: cookies[who], Accept: "text/html", ...(init?.headers ?? {}) }, redirect: "manual" });

  it("shows a grid of labelled cells, and covers the ticked ones", async () => {
    const id = await uploadAnalysed();
    // React separates the text and the numbers with comments.
    const html = (await (await page("practitioner", id)).text()).replace(/<!-- -->/g, "");
    // 24 columns, rows in proportion: 640 × 132 → 5 rows.
    expect(html).toContain("Masquer la zone ligne 5, colonne 24");
    expect(html).not.toContain("Masquer la zone ligne 6,");
    expect(html).toMatch(/<input type="checkbox" name="cells"[^>]* value="2-3"/);
    const before = await fileOf(id);
    // Row 2, columns 1 to 3 (one rectangle) and row 4, column 24.
    const body = new URLSearchParams([
      ["cells", "2-1"],
      ["cells", "2-2"],
      ["cells", "2-3"],
      ["cells", "4-24"],
    ]);
    const response = await page("practitioner", id, { method: "POST", body });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("4 zones masquées");
    const after = await fileOf(id);
    const cellW = WIDTH / 24;
    const cellH = HEIGHT / 5;
    const a = await pixels(after);
    const at = (x: number, y: number) => a.data[(Math.floor(y) * WIDTH + Math.floor(x)) * 3];
    expect(at(cellW * 1.5, cellH * 1.5)).toBe(0);
    expect(at(cellW * 23.5, cellH * 3.5)).toBe(0);
    await expectCoveredOnly(before, await sharp(after).extract({ left: 0, top: 0, width: WIDTH, height: Math.floor(cellH * 3) }).png().toBuffer().then((top) => sharp(before).composite([{ input: top, left: 0, top: 0 }]).png().toBuffer()), {
      x0: 0,
      y0: Math.floor(cellH),
      x1: Math.ceil(cellW * 3),
      y1: Math.ceil(cellH * 2),
    });
  }, 120_000);

  it("answers 422 with a French message when nothing is ticked, or a cell is off the grid", async () => {
    const id = await uploadAnalysed();
    const none = await page("practitioner", id, { method: "POST", body: new URLSearchParams() });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Cochez au moins une case, ou dessinez une zone, à masquer.");
    const off = await page("practitioner", id, { method: "POST", body: new URLSearchParams({ cells: "9-30" }) });
    expect(off.status).toBe(422);
    expect(await off.text()).toContain("n&#x27;est pas sur l&#x27;image");
    const outside = await page("practitioner", id, { method: "POST", body: new URLSearchParams({ areas: "0.9 0 0.5 0.1" }) });
    expect(outside.status).toBe(422);
    expect(await outside.text()).toContain("Une zone dessinée sort de l&#x27;image");
  }, 120_000);

  it("hides the page from others and tells the author why after approval", async () => {
    const id = await uploadAnalysed();
    expect((await page("patient", id)).status).toBe(404);
    expect((await page("vendorA", id)).status).toBe(404);
    expect((await page("vendorB", id, { method: "POST", body: new URLSearchParams({ cells: "1-1" }) })).status).toBe(404);
    expect((await patch("team", id, { approved: true })).status).toBe(200);
    const html = (await (await page("practitioner", id)).text()).replace(/<!-- -->/g, "");
    expect(html).toContain("L&#x27;équipe programme a déjà validé ce fichier");
    expect(html).not.toContain('name="cells"');
    const late = await page("practitioner", id, { method: "POST", body: new URLSearchParams({ cells: "1-1" }) });
    expect(late.status).toBe(409);
    // The team still may, from the same page.
    expect((await page("team", id, { method: "POST", body: new URLSearchParams({ cells: "1-1" }) })).status).toBe(200);
  }, 120_000);
});
