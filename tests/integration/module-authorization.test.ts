import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, settings, users } from "#db/schema";
import { eq } from "drizzle-orm";
import { HttpError } from "~/lib/errors";
import { type SessionUser, createUser, setAccountDisabled } from "~/modules/accounts/index.server";
import {
  addNote,
  applyImport,
  createChallenge,
  createWorkstream,
  moveAction,
  saveAction,
  setActionStatus,
} from "~/modules/action-plan/index.server";
import { createIndicator, importIndicatorValues } from "~/modules/indicators/index.server";
import { applyBacklogImport, bulkUpdateIrritants, createTheme, fileOnBehalf, previewBacklogImport, updateIrritant, updateTheme } from "~/modules/irritants/index.server";
import { addResource, removeResource, saveUpdate, setUpdatePublished } from "~/modules/progress/index.server";

import {
  addVerbatim,
  createSeminar,
  removeRegistration,
  restituteAsAction,
  saveFeedback,
  updateSeminar,
} from "~/modules/seminars/index.server";
import { getSettings, updateSettings } from "~/modules/settings/index.server";
import { createCampaign, saveQuestionnaireVersion, setCampaignStatus } from "~/modules/surveys/index.server";
import { createVendor, saveProduct } from "~/modules/vendors/index.server";
import { closeTicket, openTicketByTeam, reassignTicket } from "~/modules/tickets/index.server";
import { createTestDatabase } from "../support/database";

/**
 * Defence in depth: privileged module commands check their actor themselves, so a route whose guard is weakened
 * (or a new caller that forgets one) still cannot write. Each command is called directly by accounts that may not
 * use it; the check comes first, so the other arguments do not matter.
 */
const database = createTestDatabase();
afterAll(() => database.close());

let practitioner: SessionUser;
let vendor: SessionUser;
let team: SessionUser;
beforeAll(async () => {
  const mk = (email: string, role: SessionUser["role"]) => createUser({ email, password: "mot de passe solide", displayName: email, role, profession: role === "practitioner" ? "medecin" : null });
  practitioner = await mk("pro@test.fr", "practitioner");
  vendor = await mk("editeur@test.fr", "vendor");
  team = await mk("equipe@test.fr", "team");
});

const changes = () => (database.db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
const any = undefined as never;

const COMMANDS: Record<string, (actor: SessionUser) => unknown> = {
  updateSettings: (a) => updateSettings(a, { slaFirstResponseDays: 1 }),
  "updateSettings (progress headlines)": (a) => updateSettings(a, { progressHeadlines: ["irritants"] }),
  setAccountDisabled: (a) => setAccountDisabled(a, team.id, true),
  saveAction: (a) => saveAction(a, null, any),
  setActionStatus: (a) => setActionStatus(a, 1, "fait", ""),
  addNote: (a) => addNote(a, 1, "note"),
  moveAction: (a) => moveAction(a, 1, "up"),
  createWorkstream: (a) => createWorkstream(a, "Chantier"),
  createChallenge: (a) => createChallenge(a, any),
  applyImport: (a) => applyImport(a, []),
  createIndicator: (a) => createIndicator(a, any),
  importIndicatorValues: (a) => importIndicatorValues(a, "x", []),
  createTheme: (a) => createTheme(a, { slug: "nouveau", label: "Nouveau", keywords: [] }),
  updateTheme: (a) => updateTheme(a, "x", { label: "x", keywords: [], retired: false }),
  updateIrritant: (a) => updateIrritant(a, 1, { published: true }),
  bulkUpdateIrritants: (a) => bulkUpdateIrritants(a, [1], { published: true }),
  addResource: (a) => addResource(a, any),
  removeResource: (a) => removeResource(a, 1),
  saveUpdate: (a) => saveUpdate(a, null, any),
  setUpdatePublished: (a) => setUpdatePublished(a, 1, true),
  createSeminar: (a) => createSeminar(a, any),
  updateSeminar: (a) => updateSeminar(a, 1, any),
  removeRegistration: (a) => removeRegistration(a, 1, 1),
  addVerbatim: (a) => addVerbatim(a, 1, { text: "x" }),
  saveFeedback: (a) => saveFeedback(a, 1, { positives: [], improvements: [] }),
  restituteAsAction: (a) => restituteAsAction(a, 1, any),
  saveQuestionnaireVersion: (a) => saveQuestionnaireVersion(a, any),
  createCampaign: (a) => createCampaign(a, any),
  setCampaignStatus: (a) => setCampaignStatus(a, "x", "open"),
  createVendor: (a) => createVendor(a, { name: "Éditeur", isSons: false }),
  saveProduct: (a) => saveProduct(a, null, any),
  openTicketByTeam: (a) => openTicketByTeam(a, 1, 1),
  reassignTicket: (a) => reassignTicket(a, 1, 1, "raison"),
  closeTicket: (a) => closeTicket(a, 1),
  // Issue 20: the team files on a practitioner's behalf and imports a backlog.
  fileOnBehalf: (a) => fileOnBehalf(a, { title: "Recueilli en visite", body: "Un signalement recueilli en visite.", behalfName: "Dr X", collectedVia: "visite" }),
  previewBacklogImport: (a) => previewBacklogImport(a, "Titre;Description;Thèmes;Logiciel;Version;Gravité;Fréquence;Date;Profession\nUn titre;Une description;;;;;;;\n"),
  applyBacklogImport: (a) => applyBacklogImport(a, "Titre;Description;Thèmes;Logiciel;Version;Gravité;Fréquence;Date;Profession\nUn titre;Une description;;;;;;;\n"),
};

describe("module commands check their actor", () => {
  it("refuses every privileged command to a practitioner and to a vendor, with a 403 and nothing written", () => {
    const problems: string[] = [];
    for (const [name, command] of Object.entries(COMMANDS)) {
      for (const actor of [practitioner, vendor]) {
        const before = changes();
        let status: number | string = "no error";
        try {
          command(actor);
        } catch (error) {
          status = error instanceof HttpError ? error.status : String(error);
        }
        if (status !== 403) problems.push(`${name} as ${actor.role}: expected 403, got ${status}`);
        if (changes() !== before) problems.push(`${name} as ${actor.role}: wrote ${changes() - before} row(s)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("updateSettings as a practitioner throws and writes nothing; as the team it saves", () => {
    const before = getSettings().slaFirstResponseDays;
    expect(() => updateSettings(practitioner, { slaFirstResponseDays: before + 1 })).toThrow(expect.objectContaining({ status: 403 }));
    expect(getSettings().slaFirstResponseDays).toBe(before);
    expect(database.db.select().from(settings).all()).toEqual([]);
    expect(database.db.select().from(events).where(eq(events.type, "settings.updated")).all()).toEqual([]);
    updateSettings(team, { slaFirstResponseDays: before + 1 });
    expect(getSettings().slaFirstResponseDays).toBe(before + 1);
  });

  it("setAccountDisabled is the administrators' only", () => {
    expect(() => setAccountDisabled(team, practitioner.id, true)).toThrow(expect.objectContaining({ status: 403 }));
    expect(database.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, practitioner.id)).get()!.disabledAt).toBeNull();
  });
});
