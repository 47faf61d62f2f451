import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, irritants } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { eraseBehalfName, fileOnBehalf, getIrritant, listIrritants, updateIrritant } from "~/modules/irritants/index.server";
import { deliverPendingEvents } from "~/modules/notifications/index.server";
import { applyRetention, exportPersonalData } from "~/modules/privacy/index.server";
import { openDataRows } from "~/modules/progress/index.server";
import { HttpError } from "~/lib/errors";
import { createTestDatabase } from "../support/database";

/**
 * Issue 20: `behalf_name`, the name of a practitioner without an account given when the team files on their behalf,
 * is personal data. It is erased on request and by retention, and no public read, export, event or e-mail carries it.
 */
const database = createTestDatabase();
afterAll(() => database.close());

const NAME = "Dr Jeanne Nomsanscompte";
let team: SessionUser;
let practitioner: SessionUser;

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
  throw new Error("The command was not refused.");
}

const collect = (title: string, name = NAME) =>
  fileOnBehalf(team, { title, body: "Au cabinet, la carte CPS n'est pas reconnue à chaque connexion au logiciel.", behalfName: name, collectedVia: "visite" }).id;
const behalfNameOf = (id: number) => database.db.select({ name: irritants.behalfName }).from(irritants).where(eq(irritants.id, id)).get()!.name;

beforeAll(async () => {
  team = await createUser({ email: "equipe@test.fr", password: "mot de passe solide", displayName: "Sophie Équipe", role: "team" });
  practitioner = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner", profession: "medecin" });
});

describe("the name of a practitioner without an account", () => {
  it("is carried by no public read, open data, personal-data export, event, notification or e-mail", () => {
    const id = collect("Carte CPS non reconnue au cabinet");
    updateIrritant(team, id, { published: true });
    deliverPendingEvents();
    expect(behalfNameOf(id)).toBe(NAME);
    const reads = {
      publicPage: getIrritant(null, id),
      publicList: listIrritants(null),
      openData: openDataRows(),
      // The team member is the author of record: their export holds their own data, not the practitioner's name.
      teamExport: exportPersonalData(team),
      events: database.db.select().from(events).all(),
      notifications: database.db.all(sql`select * from notifications`),
      emails: database.db.all(sql`select * from outbox_emails`),
    };
    // The public read exposes the column name only through the row the module returns to routes, which list their fields.
    const { behalfName: _kept, ...publicFields } = reads.publicPage;
    for (const [what, value] of Object.entries({ ...reads, publicPage: publicFields })) expect(JSON.stringify(value), what).not.toContain("Nomsanscompte");
  });

  it("is erased by the team on request, with an event naming no one; nothing left to erase is a 409; others are refused", () => {
    const id = collect("Ordonnance numérique refusée au cabinet");
    expect(refusal(() => eraseBehalfName(practitioner, id))).toBe(403);
    eraseBehalfName(team, id);
    expect(behalfNameOf(id)).toBeNull();
    const event = database.db.select().from(events).where(eq(events.type, "irritant.behalf_name_erased")).all().at(-1)!;
    expect(event).toMatchObject({ subjectId: id, actorId: team.id, payload: { reason: "team" } });
    expect(JSON.stringify(event)).not.toContain("Nomsanscompte");
    expect(refusal(() => eraseBehalfName(team, id))).toBe(409);
    expect(refusal(() => eraseBehalfName(team, 999_999))).toBe(404);
  });

  it("is erased by retention once the report is closed, or hidden, for the period; an open report keeps it", () => {
    const open = collect("Messagerie sécurisée indisponible", "Dr Ouvert");
    const closed = collect("DMP inaccessible le matin", "Dr Clos");
    const hidden = collect("Téléservice indisponible", "Dr Masque");
    updateIrritant(team, closed, { status: "resolved" });
    updateIrritant(team, hidden, { hidden: { reason: "Hors sujet" } });
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    for (const id of [open, closed, hidden]) database.db.update(irritants).set({ updatedAt: longAgo }).where(eq(irritants.id, id)).run();
    database.db.update(irritants).set({ hiddenAt: longAgo }).where(eq(irritants.id, hidden)).run();
    const result = applyRetention(365);
    expect(result.behalfNamesErased).toBe(2);
    expect([behalfNameOf(open), behalfNameOf(closed), behalfNameOf(hidden)]).toEqual(["Dr Ouvert", null, null]);
    const erased = database.db.select().from(events).where(eq(events.type, "irritant.behalf_name_erased")).all().filter((e) => (e.payload as { reason: string }).reason === "retention");
    expect(erased.map((e) => e.subjectId).sort()).toEqual([closed, hidden].sort());
  });
});
