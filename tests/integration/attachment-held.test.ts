import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepHeldUploads } from "~/modules/attachments/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";

// Without JavaScript, « Vérifier les doublons » is a round trip: the files picked before it are received, cleaned and
// held, listed on the returned form (hidden `held` tokens, « Retirer »), and the final submission attaches them
// without the person picking them again. Plain form posts, as a browser without JavaScript sends them.

let server: TestServer;
const cookies = {} as Record<"practitioner" | "patient", string>;
const sql = () => server.database.db.$client;
const heldDir = () => path.join(path.dirname(server.database.file), "attachments", "held");
const heldFiles = () => (fs.existsSync(heldDir()) ? fs.readdirSync(heldDir()).filter((f) => f.endsWith(".png")) : []);

beforeAll(async () => {
  server = await startTestServer();
  cookies.practitioner = await signInCookie(server.url, "medecin@demo.sentinelle.fr");
  cookies.patient = await signInCookie(server.url, "patient@demo.sentinelle.fr");
}, 60_000);
afterAll(() => server.close());

const image = (color: string) => sharp({ create: { width: 60, height: 40, channels: 3, background: color } }).png().toBuffer();
const DRAFT = { title: "Capture de l'erreur à l'ouverture", body: "Le logiciel affiche une erreur à chaque ouverture du dossier, voir les captures." };

async function post(who: keyof typeof cookies, fields: [string, string][], files: File[] = [], query = "") {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const file of files) form.append("files", file);
  if (files.length === 0) form.append("files", new File([], "", { type: "application/octet-stream" }));
  return fetch(`${server.url}/signalements/nouveau${query}`, { method: "POST", headers: { Cookie: cookies[who], Accept: "text/html" }, body: form, redirect: "manual" });
}
const tokensIn = (html: string) => [...html.matchAll(/name="held" value="(\d+-[0-9a-f]{32})"/g)].map((m) => m[1]);
const attachmentsOf = (irritantId: number) => sql().prepare("select status from attachments where owner_kind = 'irritant' and owner_id = ?").pluck().all(irritantId) as string[];

