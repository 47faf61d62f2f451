import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments } from "#db/schema";
import { resetEnvForTests } from "~/lib/env.server";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { attachFile, removeAttachment, removeAttachmentsUploadedBy } from "~/modules/attachments/index.server";
import { fileIrritant } from "~/modules/irritants/index.server";
import { deleteAccount } from "~/modules/privacy/index.server";
import { createTestDatabase } from "../support/database";

// Files are deleted once the rows' deletion has committed, never inside the transaction: a rollback keeps rows and
// files together, and a file already gone does not stop the removal.

let database: ReturnType<typeof createTestDatabase>;
let team: SessionUser;
const dir = () => path.join(path.dirname(database.file), "attachments");
const stored = (sha256: string) => path.join(dir(), `${sha256}.png`);

beforeAll(async () => {
  database = createTestDatabase();
  resetEnvForTests();
  team = await createUser({ email: "equipe.fichiers@exemple.fr", password: "mot-de-passe-solide-2024", displayName: "Équipe Fichiers", role: "team" });
});
afterAll(() => database.close());

let people = 0;
/** A person, their irritant and one attachment as the worker leaves it (masked file stored under its hash). */
async function attached(sha256: string) {
  people += 1;
  const author = await createUser({ email: `auteur.fichiers${people}@exemple.fr`, password: "mot-de-passe-solide-2024", displayName: `Auteur ${people}`, role: "practitioner", profession: "medecin" });
  const irritant = fileIrritant(author, { title: "Capture d'écran du logiciel", body: "Le logiciel affiche une erreur à l'ouverture du dossier." });
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#88aacc" } }).png().toBuffer();
  const { id } = await attachFile(author, { kind: "irritant", id: irritant.id }, png);
  fs.writeFileSync(stored(sha256), png);
  fs.writeFileSync(path.join(dir(), `${sha256}.thumb.webp`), png);
  database.db.update(attachments).set({ status: "pending_review", sha256 }).where(eq(attachments.id, id)).run();
  return { author, id, pending: path.join(dir(), "pending", `${id}.png`) };
}
const rowExists = (id: number) => !!database.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.id, id)).get();

describe("attached files are deleted after the commit", () => {
  it("keeps the files when the transaction that removed the rows rolls back", async () => {
    const { author, id, pending } = await attached("a".repeat(64));
    expect(fs.existsSync(pending)).toBe(true);
    expect(() =>
      database.db.transaction((tx) => {
        removeAttachmentsUploadedBy(tx, author.id, "account_deleted");
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(rowExists(id)).toBe(true);
    expect(fs.existsSync(stored("a".repeat(64)))).toBe(true);
    expect(fs.existsSync(pending)).toBe(true);
  });

  it("deletes them once the account deletion has committed", async () => {
    const { author, id, pending } = await attached("b".repeat(64));
    await deleteAccount(author, "mot-de-passe-solide-2024");
    expect(rowExists(id)).toBe(false);
    expect(fs.existsSync(stored("b".repeat(64)))).toBe(false);
    expect(fs.existsSync(path.join(dir(), `${"b".repeat(64)}.thumb.webp`))).toBe(false);
    expect(fs.existsSync(pending)).toBe(false);
  });

  it("removes an attachment whose file is already missing", async () => {
    const { id } = await attached("c".repeat(64));
    fs.rmSync(stored("c".repeat(64)));
    expect(() => removeAttachment(team, id)).not.toThrow();
    expect(rowExists(id)).toBe(false);
    expect(fs.existsSync(path.join(dir(), `${"c".repeat(64)}.thumb.webp`))).toBe(false);
  });
});
