import http, { type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "~/lib/csv";
import { exportAuditPages } from "~/modules/audit/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The audit log's CSV is written as fast as its reader takes it (issue 21): a large journal is not produced whole into
 * the server's buffers while the client waits, and the bytes are those of the whole file built at once.
 */
const HEADER = ["id", "date", "auteur", "categorie", "action", "sujet", "details"];
const ENTRIES = 40_000;

let server: TestServer;
let cookie: string;
/** The server's side of the CSV download under way. */
let exportResponse: ServerResponse | null = null;

beforeAll(async () => {
  server = await startTestServer();
  // The demo's events, copied until the journal holds more than 40,000 entries (about 4 MB of CSV).
  server.database.db.$client
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into events (type, actor_id, subject_type, subject_id, payload, created_at)
       select type, actor_id, subject_type, subject_id, payload, created_at from n, (select * from events order by id limit 1000) limit ?`,
    )
    .run(ENTRIES, ENTRIES);
  cookie = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
  server.http.on("request", (req, res: ServerResponse) => {
    if (req.url?.startsWith("/equipe/journal.csv")) exportResponse = res;
  });
}, 60_000);
afterAll(() => server.close());

/** The file as it was built before it was streamed: every page, then toCsv. */
function expectedCsv() {
  const rows = [...exportAuditPages({})].flat().map((e) => [String(e.id), e.at, e.actor, e.category, e.what, e.subject, e.details]);
  return toCsv(HEADER, rows);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("audit log CSV export", () => {
  it("is produced at the pace the client reads it, not buffered whole in the server", async () => {
    const request = http.get(`${server.url}/equipe/journal.csv`, { headers: { cookie, "accept-encoding": "identity" } });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once("response", resolve));
    expect(response.statusCode).toBe(200);
    // The client reads nothing for a while; the server has had time to build the whole file.
    response.pause();
    await sleep(1_500);
    expect(exportResponse).not.toBeNull();
    const buffered = exportResponse!.writableLength;
    // Then it reads to the end: the file is whole.
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.resume();
    await new Promise((resolve) => response.once("end", resolve));
    const body = Buffer.concat(chunks);
    expect(body.length).toBeGreaterThan(3_000_000);
    // Waiting for the socket, the server holds at most a page of entries (about 100 kB), not the file (before: all of
    // it but what the socket took, over 3 MB).
    expect(buffered).toBeLessThan(512 * 1024);
    expect(body.toString("utf8")).toBe(expectedCsv());
  }, 60_000);

  it("sends the same bytes compressed, with the same headers", async () => {
    const response = await fetch(`${server.url}/equipe/journal.csv`, { headers: { cookie, "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="journal-sentinelle.csv"');
    // fetch decodes gzip itself: read the raw bytes through node:http instead, to see that they were compressed.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${server.url}/equipe/journal.csv`, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        })
        .on("error", reject);
    });
    const expected = expectedCsv();
    expect(gunzipSync(raw).toString("utf8")).toBe(expected);
    // fetch's text() would drop the BOM: the bytes are compared.
    expect(Buffer.from(await response.arrayBuffer()).toString("utf8")).toBe(expected);
  }, 60_000);

  it("is refused to a visitor who may not read the audit log", async () => {
    const vendor = await signInCookie(server.url, "editeur-a@demo.sentinelle.fr");
    const response = await fetch(`${server.url}/equipe/journal.csv`, { headers: { cookie: vendor }, redirect: "manual" });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("journal");
  });
});
