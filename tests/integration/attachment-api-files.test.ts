import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiToken, bearer } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Files on the API's comments and ticket replies (issue 22): multipart with the same fields as the JSON body and up to
// five files in `files`, the same checks as the pages (type from the bytes, 10 MB, 5 files, one refused file refuses
// everything) and the same statuses. Vendor isolation: a vendor posts on its own ticket only.

let server: TestServer;
const EMAILS = { practitioner: "medecin@demo.sentinelle.fr", patient: "patient@demo.sentinelle.fr", vendorA: "editeur-a@demo.sentinelle.fr", vendorB: "editeur-b@demo.sentinelle.fr", team: "equipe@demo.sentinelle.fr" } as const;
type Who = keyof typeof EMAILS | "anonymous";
const tokens = {} as Record<Who, string | null>;
const sql = () => server.database.db.$client;
let published: number;

beforeAll(async () => {
  server = await startTestServer();
  tokens.anonymous = null;
  for (const [who, email] of Object.entries(EMAILS) as [Who, string][]) tokens[who] = await apiToken(server.url, email);
  published = sql().prepare("select id from irritants where published = 1 and hidden_at is null and merged_into_id is null order by id limit 1").pluck().get() as number;
}, 60_000);
afterAll(() => server.close());

const png = (color: string) => sharp({ create: { width: 60, height: 40, channels: 3, background: color } }).png().toBuffer();
const file = (bytes: Uint8Array, name: string, type = "image/png") => new File([new Uint8Array(bytes)], name, { type });
function multipart(who: Who, path: string, fields: Record<string, string>, files: File[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append("files", f);
  return fetch(`${server.url}/api/v1${path}`, { method: "POST", headers: tokens[who] ? bearer(tokens[who]!) : {}, body: form });
}
const count = (table: string) => sql().prepare(`select count(*) from ${table}`).pluck().get() as number;
const attachmentsOf = (kind: string, id: number) => sql().prepare("select status from attachments where owner_kind = ? and owner_id = ?").pluck().all(kind, id) as string[];

describe("POST /api/v1/tickets/:id/replies with files", () => {
  it("takes a vendor's reply on its own ticket with two files, each waiting for analysis", async () => {
    const response = await multipart("vendorA", "/tickets/1/replies", { body: "Voici l'écran corrigé.", visibility: "public" }, [file(await png("#2255aa"), "a.png"), file(await png("#aa5522"), "b.png")]);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; attachments: { id: number; status: string }[] };
    expect(body.attachments.map((a) => a.status)).toEqual(["analysing", "analysing"]);
    expect(attachmentsOf("ticket_reply", body.id)).toEqual(["analysing", "analysing"]);
  });

  it("keeps vendor isolation: another vendor's ticket does not exist, and nothing is written", async () => {
    const before = [count("ticket_messages"), count("attachments")];
    const response = await multipart("vendorB", "/tickets/1/replies", { body: "Réponse d'un autre éditeur.", visibility: "public" }, [file(await png("#111111"), "x.png")]);
    expect(response.status).toBe(404);
    expect((await multipart("practitioner", "/tickets/1/replies", { body: "Bonjour", visibility: "public" }, [file(await png("#111111"), "x.png")])).status).toBe(404);
    expect((await multipart("anonymous", "/tickets/1/replies", { body: "Bonjour", visibility: "public" }, [])).status).toBe(401);
    expect([count("ticket_messages"), count("attachments")]).toEqual(before);
  });

  it("refuses the whole reply for one file that is not an image (415), six files (422) or a missing field (422)", async () => {
    const before = [count("ticket_messages"), count("attachments")];
    const fake = await multipart("vendorA", "/tickets/1/replies", { body: "Capture jointe.", visibility: "public" }, [file(await png("#22aa22"), "ok.png"), file(new TextEncoder().encode("<html>"), "faux.png")]);
    expect(fake.status).toBe(415);
    expect(JSON.stringify(await fake.json())).toContain("« faux.png » : Ce fichier n'est ni une image");
    const images = await Promise.all(Array.from({ length: 6 }, (_, i) => png(`#${i}${i}${i}${i}${i}${i}`)));
    const six = await multipart("vendorA", "/tickets/1/replies", { body: "Six captures.", visibility: "public" }, images.map((b, i) => file(b, `${i}.png`)));
    expect(six.status).toBe(422);
    const noVisibility = await multipart("vendorA", "/tickets/1/replies", { body: "Sans visibilité." }, [file(await png("#22aa22"), "ok.png")]);
    expect(noVisibility.status).toBe(422);
    expect(JSON.stringify(await noVisibility.json())).toContain("Choisissez « publique » ou « interne ».");
    expect([count("ticket_messages"), count("attachments")]).toEqual(before);
  });

  it("still takes a JSON reply", async () => {
    const response = await fetch(`${server.url}/api/v1/tickets/1/replies`, { method: "POST", headers: { ...bearer(tokens.vendorA!), "Content-Type": "application/json" }, body: JSON.stringify({ body: "Sans fichier.", visibility: "internal" }) });
    expect(response.status).toBe(201);
    expect((await response.json()).attachments).toEqual([]);
  });
});

describe("POST /api/v1/irritants/:id/comments", () => {
  it("takes a comment with a file (multipart) and one without (JSON); its text is masked like the page's", async () => {
    const withFile = await multipart("patient", `/irritants/${published}/comments`, { body: "Chez moi aussi, voici l'écran." }, [file(await sharp(await png("#aa2222")).jpeg().toBuffer(), "ecran.jpg", "image/jpeg")]);
    expect(withFile.status).toBe(201);
    const created = (await withFile.json()) as { id: number; attachments: { status: string }[] };
    expect(attachmentsOf("comment", created.id)).toEqual(["analysing"]);
    const json = await fetch(`${server.url}/api/v1/irritants/${published}/comments`, {
      method: "POST",
      headers: { ...bearer(tokens.practitioner!), "Content-Type": "application/json" },
      body: JSON.stringify({ body: "Même souci, rappelez-moi au 06 12 34 56 78." }),
    });
    expect(json.status).toBe(201);
    const { id, redacted } = (await json.json()) as { id: number; redacted: number };
    expect(redacted).toBe(1);
    expect(sql().prepare("select body from comments where id = ?").pluck().get(id)).not.toContain("06 12 34 56 78");
  });

  it("refuses vendors (403), the anonymous (401), an irritant one may not see (404) and a refused file (415), writing nothing", async () => {
    const before = [count("comments"), count("attachments")];
    expect((await multipart("vendorA", `/irritants/${published}/comments`, { body: "Un éditeur" }, [])).status).toBe(403);
    expect((await multipart("anonymous", `/irritants/${published}/comments`, { body: "Anonyme" }, [])).status).toBe(401);
    const unpublished = sql().prepare("select i.id from irritants i join users u on u.id = i.author_id where i.published = 0 and u.email = ? limit 1").pluck().get(EMAILS.practitioner) as number;
    expect((await multipart("patient", `/irritants/${unpublished}/comments`, { body: "Pas le mien" }, [])).status).toBe(404);
    expect((await multipart("patient", `/irritants/${published}/comments`, { body: "Un faux fichier" }, [file(new TextEncoder().encode("<html>"), "capture.png")])).status).toBe(415);
    expect([count("comments"), count("attachments")]).toEqual(before);
  });
});
