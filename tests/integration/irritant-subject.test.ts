import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, runMigrations } from "#db/client";
import { irritants, users } from "#db/schema";
import { fileIrritant, getIrritant, listIrritants } from "~/modules/irritants/index.server";
import { signInCookie } from "../support/http";
import { startTestServer, type TestServer } from "../support/server";
import { demoUser } from "../support/demo";

/**
 * A patient's subject (Mon espace santé, a national service) is the irritant's `subject`, not only the themes it
 * gives: stored at filing, shown on the irritant's page, filtered in the team's queue, given by the API, and set by
 * migration on the patients' reports filed before it.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("a patient's subject", () => {
  it("is stored as the irritant's subject when a patient files, beside the themes it gives", () => {
    const patient = demoUser("patient@demo.sentinelle.fr");
    const { id } = fileIrritant(patient, {
      title: "La messagerie ne montre pas mes messages",
      body: "Les messages de mon médecin n'apparaissent pas dans la messagerie de Mon espace santé.",
      subject: "messagerie-mes",
    });
    const irritant = getIrritant(demoUser("equipe@demo.sentinelle.fr"), id);
    expect(irritant.subject).toBe("messagerie-mes");
    expect(irritant.themes.map((t) => t.slug).sort()).toEqual(["mes-dmp", "mssante"]);
  });

  it("filters the team's queue, and only the irritants about that service", () => {
    const team = demoUser("equipe@demo.sentinelle.fr");
    const { items } = listIrritants(team, { subject: "mon-espace-sante" });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.subject === "mon-espace-sante")).toBe(true);
    const all = listIrritants(team, { limit: 100 }).items;
    expect(all.some((i) => i.subject !== "mon-espace-sante")).toBe(true);
  });

  it("shows on the team's queue filter, the irritant's page and in the API", async () => {
    const id = server.database.db.select({ id: irritants.id }).from(irritants).where(eq(irritants.subject, "mon-espace-sante")).get()!.id;
    const team = await signInCookie(server.url, "equipe@demo.sentinelle.fr");
    const queue = await (await fetch(`${server.url}/equipe/signalements?status=tous&subject=mon-espace-sante`, { headers: { Cookie: team } })).text();
    expect(queue).toContain('name="subject"');
    expect(queue).toContain(`/equipe/signalements/${id}"`);
    expect(queue).not.toContain("Lenteurs du logiciel de cabinet");
    const refused = await fetch(`${server.url}/equipe/signalements?subject=carte-bleue`, { headers: { Cookie: team } });
    expect(refused.status).toBe(422);

    const page = await (await fetch(`${server.url}/signalements/${id}`, { headers: { Cookie: team } })).text();
    expect(page).toMatch(/<dt[^>]*>Service concerné<\/dt><dd>Mon espace santé \(mes documents, mon profil médical\)<\/dd>/);

    const api = await (await fetch(`${server.url}/api/v1/irritants/${id}`, { headers: { Cookie: team } })).json();
    expect(api.subject).toBe("mon-espace-sante");
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(JSON.stringify(openapi.paths["/irritants"].get.parameters)).toContain('"subject"');
  });
});

describe("the migration that adds the subject", () => {
  it("gives a patient's report filed before it the subject its themes came from, and no other report one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sentinelle-subject-"));
    try {
      // The migrations before it, then rows as they were written then, then it.
      const before = path.join(dir, "before");
      fs.cpSync(path.resolve("db/migrations"), before, { recursive: true });
      const journalFile = path.join(before, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
      const mine = journal.entries.find((e) => e.tag.endsWith("_irritant_subject"))!;
      journal.entries = journal.entries.filter((e) => e.idx < mine.idx);
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const db = openDatabase(path.join(dir, "old.db"));
      try {
        runMigrations(db, before);
        const sqlite = db.$client;
        const theme = (slug: string) => (sqlite.prepare("select id from themes where slug = ?").get(slug) as { id: number }).id;
        sqlite.exec(`
          insert into users (id, email, password_hash, display_name, role) values (1, 'p@test.fr', 'x', 'Patient', 'patient'), (2, 'm@test.fr', 'x', 'Médecin', 'practitioner');
          insert into irritants (id, title, body, lane, author_id) values
            (1, 'Messagerie', 'Corps du signalement', 'patient', 1),
            (2, 'Documents', 'Corps du signalement', 'patient', 1),
            (3, 'Retrié', 'Corps du signalement', 'patient', 1),
            (4, 'Professionnel', 'Corps du signalement', 'practitioner', 2);
          insert into irritant_themes (irritant_id, theme_id) values
            (1, ${theme("mssante")}), (1, ${theme("mes-dmp")}),
            (2, ${theme("mes-dmp")}),
            (3, ${theme("mes-dmp")}), (3, ${theme("ins")}),
            (4, ${theme("ins")});
        `);
        runMigrations(db);
        expect(sqlite.prepare("select id, subject from irritants order by id").all()).toEqual([
          { id: 1, subject: "messagerie-mes" },
          { id: 2, subject: "mon-espace-sante" },
          { id: 3, subject: null },
          { id: 4, subject: null },
        ]);
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
