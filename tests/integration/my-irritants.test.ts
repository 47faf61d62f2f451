import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irritants, organisations, products } from "#db/schema";
import { eq } from "drizzle-orm";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { fileIrritant, getIrritant, listIrritantsFiledBy, updateIrritant } from "~/modules/irritants/index.server";
import { openTicketByTeam, replyToTicket } from "~/modules/tickets/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let author: SessionUser;
let other: SessionUser;
let patient: SessionUser;
let team: SessionUser;
let vendor: SessionUser;
let productId: number;

beforeAll(async () => {
  const org = database.db.insert(organisations).values({ slug: "org", name: "Éditeur de test" }).returning().get();
  productId = database.db.insert(products).values({ vendorId: org.id, name: "Logiciel de test", category: "LGC" }).returning().get().id;
  const mk = (email: string, role: SessionUser["role"], organisationId?: number) =>
    createUser({ email, password: "mot de passe solide", displayName: email, role, profession: role === "practitioner" ? "medecin" : undefined, organisationId });
  author = await mk("auteur@test.fr", "practitioner");
  other = await mk("autre@test.fr", "practitioner");
  patient = await mk("patient@test.fr", "patient");
  team = await mk("equipe@test.fr", "team");
  vendor = await mk("editeur@test.fr", "vendor", org.id);
});

const file = (who: SessionUser, title: string) => fileIrritant(who, { title, body: `${title} : description du problème rencontré au cabinet.`, themes: ["ins"] });

describe("« Mes signalements »: listIrritantsFiledBy", () => {
  it("lists the author's own irritants, unpublished included, never another person's", () => {
    const mine = file(author, "Mon premier signalement INS");
    const published = file(author, "Mon signalement publié");
    updateIrritant(team, published.id, { published: true });
    const theirs = file(other, "Le signalement d'un autre");
    updateIrritant(team, theirs.id, { published: true });
    file(patient, "Le signalement d'un patient");

    const page = listIrritantsFiledBy(author.id);
    expect(page.items.map((i) => i.id)).toEqual([published.id, mine.id]);
    expect(page.items.map((i) => i.published)).toEqual([true, false]);
    expect(page.nextCursor).toBeUndefined();
    expect(listIrritantsFiledBy(other.id).items.map((i) => i.id)).toEqual([theirs.id]);

    // The author reaches their unpublished irritant's page; anyone else gets "not found".
    expect(getIrritant(author, mine.id).title).toBe("Mon premier signalement INS");
    expect(() => getIrritant(other, mine.id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("gives each irritant's latest news the author may read: a status change, a vendor's public reply", () => {
    const filed = file(author, "Lenteur à l'ouverture du dossier patient");
    expect(listIrritantsFiledBy(author.id).items[0]).toMatchObject({ id: filed.id, news: { text: "Signalement déposé" } });

    updateIrritant(team, filed.id, { status: "triaged" });
    expect(listIrritantsFiledBy(author.id).items[0].news?.text).toBe("Statut : Nouveau → Qualifié");

    const ticket = openTicketByTeam(team, filed.id, productId);
    replyToTicket(vendor, ticket.id, { body: "Nous reproduisons le problème.", visibility: "internal" });
    // An internal note is not news for the author.
    expect(listIrritantsFiledBy(author.id).items[0].news?.text).not.toContain("éditeur Éditeur de test");
    replyToTicket(vendor, ticket.id, { body: "Correctif prévu dans la prochaine version.", visibility: "public" });
    expect(listIrritantsFiledBy(author.id).items[0].news?.text).toBe("Réponse de l'éditeur Éditeur de test");
  });

  it("leaves out what moderation hid, and pages by keyset (before the last id), never repeating or skipping", () => {
    const hidden = file(author, "Signalement masqué par la modération");
    database.db.update(irritants).set({ hiddenAt: new Date().toISOString() }).where(eq(irritants.id, hidden.id)).run();
    for (let n = 0; n < 5; n++) file(author, `Signalement numéro ${n} pour la pagination`);
    const all = listIrritantsFiledBy(author.id, { limit: 100 }).items.map((i) => i.id);
    expect(all).not.toContain(hidden.id);
    expect(all).toHaveLength(8);

    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    do {
      const page = listIrritantsFiledBy(author.id, { before, limit: 3 });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      before = page.nextCursor;
      pages++;
    } while (before !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});