describe("files picked before « Vérifier les doublons »", () => {
  it("are held by the check, listed, and attached by the final submission without being picked again", async () => {
    const check = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body]], [
      new File([new Uint8Array(await image("#3366aa"))], "erreur.png", { type: "image/png" }),
      new File([new Uint8Array(await image("#aa3366"))], "detail.png", { type: "image/png" }),
    ]);
    expect(check.status).toBe(200);
    const html = (await check.text()).replace(/<!-- -->/g, "");
    const tokens = tokensIn(html);
    expect(tokens).toHaveLength(2);
    expect(html).toContain("2 fichiers déjà reçus, joints à l&#x27;envoi");
    expect(html).toContain("erreur.png");
    expect(html).toContain("Retirer<span class=\"sr-only\"> detail.png</span>");
    expect(heldFiles()).toHaveLength(2);

    // The final submission: no file picked again, the held tokens posted back by the form.
    const filed = await post("practitioner", [["intent", "file"], ["title", DRAFT.title], ["body", DRAFT.body], ...tokens.map((t): [string, string] => ["held", t])]);
    expect(filed.status).toBe(302);
    const id = Number(/\/signalements\/(\d+)\?envoye=1/.exec(filed.headers.get("location") ?? "")?.[1]);
    expect(attachmentsOf(id)).toEqual(["analysing", "analysing"]);
    // Used: nothing left held.
    expect(heldFiles()).toHaveLength(0);
  });

  it("adds files picked after the check to the held ones, and « Retirer » drops one", async () => {
    const first = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body]], [new File([new Uint8Array(await image("#118811"))], "un.png", { type: "image/png" })]);
    const [one] = tokensIn(await first.text());
    const second = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body], ["held", one]], [new File([new Uint8Array(await image("#881111"))], "deux.png", { type: "image/png" })]);
    const both = tokensIn(await second.text());
    expect(both).toHaveLength(2);
    expect(both[0]).toBe(one);
    // « Retirer » under « un.png »: the check again, that token in the button's address.
    const dropped = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body], ...both.map((t): [string, string] => ["held", t])], [], `?retirer=${one}`);
    expect(dropped.status).toBe(200);
    const html = await dropped.text();
    expect(tokensIn(html)).toEqual([both[1]]);
    expect(html).not.toContain("un.png");
    expect(heldFiles()).toEqual([`${both[1]}.png`]);
    const filed = await post("practitioner", [["intent", "file"], ["title", DRAFT.title], ["body", DRAFT.body], ["held", both[1]]]);
    expect(filed.status).toBe(302);
    expect(heldFiles()).toHaveLength(0);
  });

  it("keeps them listed when the final submission is refused, refuses a bad file at the check, and ignores another person's token", async () => {
    const check = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body]], [new File([new Uint8Array(await image("#333333"))], "gris.png", { type: "image/png" })]);
    const [token] = tokensIn(await check.text());
    // Title missing: 422, the held file still listed (and still on disk).
    const refused = await post("practitioner", [["intent", "file"], ["title", ""], ["body", DRAFT.body], ["held", token]]);
    expect(refused.status).toBe(422);
    expect(tokensIn(await refused.text())).toEqual([token]);
    // A file that is not an image is refused at the check, in French, and nothing new is held.
    const bad = await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body], ["held", token]], [new File([new TextEncoder().encode("pas une image")], "faux.png", { type: "image/png" })]);
    expect(bad.status).toBe(415);
    const badHtml = await bad.text();
    expect(badHtml).toContain("« faux.png » : Ce fichier n&#x27;est ni une image");
    expect(tokensIn(badHtml)).toEqual([token]);
    expect(heldFiles()).toHaveLength(1);
    // The patient cannot use the practitioner's token: the irritant is filed without it, the file stays theirs.
    const other = await post("patient", [["intent", "file"], ["subject", "mon-espace-sante"], ["title", "Document illisible"], ["body", "Le document ne s'ouvre pas."], ["held", token]]);
    expect(other.status).toBe(302);
    const id = Number(/\/signalements\/(\d+)/.exec(other.headers.get("location") ?? "")?.[1]);
    expect(attachmentsOf(id)).toEqual([]);
    expect(heldFiles()).toEqual([`${token}.png`]);
  });

  it("leaves nothing behind when the filing is abandoned: held files go after a day", async () => {
    await post("practitioner", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body]], [new File([new Uint8Array(await image("#777777"))], "oublie.png", { type: "image/png" })]);
    expect(heldFiles().length).toBeGreaterThan(0);
    expect(sweepHeldUploads(Date.now())).toBe(0);
    expect(sweepHeldUploads(Date.now() + 25 * 3_600_000)).toBeGreaterThan(0);
    expect(fs.readdirSync(heldDir())).toEqual([]);
  });
  it("go with the account when its owner deletes it, without waiting for the day's sweep", async () => {
    const check = await post("patient", [["intent", "check"], ["title", DRAFT.title], ["body", DRAFT.body]], [
      new File([new Uint8Array(await image("#33aa66"))], "ecran.png", { type: "image/png" }),
    ]);
    expect(tokensIn(await check.text())).toHaveLength(1);
    const patientId = sql().prepare("select id from users where email = 'patient@demo.sentinelle.fr'").pluck().get() as number;
    const own = () => heldFiles().filter((f) => f.startsWith(`${patientId}-`));
    expect(own()).toHaveLength(1);
    const deletion = await fetch(`${server.url}/compte/securite`, {
      method: "POST",
      headers: { Cookie: cookies.patient, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "delete-account", confirmation: "sentinelle-demo" }),
      redirect: "manual",
    });
    expect(deletion.status).toBe(302);
    expect(own()).toHaveLength(0);
  });
});
