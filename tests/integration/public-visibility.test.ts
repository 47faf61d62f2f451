import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challenges, irritants, workstreams } from "#db/schema";
import { createUser, type SessionUser } from "~/modules/accounts/index.server";
import { getAction, saveAction } from "~/modules/action-plan/index.server";
import {
  countFromRows,
  fileIrritant,
  findSimilar,
  getIrritant,
  isPubliclyVisible,
  listIrritants,
  mergedInto,
  publiclyVisible,
  readCounters,
  updateIrritant,
} from "~/modules/irritants/index.server";
import {
  changesThisMonth,
  headlineFigures,
  openDataRows,
  recentlyResolved,
  themeCounts,
  themePage,
} from "~/modules/progress/index.server";
import { createTestDatabase } from "../support/database";

const database = createTestDatabase();
afterAll(() => database.close());

let team: SessionUser;
const ids = { visible: 0, unpublished: 0, hidden: 0, merged: 0 };

// Four resolved irritants about the same theme, told in the same words: only the first may be seen by the public.
beforeAll(async () => {
  const pro = await createUser({ email: "pro@test.fr", password: "mot de passe solide", displayName: "Pro", role: "practitioner", profession: "medecin" });
  team = await createUser({ email: "equipe@test.fr", password: "mot de passe solide", displayName: "Équipe", role: "team" });
  const file = (label: string) => fileIrritant(pro, { title: `Messagerie sécurisée lente (${label})`, body: "La messagerie sécurisée met des minutes à ouvrir les pièces jointes.", themes: ["mssante"] }).id;
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) ids[key] = file(key);
  for (const id of [ids.visible, ids.hidden, ids.merged]) updateIrritant(team, id, { published: true });
  for (const id of Object.values(ids)) {
    updateIrritant(team, id, { status: "triaged" });
    updateIrritant(team, id, { status: "resolved" });
  }
  updateIrritant(team, ids.hidden, { hidden: { reason: "Propos hors sujet" } });
  updateIrritant(team, ids.merged, { mergeInto: ids.visible });
});

const hiddenFromPublic = () => [ids.unpublished, ids.hidden, ids.merged];

describe("publicly visible irritants", () => {
  it("are the published ones, neither hidden nor merged, in SQL and on a row alike", () => {
    const bySql = database.db.select({ id: irritants.id }).from(irritants).where(publiclyVisible()).all().map((r) => r.id);
    expect(bySql).toEqual([ids.visible]);
    const rows = database.db.select().from(irritants).all();
    expect(rows.filter(isPubliclyVisible).map((r) => r.id)).toEqual([ids.visible]);
  });

  it("are the only ones the public lists, finds, opens and counts", () => {
    expect(listIrritants(null).items.map((i) => i.id)).toEqual([ids.visible]);
    expect(listIrritants(null, { q: "messagerie" }).items.map((i) => i.id)).toEqual([ids.visible]);
    expect(findSimilar(null, "La messagerie sécurisée est lente à ouvrir les pièces jointes").map((i) => i.id)).toEqual([ids.visible]);
    for (const id of hiddenFromPublic()) expect(() => getIrritant(null, id), `n°${id}`).toThrowError(expect.objectContaining({ status: 404 }));

    expect(themePage("mssante").top.map((i) => i.id)).toEqual([ids.visible]);
    expect(themeCounts().find((t) => t.slug === "mssante")).toMatchObject({ published: 1, lastMonth: 1 });
    expect(recentlyResolved().map((i) => i.id)).toEqual([ids.visible]);
    expect(readCounters()).toMatchObject({ "irritants.received": 4, "irritants.published": 1, "irritants.resolved": 1, "irritants.received.vendors": 0 });
    expect(countFromRows()).toEqual(readCounters());
    expect(headlineFigures().irritants).toMatchObject({ received: 4, published: 1, resolved: 1 });
    expect(changesThisMonth()).toMatchObject({ published: 1, resolved: 1 });
    const openData = openDataRows().filter((r) => r.dimension1 === "mssante");
    expect(openData.map((r) => [r.dimension2, r.value])).toEqual([["resolved", 1]]);
  });

  it("differ on purpose where a merged duplicate leads to the irritant it joined", () => {
    // Its page redirects to the survivor, for the public too; hidden or unpublished irritants lead nowhere.
    expect(mergedInto(null, ids.merged)).toBe(ids.visible);
    const workstreamId = database.db.insert(workstreams).values({ title: "Messageries" }).returning().get().id;
    const challengeId = database.db.insert(challenges).values({ workstreamId, title: "Des messageries rapides" }).returning().get().id;
    const irritantIds = Object.values(ids);
    const actionId = saveAction(team, null, { challengeId, title: "Accélérer la messagerie", description: "", leadKind: "pouvoirs-publics", deadlineLabel: "Juin 2027", status: "en-cours", steps: [], themes: ["mssante"], irritantIds });
    // An action keeps the duplicates it was linked to (merging does not move the links): the public follows them to
    // the survivor. It never shows a hidden or unpublished irritant.
    expect(getAction(null, actionId).irritants.map((i) => i.id).sort()).toEqual([ids.visible, ids.merged].sort());
    expect(getAction(team, actionId).irritants).toHaveLength(4);
  });
});
